import { classifySmtp, type Channel, type EventDetail, type EventType, type FailureReason } from '../core/index.js';
import type { Cursor } from './cursor.js';
import type { EventRule, ProviderEvent, ProviderId, ReasonRule, TimeBasis } from './types.js';

/** What every adapter hands to the event builders. */
export interface Context {
  readonly provider: ProviderId;
  /** The receipt time, ISO 8601 (computed on first use, so that `now` is read only when needed). */
  readonly receivedAt: () => string;
  /** IANA zone for zone-less wall-clock times. */
  readonly timeZone: string;
  /**
   * Reads each item of a body: a `ProviderPayloadError` of one item throws (strict), or with
   * `options.onInvalidItem` is handed to it and the item skipped.
   */
  readonly each: <T>(items: readonly T[], read: (item: T) => ProviderEvent[]) => ProviderEvent[];
}

/** An event time and, when it is not an exact UTC instant from the provider, how it was obtained. */
export interface Stamp {
  readonly at: string;
  readonly basis?: TimeBasis;
}

/**
 * The first readable provider time among `cursors` (each may be absent; a present but unreadable one is a
 * {@link ProviderPayloadError}), else the receipt time marked `received`.
 */
export function stampOf(ctx: Context, ...cursors: readonly Cursor[]): Stamp {
  for (const cursor of cursors) {
    const at = cursor.time();
    if (at !== undefined) return { at };
  }
  return { at: ctx.receivedAt(), basis: 'received' };
}

/**
 * Time and event id of a polled current status: an API's "where the message stands now" (Mailjet Message API and
 * SMS `Status`, Resend `last_event`, Tipimail `lastState` without its date), which carries no time of its own.
 *
 * It is dated when it was observed (`options.receivedAt`, default now; basis `received`), not with the message's
 * own creation or send time: every poll of a message would then share one time, and a later poll saying `sent`
 * after a retry would lose to an earlier `softbounced` (at equal times the lifecycle order decides). Dated when
 * seen, the later poll wins, as the provider's current status should.
 *
 * Its event id is the message id and the status word (`<messageId>#<word>`): polling the same status again is a
 * duplicate (reduceEvents, and a store keyed on provider and event id, keep its first observation), while a new
 * status is a new event.
 */
export function polledStatus(ctx: Context, messageId: string, rule: EventRule): { readonly stamp: Stamp; readonly eventId: string } {
  return { stamp: stampOf(ctx), eventId: `${messageId}#${rule.raw.toLowerCase()}` };
}

/** What an adapter read from one provider event, before the rule turns it into canonical events. */
export interface Facts {
  readonly messageId: string;
  readonly stamp: Stamp;
  /** The provider's word, verbatim. */
  readonly raw: string;
  readonly recipient?: string | undefined;
  readonly eventId?: string | undefined;
  /** SMTP code and diagnostic for `classifySmtp`, when the provider gives them. */
  readonly smtp?: { readonly code?: string | undefined; readonly text?: string | undefined } | undefined;
  /** The row found in the provider's error-code table, used by rules with `codes`: its reason and permanence. */
  readonly codeRule?: ReasonRule | undefined;
  /** Provider code and text of a failure, URL of a click. Kept verbatim. */
  readonly code?: string | undefined;
  readonly text?: string | undefined;
  readonly url?: string | undefined;
  /** The provider flagged a machine (bot, proxy) for this open or click. */
  readonly automated?: boolean | undefined;
  /** The provider flagged this bounce as arriving after delivery. */
  readonly async?: boolean | undefined;
}

/** Types that say why: failures, deferrals and holds carry a reason; other types never do. */
const WITH_REASON: ReadonlySet<EventType> = new Set([
  'held',
  'deferred',
  'soft-bounced',
  'hard-bounced',
  'bounced',
  'blocked',
  'dropped',
  'failed',
  'expired',
]);
const BOUNCES: ReadonlySet<EventType> = new Set(['soft-bounced', 'hard-bounced', 'bounced', 'blocked']);
const MACHINE_DOABLE: ReadonlySet<EventType> = new Set(['opened', 'clicked']);

/**
 * The bounce kinds `rule`'s error code can turn its event into (`ReasonRule.permanence`). A bounce of unknown kind
 * becomes hard or soft. A block whose code says the recipient cannot receive at all (Vonage `rejected` with an
 * illegal number) becomes a hard bounce: the number, not the sender, is at fault, and it must leave the list (a
 * block's explanation says the opposite). A block with a passing cause stays a block.
 */
export const refinableKinds = (rule: EventRule): readonly ('hard' | 'soft')[] =>
  rule.codes !== true ? [] : rule.type === 'bounced' ? ['hard', 'soft'] : rule.type === 'blocked' ? ['hard'] : [];

/** The reason of a failure: the error-code table, then the SMTP classification, then the rule's own reason. */
function reasonOf(rule: EventRule, facts: Facts): FailureReason {
  const fromCode = rule.codes ? facts.codeRule?.reason : undefined;
  if (fromCode !== undefined && fromCode !== 'undetermined') return fromCode;
  if (rule.smtp && (facts.smtp?.code !== undefined || facts.smtp?.text !== undefined)) {
    const said = classifySmtp(facts.smtp.code, facts.smtp.text).reason;
    if (said !== 'undetermined') return said;
  }
  return rule.reason ?? fromCode ?? 'undetermined';
}

/**
 * The canonical events for one provider event under `rule`: the event itself, preceded by the delivery the
 * rule `implies`. Only fields with a value are set; strings are passed through as they came.
 */
export function emit(ctx: Context, channel: Channel, rule: EventRule, facts: Facts): ProviderEvent[] {
  // A bounce of unknown kind (or a block) whose code says whether the recipient can ever receive: see refinableKinds.
  const said = facts.codeRule?.permanence;
  const permanence = said && refinableKinds(rule).includes(said) ? said : undefined;
  const type: EventType = permanence ? `${permanence}-bounced` : rule.type;
  const common = {
    provider: ctx.provider,
    channel,
    messageId: facts.messageId,
    ...(facts.recipient !== undefined && { recipient: facts.recipient }),
  };
  const time = { at: facts.stamp.at, ...(facts.stamp.basis !== undefined && { timeBasis: facts.stamp.basis }) };

  let detail: EventDetail | undefined;
  if (WITH_REASON.has(type) && (facts.code !== undefined || facts.text !== undefined)) {
    detail = { ...(facts.code !== undefined && { code: facts.code }), ...(facts.text !== undefined && { text: facts.text }) };
  } else if (type === 'clicked' && facts.url !== undefined) {
    detail = { url: facts.url };
  }

  const event: ProviderEvent = {
    ...common,
    type,
    ...time,
    ...(facts.eventId !== undefined && { eventId: facts.eventId }),
    ...(WITH_REASON.has(type) && { reason: reasonOf(rule, facts) }),
    ...(detail !== undefined && { detail }),
    ...(MACHINE_DOABLE.has(type) && (rule.automated || facts.automated) && { automated: true }),
    ...(BOUNCES.has(type) && (rule.async || facts.async) && { async: true }),
    raw: facts.raw,
  };
  if (rule.implies === undefined) return [event];
  // The implied delivery must not share the signal's event id (it would be a duplicate of it): it gets one of its
  // own when the signal has one, else none.
  const implied: ProviderEvent = {
    ...common,
    type: rule.implies,
    ...time,
    ...(facts.eventId !== undefined && { eventId: `${facts.eventId}#${rule.implies}` }),
    raw: facts.raw,
  };
  return [implied, event];
}

// RFC 3463 enhanced code anywhere near the start; RFC 5321 basic code at the very start ("smtp;550 ...").
const ENHANCED = /(?:^|[^\d.])([245]\.\d{1,3}\.\d{1,3})(?![\d.])/;
const BASIC = /^\W{0,3}(?:smtp;\s*|[A-Za-z]+:\s*|sent \()?([245]\d\d)(?![\d.])/i;

/**
 * The most precise SMTP code available: an enhanced code given as a field, else one found in the diagnostic,
 * else a basic code given as a field, else one opening the diagnostic.
 */
export function smtpCode(fields: { enhanced?: string | undefined; basic?: string | undefined }, text: string | undefined): string | undefined {
  const head = text?.slice(0, 300) ?? '';
  return fields.enhanced ?? ENHANCED.exec(head)?.[1] ?? fields.basic ?? BASIC.exec(head)?.[1];
}
