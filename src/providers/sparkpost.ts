import { flatten, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context } from './emit.js';
import { ReasonBook, RuleBook } from './rules.js';
import type { EventRule, ProviderEvent } from './types.js';
import { EVENTS, BOUNCE_CLASSES, sparkpostMapping } from './tables/sparkpost.js';

const book = new RuleBook(EVENTS);
const classes = new ReasonBook(BOUNCE_CLASSES);

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
    const suppress = text !== undefined && SUPPRESS.test(text) ? 'reason mentions "suppress"' : undefined;
    rule = book.resolve(raw, classCondition && suppress && `${classCondition}, ${suppress}`, classCondition, suppress);
  }
  return emit(ctx, 'email', rule, {
    messageId: item.at('message_id').need('message_id'),
    raw,
    stamp: stampOf(ctx, item.at('timestamp')),
    recipient: item.at('rcpt_to').text(),
    eventId: item.at('event_id').text(),
    // A delay's class gives its reason the way a bounce's does.
    codeRule: classes.get(bounceClass),
    smtp: { code: errorCode, text },
    code: smtpCode({ basic: errorCode }, text),
    text,
    url: item.at('target_link_url').text(),
    async: kind === 'out_of_band',
  });
}

/** Unwraps a `msys` entry (or an Events API page) down to events. */
function events(body: Cursor): Cursor[] {
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
  normalize: (body, ctx) => ctx.each(flatten(body, events), (item) => one(item, ctx)),
};
