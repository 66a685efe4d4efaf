import type { FailureReason } from '../core/index.js';
import { NEWSLETTER_LINKS, emailDiagnostic } from './diagnostics.js';
import { OPERATORS, TYPO_DOMAINS, makeContact, type MockContact } from './names.js';
import type { Random } from './prng.js';
import { DAY, HOUR, MINUTE, SECOND, Script, historyEntry, sendSchedule, type MockCampaign, type MockMessage, type ShowcaseEntry } from './script.js';

/** Engagement after a delivery at `t`: privacy-proxy opens, human opens, clicks, unsubscribes, complaints. */
function engage(script: Script, t: number, random: Random, rates: { proxy: number; open: number; click: number; meanOpen: number }): void {
  const proxy = random.chance(rates.proxy);
  // Brevo words a proxy's open and a repeated open apart from the first; SendGrid says `open` for all three.
  const brevo = script.provider === 'brevo';
  const again = brevo ? { raw: 'opened' } : {};
  // Apple Mail Privacy Protection fetches images shortly after delivery, whether or not anyone reads.
  if (proxy) script.add('opened', t + random.between(30, 300) * SECOND, { automated: true, ...(brevo && { raw: 'unique_proxy_open' }) });
  if (random.chance(0.001)) script.add('complained', t + random.exponential(HOUR), {});
  if (!random.chance(rates.open)) return;
  const opened = t + MINUTE + random.exponential(rates.meanOpen);
  script.add('opened', opened, proxy ? again : {});
  if (random.chance(0.3)) {
    for (let n = random.int(1, 3); n > 0; n--) script.add('opened', opened + random.exponential(6 * HOUR), again);
  }
  if (random.chance(rates.click)) {
    const clicked = opened + random.between(10, 600) * SECOND;
    script.add('clicked', clicked, { detail: { url: random.pick(NEWSLETTER_LINKS) } });
    if (random.chance(0.15)) script.add('clicked', clicked + random.between(20, 900) * SECOND, { detail: { url: random.pick(NEWSLETTER_LINKS) } });
  }
  if (random.chance(0.012)) script.add('unsubscribed', opened + random.between(30, 300) * SECOND);
}

const fail = (script: Script, type: 'soft-bounced' | 'hard-bounced' | 'bounced' | 'blocked' | 'deferred' | 'dropped' | 'expired', t: number, reason: FailureReason, random: Random, async = false) =>
  script.add(type, t, { reason, detail: emailDiagnostic(reason, script.recipient, random), ...(async && { async: true }) });

type Outcome =
  | 'delivered' | 'retried' | 'deferred' | 'soft' | 'hard' | 'bounced' | 'blocked' | 'suppressed' | 'duplicate' | 'template'
  | 'silent' | 'async';

/** The lifecycle of one email handed to the provider at `t0` (after `first`, the acceptance event). */
function lifecycle(script: Script, t0: number, outcome: Outcome, random: Random, anchor: number, meanOpen: number): void {
  const delivered = t0 + random.between(2, 40) * SECOND;
  const rates = { proxy: 0.18, open: 0.38, click: 0.24, meanOpen };
  switch (outcome) {
    case 'delivered':
      script.add('delivered', delivered);
      engage(script, delivered, random, rates);
      return;
    case 'retried': {
      // Greylisting or a slow server: deferred, then delivered on a later attempt (sometimes after the anchor).
      const deferred = t0 + random.between(3, 10) * SECOND;
      fail(script, 'deferred', deferred, random.chance(0.6) ? 'timeout' : 'policy', random);
      const later = deferred + random.between(5, 180) * MINUTE;
      script.add('delivered', later);
      engage(script, later, random, rates);
      return;
    }
    case 'deferred': {
      // Still being retried at the anchor: more deferrals, and most get through in the next hours.
      let t = t0 + random.between(3, 10) * SECOND;
      for (; t < anchor; t += random.between(20, 60) * MINUTE) fail(script, 'deferred', t, 'timeout', random);
      if (random.chance(0.7)) {
        const later = anchor + random.between(10, 180) * MINUTE;
        script.add('delivered', later);
        engage(script, later, random, rates);
      } else {
        for (let n = 0; n < 4; n++, t += HOUR) fail(script, 'deferred', t, 'timeout', random);
      }
      return;
    }
    case 'soft':
      fail(script, 'soft-bounced', t0 + random.between(2, 20) * SECOND, random.chance(0.7) ? 'mailbox-full' : 'timeout', random);
      return;
    case 'hard':
      fail(script, 'hard-bounced', t0 + random.between(1, 10) * SECOND, (TYPO_DOMAINS as readonly string[]).includes(script.recipient.split('@')[1] ?? '') ? 'domain-or-dns' : 'invalid-recipient', random);
      return;
    case 'bounced':
      fail(script, 'bounced', t0 + random.between(1, 30) * SECOND, 'undetermined', random);
      return;
    case 'blocked':
      fail(script, 'blocked', t0 + random.between(1, 10) * SECOND, random.weighted({ 'reputation-block': 4, 'content-block': 3, policy: 3 }), random);
      return;
    case 'async': {
      // Accepted, then bounced back later: the receiving server found out after the fact.
      const at = delivered;
      script.add('delivered', at);
      script.add('hard-bounced', at + random.between(20, 240) * MINUTE, {
        reason: 'invalid-recipient',
        async: true,
        detail: { code: '550 5.1.1', text: `550 5.1.1 <${script.recipient}>: mailbox disabled, not accepting messages` },
      });
      return;
    }
    default:
      return; // 'silent': the provider never reports anything after acceptance
  }
}

/** The day's newsletter: 5,000 recipients, sent 2 h before the anchor with a short pause. */
export function generateNewsletter(id: string, random: Random, anchor: number): { campaign: MockCampaign; showcase: ShowcaseEntry[] } {
  const start = anchor - 2 * HOUR;
  const pauseAt = start + 15 * MINUTE;
  const pause = 5 * MINUTE;
  const total = 5_000;
  const sendTime = sendSchedule(random, start, 500, 400, pauseAt, pause);
  const messages: MockMessage[] = [];
  const showcase: ShowcaseEntry[] = [];
  const idOf = (i: number) => `nl-${String(i + 1).padStart(5, '0')}`;
  const show = (display: ShowcaseEntry['display'], note: string, build: (s: Script, t0: number) => void, recipient?: (c: MockContact) => string, reason?: FailureReason) => {
    const i = messages.length;
    const contact = makeContact(random, i);
    const s = new Script(idOf(i), 'email', 'brevo', recipient?.(contact) ?? contact.email);
    const t0 = sendTime(i);
    build(s, t0);
    messages.push(s.build(id, contact));
    showcase.push({ id: idOf(i), campaignId: id, display, note, ...(reason && { reason }) });
  };
  const sent = (s: Script, t0: number) => s.add('sent', t0);
  const gmail = (c: MockContact) => c.email.replace(/@.*/, '@gmail.com');
  show('delivered', 'delivered, no engagement yet', (s, t) => sent(s, t).add('delivered', t + 4 * SECOND));
  show('opened', 'opened by a person', (s, t) => sent(s, t).add('delivered', t + 3 * SECOND).add('opened', t + 25 * MINUTE));
  show('opened', 'only opened by a privacy proxy (machine open)', (s, t) =>
    sent(s, t).add('delivered', t + 3 * SECOND).add('opened', t + 90 * SECOND, { automated: true, raw: 'unique_proxy_open' }));
  show('clicked', 'opened, then clicked', (s, t) =>
    sent(s, t).add('delivered', t + 3 * SECOND).add('opened', t + 12 * MINUTE).add('clicked', t + 13 * MINUTE, { detail: { url: NEWSLETTER_LINKS[0] } }));
  show('soft-bounced', 'mailbox full', (s, t) => fail(sent(s, t), 'soft-bounced', t + 6 * SECOND, 'mailbox-full', random), gmail, 'mailbox-full');
  show('hard-bounced', 'address does not exist', (s, t) => fail(sent(s, t), 'hard-bounced', t + 2 * SECOND, 'invalid-recipient', random), gmail, 'invalid-recipient');
  show('hard-bounced', 'misspelled domain', (s, t) => fail(sent(s, t), 'hard-bounced', t + 2 * SECOND, 'domain-or-dns', random),
    (c) => c.email.replace(/@.*/, `@${TYPO_DOMAINS[0]}`), 'domain-or-dns');
  show('bounced', 'bounce of unknown permanence', (s, t) => fail(sent(s, t), 'bounced', t + 9 * SECOND, 'undetermined', random), undefined, 'undetermined');
  show('blocked', 'sending IP on a block list', (s, t) => fail(sent(s, t), 'blocked', t + 2 * SECOND, 'reputation-block', random),
    (c) => c.email.replace(/@.*/, '@outlook.com'), 'reputation-block');
  show('blocked', 'content taken for spam', (s, t) => fail(sent(s, t), 'blocked', t + 2 * SECOND, 'content-block', random), gmail, 'content-block');
  show('blocked', 'DMARC policy', (s, t) => fail(sent(s, t), 'blocked', t + 2 * SECOND, 'policy', random), gmail, 'policy');
  show('dropped', 'on the suppression list: never sent', (s, t) => void fail(s, 'dropped', t, 'suppressed', random), undefined, 'suppressed');
  show('deferred', 'receiving server not answering; retries go on', (s, t) => {
    sent(s, t);
    for (let n = 0; n < 3; n++) fail(s, 'deferred', t + 5 * SECOND + n * 30 * MINUTE, 'timeout', random);
  }, undefined, 'timeout');
  show('unsubscribed', 'unsubscribed after opening', (s, t) =>
    sent(s, t).add('delivered', t + 3 * SECOND).add('opened', t + 8 * MINUTE).add('unsubscribed', t + 9 * MINUTE));
  show('complained', 'marked as spam', (s, t) => sent(s, t).add('delivered', t + 3 * SECOND).add('opened', t + 40 * MINUTE).add('complained', t + 41 * MINUTE));
  show('hard-bounced', 'delivered, then bounced back (asynchronous bounce)', (s, t) =>
    sent(s, t).add('delivered', t + 3 * SECOND).add('hard-bounced', t + 30 * MINUTE, {
      reason: 'invalid-recipient', async: true, detail: { code: '550 5.1.1', text: `550 5.1.1 <${s.recipient}>: mailbox disabled, not accepting messages` },
    }), undefined, 'invalid-recipient');
  show('sent', 'handed to the provider; no news since', (s, t) => void sent(s, t));

  for (let i = messages.length; i < total; i++) {
    const contact = makeContact(random, i);
    const outcome = random.weighted<Outcome>({
      delivered: 9_250, retried: 100, deferred: 40, soft: 120, hard: 150, bounced: 30, blocked: 90, suppressed: 60, silent: 40, async: 20,
    });
    const recipient = outcome === 'hard' && random.chance(0.25) ? contact.email.replace(/@.*/, `@${random.pick(TYPO_DOMAINS)}`) : contact.email;
    const s = new Script(idOf(i), 'email', 'brevo', recipient);
    const t0 = sendTime(i);
    if (outcome === 'suppressed') fail(s, 'dropped', t0, 'suppressed', random);
    else {
      s.add('sent', t0);
      lifecycle(s, t0, outcome, random, anchor, 100 * MINUTE);
    }
    messages.push(s.build(id, contact));
  }

  const completedAt = anchor + 90 * MINUTE;
  const history = [
    historyEntry(id, 'created', anchor - 6 * DAY, { detail: OPERATORS[0] }),
    historyEntry(id, 'scheduled', anchor - 2 * DAY, { detail: OPERATORS[0] }),
    historyEntry(id, 'started', start),
    historyEntry(id, 'paused', pauseAt, { detail: OPERATORS[1] }),
    historyEntry(id, 'resumed', pauseAt + pause, { detail: OPERATORS[1] }),
    historyEntry(id, 'sent', messages[messages.length - 1]!.times[0]! + SECOND),
    historyEntry(id, 'completed', completedAt),
  ];
  return {
    campaign: { info: { id, name: 'Newsletter de novembre', channel: 'email', sentAt: new Date(start).toISOString() }, messages, history, completedAt },
    showcase,
  };
}

/** Order confirmations, password resets, invoices: a message every 90 s or so, from a day before the anchor to 6 h after. */
export function generateTransactional(id: string, random: Random, anchor: number): { campaign: MockCampaign; showcase: ShowcaseEntry[] } {
  const messages: MockMessage[] = [];
  const showcase: ShowcaseEntry[] = [];
  let serial = 0;
  const nextId = () => `tx-${String(++serial).padStart(6, '0')}`;
  const show = (display: ShowcaseEntry['display'], note: string, build: (s: Script) => void, reason?: FailureReason) => {
    const contact = makeContact(random, serial, 0.85);
    const s = new Script(nextId(), 'email', 'sendgrid', contact.email);
    build(s);
    messages.push(s.build(id, contact));
    showcase.push({ id: s.messageId, campaignId: id, display, note, ...(reason && { reason }) });
  };
  const a = anchor;
  show('scheduled', 'appointment reminder scheduled for in three days', (s) => void s.add('scheduled', a - HOUR, { provider: 'outbox' }));
  show('queued', 'accepted by the provider, waiting in its queue', (s) => void s.add('queued', a - 3 * MINUTE));
  show('held', 'held back: daily sending quota reached', (s) =>
    void s.add('held', a - 20 * MINUTE, { provider: 'outbox', reason: 'quota', detail: emailDiagnostic('quota', s.recipient, random) }), 'quota');
  show('held', 'held for review: a new sender address', (s) =>
    void s.add('held', a - 30 * MINUTE, { provider: 'outbox', reason: 'moderation', detail: emailDiagnostic('moderation', s.recipient, random) }), 'moderation');
  show('sending', 'being handed to the provider', (s) => void s.add('sending', a - MINUTE, { provider: 'outbox' }));
  show('canceled', 'scheduled, then canceled', (s) => void s.add('scheduled', a - 2 * DAY, { provider: 'outbox' }).add('canceled', a - DAY, { provider: 'outbox' }));
  show('failed', 'template error: never sent', (s) =>
    void s.add('failed', a - 40 * MINUTE, { provider: 'outbox', reason: 'template-error', detail: emailDiagnostic('template-error', s.recipient, random) }), 'template-error');
  show('dropped', 'duplicate of a message sent 2 s earlier', (s) =>
    void s.add('dropped', a - 35 * MINUTE, { reason: 'duplicate', detail: emailDiagnostic('duplicate', s.recipient, random) }), 'duplicate');
  show('soft-bounced', 'invoice attachment too large', (s) =>
    void fail(s.add('queued', a - 50 * MINUTE), 'soft-bounced', a - 50 * MINUTE + 5 * SECOND, 'message-too-large', random), 'message-too-large');
  show('expired', 'retried for a day, then given up', (s) => {
    s.add('queued', a - 30 * HOUR);
    for (let n = 0; n < 4; n++) fail(s, 'deferred', a - 30 * HOUR + 10 * SECOND + n * 7 * HOUR, 'timeout', random);
    s.add('expired', a - 2 * HOUR, { reason: 'timeout', detail: { code: '4.4.7', text: '4.4.7 Delivery time expired: message retried for 28 hours without success' } });
  }, 'timeout');
  show('delivered', 'password reset, delivered', (s) => void s.add('queued', a - 10 * MINUTE).add('delivered', a - 10 * MINUTE + 3 * SECOND));
  show('opened', 'order confirmation, opened', (s) =>
    void s.add('queued', a - 25 * MINUTE).add('delivered', a - 25 * MINUTE + 2 * SECOND).add('opened', a - 20 * MINUTE));

  // The stream: a burst of hard bounces (a bad import) got it suspended 5 h before the anchor, for 30 min.
  const suspendedAt = anchor - 5 * HOUR;
  const resumedAt = suspendedAt + 30 * MINUTE;
  for (let t = anchor - DAY; t < anchor + 6 * HOUR; t += random.exponential(90 * SECOND)) {
    if (t >= suspendedAt && t < resumedAt) t = resumedAt;
    const contact = makeContact(random, serial, 0.85);
    const badImport = t >= suspendedAt - HOUR && t < suspendedAt;
    const outcome = random.weighted<Outcome>({
      delivered: 9_550, retried: 100, soft: 80, hard: badImport ? 900 : 120, blocked: 40, suppressed: 40, duplicate: 30, template: 20,
    });
    const s = new Script(nextId(), 'email', 'sendgrid', contact.email);
    if (outcome === 'template') s.add('failed', t, { provider: 'outbox', reason: 'template-error', detail: emailDiagnostic('template-error', s.recipient, random) });
    else if (outcome === 'suppressed' || outcome === 'duplicate') {
      const reason = outcome === 'suppressed' ? 'suppressed' : 'duplicate';
      s.add('dropped', t, { reason, detail: emailDiagnostic(reason, s.recipient, random) });
    } else if (outcome === 'soft') {
      s.add('queued', t);
      fail(s, 'soft-bounced', t + random.between(2, 20) * SECOND, random.chance(0.5) ? 'mailbox-full' : 'message-too-large', random);
    } else {
      s.add('queued', t);
      lifecycle(s, t, outcome, random, anchor, 30 * MINUTE);
    }
    messages.push(s.build(id, contact));
  }

  const history = [
    historyEntry(id, 'created', anchor - 30 * DAY, { detail: OPERATORS[1] }),
    historyEntry(id, 'started', anchor - 30 * DAY + HOUR),
    historyEntry(id, 'suspended', suspendedAt, { reason: 'high-bounce-rate', detail: '9.2 % bounces over the last hour (threshold 8 %)' }),
    historyEntry(id, 'resumed', resumedAt, { detail: OPERATORS[1] }),
  ];
  return { campaign: { info: { id, name: 'E-mails transactionnels', channel: 'email' }, messages, history, completedAt: undefined }, showcase };
}
