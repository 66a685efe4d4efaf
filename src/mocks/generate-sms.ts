import type { EventType, FailureReason } from '../core/index.js';
import { smsDiagnostic } from './diagnostics.js';
import { OPERATORS, fictionalLandline, makeContact, type MockContact } from './names.js';
import type { Random } from './prng.js';
import { DAY, MINUTE, SECOND, Script, historyEntry, sendSchedule, type MockCampaign, type MockMessage, type ShowcaseEntry } from './script.js';

// Twilio-like 64-bit message ids: beyond 2^53, so any code that turns them into numbers loses digits.
const ID_BASE = 7_205_759_403_792_793_600n;
const idOf = (i: number) => (ID_BASE + BigInt(i) * 7_919n).toString();
const SHORT_LINK = 'https://exs.fr/bf26';

type Failure = 'landline' | 'carrier' | 'invalid-recipient' | 'content-block' | 'quota' | 'undetermined' | 'timeout';

/**
 * A failure as Twilio reports it, and as its adapter reads it (src/providers/tables/twilio.ts): `undelivered` when
 * the carrier refused the message (a bounce, after `sent`: hard or soft when its error code says which; a block when
 * it was filtered as spam, error 30007), `failed`
 * when Twilio could not send it at all (no `sent` before it: a full queue, an unknown error, a validity period that
 * ran out while queued, error 30036, which the adapter reads as expired).
 */
const failure = (s: Script, reason: Failure, t: number) =>
  TWILIO_FAILED.has(reason)
    ? s.add(reason === 'timeout' ? 'expired' : 'failed', t, { reason, detail: smsDiagnostic(reason), raw: 'failed' })
    : s.add(BOUNCE_KIND[reason] ?? 'bounced', t, { reason, detail: smsDiagnostic(reason), raw: 'undelivered' });
const TWILIO_FAILED: ReadonlySet<Failure> = new Set(['quota', 'undetermined', 'timeout']);
/**
 * The refusals whose error code says more than "bounced": whether the number can ever receive (30006 and 30005: no;
 * 30003: later), or that the message, not the number, was refused (30007, filtered as spam: blocked).
 */
const BOUNCE_KIND: Partial<Record<Failure, EventType>> = { landline: 'hard-bounced', 'invalid-recipient': 'hard-bounced', carrier: 'soft-bounced', 'content-block': 'blocked' };

/** A Black Friday SMS to 2,000 recipients, 40 min before the anchor, suspended for a few minutes on STOP replies. */
export function generateSms(id: string, random: Random, anchor: number): { campaign: MockCampaign; showcase: ShowcaseEntry[] } {
  const start = anchor - 40 * MINUTE;
  const suspendedAt = start + 150 * SECOND;
  const suspension = 5 * MINUTE;
  const total = 2_000;
  const sendTime = sendSchedule(random, start, 300, 250, suspendedAt, suspension);
  const messages: MockMessage[] = [];
  const showcase: ShowcaseEntry[] = [];
  const show = (display: ShowcaseEntry['display'], note: string, build: (s: Script, t0: number) => void, reason?: FailureReason, phone?: (c: MockContact) => string) => {
    const i = messages.length;
    const contact = makeContact(random, i, 0.8);
    const s = new Script(idOf(i), 'sms', 'twilio', phone?.(contact) ?? contact.phone);
    build(s, sendTime(i));
    messages.push(s.build(id, contact));
    showcase.push({ id: idOf(i), campaignId: id, display, note, ...(reason && { reason }) });
  };
  const queued = (s: Script, t: number) => s.add('queued', t);
  const sent = (s: Script, t: number) => queued(s, t).add('sent', t + SECOND);
  show('delivered', 'delivered to the handset', (s, t) => sent(s, t).add('delivered', t + 6 * SECOND));
  show('read', 'read receipt (RCS)', (s, t) => sent(s, t).add('delivered', t + 5 * SECOND).add('read', t + 3 * MINUTE));
  show('replied', 'the recipient answered', (s, t) => sent(s, t).add('delivered', t + 5 * SECOND).add('replied', t + 7 * MINUTE));
  show('clicked', 'short link clicked', (s, t) => sent(s, t).add('delivered', t + 5 * SECOND).add('clicked', t + 2 * MINUTE, { detail: { url: SHORT_LINK } }));
  show('unsubscribed', 'answered STOP', (s, t) => sent(s, t).add('delivered', t + 5 * SECOND).add('unsubscribed', t + 4 * MINUTE, { raw: 'STOP' }));
  show('hard-bounced', 'landline number', (s, t) => failure(sent(s, t), 'landline', t + 3 * SECOND), 'landline', () => fictionalLandline(42));
  show('soft-bounced', 'handset unreachable', (s, t) => failure(sent(s, t), 'carrier', t + 20 * SECOND), 'carrier');
  show('hard-bounced', 'number not in service', (s, t) => failure(sent(s, t), 'invalid-recipient', t + 4 * SECOND), 'invalid-recipient');
  show('blocked', 'filtered as spam by the carrier', (s, t) => failure(sent(s, t), 'content-block', t + 4 * SECOND), 'content-block');
  show('failed', 'sender queue overflow', (s, t) => failure(queued(s, t), 'quota', t + 2 * SECOND), 'quota');
  show('failed', 'unknown error at Twilio', (s, t) => failure(queued(s, t), 'undetermined', t + 9 * SECOND), 'undetermined');
  // Twilio has no word for an expiry: a message still queued when its validity period ends is `failed` with error
  // 30036, an expired message for the adapter (as Vonage's and Mailjet's receipts say it).
  show('expired', 'validity period over while queued', (s, t) => failure(queued(s, t), 'timeout', t + 20 * MINUTE), 'timeout');
  // An unknown word never hides a known state, so this message has nothing else.
  show('unknown', 'status word Estafette does not know', (s, t) => void s.add('unknown', t + 8 * SECOND));
  show('sent', 'sent; no delivery report yet', (s, t) => void sent(s, t));

  for (let i = messages.length; i < total; i++) {
    const contact = makeContact(random, i, 0.8);
    const outcome = random.weighted({
      delivered: 9_300, landline: 120, carrier: 100, 'invalid-recipient': 80, 'content-block': 50, undetermined: 40, expired: 60, silent: 50, quota: 10,
    });
    const s = new Script(idOf(i), 'sms', 'twilio', outcome === 'landline' ? fictionalLandline(i) : contact.phone);
    const t0 = sendTime(i);
    s.add('queued', t0);
    if (outcome === 'quota') failure(s, 'quota', t0 + SECOND);
    else if (outcome === 'undetermined') failure(s, outcome, t0 + random.between(2, 30) * SECOND);
    else if (outcome === 'expired') failure(s, 'timeout', t0 + random.between(30, 90) * MINUTE);
    else {
      s.add('sent', t0 + SECOND);
      if (outcome === 'delivered') {
        // Most delivery reports come within seconds; some carriers batch them, minutes or hours later.
        const at = random.chance(0.1) ? t0 + random.exponential(20 * MINUTE) : t0 + random.between(3, 25) * SECOND;
        // Twilio dates a delivery with the carrier's RawDlrDoneDate, which has no time zone: read as UTC.
        s.add('delivered', at, { timeBasis: 'assumed-utc' });
        if (random.chance(0.07)) s.add('clicked', at + random.exponential(15 * MINUTE), { detail: { url: SHORT_LINK } });
        if (random.chance(0.01)) s.add('replied', at + random.exponential(20 * MINUTE));
        if (random.chance(0.015)) s.add('unsubscribed', at + random.exponential(10 * MINUTE), { raw: 'STOP' });
      } else if (outcome !== 'silent') {
        failure(s, outcome, t0 + random.between(2, 30) * SECOND);
      }
    }
    messages.push(s.build(id, contact));
  }

  const completedAt = anchor + 20 * MINUTE;
  const history = [
    historyEntry(id, 'created', anchor - 3 * DAY, { detail: OPERATORS[2] }),
    historyEntry(id, 'scheduled', anchor - DAY, { detail: OPERATORS[2] }),
    historyEntry(id, 'started', start),
    historyEntry(id, 'suspended', suspendedAt, { reason: 'high-unsubscribe-rate', detail: '2.4 % STOP replies over the first 500 messages (threshold 2 %)' }),
    historyEntry(id, 'resumed', suspendedAt + suspension, { detail: OPERATORS[0] }),
    historyEntry(id, 'sent', messages[messages.length - 1]!.times[0]! + SECOND),
    historyEntry(id, 'completed', completedAt),
  ];
  return {
    campaign: { info: { id, name: 'SMS Black Friday', channel: 'sms', sentAt: new Date(start).toISOString() }, messages, history, completedAt },
    showcase,
  };
}

