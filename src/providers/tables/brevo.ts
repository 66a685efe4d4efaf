import type { EventSource, ProviderMapping } from '../types.js';

// Sources: developers.brevo.com transactional webhooks, Brevo SDK createWebhook, anymail captures (research §3).
export const EMAIL: EventSource = {
  name: 'Transactional email webhook (`event`)',
  channel: 'email',
  rules: [
    { raw: 'request', type: 'queued' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'deferred', type: 'deferred', smtp: true, note: 'a 5.1.1 has been seen arriving as deferred: the SMTP text decides the reason' },
    { raw: 'soft_bounce', type: 'soft-bounced', smtp: true },
    { raw: 'hard_bounce', type: 'hard-bounced', smtp: true },
    {
      raw: 'invalid_email',
      type: 'hard-bounced',
      reason: 'invalid-recipient',
      note: 'uncertain whether Brevo tried: either way the address is at fault and must not be retried, which is what hard-bounced says',
    },
    // Brevo's own list refused the recipient: its text ("blacklist") names Brevo's list, not a receiver's blocklist.
    { raw: 'blocked', type: 'dropped', reason: 'suppressed' },
    { raw: 'error', type: 'failed', smtp: true },
    { raw: 'spam', type: 'complained' },
    { raw: 'complaint', type: 'complained', note: 'reported by some as the payload word for spam (uncertain)' },
    { raw: 'unique_opened', type: 'opened', note: 'first open' },
    { raw: 'opened', type: 'opened' },
    { raw: 'proxy_open', type: 'opened', automated: true, note: 'an image proxy (Apple MPP) loaded it' },
    { raw: 'unique_proxy_open', type: 'opened', automated: true },
    { raw: 'click', type: 'clicked' },
    { raw: 'unsubscribed', type: 'unsubscribed' },
    { raw: 'unsubscribe', type: 'unsubscribed', note: 'uncertain spelling, accepted too' },
  ],
};

export const SMS: EventSource = {
  name: 'Transactional SMS webhook (`msg_status`)',
  channel: 'sms',
  rules: [
    { raw: 'sent', type: 'sent' },
    { raw: 'accepted', type: 'sent' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'soft_bounce', type: 'soft-bounced' },
    { raw: 'hard_bounce', type: 'hard-bounced' },
    { raw: 'replied', type: 'replied' },
    { raw: 'reply', type: 'replied' },
    { raw: 'unsubscribe', type: 'unsubscribed' },
    { raw: 'unsubscribed', type: 'unsubscribed' },
    { raw: 'subscribe', type: 'resubscribed' },
    { raw: 'blocked', type: 'dropped', reason: 'suppressed', note: 'uncertain semantics' },
    { raw: 'skip', type: 'dropped', note: 'uncertain semantics' },
    { raw: 'rejected', type: 'dropped', reason: 'policy', note: 'uncertain semantics' },
  ],
};


/** Brevo's tables: email and SMS webhook words, and the subscription and report names for `mapStatus`. */
export const brevoMapping: ProviderMapping = {
  id: 'brevo',
  name: 'Brevo (ex-Sendinblue)',
  accepts: 'transactional webhook bodies, email (`event`) and SMS (`msg_status`), one object or an array.',
  sources: [EMAIL, SMS],
  statuses: [
    // Webhook subscription names (camelCase) and event-report names (plural) for the same events.
    { raw: 'sent', status: 'queued', channel: 'email', note: 'subscription name of `request`' },
    { raw: 'requests', status: 'queued' },
    { raw: 'hardBounce', status: 'hard-bounced' },
    { raw: 'hardBounces', status: 'hard-bounced' },
    { raw: 'softBounce', status: 'soft-bounced' },
    { raw: 'softBounces', status: 'soft-bounced' },
    { raw: 'invalid', status: 'hard-bounced' },
    { raw: 'uniqueOpened', status: 'opened' },
    { raw: 'loadedByProxy', status: 'opened' },
    { raw: 'clicks', status: 'clicked' },
    // SMS event-report names (research §3).
    { raw: 'bounces', status: 'bounced', note: 'SMS report: a bounce of either kind' },
    { raw: 'replies', status: 'replied', channel: 'sms' },
    { raw: 'unsubscription', status: 'unsubscribed', channel: 'sms' },
  ],
  reasons: [],
  notes: [
    'Brevo sends no event id (`id` is the webhook\'s): duplicates are recognized by message, word and time.',
    'Email time: `ts_epoch` (milliseconds, or seconds when it has 10 digits), else `ts_event`/`ts`. SMS time: `date`, a wall clock read in `options.timeZone` (default Europe/Paris, as Brevo documents CET/CEST), marked `timeBasis: "assumed-zone"`.',
  ],
};
