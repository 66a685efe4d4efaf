import { flatten, type Adapter } from './adapter.js';
import { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context, type Facts } from './emit.js';
import { parseJsonLossless } from './lossless-json.js';
import { ReasonBook, RuleBook } from './rules.js';
import type { EventRule, ProviderEvent } from './types.js';
import { EVENTS, DELAY_TYPES, amazonSesMapping } from './tables/amazon-ses.js';

const book = new RuleBook(EVENTS);
const delays = new ReasonBook(DELAY_TYPES);

// The object holding each event type's details (and its timestamp).
const OBJECT_OF: ReadonlyMap<string, string> = new Map([
  ['send', 'send'],
  ['reject', 'reject'],
  ['rendering failure', 'failure'],
  ['delivery', 'delivery'],
  ['deliverydelay', 'deliveryDelay'],
  ['bounce', 'bounce'],
  ['complaint', 'complaint'],
  ['open', 'open'],
  ['click', 'click'],
  ['subscription', 'subscription'],
]);

/** Opted out by this change: everything, or some topic that is now `OptOut`. */
const optedOut = (subscription: Cursor): boolean => {
  const next = subscription.at('newTopicPreferences');
  if (next.at('unsubscribeAll').bool() === true) return true;
  const topics = next.at('topicSubscriptionStatus');
  return topics.isArray && topics.items().some((topic) => topic.at('subscriptionStatus').text() === 'OptOut');
};

/** One recipient's part of a record: address, SMTP status, diagnostic. */
interface Part {
  readonly recipient?: string | undefined;
  readonly status?: string | undefined;
  readonly diagnostic?: string | undefined;
}

const partsOf = (list: Cursor, strings: boolean): Part[] | undefined =>
  list.isArray
    ? list.items().map((entry) =>
        strings
          ? { recipient: entry.text() }
          : { recipient: entry.at('emailAddress').text(), status: entry.at('status').text(), diagnostic: entry.at('diagnosticCode').text() },
      )
    : undefined;

function record(item: Cursor, ctx: Context, envelopeId: string | undefined): ProviderEvent[] {
  item.record('an SES event record');
  const raw = item.at('eventType').text() ?? item.at('notificationType').need('eventType');
  const typeKey = raw.toLowerCase();
  if (typeKey === 'amazonsnssubscriptionsucceeded') return []; // set-up notice, not about a message
  const mail = item.at('mail').record('the `mail` object');
  const object = item.at(OBJECT_OF.get(typeKey) ?? raw.charAt(0).toLowerCase() + raw.slice(1));

  let rule: EventRule;
  let parts: Part[] | undefined;
  if (typeKey === 'bounce') {
    const bounceType = object.at('bounceType').text() ?? '';
    rule = book.resolve(raw, `${bounceType}/${object.at('bounceSubType').text() ?? ''}`, bounceType);
    parts = partsOf(object.at('bouncedRecipients'), false);
  } else if (typeKey === 'complaint') {
    rule = book.resolve(
      raw,
      `complaintSubType=${object.at('complaintSubType').text() ?? ''}`,
      `complaintFeedbackType=${object.at('complaintFeedbackType').text() ?? ''}`,
    );
    parts = partsOf(object.at('complainedRecipients'), false);
  } else if (typeKey === 'subscription') {
    rule = book.resolve(raw, optedOut(object) ? 'opted out' : undefined);
  } else {
    rule = book.resolve(raw);
    if (typeKey === 'delivery') parts = partsOf(object.at('recipients'), true);
    if (typeKey === 'deliverydelay') parts = partsOf(object.at('delayedRecipients'), false);
  }
  const destination = partsOf(mail.at('destination'), true);
  // Per-message states apply to every destination. Who opened, clicked or unsubscribed SES does not say: with one
  // destination it is that one; with several, no one is named, and the core keeps such events for the message
  // (counted once, never proof of a given recipient's delivery: see ReduceOptions.recipient).
  parts ??= rule.type === 'opened' || rule.type === 'clicked' || rule.type === 'unsubscribed' || rule.type === 'resubscribed'
    ? [destination?.length === 1 ? destination[0] ?? {} : {}]
    : destination;
  if (parts === undefined || parts.length === 0) parts = [{}];

  const baseId = envelopeId ?? object.at('feedbackId').text();
  const fanned = parts.length > 1;
  const stamp = stampOf(ctx, object.at('timestamp'), mail.at('timestamp'));
  const messageId = mail.at('messageId').need('mail.messageId');
  // Reject gives `reason`, Rendering Failure `errorMessage`; bounces and delays give a diagnostic per recipient.
  const text = object.at('reason').text() ?? object.at('errorMessage').text();
  return parts.flatMap((part) => {
    const diagnostic = part.diagnostic ?? text;
    const facts: Facts = {
      messageId,
      raw,
      stamp,
      recipient: part.recipient,
      eventId: baseId !== undefined && fanned && part.recipient !== undefined ? `${baseId}#${part.recipient}` : baseId,
      codeRule: delays.get(object.at('delayType').text()),
      smtp: { code: part.status, text: part.diagnostic },
      code: smtpCode({ enhanced: part.status }, part.diagnostic),
      text: diagnostic,
      url: object.at('link').text(),
    };
    return emit(ctx, 'email', rule, facts);
  });
}

/** Unwraps an SNS or EventBridge envelope down to SES records, with the envelope's id. */
function records(body: Cursor): { item: Cursor; envelopeId?: string | undefined }[] {
  body.record('an SES notification');
  const snsType = body.at('Type').text();
  if (snsType === 'SubscriptionConfirmation' || snsType === 'UnsubscribeConfirmation') return [];
  if (body.has('Message') && snsType !== undefined) {
    const message = body.at('Message');
    let inner: Cursor = message;
    if (typeof message.value === 'string') {
      try {
        inner = new Cursor(body.provider, parseJsonLossless(message.value), message.path);
      } catch {
        message.fail('the SNS Message is not a JSON event record');
      }
    }
    return [{ item: inner, envelopeId: body.at('MessageId').text() }];
  }
  if (body.has('detail') && body.has('detail-type')) return [{ item: body.at('detail'), envelopeId: body.at('id').text() }];
  if (body.has('eventType') || body.has('notificationType')) return [{ item: body }];
  return body.at('eventType').fail('not an SES record (no eventType or notificationType) nor an SNS notification (no Message)');
}

/** Amazon SES adapter: event publishing and notifications, through SNS or EventBridge. */
export const amazonSes: Adapter = {
  mapping: amazonSesMapping,
  acceptsForm: false,
  normalize: (body, ctx) => ctx.each(flatten(body, records), ({ item, envelopeId }) => record(item, ctx, envelopeId)),
};
