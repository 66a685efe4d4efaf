import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context, type Stamp } from './emit.js';
import { RuleBook } from './rules.js';
import type { EventSource, ProviderEvent, ProviderMapping } from './types.js';

// Sources: resend/resend-node webhook-event.interface.ts, get-email-options.interface.ts (research §10).
const WEBHOOK: EventSource = {
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

const LAST_EVENT: EventSource = {
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

const webhook = new RuleBook(WEBHOOK);
const lastEvent = new RuleBook(LAST_EVENT);

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
    'A `last_event` has no time of its own: the email\'s `created_at` stands in (`timeBasis: "message-time"`).',
  ],
};

/** The one recipient, when the message had one (Resend reports per email, not per recipient). */
const soleRecipient = (to: Cursor): string | undefined => {
  if (!to.isArray) return to.text();
  const items = to.items();
  return items.length === 1 ? items[0]?.text() : undefined;
};

function event(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('type').need('type');
  if (/^(?:contact|domain)\./i.test(raw)) return [];
  const data = item.at('data').record('the `data` object');
  const bounce = data.at('bounce');
  const suppressed = data.at('suppressed');
  const text = bounce.at('message').text() ?? data.at('failed').at('reason').text() ?? suppressed.at('message').text();
  const rule = webhook.resolve(raw, `subType=${bounce.at('subType').text() ?? ''}`, `type=${bounce.at('type').text() ?? ''}`);
  return emit(ctx, 'email', rule, {
    messageId: data.at('email_id').need('email_id'),
    raw,
    stamp: stampOf(ctx, item.at('created_at')),
    recipient: soleRecipient(data.at('to')),
    smtp: { text },
    code: suppressed.at('type').text() ?? smtpCode({}, text),
    text,
    url: data.at('click').at('link').text(),
  });
}

function email(item: Cursor, ctx: Context): ProviderEvent[] {
  const raw = item.at('last_event').need('last_event');
  const created = item.at('created_at').time();
  const stamp: Stamp = created === undefined ? stampOf(ctx) : { at: created, basis: 'message-time' };
  return emit(ctx, 'email', lastEvent.resolve(raw), {
    messageId: item.at('id').need('id'),
    raw,
    stamp,
    recipient: soleRecipient(item.at('to')),
  });
}

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Resend webhook body');
  if (item.has('last_event')) return email(item, ctx);
  return event(item, ctx);
}

/** Resend adapter: webhooks and Email API `last_event`. */
export const resend: Adapter = {
  mapping: resendMapping,
  acceptsForm: false,
  normalize: (body, ctx) => batch(body).flatMap((item) => one(item, ctx)),
};
