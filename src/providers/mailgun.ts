import { classifySmtp } from '../core/index.js';
import { flatten, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context } from './emit.js';
import { RuleBook } from './rules.js';
import type { ProviderEvent } from './types.js';
import { EVENTS, mailgunMapping } from './tables/mailgun.js';

const book = new RuleBook(EVENTS);

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

/** Unwraps the webhook envelope and Events API pages down to events. */
function events(body: Cursor): Cursor[] {
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
  normalize: (body, ctx) => ctx.each(flatten(body, events), (item) => one(item, ctx)),
};
