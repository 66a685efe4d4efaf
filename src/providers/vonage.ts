import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, stampOf, type Context, type Stamp } from './emit.js';
import { ReasonBook, RuleBook } from './rules.js';
import { fromCarrierTime, fromIso } from './timestamps.js';
import type { ProviderEvent } from './types.js';
import { RECEIPTS, MESSAGES, ERR_CODES, vonageMapping } from './tables/vonage.js';

const receipts = new RuleBook(RECEIPTS);
const messages = new RuleBook(MESSAGES);
const errCodes = new ReasonBook(ERR_CODES);

function receipt(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('status').need('status');
  const code = item.at('err-code').text();
  const scts = item.at('scts').text();
  const carrier = scts === undefined ? undefined : fromCarrierTime(scts);
  const pushed = item.at('message-timestamp').text();
  // `message-timestamp` is UTC without a zone designator, per Vonage.
  const pushedAt = pushed === undefined ? undefined : fromIso(pushed, true);
  if (pushed !== undefined && pushedAt === undefined) item.at('message-timestamp').fail('unreadable message-timestamp');
  // Vonage's own clock first: `scts` is the carrier's, whose zone carriers do not always honor (the samples
  // show it two hours ahead of `message-timestamp`, a receipt cannot be pushed before the carrier sent it).
  const stamp: Stamp =
    pushedAt !== undefined ? { at: pushedAt } : carrier !== undefined ? { at: carrier, basis: 'assumed-utc' } : stampOf(ctx, item.at('timestamp'));
  return emit(ctx, 'sms', receipts.resolve(raw), {
    messageId: item.at('messageId').need('messageId'),
    raw,
    stamp,
    recipient: item.at('msisdn').text(),
    codeRule: errCodes.get(code),
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
  normalize: (body, ctx) => ctx.each(batch(body), (item) => one(item, ctx)),
};
