import type { EventSource, ProviderMapping, ReasonTable } from '../types.js';

// Sources: awsdocs/amazon-ses-developer-guide event-publishing-retrieving-sns-contents/-examples (research §6).
export const EVENTS: EventSource = {
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
export const DELAY_TYPES: ReasonTable = {
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
    // SES API v2 DeliveryEventType, a message's last delivery event as message insights (and their exports) give it:
    // the same bounces event publishing reports as Bounce with bounceType Permanent, Transient or Undetermined.
    { raw: 'PERMANENT_BOUNCE', status: 'hard-bounced', note: 'message insights: a non-existent mailbox' },
    { raw: 'TRANSIENT_BOUNCE', status: 'soft-bounced', note: 'message insights' },
    { raw: 'UNDETERMINED_BOUNCE', status: 'bounced', note: 'message insights' },
  ],
  reasons: [DELAY_TYPES],
  notes: [
    'A record listing several recipients (bounce, complaint, delivery, delay) gives one event per recipient; with more than one, `eventId` gets `#recipient` appended so that they are not taken for duplicates.',
    'SES does not say who opened, clicked or unsubscribed: on a message to several addresses (`mail.destination`), those events name no recipient. They are the message\'s: `reduceEvents(events, { recipient })` leaves them out (they prove no one\'s delivery) and `aggregate` counts them once for the message, not once per recipient. With one destination, they name it.',
    '`eventId` is the SNS `MessageId` (or EventBridge `id`), else the bounce or complaint `feedbackId`. SNS subscription confirmations give no events: confirm them yourself.',
  ],
};
