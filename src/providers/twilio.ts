import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, stampOf, type Context, type Stamp } from './emit.js';
import { ReasonBook, RuleBook } from './rules.js';
import { fromCarrierTime, fromRfc2822 } from './timestamps.js';
import type { EventSource, ProviderEvent, ProviderMapping, ReasonTable } from './types.js';

// Sources: twilio-node message.ts MessageStatus; twilio.com messaging status-callback guides (research §7).
const STATUSES: EventSource = {
  name: 'Status callback `MessageStatus` (form) / Event Streams `messageStatus`',
  channel: 'sms',
  rules: [
    { raw: 'scheduled', type: 'scheduled' },
    { raw: 'queued', type: 'queued' },
    { raw: 'accepted', type: 'queued', note: 'accepted by a Messaging Service for sending' },
    { raw: 'sending', type: 'sending' },
    { raw: 'sent', type: 'sent', note: 'the carrier took it; no delivery receipt (yet)' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'undelivered', type: 'bounced', codes: true, reason: 'carrier', note: 'the carrier could not deliver; `ErrorCode` says why' },
    { raw: 'failed', type: 'failed', codes: true, note: 'Twilio could not send it' },
    { raw: 'read', type: 'read' },
    { raw: 'canceled', type: 'canceled' },
    {
      raw: 'partially_delivered',
      type: 'delivered',
      note: 'undocumented (uncertain): some parts reached the handset, so the receiver accepted the message',
    },
    { raw: 'receiving', type: 'unknown', note: 'inbound' },
    { raw: 'received', type: 'unknown', note: 'inbound' },
  ],
};

// Twilio error codes met on undelivered/failed messages (twilio.com/docs/api/errors).
const ERROR_CODES: ReasonTable = {
  field: '`ErrorCode`',
  rules: [
    { raw: '30001', reason: 'quota', note: 'queue overflow' },
    { raw: '30002', reason: 'policy', note: 'account suspended' },
    { raw: '30003', reason: 'carrier', note: 'unreachable destination handset' },
    { raw: '30004', reason: 'suppressed', note: 'message blocked (e.g. the recipient sent STOP)' },
    { raw: '30005', reason: 'invalid-recipient', note: 'unknown destination handset' },
    { raw: '30006', reason: 'landline', note: 'landline or unreachable carrier' },
    { raw: '30007', reason: 'content-block', note: 'filtered by the carrier' },
    { raw: '30008', reason: 'undetermined', note: 'unknown error' },
    { raw: '30010', reason: 'quota', note: 'price exceeds max price' },
    { raw: '21211', reason: 'invalid-recipient', note: 'invalid "To" number' },
    { raw: '21610', reason: 'suppressed', note: 'the recipient unsubscribed' },
    { raw: '21614', reason: 'landline', note: '"To" is not a mobile number' },
  ],
};

const book = new RuleBook(STATUSES);
const errorCodes = new ReasonBook(ERROR_CODES);

/** Twilio's tables: message statuses and error codes. */
export const twilioMapping: ProviderMapping = {
  id: 'twilio',
  name: 'Twilio Programmable Messaging',
  accepts:
    'status callbacks (form-encoded text, `URLSearchParams` or a record of the fields), Event Streams CloudEvents (one or an array) and REST Message resources (`sid`, `status`).',
  sources: [STATUSES],
  statuses: [],
  reasons: [ERROR_CODES],
  notes: [
    'Callbacks have no event time. `RawDlrDoneDate` (carrier time `YYMMDDhhmm`, no zone) is read as UTC and marked `timeBasis: "assumed-utc"`; without it the receipt time stands in (`timeBasis: "received"`): pass `receivedAt`.',
    'No callback is sent for the initial status (`queued`, `accepted`, `scheduled`): take it from the create response with `mapStatus`.',
  ],
};

/** `RawDlrDoneDate` when readable (carrier junk falls back instead of failing the callback). */
const carrierStamp = (field: Cursor): Stamp | undefined => {
  const text = field.text();
  const at = text === undefined ? undefined : fromCarrierTime(text);
  return at === undefined ? undefined : { at, basis: 'assumed-utc' };
};

function callback(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('MessageStatus').text() ?? item.at('SmsStatus').need('MessageStatus');
  const code = item.at('ErrorCode').text();
  return emit(ctx, 'sms', book.resolve(raw), {
    messageId: item.at('MessageSid').text() ?? item.at('SmsSid').need('MessageSid'),
    raw,
    stamp: carrierStamp(item.at('RawDlrDoneDate')) ?? stampOf(ctx),
    recipient: item.at('To').text(),
    codeReason: errorCodes.get(code),
    code,
    text: item.at('ErrorMessage').text(),
  });
}

function cloudEvent(item: Cursor, ctx: Context): ProviderEvent[] {
  const data = item.at('data').record('the CloudEvent `data`');
  const raw = data.at('messageStatus').need('messageStatus');
  const code = data.at('errorCode').text();
  return emit(ctx, 'sms', book.resolve(raw), {
    messageId: data.at('messageSid').need('messageSid'),
    raw,
    stamp: stampOf(ctx, data.at('timestamp'), item.at('time')),
    recipient: data.at('to').text(),
    eventId: item.at('id').text(),
    codeReason: errorCodes.get(code),
    code,
    text: data.at('errorMessage').text(),
  });
}

function resource(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('status').need('status');
  const code = item.at('error_code').text();
  const updated = item.at('date_updated').text();
  const at = updated === undefined ? undefined : fromRfc2822(updated);
  if (updated !== undefined && at === undefined) item.at('date_updated').fail('unreadable date_updated');
  return emit(ctx, 'sms', book.resolve(raw), {
    messageId: item.at('sid').need('message sid'),
    raw,
    stamp: at === undefined ? stampOf(ctx) : { at },
    recipient: item.at('to').text(),
    codeReason: errorCodes.get(code),
    code,
    text: item.at('error_message').text(),
  });
}

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Twilio status callback');
  if (item.has('MessageStatus') || item.has('SmsStatus')) return callback(item, ctx);
  if (item.has('specversion') || item.at('data').has('messageStatus')) return cloudEvent(item, ctx);
  if (item.has('status')) return resource(item, ctx);
  return item.at('MessageStatus').fail('missing MessageStatus');
}

/** Twilio adapter: status callbacks, Event Streams and REST Message resources. */
export const twilio: Adapter = {
  mapping: twilioMapping,
  acceptsForm: true,
  normalize: (body, ctx) => batch(body).flatMap((item) => one(item, ctx)),
};
