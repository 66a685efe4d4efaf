import { batch, type Adapter } from './adapter.js';
import type { Cursor } from './cursor.js';
import { emit, smtpCode, stampOf, type Context } from './emit.js';
import { RuleBook } from './rules.js';
import type { ProviderEvent } from './types.js';
import { EVENTS, sendgridMapping } from './tables/sendgrid.js';

const book = new RuleBook(EVENTS);

function one(item: Cursor, ctx: Context): ProviderEvent[] {
  item.record('a SendGrid event object');
  const raw = item.at('event').need('event name');
  const sgMessageId = item.at('sg_message_id').text();
  const messageId = sendgridMessageId(sgMessageId, item.at('smtp-id').text()) ?? item.at('sg_message_id').need('message id (sg_message_id or smtp-id)');
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

/**
 * The `X-Message-Id` SendGrid answered the send with, the id a sender keeps: `sg_message_id` up to its
 * `.filter…` or `.recvd…` suffix, else the part of `smtp-id` (`<X-Message-Id@ismtpd-…>`) before `@`. An
 * asynchronous bounce has only `smtp-id`: both give the same id, so the bounce joins its message. Ids of
 * another shape are kept whole.
 */
function sendgridMessageId(sgMessageId: string | undefined, smtpId: string | undefined): string | undefined {
  if (sgMessageId !== undefined) return /^(.+?)\.(?:filter|recvd)/.exec(sgMessageId)?.[1] ?? sgMessageId;
  if (smtpId !== undefined) return /^<?([^<>@\s]+)@[^<>@\s]*>?$/.exec(smtpId.trim())?.[1] ?? smtpId;
  return undefined;
}

/** SendGrid Event Webhook adapter. */
export const sendgrid: Adapter = {
  mapping: sendgridMapping,
  acceptsForm: false,
  normalize: (body, ctx) => ctx.each(batch(body), (item) => one(item, ctx)),
};
