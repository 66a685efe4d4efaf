import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, stampOf, type Context, type Stamp } from './emit.js';
import { ReasonBook, RuleBook } from './rules.js';
import { fromCarrierTime, fromIso } from './timestamps.js';
import type { EventSource, ProviderEvent, ProviderMapping, ReasonTable } from './types.js';

// Sources: Nexmo/api-specification definitions/sms.yml DeliveryReceipt; Vonage support articles (research §8).
const RECEIPTS: EventSource = {
  name: 'SMS API delivery receipt `status`',
  channel: 'sms',
  rules: [
    { raw: 'accepted', type: 'sent', note: 'the carrier accepted to deliver it' },
    { raw: 'buffered', type: 'sent', note: 'the carrier is still trying' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'expired', type: 'expired', reason: 'timeout', note: 'also sent by Vonage itself after 72 h without a final receipt' },
    { raw: 'failed', type: 'bounced', codes: true, reason: 'carrier' },
    { raw: 'rejected', type: 'blocked', codes: true, reason: 'policy' },
    { raw: 'unknown', type: 'unknown' },
  ],
};

const MESSAGES: EventSource = {
  name: 'Messages API status webhook `status`',
  channel: 'sms',
  rules: [
    { raw: 'submitted', type: 'sent' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'rejected', type: 'blocked', reason: 'policy' },
    { raw: 'undeliverable', type: 'bounced', reason: 'carrier' },
    { raw: 'read', type: 'read' },
  ],
};

// Vonage DLR `err-code` values (developer.vonage.com SMS delivery-receipt error codes; not in the research notes).
const ERR_CODES: ReasonTable = {
  field: '`err-code`',
  rules: [
    { raw: '1', reason: 'undetermined', note: 'unknown' },
    { raw: '2', reason: 'carrier', note: 'absent subscriber, temporary' },
    { raw: '3', reason: 'invalid-recipient', note: 'absent subscriber, permanent' },
    { raw: '4', reason: 'suppressed', note: 'call barred by user' },
    { raw: '5', reason: 'carrier', note: 'portability error' },
    { raw: '6', reason: 'content-block', note: 'anti-spam rejection' },
    { raw: '7', reason: 'carrier', note: 'handset busy' },
    { raw: '8', reason: 'carrier', note: 'network error' },
    { raw: '9', reason: 'invalid-recipient', note: 'illegal number' },
    { raw: '10', reason: 'content-block', note: 'illegal message' },
    { raw: '11', reason: 'carrier', note: 'unroutable' },
    { raw: '12', reason: 'carrier', note: 'destination unreachable' },
    { raw: '13', reason: 'policy', note: 'subscriber age restriction' },
    { raw: '14', reason: 'carrier', note: 'number blocked by carrier' },
    { raw: '15', reason: 'quota', note: 'pre-paid insufficient funds' },
    { raw: '16', reason: 'quota', note: 'gateway quota exceeded' },
    { raw: '50', reason: 'policy', note: 'entity filter' },
    { raw: '51', reason: 'policy', note: 'header filter' },
    { raw: '52', reason: 'content-block', note: 'content filter' },
    { raw: '53', reason: 'policy', note: 'consent filter' },
    { raw: '54', reason: 'policy', note: 'regulation error' },
    { raw: '99', reason: 'undetermined', note: 'general error' },
  ],
};

const receipts = new RuleBook(RECEIPTS);
const messages = new RuleBook(MESSAGES);
const errCodes = new ReasonBook(ERR_CODES);

/** Vonage's tables: delivery-receipt statuses, Messages API statuses, DLR error codes. */
export const vonageMapping: ProviderMapping = {
  id: 'vonage',
  name: 'Vonage (Nexmo)',
  accepts: 'SMS API delivery receipts (JSON, form-encoded text or `URLSearchParams`) and Messages API status webhooks (`message_uuid`).',
  sources: [RECEIPTS, MESSAGES],
  statuses: [],
  reasons: [ERR_CODES],
  notes: [
    'Receipt time: `message-timestamp` (Vonage\'s clock, UTC), else `scts` (carrier time `YYMMDDhhmm`, no zone: read as UTC and marked `timeBasis: "assumed-utc"`), else the signed-webhook `timestamp`.',
    'A long SMS gets one receipt per part.',
  ],
};

function receipt(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('status').need('status');
  const code = item.at('err-code').text();
  const scts = item.at('scts').text();
  const carrier = scts === undefined ? undefined : fromCarrierTime(scts);
  const pushed = item.at('message-timestamp').text();
  // `message-timestamp` is UTC without a zone designator, per Vonage.
  const pushedAt = pushed === undefined ? undefined : fromIso(pushed, true);
  if (pushed !== undefined && pushedAt === undefined) item.at('message-timestamp').fail('unreadable message-timestamp');
  // Vonage's own clock first: `scts` is the carrier's, whose zone carriers do not always honour (the samples
  // show it two hours ahead of `message-timestamp`, a receipt cannot be pushed before the carrier sent it).
  const stamp: Stamp =
    pushedAt !== undefined ? { at: pushedAt } : carrier !== undefined ? { at: carrier, basis: 'assumed-utc' } : stampOf(ctx, item.at('timestamp'));
  return emit(ctx, 'sms', receipts.resolve(raw), {
    messageId: item.at('messageId').need('messageId'),
    raw,
    stamp,
    recipient: item.at('msisdn').text(),
    codeReason: errCodes.get(code),
    code,
  });
}

function messagesApi(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('status').need('status');
  const error = item.at('error');
  const to = item.at('to');
  return emit(ctx, 'sms', messages.resolve(raw), {
    messageId: item.at('message_uuid').need('message_uuid'),
    raw,
    stamp: stampOf(ctx, item.at('timestamp')),
    recipient: to.text() ?? to.at('number').text(),
    code: error.at('title').text(),
    text: error.at('detail').text(),
  });
}

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Vonage delivery receipt');
  return item.has('message_uuid') ? messagesApi(item, ctx) : receipt(item, ctx);
}

/** Vonage adapter: SMS API delivery receipts and Messages API status webhooks. */
export const vonage: Adapter = {
  mapping: vonageMapping,
  acceptsForm: true,
  normalize: (body, ctx) => batch(body).flatMap((item) => one(item, ctx)),
};
