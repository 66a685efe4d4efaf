import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context } from './emit.js';
import { RuleBook } from './rules.js';
import type { ProviderEvent } from './types.js';
import { RECORDS, BOUNCES, postmarkMapping } from './tables/postmark.js';

const records = new RuleBook(RECORDS);
const bounces = new RuleBook(BOUNCES);

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Postmark record');
  // Bounce API objects have no RecordType: a Type and a BouncedAt say what they are.
  const recordType = item.at('RecordType').text() ?? (item.has('BouncedAt') && item.has('Type') ? 'Bounce' : undefined) ?? item.at('RecordType').need('RecordType');
  const isBounce = recordType.toLowerCase() === 'bounce';
  const raw = isBounce ? (item.at('Type').text() ?? recordType) : recordType;
  const suppress = item.at('SuppressSending').bool();
  const rule = isBounce
    ? bounces.resolve(raw)
    : records.resolve(
        raw,
        suppress === true ? `SuppressSending=true, SuppressionReason=${item.at('SuppressionReason').text() ?? ''}` : undefined,
        suppress === undefined ? undefined : `SuppressSending=${suppress}`,
      );
  const details = item.at('Details').text();
  return emit(ctx, 'email', rule, {
    messageId: item.at('MessageID').need('MessageID'),
    raw,
    stamp: stampOf(ctx, item.at('DeliveredAt'), item.at('BouncedAt'), item.at('ReceivedAt'), item.at('ChangedAt')),
    recipient: item.at('Recipient').text() ?? item.at('Email').text(),
    eventId: item.at('ID').text(),
    smtp: { text: details },
    code: smtpCode({}, details),
    text: details ?? item.at('Description').text(),
    url: item.at('OriginalLink').text(),
  });
}

/** Postmark adapter: webhooks and Bounce API objects. */
export const postmark: Adapter = {
  mapping: postmarkMapping,
  acceptsForm: false,
  normalize: (body, ctx) => {
    const items = body.isRecord && body.at('Bounces').isArray ? body.at('Bounces').items() : batch(body);
    return ctx.each(items, (item) => one(item, ctx));
  },
};
