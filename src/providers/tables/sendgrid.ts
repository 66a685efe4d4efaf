import type { EventSource, ProviderMapping } from '../types.js';

// Sources: sendgrid/docs event.md and glossary/{bounces,blocks,deferrals,drops}.md (research §1, §15.3).
export const EVENTS: EventSource = {
  name: 'Event Webhook (`event`)',
  channel: 'email',
  rules: [
    { raw: 'processed', type: 'queued' },
    { raw: 'deferred', type: 'deferred', smtp: true, note: 'SendGrid retries for 72 h' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'bounce', when: 'type=bounce', type: 'hard-bounced', smtp: true },
    // A block is about this message (IP reputation, content): the address stays valid, hence not a hard bounce.
    { raw: 'bounce', when: 'type=blocked', type: 'blocked', smtp: true, reason: 'policy' },
    { raw: 'bounce', type: 'bounced', smtp: true, note: 'no `type`: permanence unknown' },
    { raw: 'dropped', when: 'reason=Bounced Address', type: 'dropped', reason: 'suppressed' },
    { raw: 'dropped', when: 'reason=Unsubscribed Address', type: 'dropped', reason: 'suppressed' },
    { raw: 'dropped', when: 'reason=Spam Reporting Address', type: 'dropped', reason: 'suppressed' },
    { raw: 'dropped', when: 'reason=Invalid', type: 'dropped', reason: 'invalid-recipient' },
    { raw: 'dropped', when: 'reason=Invalid SMTPAPI header', type: 'dropped', reason: 'policy' },
    { raw: 'dropped', when: 'reason=Spam Content', type: 'dropped', reason: 'content-block' },
    { raw: 'dropped', when: 'reason=Recipient List over Package Quota', type: 'dropped', reason: 'quota' },
    { raw: 'dropped', type: 'dropped', reason: 'undetermined' },
    { raw: 'open', type: 'opened' },
    {
      raw: 'open',
      when: 'sg_machine_open=true',
      type: 'opened',
      automated: true,
      note: 'flag seen only in third-party typings (uncertain); honored when present',
    },
    { raw: 'click', type: 'clicked' },
    { raw: 'spamreport', type: 'complained' },
    { raw: 'unsubscribe', type: 'unsubscribed' },
    { raw: 'group_unsubscribe', type: 'unsubscribed' },
    { raw: 'group_resubscribe', type: 'resubscribed' },
  ],
};


/** SendGrid's tables: event names (with their `type`/`reason` conditions) to canonical events. */
export const sendgridMapping: ProviderMapping = {
  id: 'sendgrid',
  name: 'Twilio SendGrid',
  accepts: 'the Event Webhook body: a JSON array of events (a single event object is accepted too).',
  sources: [EVENTS],
  statuses: [
    { raw: 'blocked', status: 'blocked', note: 'how SendGrid lists a `bounce` of `type` blocked' },
    // Email Activity API event names (sendgrid-oai email activity `EventName`) for the webhook's bounce, open and click:
    // a status polled from it must read as the webhook's word for the same event (`spam_report` already folds to it).
    { raw: 'bounced', status: 'bounced', note: 'Email Activity API name of `bounce`' },
    { raw: 'opened', status: 'opened', note: 'Email Activity API name of `open`' },
    { raw: 'clicked', status: 'clicked', note: 'Email Activity API name of `click`' },
  ],
  reasons: [],
  notes: [
    '`messageId` is the `X-Message-Id` of the send response: `sg_message_id` up to its `.filter…` or `.recvd…` suffix. An asynchronous bounce comes without `sg_message_id`: the part of `smtp-id` before `@` is the same id, so the bounce joins its message, marked `async`.',
    '`eventId` is `sg_event_id`. `timestamp` is read as seconds, or milliseconds when it has 13 digits (Marketing Single Sends).',
  ],
};
