import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, stampOf, type Context, type Stamp } from './emit.js';
import { ReasonBook, RuleBook } from './rules.js';
import { fromCarrierTime, fromRfc2822 } from './timestamps.js';
import type { ProviderEvent } from './types.js';
import { STATUSES, ERROR_CODES, twilioMapping } from './tables/twilio.js';

const book = new RuleBook(STATUSES);
const errorCodes = new ReasonBook(ERROR_CODES);

/**
 * `RawDlrDoneDate` when readable (carrier junk falls back instead of failing the callback), read as UTC. A time
 * after the callback's own arrival was the carrier's local clock: a receipt cannot come before what it reports, so
 * the receipt time stands in for it.
 */
const carrierStamp = (field: Cursor, ctx: Context): Stamp | undefined => {
  const text = field.text();
  const at = text === undefined ? undefined : fromCarrierTime(text);
  return at === undefined || Date.parse(at) > Date.parse(ctx.receivedAt()) ? undefined : { at, basis: 'assumed-utc' };
};

function callback(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('MessageStatus').text() ?? item.at('SmsStatus').need('MessageStatus');
  const code = item.at('ErrorCode').text();
  return emit(ctx, 'sms', book.resolve(raw, code && `ErrorCode=${code}`), {
    messageId: item.at('MessageSid').text() ?? item.at('SmsSid').need('MessageSid'),
    raw,
    stamp: carrierStamp(item.at('RawDlrDoneDate'), ctx) ?? stampOf(ctx),
    recipient: item.at('To').text(),
    codeRule: errorCodes.get(code),
    code,
    text: item.at('ErrorMessage').text(),
  });
}

function cloudEvent(item: Cursor, ctx: Context): ProviderEvent[] {
  const data = item.at('data').record('the CloudEvent `data`');
  const raw = data.at('messageStatus').need('messageStatus');
  const code = data.at('errorCode').text();
  return emit(ctx, 'sms', book.resolve(raw, code && `ErrorCode=${code}`), {
    messageId: data.at('messageSid').need('messageSid'),
    raw,
    stamp: stampOf(ctx, data.at('timestamp'), item.at('time')),
    recipient: data.at('to').text(),
    eventId: item.at('id').text(),
    codeRule: errorCodes.get(code),
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
  return emit(ctx, 'sms', book.resolve(raw, code && `ErrorCode=${code}`), {
    messageId: item.at('sid').need('message sid'),
    raw,
    stamp: at === undefined ? stampOf(ctx) : { at },
    recipient: item.at('to').text(),
    codeRule: errorCodes.get(code),
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
  normalize: (body, ctx) => ctx.each(batch(body), (item) => one(item, ctx)),
};
