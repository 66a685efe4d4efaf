import type { EventSource, ProviderMapping } from '../types.js';

// Sources: resend/resend-node webhook-event.interface.ts, get-email-options.interface.ts (research §10).
export const WEBHOOK: EventSource = {
  name: 'Webhook `type`',
  channel: 'email',
  rules: [
    { raw: 'email.scheduled', type: 'scheduled' },
    // "The API request was successful; Resend will attempt delivery": accepted, not yet handed over.
    { raw: 'email.sent', type: 'queued' },
    { raw: 'email.delivered', type: 'delivered' },
    { raw: 'email.delivery_delayed', type: 'deferred' },
    // Earlier payloads reported suppressions as bounces with an SES-style sub-type.
    { raw: 'email.bounced', when: 'subType=Suppressed', type: 'dropped', reason: 'suppressed' },
    { raw: 'email.bounced', when: 'subType=OnAccountSuppressionList', type: 'dropped', reason: 'suppressed' },
    // Resend's bounce sub-types are SES's, with SES's meanings (resend.com docs, email bounces): those that name the
    // cause read as they do from SES. A refused content is a block (the sender's message, not the address, is at
    // fault), as from SES, though Resend files it under Transient.
    { raw: 'email.bounced', when: 'subType=MailboxFull', type: 'soft-bounced', reason: 'mailbox-full' },
    { raw: 'email.bounced', when: 'subType=MessageTooLarge', type: 'soft-bounced', reason: 'message-too-large' },
    { raw: 'email.bounced', when: 'subType=ContentRejected', type: 'blocked', reason: 'content-block', note: 'filed under Transient by Resend' },
    { raw: 'email.bounced', when: 'subType=AttachmentRejected', type: 'blocked', reason: 'content-block', note: 'filed under Transient by Resend' },
    { raw: 'email.bounced', when: 'type=Permanent', type: 'hard-bounced', smtp: true },
    { raw: 'email.bounced', when: 'type=Transient', type: 'soft-bounced', smtp: true },
    { raw: 'email.bounced', type: 'bounced', smtp: true, note: 'other or no bounce type' },
    { raw: 'email.complained', type: 'complained' },
    { raw: 'email.opened', type: 'opened' },
    { raw: 'email.clicked', type: 'clicked' },
    { raw: 'email.failed', type: 'failed', smtp: true, note: '`failed.reason` values are not documented' },
    { raw: 'email.suppressed', type: 'dropped', reason: 'suppressed' },
    { raw: 'email.received', type: 'unknown', note: 'inbound' },
  ],
};

export const LAST_EVENT: EventSource = {
  name: 'Email API `last_event` (GET /emails/{id})',
  channel: 'email',
  rules: [
    { raw: 'scheduled', type: 'scheduled' },
    { raw: 'queued', type: 'queued' },
    { raw: 'sent', type: 'queued' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'delivery_delayed', type: 'deferred' },
    { raw: 'bounced', type: 'bounced' },
    { raw: 'failed', type: 'failed' },
    { raw: 'canceled', type: 'canceled' },
    { raw: 'opened', type: 'opened', implies: 'delivered' },
    { raw: 'clicked', type: 'clicked', implies: 'delivered' },
    { raw: 'complained', type: 'complained', implies: 'delivered' },
  ],
};


/** Resend's tables: webhook types and `last_event` words. */
export const resendMapping: ProviderMapping = {
  id: 'resend',
  name: 'Resend',
  accepts: 'webhook bodies `{type, created_at, data}` and Email API objects with a `last_event`, one or an array.',
  sources: [WEBHOOK, LAST_EVENT],
  statuses: [],
  reasons: [],
  notes: [
    'The body has no event id (it travels in the `svix-id` header). `contact.*` and `domain.*` webhooks are not about messages and give no events.',
    'A `last_event` is the current status without its time: it is dated when polled (`options.receivedAt`, `timeBasis: "received"`), not with the email\'s `created_at`, so that a later poll wins. Its event id is `<email id>#<last_event>`: the same status polled again is a duplicate.',
  ],
};
