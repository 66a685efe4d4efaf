import type { EventSource, ProviderMapping } from '../types.js';

// Sources: ActiveCampaign/postmark.js webhook payload models and Bounce.ts; postmarkapp.com bounce docs (research §5).
export const RECORDS: EventSource = {
  name: 'Webhook `RecordType`',
  channel: 'email',
  rules: [
    { raw: 'Delivery', type: 'delivered' },
    { raw: 'SpamComplaint', type: 'complained' },
    { raw: 'Open', type: 'opened' },
    { raw: 'Click', type: 'clicked' },
    // A suppression after a hard bounce or a complaint reports that event, not an opt-out by the recipient.
    { raw: 'SubscriptionChange', when: 'SuppressSending=true, SuppressionReason=HardBounce', type: 'hard-bounced', reason: 'invalid-recipient' },
    { raw: 'SubscriptionChange', when: 'SuppressSending=true, SuppressionReason=SpamComplaint', type: 'complained' },
    { raw: 'SubscriptionChange', when: 'SuppressSending=true', type: 'unsubscribed', note: 'ManualSuppression: the recipient or you' },
    { raw: 'SubscriptionChange', when: 'SuppressSending=false', type: 'resubscribed' },
  ],
};

// Bounce `Type` values (PM-JS BounceType enum). "Informational" types change nothing: `unknown` is shown only
// when nothing else is known about the message (research §15.3 marks them uncertain).
export const BOUNCES: EventSource = {
  name: 'Bounce webhook `Type` (RecordType `Bounce`)',
  channel: 'email',
  rules: [
    { raw: 'HardBounce', type: 'hard-bounced', smtp: true, reason: 'invalid-recipient' },
    { raw: 'SoftBounce', type: 'soft-bounced', smtp: true },
    { raw: 'Transient', type: 'deferred', smtp: true, note: '"Message delayed": Postmark keeps trying' },
    { raw: 'DnsError', type: 'soft-bounced', reason: 'domain-or-dns' },
    { raw: 'BadEmailAddress', type: 'hard-bounced', reason: 'invalid-recipient' },
    { raw: 'Blocked', type: 'blocked', smtp: true, reason: 'policy' },
    { raw: 'DMARCPolicy', type: 'blocked', reason: 'policy' },
    { raw: 'SpamNotification', type: 'blocked', reason: 'content-block' },
    { raw: 'ManuallyDeactivated', type: 'dropped', reason: 'suppressed' },
    { raw: 'Unconfirmed', type: 'dropped', reason: 'suppressed', note: 'uncertain' },
    { raw: 'SMTPApiError', type: 'failed', smtp: true },
    { raw: 'TemplateRenderingFailed', type: 'failed', reason: 'template-error' },
    { raw: 'SpamComplaint', type: 'complained' },
    { raw: 'Unsubscribe', type: 'unsubscribed', note: 'an unsubscribe request received as a bounce' },
    { raw: 'Subscribe', type: 'unknown', note: 'informational (uncertain)' },
    { raw: 'AutoResponder', type: 'unknown', note: 'informational: an automatic reply (uncertain)' },
    { raw: 'AddressChange', type: 'unknown', note: 'informational (uncertain)' },
    { raw: 'ChallengeVerification', type: 'unknown', note: 'informational (uncertain)' },
    { raw: 'OpenRelayTest', type: 'unknown', note: 'informational (uncertain)' },
    { raw: 'VirusNotification', type: 'unknown', note: 'informational (uncertain)' },
    { raw: 'InboundError', type: 'unknown', note: 'inbound processing, not this message' },
    { raw: 'Unknown', type: 'unknown', note: 'Postmark could not classify it' },
  ],
};


/** Postmark's tables: record types and bounce types. */
export const postmarkMapping: ProviderMapping = {
  id: 'postmark',
  name: 'Postmark',
  accepts: 'webhook records (`RecordType`), Bounce API objects (a `Type` and `BouncedAt`), `{Bounces: [...]}` or arrays of these.',
  sources: [RECORDS, BOUNCES],
  statuses: [
    { raw: 'Bounce', status: 'bounced', note: 'the record type without its `Type`' },
    // Outbound message search statuses.
    { raw: 'queued', status: 'queued' },
    { raw: 'processed', status: 'queued' },
    { raw: 'sent', status: 'sent' },
    // Messages API message details: a `MessageEvents` item of Type "Delivered" is the webhook's Delivery (Postmark blog,
    // "MessageEvents: every message event in one API call"). Its other Type words are not in the sources read.
    { raw: 'Delivered', status: 'delivered', note: 'message details `MessageEvents` type' },
  ],
  reasons: [],
  notes: [
    'For bounces `raw` is the bounce `Type` (`HardBounce`), for other records the `RecordType`. `eventId` is the bounce `ID`.',
    'Times carry an offset (`+02:00`) and seven fraction digits: they are converted to UTC, to the millisecond.',
  ],
};
