import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context } from './emit.js';
import { RuleBook } from './rules.js';
import type { EventSource, ProviderEvent, ProviderMapping } from './types.js';

// Sources: sendgrid/docs event.md and glossary/{bounces,blocks,deferrals,drops}.md (research §1, §15.3).
const EVENTS: EventSource = {
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
      note: 'flag seen only in third-party typings (uncertain); honoured when present',
    },
    { raw: 'click', type: 'clicked' },
    { raw: 'spamreport', type: 'complained' },
    { raw: 'unsubscribe', type: 'unsubscribed' },
    { raw: 'group_unsubscribe', type: 'unsubscribed' },
    { raw: 'group_resubscribe', type: 'resubscribed' },
  ],
};

const book = new RuleBook(EVENTS);

/** SendGrid's tables: event names (with their `type`/`reason` conditions) to canonical events. */
export const sendgridMapping: ProviderMapping = {
  id: 'sendgrid',
  name: 'Twilio SendGrid',
  accepts: 'the Event Webhook body: a JSON array of events (a single event object is accepted too).',
  sources: [EVENTS],
  statuses: [{ raw: 'blocked', status: 'blocked', note: 'how SendGrid lists a `bounce` of `type` blocked' }],
  reasons: [],
  notes: [
    '`messageId` is `sg_message_id` (its part before `.filter` is the `X-Message-Id` of the send response); an asynchronous bounce comes without it, then `smtp-id` stands in and the event is marked `async`.',
    '`eventId` is `sg_event_id`. `timestamp` is read as seconds, or milliseconds when it has 13 digits (Marketing Single Sends).',
  ],
};

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a SendGrid event object');
  const raw = item.at('event').need('event name');
  const sgMessageId = item.at('sg_message_id').text();
  const messageId = sgMessageId ?? item.at('smtp-id').text() ?? item.at('sg_message_id').need('message id (sg_message_id or smtp-id)');
  const status = item.at('status').text();
  // Bounces and drops explain themselves in `reason`, deferrals in `response`.
  const text = item.at('reason').text() ?? item.at('response').text();
  const machine = item.at('sg_machine_open').bool() === true;
  const rule = book.resolve(raw, `type=${item.at('type').text() ?? ''}`, `reason=${item.at('reason').text() ?? ''}`, machine ? 'sg_machine_open=true' : undefined);
  return emit(ctx, 'email', rule, {
    messageId,
    raw,
    stamp: stampOf(ctx, item.at('timestamp')),
    recipient: item.at('email').text(),
    eventId: item.at('sg_event_id').text(),
    smtp: { code: status, text },
    code: smtpCode({ enhanced: status }, text),
    text,
    url: item.at('url').text(),
    // SendGrid documents that a bounce without sg_message_id is an asynchronous one.
    async: raw === 'bounce' && sgMessageId === undefined,
  });
}

/** SendGrid Event Webhook adapter. */
export const sendgrid: Adapter = {
  mapping: sendgridMapping,
  acceptsForm: false,
  normalize: (body, ctx) => batch(body).flatMap((item) => one(item, ctx)),
};
