import type { EventSource, ProviderMapping, ReasonTable } from '../types.js';

// Sources: SparkPost developers webhooks/events/message-events.apib; support-docs bounce-classification-codes.md
// (research §9, §15.3).
export const EVENTS: EventSource = {
  name: 'Event webhook (`msys.<class>.type`)',
  channel: 'email',
  rules: [
    { raw: 'injection', type: 'queued' },
    { raw: 'delivery', type: 'delivered' },
    { raw: 'delay', type: 'deferred', codes: true, smtp: true, note: 'reason from `bounce_class` (as for bounce), else the SMTP reply' },
    { raw: 'bounce', when: 'bounce_class=1', type: 'bounced', smtp: true, note: 'Undetermined' },
    { raw: 'bounce', when: 'bounce_class=10', type: 'hard-bounced', reason: 'invalid-recipient', note: 'Invalid Recipient' },
    { raw: 'bounce', when: 'bounce_class=20', type: 'soft-bounced', smtp: true, note: 'Soft Bounce' },
    { raw: 'bounce', when: 'bounce_class=21', type: 'soft-bounced', reason: 'domain-or-dns', note: 'DNS Failure' },
    { raw: 'bounce', when: 'bounce_class=22', type: 'soft-bounced', reason: 'mailbox-full', note: 'Mailbox Full' },
    { raw: 'bounce', when: 'bounce_class=23', type: 'soft-bounced', reason: 'message-too-large', note: 'Too Large' },
    { raw: 'bounce', when: 'bounce_class=24', type: 'soft-bounced', reason: 'timeout', note: 'Timeout' },
    // SparkPost's FAQ (suppression timing): a send to a suppressed recipient ends in class 25 with a reason naming the
    // suppression, as a policy_rejection that mentions it does: both are the same suppression.
    { raw: 'bounce', when: 'bounce_class=25, reason mentions "suppress"', type: 'dropped', reason: 'suppressed', note: 'Admin Failure for a suppressed recipient' },
    { raw: 'bounce', when: 'bounce_class=25', type: 'dropped', reason: 'policy', note: 'Admin Failure: SparkPost\'s own policy' },
    { raw: 'bounce', when: 'bounce_class=30', type: 'hard-bounced', reason: 'invalid-recipient', note: 'Generic Bounce: No RCPT' },
    { raw: 'bounce', when: 'bounce_class=40', type: 'soft-bounced', smtp: true, note: 'Generic Bounce' },
    { raw: 'bounce', when: 'bounce_class=50', type: 'blocked', smtp: true, reason: 'policy', note: 'Mail Block' },
    { raw: 'bounce', when: 'bounce_class=51', type: 'blocked', reason: 'reputation-block', note: 'Spam Block' },
    { raw: 'bounce', when: 'bounce_class=52', type: 'blocked', reason: 'content-block', note: 'Spam Content' },
    { raw: 'bounce', when: 'bounce_class=53', type: 'blocked', reason: 'content-block', note: 'Prohibited Attachment' },
    { raw: 'bounce', when: 'bounce_class=54', type: 'blocked', reason: 'policy', note: 'Relaying Denied' },
    { raw: 'bounce', when: 'bounce_class=60', type: 'unknown', note: 'Auto-Reply: informational' },
    { raw: 'bounce', when: 'bounce_class=70', type: 'soft-bounced', smtp: true, note: 'Transient Failure' },
    { raw: 'bounce', when: 'bounce_class=80', type: 'unknown', note: 'Subscribe: informational' },
    { raw: 'bounce', when: 'bounce_class=90', type: 'hard-bounced', note: 'Unsubscribe request: SparkPost suppresses the address as hard' },
    { raw: 'bounce', when: 'bounce_class=100', type: 'unknown', note: 'Challenge-Response: informational' },
    { raw: 'bounce', type: 'bounced', smtp: true, note: 'no or unknown `bounce_class`' },
    // Out-of-band bounces follow the bounce rows above, by class, and are marked async.
    { raw: 'out_of_band', type: 'bounced', smtp: true, async: true, note: 'classified as `bounce` by `bounce_class`; arrives after delivery' },
    { raw: 'policy_rejection', when: 'reason mentions "suppress"', type: 'dropped', reason: 'suppressed' },
    { raw: 'policy_rejection', type: 'dropped', reason: 'policy' },
    { raw: 'generation_rejection', when: 'reason mentions "suppress"', type: 'dropped', reason: 'suppressed' },
    { raw: 'generation_rejection', type: 'dropped', reason: 'policy' },
    { raw: 'generation_failure', type: 'failed', reason: 'template-error' },
    { raw: 'spam_complaint', type: 'complained' },
    { raw: 'initial_open', type: 'opened', note: 'top-of-message pixel' },
    { raw: 'open', type: 'opened' },
    { raw: 'amp_initial_open', type: 'opened' },
    { raw: 'amp_open', type: 'opened' },
    { raw: 'click', type: 'clicked' },
    { raw: 'amp_click', type: 'clicked' },
    { raw: 'list_unsubscribe', type: 'unsubscribed' },
    { raw: 'link_unsubscribe', type: 'unsubscribed' },
  ],
};


const CLASS = /^bounce_class=(\d+)$/;

// The reasons of the bounce rows by class, read by delays too: one table, not two.
export const BOUNCE_CLASSES: ReasonTable = {
  field: '`bounce_class` (delay, bounce, out_of_band)',
  rules: EVENTS.rules.flatMap((rule) => {
    const match = rule.raw === 'bounce' && rule.when !== undefined ? CLASS.exec(rule.when) : null;
    return match?.[1] !== undefined && rule.reason !== undefined ? [{ raw: match[1], reason: rule.reason, ...(rule.note !== undefined && { note: rule.note }) }] : [];
  }),
};

/** SparkPost's tables: event types, bounce classes. */
export const sparkpostMapping: ProviderMapping = {
  id: 'sparkpost',
  name: 'SparkPost (Bird)',
  accepts: 'webhook batches (a JSON array of `{msys: {<class>: {...}}}`; `{msys: {}}` is a ping and gives no event) and Events API results (`{results: [...]}`).',
  sources: [EVENTS],
  statuses: [],
  reasons: [BOUNCE_CLASSES],
  notes: ['`relay_event` (inbound relay) entries are not about sent messages and are skipped.', '`eventId` is `event_id`.'],
};
