import type { Adapter } from './adapter.js';
import { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context, type Facts } from './emit.js';
import { parseJsonLossless } from './lossless-json.js';
import { ReasonBook, RuleBook } from './rules.js';
import type { EventRule, EventSource, ProviderEvent, ProviderMapping, ReasonTable } from './types.js';

// Sources: awsdocs/amazon-ses-developer-guide event-publishing-retrieving-sns-contents/-examples (research §6).
const EVENTS: EventSource = {
  name: 'Event publishing `eventType` / notifications `notificationType`',
  channel: 'email',
  rules: [
    { raw: 'Send', type: 'queued' },
    { raw: 'Reject', type: 'dropped', reason: 'content-block', note: 'SES rejects only for a virus ("Bad content")' },
    { raw: 'Rendering Failure', type: 'failed', reason: 'template-error' },
    { raw: 'Delivery', type: 'delivered' },
    { raw: 'DeliveryDelay', type: 'deferred', codes: true, smtp: true, note: 'SES retries until `expirationTime`' },
    { raw: 'Bounce', when: 'Permanent/General', type: 'hard-bounced', smtp: true },
    { raw: 'Bounce', when: 'Permanent/NoEmail', type: 'hard-bounced', reason: 'invalid-recipient' },
    { raw: 'Bounce', when: 'Permanent/Suppressed', type: 'dropped', reason: 'suppressed', note: 'global suppression list: not attempted' },
    { raw: 'Bounce', when: 'Permanent/OnAccountSuppressionList', type: 'dropped', reason: 'suppressed', note: 'account suppression list: not attempted' },
    { raw: 'Bounce', when: 'Transient/General', type: 'soft-bounced', smtp: true },
    { raw: 'Bounce', when: 'Transient/MailboxFull', type: 'soft-bounced', reason: 'mailbox-full' },
    { raw: 'Bounce', when: 'Transient/MessageTooLarge', type: 'soft-bounced', reason: 'message-too-large' },
    { raw: 'Bounce', when: 'Transient/ContentRejected', type: 'blocked', reason: 'content-block' },
    { raw: 'Bounce', when: 'Transient/AttachmentRejected', type: 'blocked', reason: 'content-block' },
    { raw: 'Bounce', when: 'Permanent', type: 'hard-bounced', smtp: true, note: 'other permanent sub-types' },
    { raw: 'Bounce', when: 'Transient', type: 'soft-bounced', smtp: true, note: 'other transient sub-types' },
    { raw: 'Bounce', type: 'bounced', smtp: true, note: 'Undetermined' },
    { raw: 'Complaint', when: 'complaintSubType=OnAccountSuppressionList', type: 'dropped', reason: 'suppressed', note: 'SES did not send' },
    // A "not-spam" report corrects an earlier complaint; the model has no retraction, so it changes nothing.
    { raw: 'Complaint', when: 'complaintFeedbackType=not-spam', type: 'unknown', note: 'a correction, not a complaint' },
    { raw: 'Complaint', type: 'complained' },
    { raw: 'Open', type: 'opened' },
    { raw: 'Click', type: 'clicked' },
    { raw: 'Subscription', when: 'opted out', type: 'unsubscribed', note: '`unsubscribeAll` or a topic turned `OptOut`' },
    { raw: 'Subscription', type: 'resubscribed' },
    { raw: 'Received', type: 'unknown', note: 'inbound, not a delivery status' },
  ],
};

// DeliveryDelay `delayType` values: only TransientCommunicationFailure is in the research notes; the others are
// the values of the SES API reference (DeliveryDelay object), listed so that none falls to "undetermined" silently.
const DELAY_TYPES: ReasonTable = {
  field: '`deliveryDelay.delayType`',
  rules: [
    { raw: 'TransientCommunicationFailure', reason: 'timeout' },
    { raw: 'MailboxFull', reason: 'mailbox-full' },
    { raw: 'SpamDetected', reason: 'content-block' },
    { raw: 'IPFailure', reason: 'reputation-block' },
    { raw: 'SendingDeliveryQuotaExceeded', reason: 'quota' },
    { raw: 'BYOIPHostNameLookupUnavailable', reason: 'domain-or-dns' },
    { raw: 'RecipientServerError', reason: 'undetermined' },
    { raw: 'InternalFailure', reason: 'undetermined' },
    { raw: 'General', reason: 'undetermined' },
    { raw: 'Undetermined', reason: 'undetermined' },
  ],
};

const book = new RuleBook(EVENTS);
const delays = new ReasonBook(DELAY_TYPES);

/** Amazon SES's tables: event types under bounce and complaint sub-types. */
export const amazonSesMapping: ProviderMapping = {
  id: 'amazon-ses',
  name: 'Amazon SES',
  accepts:
    'SNS notifications (`Type: "Notification"`, the record in the `Message` string), EventBridge events (`detail`), bare event records (`eventType` or `notificationType`), or arrays of these.',
  sources: [EVENTS],
  statuses: [
    { raw: 'Bounce', status: 'bounced', note: 'without its bounce type' },
    { raw: 'Subscription', status: 'unknown', note: 'an opt-out or an opt-in: the word alone cannot tell' },
  ],
  reasons: [DELAY_TYPES],
  notes: [
    'A record listing several recipients (bounce, complaint, delivery, delay) gives one event per recipient; with more than one, `eventId` gets `#recipient` appended so that they are not taken for duplicates.',
    '`eventId` is the SNS `MessageId` (or EventBridge `id`), else the bounce or complaint `feedbackId`. SNS subscription confirmations give no events: confirm them yourself.',
  ],
};

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
  // Per-message states apply to every destination; who opened or clicked SES does not say unless there is one.
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
      codeReason: delays.get(object.at('delayType').text()),
      smtp: { code: part.status, text: part.diagnostic },
      code: smtpCode({ enhanced: part.status }, part.diagnostic),
      text: diagnostic,
      url: object.at('link').text(),
    };
    return emit(ctx, 'email', rule, facts);
  });
}

/** Unwraps SNS and EventBridge envelopes and arrays down to SES records, with the envelope's id. */
function records(body: Cursor): { item: Cursor; envelopeId?: string | undefined }[] {
  if (body.isArray) return body.items().flatMap(records);
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
  normalize: (body, ctx) => records(body).flatMap(({ item, envelopeId }) => record(item, ctx, envelopeId)),
};
