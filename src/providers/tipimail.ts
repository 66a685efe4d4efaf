import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, polledStatus, smtpCode, type Context } from './emit.js';
import { RuleBook } from './rules.js';
import type { ProviderEvent } from './types.js';
import { STATES, tipimailMapping } from './tables/tipimail.js';

const book = new RuleBook(STATES);

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a Tipimail message item');
  if (!item.has('lastState')) {
    if (item.has('requested') && item.has('delivered')) item.fail('aggregate counters (/statistics/sends), not message statuses');
    item.at('lastState').fail('missing lastState (only /statistics/messages items are supported; Tipimail webhook fields are undocumented)');
  }
  const raw = item.at('lastState').need('lastState');
  const reason = item.at('reason').text();
  const messageId = item.at('id').need('id');
  const rule = book.resolve(raw);
  const stateAt = item.at('lastStateDate').time();
  // Without its own date, the state is dated when polled (not `createdDate`, the message's), see polledStatus.
  const when = stateAt !== undefined ? { stamp: { at: stateAt } } : polledStatus(ctx, messageId, rule);
  return emit(ctx, 'email', rule, {
    messageId,
    raw,
    ...when,
    recipient: item.at('msg').at('email').text(),
    smtp: { text: reason },
    code: smtpCode({}, reason),
    text: reason,
  });
}

/** Tipimail adapter: `/statistics/messages` items. */
export const tipimail: Adapter = {
  mapping: tipimailMapping,
  acceptsForm: false,
  normalize: (body, ctx) => ctx.each(batch(body), (item) => one(item, ctx)),
};
