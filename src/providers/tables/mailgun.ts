import type { EventSource, ProviderMapping } from '../types.js';

// Sources: mailgun/documentation api-events.rst, user_manual.rst, api-webhooks.rst (research §4, §15.3).
export const EVENTS: EventSource = {
  name: 'Webhook `event-data` / Events API item (`event`)',
  channel: 'email',
  rules: [
    { raw: 'accepted', type: 'queued' },
    { raw: 'rejected', type: 'dropped', reason: 'policy', note: 'Mailgun refused the request (e.g. sandbox rules)' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'failed', when: 'severity=temporary', type: 'deferred', smtp: true, note: 'Mailgun retries' },
    { raw: 'failed', when: 'severity=permanent, reason=suppress-bounce', type: 'dropped', reason: 'suppressed' },
    { raw: 'failed', when: 'severity=permanent, reason=suppress-unsubscribe', type: 'dropped', reason: 'suppressed', note: 'value uncertain' },
    { raw: 'failed', when: 'severity=permanent, reason=suppress-complaint', type: 'dropped', reason: 'suppressed', note: 'value uncertain' },
    // "Permanent" means Mailgun gave up; the SMTP reply says whose fault it was.
    { raw: 'failed', when: 'severity=permanent, SMTP=block', type: 'blocked', smtp: true, reason: 'policy', note: '5.7.x and block wording: the address is not at fault' },
    { raw: 'failed', when: 'severity=permanent, SMTP=soft', type: 'soft-bounced', smtp: true, note: 'gave up retrying a temporary failure (mailbox full...)' },
    { raw: 'failed', when: 'severity=permanent', type: 'hard-bounced', smtp: true },
    { raw: 'failed', type: 'bounced', smtp: true, note: 'no `severity`' },
    { raw: 'opened', type: 'opened' },
    { raw: 'opened', when: 'client-info.bot set', type: 'opened', automated: true },
    { raw: 'clicked', type: 'clicked' },
    { raw: 'clicked', when: 'client-info.bot set', type: 'clicked', automated: true },
    { raw: 'unsubscribed', type: 'unsubscribed' },
    { raw: 'complained', type: 'complained' },
    { raw: 'stored', type: 'unknown', note: 'an inbound message, not a delivery status' },
  ],
};


/** Mailgun's tables: event names under severity, suppression reason and SMTP classification. */
export const mailgunMapping: ProviderMapping = {
  id: 'mailgun',
  name: 'Mailgun',
  accepts: 'webhook bodies `{signature, "event-data"}`, bare Events API items, Events API pages `{items: [...]}`, or arrays of these.',
  sources: [EVENTS],
  statuses: [
    // Webhook subscription names.
    { raw: 'temporary_fail', status: 'deferred' },
    { raw: 'permanent_fail', status: 'bounced', note: 'a hard bounce, a block or a suppression: the word alone cannot tell' },
  ],
  reasons: [],
  notes: [
    '`flags.is-delayed-bounce` marks the event `async`. `client-info.bot` (any non-empty value) marks opens and clicks `automated`.',
    '`eventId` is `id`, which Mailgun keeps unique within a day. The signature is not checked here: verify it before calling `normalize`.',
  ],
};
