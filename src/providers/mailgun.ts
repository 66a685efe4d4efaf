import { classifySmtp } from '../core/index.js';
import type { Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context } from './emit.js';
import { RuleBook } from './rules.js';
import type { EventSource, ProviderEvent, ProviderMapping } from './types.js';

// Sources: mailgun/documentation api-events.rst, user_manual.rst, api-webhooks.rst (research §4, §15.3).
const EVENTS: EventSource = {
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

const book = new RuleBook(EVENTS);

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

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Mailgun event');
  const raw = item.at('event').need('event name');
  const status = item.at('delivery-status');
  const enhanced = status.at('enhanced-code').text();
  const basic = status.at('code').text();
  const reject = item.at('reject');
  // `message` is the SMTP reply; `description` is Mailgun's own wording (e.g. for code 605 suppressions).
  const text = status.at('message').text() ?? status.at('description').text() ?? reject.at('reason').text();
  const severity = item.at('severity').text() ?? '';
  const permanence = raw === 'failed' ? classifySmtp(enhanced ?? basic, text).permanence : undefined;
  const bot = item.at('client-info').at('bot');
  const isBot = bot.bool() === true || bot.text() !== undefined;
  const rule = book.resolve(
    raw,
    `severity=${severity}, reason=${item.at('reason').text() ?? ''}`,
    permanence && `severity=${severity}, SMTP=${permanence}`,
    `severity=${severity}`,
    isBot ? 'client-info.bot set' : undefined,
  );
  return emit(ctx, 'email', rule, {
    messageId: item.at('message').at('headers').at('message-id').need('message id'),
    raw,
    stamp: stampOf(ctx, item.at('timestamp')),
    recipient: item.at('recipient').text(),
    eventId: item.at('id').text(),
    smtp: { code: enhanced ?? basic, text },
    code: smtpCode({ enhanced, basic }, text),
    text,
    url: item.at('url').text(),
    async: item.at('flags').at('is-delayed-bounce').bool() === true,
  });
}

/** Unwraps the webhook envelope, Events API pages and arrays down to events. */
function events(body: Cursor): Cursor[] {
  if (body.isArray) return body.items().flatMap(events);
  body.record('a Mailgun webhook body');
  if (body.has('event-data')) return [body.at('event-data')];
  if (body.at('items').isArray) return body.at('items').items();
  if (body.has('event')) return [body];
  return body.at('event-data').fail('missing event-data (nor an `event` of an Events API item)');
}

/** Mailgun adapter: webhooks and Events API items. */
export const mailgun: Adapter = {
  mapping: mailgunMapping,
  acceptsForm: false,
  normalize: (body, ctx) => events(body).flatMap((item) => one(item, ctx)),
};
