import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, polledStatus, smtpCode, stampOf, type Context } from './emit.js';
import { ReasonBook, RuleBook } from './rules.js';
import type { ProviderEvent } from './types.js';
import { EVENTS, MESSAGES, SMS, ERRORS, mailjetMapping } from './tables/mailjet.js';

const eventBook = new RuleBook(EVENTS);
const messageBook = new RuleBook(MESSAGES);
const smsBook = new RuleBook(SMS);
const errors = new ReasonBook(ERRORS);

/**
 * The message id of an Event API event: `MessageID`, the id the send API returned and the sender stored; else
 * `mj_message_id`, the same id as text (deprecated, on `sent` only). Never `Message_GUID`: a UUID of Mailjet's
 * that the send response does not give, so an event keyed on it would join no stored message. Without either id
 * the event is invalid: a ProviderPayloadError at `MessageID`.
 */
const eventMessageId = (item: Cursor): string =>
  item.at('MessageID').text() ?? item.at('mj_message_id').text() ?? item.at('MessageID').need('MessageID (or mj_message_id)');

function eventApi(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('event').need('event name');
  const messageId = eventMessageId(item);
  const hardBounce = item.at('hard_bounce').bool();
  const comment = item.at('comment').text();
  const error = item.at('error').text();
  const rule = eventBook.resolve(
    raw,
    `error_related_to=${item.at('error_related_to').text() ?? ''}`,
    hardBounce === undefined ? undefined : `hard_bounce=${hardBounce}`,
  );
  return emit(ctx, 'email', rule, {
    messageId,
    raw,
    stamp: stampOf(ctx, item.at('time')),
    recipient: item.at('email').text(),
    codeRule: errors.get(error),
    smtp: { text: comment },
    code: smtpCode({}, comment),
    // The SMTP server's own words when there are some, else Mailjet's error word.
    text: comment ?? error,
    url: item.at('url').text(),
  });
}

/** The spam-related states (node-mailjet `MessageState`: SenderBlocked, ContentBlocked, PolicyIssue). */
const SPAM_STATES: readonly string[] = ['7', '8', '9'];

// Message API and SMS items give the message's current status, undated (`ArrivedAt`, `SentTS` are the message's
// times, not the status's): dated when polled, see polledStatus.
function messageApi(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('Status').need('Status');
  const messageId = item.at('ID').need('message ID');
  const permanent = item.at('StatePermanent').bool();
  const state = item.at('StateID').text();
  const rule = messageBook.resolve(raw, SPAM_STATES.includes(state!) ? 'StateID=7|8|9' : undefined, permanent === undefined ? undefined : `StatePermanent=${permanent}`);
  return emit(ctx, 'email', rule, { messageId, raw, ...polledStatus(ctx, messageId, rule), codeRule: errors.get(state) });
}

function smsApi(item: Cursor, ctx: Context): ProviderEvent[] {
  const status = item.at('Status').record('a Status object');
  const raw = status.at('Name').text() ?? status.at('Code').need('Status.Name or Status.Code');
  const messageId = item.at('MessageId').need('MessageId');
  const rule = smsBook.resolve(raw);
  return emit(ctx, 'sms', rule, {
    messageId,
    raw,
    ...polledStatus(ctx, messageId, rule),
    recipient: item.at('To').text(),
    code: status.at('Code').text(),
    text: status.at('Description').text(),
  });
}

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Mailjet event, Message API item or SMS item');
  if (item.has('event')) return eventApi(item, ctx);
  const status = item.at('Status');
  if (status.isRecord) return smsApi(item, ctx);
  if (status.present) return messageApi(item, ctx);
  return item.at('event').fail('missing event name (nor a `Status` of a Message API or SMS item)');
}

/**
 * Mailjet adapter: Event API webhooks, Message API and SMS API statuses. An Event API event is keyed on its
 * `MessageID` (or `mj_message_id`); one without it is an invalid item, never keyed on `Message_GUID`.
 *
 * A Message API or SMS item is the message's current status and has no time of its own: it is dated when it was
 * polled (`options.receivedAt`, `timeBasis: 'received'`), so that a later poll (`sent` once Mailjet's retry got
 * through) wins over an earlier one (`softbounced`); its event id, message id and status word, makes polling the
 * same status again a duplicate. Pass the time of the request as `receivedAt`.
 */
export const mailjet: Adapter = {
  mapping: mailjetMapping,
  acceptsForm: false,
  normalize: (body, ctx) => {
    // API responses wrap their items in `Data`.
    const items = body.isRecord && body.at('Data').isArray ? body.at('Data').items() : batch(body);
    return ctx.each(items, (item) => one(item, ctx));
  },
};
