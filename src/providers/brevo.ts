import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context, type Stamp } from './emit.js';
import { RuleBook } from './rules.js';
import { fromLocalTime } from './timestamps.js';
import type { ProviderEvent } from './types.js';
import { EMAIL, SMS, brevoMapping } from './tables/brevo.js';

const emailBook = new RuleBook(EMAIL);
const smsBook = new RuleBook(SMS);

/** Brevo's `date` is a zone-less wall clock (CET/CEST per Brevo; the account zone per others). */
function localDate(item: Cursor, ctx: Context): Stamp | undefined {
  const date = item.at('date');
  const text = date.text();
  if (text === undefined) return undefined;
  const at = fromLocalTime(text, ctx.timeZone);
  return at === undefined ? date.fail(`unreadable date ${JSON.stringify(text.slice(0, 40))}`) : { at, basis: 'assumed-zone' };
}

function email(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('event').need('event name');
  const reason = item.at('reason').text();
  const stamp = stampOf(ctx, item.at('ts_epoch'), item.at('ts_event'), item.at('ts'));
  return emit(ctx, 'email', emailBook.resolve(raw), {
    messageId: item.at('message-id').need('message-id'),
    raw,
    stamp: stamp.basis === 'received' ? (localDate(item, ctx) ?? stamp) : stamp,
    recipient: item.at('email').text(),
    smtp: { text: reason },
    code: smtpCode({}, reason),
    text: reason,
    url: item.at('link').text(),
  });
}

function sms(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('msg_status').need('msg_status');
  const stamp = stampOf(ctx, item.at('ts_event'), item.at('ts'));
  return emit(ctx, 'sms', smsBook.resolve(raw), {
    messageId: item.at('messageId').need('messageId'),
    raw,
    stamp: stamp.basis === 'received' ? (localDate(item, ctx) ?? stamp) : stamp,
    recipient: item.at('to').text(),
    text: item.at('reason').text() ?? item.at('description').text(),
  });
}

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Brevo webhook object');
  if (item.has('msg_status')) return sms(item, ctx);
  return email(item, ctx);
}

/** Brevo adapter: transactional email and SMS webhooks. */
export const brevo: Adapter = {
  mapping: brevoMapping,
  acceptsForm: false,
  normalize: (body, ctx) => ctx.each(batch(body), (item) => one(item, ctx)),
};
