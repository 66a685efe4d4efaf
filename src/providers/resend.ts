import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, polledStatus, smtpCode, stampOf, type Context } from './emit.js';
import { RuleBook } from './rules.js';
import type { ProviderEvent } from './types.js';
import { WEBHOOK, LAST_EVENT, resendMapping } from './tables/resend.js';

const webhook = new RuleBook(WEBHOOK);
const lastEvent = new RuleBook(LAST_EVENT);

/** The one recipient, when the message had one (Resend reports per email, not per recipient). */
const soleRecipient = (to: Cursor): string | undefined => {
  if (!to.isArray) return to.text();
  const items = to.items();
  return items.length === 1 ? items[0]?.text() : undefined;
};

function event(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('type').need('type');
  if (/^(?:contact|domain)\./i.test(raw)) return [];
  const data = item.at('data').record('the `data` object');
  const bounce = data.at('bounce');
  const suppressed = data.at('suppressed');
  const text = bounce.at('message').text() ?? data.at('failed').at('reason').text() ?? suppressed.at('message').text();
  const rule = webhook.resolve(raw, `subType=${bounce.at('subType').text() ?? ''}`, `type=${bounce.at('type').text() ?? ''}`);
  return emit(ctx, 'email', rule, {
    messageId: data.at('email_id').need('email_id'),
    raw,
    stamp: stampOf(ctx, item.at('created_at')),
    recipient: soleRecipient(data.at('to')),
    smtp: { text },
    code: suppressed.at('type').text() ?? smtpCode({}, text),
    text,
    url: data.at('click').at('link').text(),
  });
}

// `last_event` is the email's current status, undated (`created_at` is the email's): dated when polled, see polledStatus.
function email(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('last_event').need('last_event');
  const messageId = item.at('id').need('id');
  const rule = lastEvent.resolve(raw);
  return emit(ctx, 'email', rule, {
    messageId,
    raw,
    ...polledStatus(ctx, messageId, rule),
    recipient: soleRecipient(item.at('to')),
  });
}

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Resend webhook body');
  if (item.has('last_event')) return email(item, ctx);
  return event(item, ctx);
}

/**
 * Resend adapter: webhooks and Email API `last_event`. A `last_event` is the email's current status and has no time
 * of its own: it is dated when it was polled (`options.receivedAt`, `timeBasis: 'received'`), so that a later poll
 * wins over an earlier one; its event id, email id and word, makes polling the same status again a duplicate.
 */
export const resend: Adapter = {
  mapping: resendMapping,
  acceptsForm: false,
  normalize: (body, ctx) => ctx.each(batch(body), (item) => one(item, ctx)),
};
