import type { Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context } from './emit.js';
import { ReasonBook, RuleBook } from './rules.js';
import type { EventRule, EventSource, ProviderEvent, ProviderMapping, ReasonTable } from './types.js';

// Sources: SparkPost developers webhooks/events/message-events.apib; support-docs bounce-classification-codes.md
// (research §9, §15.3).
const EVENTS: EventSource = {
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

const book = new RuleBook(EVENTS);

const CLASS = /^bounce_class=(\d+)$/;

// The reasons of the bounce rows by class, read by delays too: one table, not two.
const BOUNCE_CLASSES: ReasonTable = {
  field: '`bounce_class` (delay, bounce, out_of_band)',
  rules: EVENTS.rules.flatMap((rule) => {
    const match = rule.raw === 'bounce' && rule.when !== undefined ? CLASS.exec(rule.when) : null;
    return match?.[1] !== undefined && rule.reason !== undefined ? [{ raw: match[1], reason: rule.reason, ...(rule.note !== undefined && { note: rule.note }) }] : [];
  }),
};
const classes = new ReasonBook(BOUNCE_CLASSES);

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

const SUPPRESS = /suppress/i;

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a SparkPost event');
  const raw = item.at('type').need('event type');
  const bounceClass = item.at('bounce_class').text();
  const text = item.at('raw_reason').text() ?? item.at('reason').text();
  const errorCode = item.at('error_code').text();
  const classCondition = bounceClass === undefined ? undefined : `bounce_class=${bounceClass}`;
  const kind = raw.toLowerCase();
  let rule: EventRule;
  if (kind === 'out_of_band') {
    const byClass = classCondition === undefined ? undefined : book.find('bounce', classCondition);
    const own = book.resolve(raw);
    rule = byClass?.when !== undefined ? { ...byClass, raw, async: true } : own;
  } else {
    rule = book.resolve(raw, classCondition, text !== undefined && SUPPRESS.test(text) ? 'reason mentions "suppress"' : undefined);
  }
  return emit(ctx, 'email', rule, {
    messageId: item.at('message_id').need('message_id'),
    raw,
    stamp: stampOf(ctx, item.at('timestamp')),
    recipient: item.at('rcpt_to').text(),
    eventId: item.at('event_id').text(),
    // A delay's class gives its reason the way a bounce's does.
    codeReason: classes.get(bounceClass),
    smtp: { code: errorCode, text },
    code: smtpCode({ basic: errorCode }, text),
    text,
    url: item.at('target_link_url').text(),
    async: kind === 'out_of_band',
  });
}

/** Unwraps `msys` batches (and Events API results) down to events. */
function events(body: Cursor): Cursor[] {
  if (body.isArray) return body.items().flatMap(events);
  body.record('a SparkPost webhook entry');
  if (body.at('results').isArray) return body.at('results').items();
  if (!body.has('msys')) {
    if (body.has('type')) return [body];
    return body.at('msys').fail('missing msys');
  }
  const msys = body.at('msys').record('the msys object');
  // `{"msys": {}}` is SparkPost's ping; relay events are inbound mail.
  return Object.keys(msys.value as object)
    .filter((eventClass) => eventClass !== 'relay_event')
    .map((eventClass) => msys.at(eventClass));
}

/** SparkPost adapter: event webhooks and Events API results. */
export const sparkpost: Adapter = {
  mapping: sparkpostMapping,
  acceptsForm: false,
  normalize: (body, ctx) => events(body).flatMap((item) => one(item, ctx)),
};
