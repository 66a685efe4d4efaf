import type { CanonicalEvent, EventDetail } from './event.js';
import { canonicalTime, isZonedTime, zonedTime } from './canonical-time.js';
import { EstafetteInputError } from './errors.js';
import {
  DELIVERY_STATES,
  ENGAGEMENT_SIGNALS,
  isDeliveryState,
  isFinalOn,
  isEngagementSignal,
  type Channel,
  type DeliveryState,
  type DisplayStatus,
  type EngagementSignal,
  type EventType,
  type FailureReason,
} from './statuses.js';

/** What happened for one engagement signal of one message. */
export interface SignalSummary {
  /** How many (deduplicated) events of this signal. */
  readonly count: number;
  /** Of which done by a machine (image proxies, link scanners). */
  readonly automated: number;
  readonly first: string;
  readonly last: string;
}

/** Where one message stands: its delivery state, its engagement, and what to show. */
export interface MessageStatus {
  readonly messageId: string;
  readonly channel: Channel;
  readonly recipient?: string;
  /** The provider of the event that set the delivery state (whose word `raw` is), else the first one heard from. */
  readonly provider?: string;
  /** Where the message itself stands. */
  readonly delivery: DeliveryState;
  /** The headline for a badge: a strong engagement signal, else the delivery state. */
  readonly display: DisplayStatus;
  /** Why the current delivery state is a failure, deferral or hold. */
  readonly reason?: FailureReason;
  readonly detail?: EventDetail;
  /** The provider's word for the event that set the current delivery state. */
  readonly raw?: string;
  readonly engagement: { readonly [S in EngagementSignal]?: SignalSummary };
  /** The latest of unsubscribed/resubscribed, when the recipient did either. */
  readonly subscription?: 'unsubscribed' | 'resubscribed';
  /** Time of the latest event, ISO 8601. */
  readonly updatedAt: string;
  /** True when the display status is final: no further change is expected. */
  readonly settled: boolean;
  /** A bounce or block that arrived after the message had been delivered. */
  readonly asyncBounce?: boolean;
  /** When the message was (first) accepted by the receiver, kept even if a late bounce follows. */
  readonly deliveredAt?: string;
  /** Delivery was inferred from engagement (an open or click proves acceptance) rather than reported. */
  readonly deliveryInferred?: boolean;
  /** Engagement recorded on a message that had failed: kept, but it does not change the state. */
  readonly anomaly?: 'engagement-after-failure';
}

/** Options for {@link reduceEvents}. */
export interface ReduceOptions {
  /** Id to report when `events` is empty. */
  readonly messageId?: string;
  /** Channel to report when `events` is empty. */
  readonly channel?: Channel;
  /**
   * `updatedAt` to report when `events` is empty (ISO 8601), e.g. when the message was created; default: now. A
   * status always has a time, as the REST contract requires.
   */
  readonly at?: string;
  /**
   * For a message sent to several people (one provider message id, one delivery per recipient: SES, Mailgun,
   * Postmark...): the recipient whose status to give, from their events and the delivery states naming no
   * recipient. Needed when `events` name several recipients; compared without regard to case or channel prefix
   * (`whatsapp:`).
   *
   * Engagement that names no recipient on such a message (an SES open, click or unsubscribe of a message to
   * several addresses: SES does not say whose) is the message's, not this recipient's: it is left out, so it
   * neither proves this recipient's delivery nor counts as their open. `aggregate` counts it once for the message.
   */
  readonly recipient?: string;
}

const TYPE_ORDER = new Map<string, number>(
  [...DELIVERY_STATES, ...ENGAGEMENT_SIGNALS].map((type, index) => [type, index] as const),
);

// Progress ranks: a later event of lower rank is a late arrival and never moves a message back.
const PROGRESS: { readonly [S in DeliveryState]?: number } = {
  scheduled: 0,
  queued: 1,
  held: 1,
  sending: 2,
  sent: 3,
  deferred: 3,
};

const FAILURES_AFTER_DELIVERY: ReadonlySet<DeliveryState> = new Set(['soft-bounced', 'hard-bounced', 'bounced', 'blocked']);
const TERMINAL: ReadonlySet<DeliveryState> = new Set(['hard-bounced', 'bounced', 'blocked', 'dropped', 'failed', 'expired', 'canceled']);
const PROOF_OF_DELIVERY: ReadonlySet<EventType> = new Set(['opened', 'clicked', 'read', 'replied']);
// Display precedence among signals, strongest first; replied/clicked/read/opened only for delivered messages.
const ALWAYS_SHOWN = ['complained', 'unsubscribed'] as const satisfies readonly (EngagementSignal & DisplayStatus)[];
const SHOWN_WHEN_DELIVERED = ['replied', 'clicked', 'read', 'opened'] as const satisfies readonly (EngagementSignal & DisplayStatus)[];

/**
 * The time of an ISO string for ordering, read as `zonedTime` reads it (with its zone; a leap second as :59).
 * Unreadable times (reduceEvents refuses all but those of the right layout whose fields make no instant, such as
 * February 30th) sort first: they can never override an event whose time is known.
 */
export const timeOf = (iso: string): number => {
  const t = zonedTime(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

// Absent sorts before every string, the empty one included: '' and undefined must not both sort first.
const cmpStr = (a: string | undefined, b: string | undefined): number =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

/**
 * Total order on events: time, then lifecycle order, then content. Being total is what makes the reduction
 * independent of input order, including which of two same-id duplicates is kept.
 */
const compareEvents = (a: Keyed, b: Keyed): number =>
  a.time - b.time ||
  (TYPE_ORDER.get(a.event.type) ?? 99) - (TYPE_ORDER.get(b.event.type) ?? 99) ||
  cmpStr(a.event.raw, b.event.raw) ||
  cmpStr(a.event.eventId, b.event.eventId) ||
  cmpStr(a.event.reason, b.event.reason) ||
  cmpStr(a.event.detail?.code, b.event.detail?.code) ||
  cmpStr(a.event.detail?.text, b.event.detail?.text) ||
  cmpStr(a.event.detail?.url, b.event.detail?.url) ||
  cmpStr(a.event.recipient, b.event.recipient) ||
  cmpStr(a.event.provider, b.event.provider) ||
  Number(!!a.event.automated) - Number(!!b.event.automated) ||
  Number(!!a.event.async) - Number(!!b.event.async) ||
  Number(a.event.detail !== undefined) - Number(b.event.detail !== undefined) ||
  cmpStr(a.event.channel, b.event.channel) ||
  // One instant has several ISO spellings ("…00Z", "…00.000Z", "…+00:00"): which one is reported must not depend on input order.
  cmpStr(a.event.at, b.event.at);

interface Keyed {
  readonly event: CanonicalEvent;
  readonly time: number;
}

/**
 * The instant of `at` as a duplicate key compares it: its time in milliseconds when it can be read (so that
 * `…10:00:00Z`, `…10:00:00.000Z` and `…11:00:00+01:00` are one instant), else the text itself, length first so
 * that it cannot run into the raw word that follows it in the key.
 *
 * A text laid out as `toISOString()` writes (24 characters ending in `Z`) is read only in that exact form
 * (`canonicalTime`): a date that form cannot write (February 30th, 24:00, the lenient parser's readings of a stray
 * character) keeps its text. So two different texts of that layout are never one instant, which is what lets
 * `aggregate` tell most copies apart without reading a time (message-tally.ts).
 */
export const instantKey = (at: string, time: number): string =>
  time === Number.NEGATIVE_INFINITY || (isIsoLayout(at) && Number.isNaN(canonicalTime(at))) ? `s${at.length}:${at}` : `t${time}`;

/**
 * 24 characters with `T` at 10 and `Z` at the end: the layout of `toISOString()` (see {@link instantKey}). The
 * `T` too: `…10 09:00:00.000Z` and `…10t09:00:00.000Z` are other spellings of `…10T09:00:00.000Z`'s instant.
 */
export const isIsoLayout = (at: string): boolean => at.length === 24 && at.charCodeAt(23) === 90 /* Z */ && at.charCodeAt(10) === 84; /* T */

const keyOf = (event: CanonicalEvent, time: number): string =>
  event.eventId ? `id\u0000${event.provider}\u0000${event.eventId}` : `ev\u0000${event.type}\u0000${instantKey(event.at, time)}\u0000${event.raw}`;

/**
 * Key under which two deliveries of the same webhook event collapse: same provider and event id, else same type,
 * same instant (however its time is spelled; unreadable times compare as text) and same raw word.
 */
export const dedupeKey = (event: CanonicalEvent): string => keyOf(event, event.eventId ? 0 : timeOf(event.at));

/** Sorts by event time (then a total content order) and drops duplicates (see {@link dedupeKey}). */
export function sortAndDedupe(events: readonly CanonicalEvent[]): CanonicalEvent[] {
  const keyed = events.map((event) => ({ event, time: timeOf(event.at) }));
  keyed.sort(compareEvents);
  const seen = new Set<string>();
  const out: CanonicalEvent[] = [];
  for (const { event, time } of keyed) {
    const key = keyOf(event, time);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(event);
  }
  return out;
}

interface Fold {
  state: DeliveryState | undefined;
  setter: CanonicalEvent | undefined;
  asyncBounce: boolean;
  deliveredAt: string | undefined;
  inferred: boolean;
  anomaly: boolean;
}

/** Applies one delivery-state event to the fold, following the precedence rules. */
function applyDelivery(fold: Fold, event: CanonicalEvent, next: DeliveryState): void {
  const current = fold.state;
  // A bounce is asynchronous when it follows a delivery we saw, or when the provider says so itself.
  const take = (afterDelivery = false) => {
    fold.state = next;
    fold.setter = event;
    fold.inferred = false;
    fold.asyncBounce = afterDelivery || (event.async === true && FAILURES_AFTER_DELIVERY.has(next));
  };
  if (next === 'unknown') {
    // An unmapped word is shown only when nothing better is known.
    if (current === undefined) take();
    return;
  }
  if (current === undefined || current === 'unknown') {
    take();
    if (next === 'delivered') fold.deliveredAt ??= event.at;
    return;
  }
  const currentRank = PROGRESS[current];
  if (currentRank !== undefined) {
    // Still on the way: pending states only move forward; any outcome replaces them.
    const nextRank = PROGRESS[next];
    if (nextRank === undefined || nextRank >= currentRank) take();
    if (next === 'delivered') fold.deliveredAt ??= event.at;
    return;
  }
  if (current === 'delivered') {
    if (next === 'delivered') {
      // An inferred delivery gets confirmed: keep the earlier time, drop the inference.
      if (fold.inferred) fold.setter = event;
      fold.inferred = false;
      return;
    }
    // A bounce after acceptance: the receiver accepted, then sent a bounce back later.
    if (FAILURES_AFTER_DELIVERY.has(next)) take(true);
    // Pending events after a delivery are late arrivals; dropped/failed/expired/canceled cannot undo an acceptance.
    return;
  }
  if (current === 'soft-bounced') {
    // A delivery after a soft bounce is a retry that worked; another failure replaces it; the provider's own
    // retries (deferred, sent) do not undo the bounce until they succeed.
    if (next === 'delivered') {
      take();
      fold.deliveredAt ??= event.at;
    } else if (PROGRESS[next] === undefined) take(fold.asyncBounce && FAILURES_AFTER_DELIVERY.has(next));
    return;
  }
  if (TERMINAL.has(current)) {
    // Between outcomes the later one wins; a message that gave up does not go back to pending or delivered.
    if (TERMINAL.has(next)) take(fold.asyncBounce && FAILURES_AFTER_DELIVERY.has(next));
  }
}

/**
 * Folds every event known for one message into its current status.
 *
 * Rules: events are taken in event-time order (not arrival order) and duplicates dropped (same provider event
 * id, else same type, instant and raw word, see {@link dedupeKey}); progress never goes back; a terminal failure overrides pending
 * states; a bounce or block after a delivery is an asynchronous bounce (the bounce wins, `asyncBounce` is set,
 * `deliveredAt` kept); a delivery after a deferral or soft bounce is a successful retry; engagement never
 * changes the delivery state, but an open, click, read or reply proves that a still-pending or soft-bounced
 * message was delivered (after a soft bounce that followed a delivery, it is the retry getting through: no
 * `asyncBounce`); an open on a failed message is recorded as an anomaly; the latest of unsubscribed/resubscribed
 * wins. The result does not depend on the order of `events` nor on duplicates in it.
 *
 * A message sent to several people is one delivery per recipient: reduce each one's events (`options.recipient`).
 * Delivery states that name no recipient apply to each of them; engagement that names none (whose open, click or
 * unsubscribe the provider does not say) belongs to the message only, and is left out of every recipient's status.
 *
 * @throws {EstafetteInputError} when events belong to different messages, carry an unknown type or an `at` that
 * is not an ISO 8601 date-time with a time zone (see `isZonedTime`), or name several recipients while
 * `options.recipient` does not say which.
 */
export function reduceEvents(events: readonly CanonicalEvent[], options: ReduceOptions = {}): MessageStatus {
  return foldOrdered(sortAndDedupe(checkedEvents(events, options)), options);
}

/**
 * {@link reduceEvents} for events already in the order `sortAndDedupe` gives (event time, ties broken the same
 * way, duplicates dropped): the same checks and the same status, without sorting again. For a caller that keeps
 * its events that way, such as the timeline's rows; any other order gives a wrong status, not an error.
 *
 * @throws {EstafetteInputError} when events belong to different messages, carry an unknown type or an `at` that
 * is not an ISO 8601 date-time with a time zone.
 */
export function reduceOrderedEvents(ordered: readonly CanonicalEvent[], options: ReduceOptions = {}): MessageStatus {
  return foldOrdered(checkedEvents(ordered, options), options);
}

/**
 * The error for an `at` not laid out as an ISO 8601 date-time with a time zone (`isZonedTime`): a Unix time, a
 * text without time zone (its order would depend on the machine's zone), or no time at all cannot be ordered
 * against the others.
 */
const badTime = (at: unknown, path: string): EstafetteInputError =>
  new EstafetteInputError(
    `event time ${typeof at === 'string' ? JSON.stringify(at.length > 40 ? `${at.slice(0, 40)}…` : at) : typeof at === 'number' || at == null ? String(at) : `of type ${typeof at}`} is not an ISO 8601 date-time with a time zone (2026-11-02T09:00:00.000Z, or an offset such as +01:00)`,
    path,
  );

/** `events`, once checked: one message, known types, times with a zone, one recipient (the one asked for, if any). */
function checkedEvents(events: readonly CanonicalEvent[], options: ReduceOptions): readonly CanonicalEvent[] {
  if (!Array.isArray(events)) throw new EstafetteInputError('reduceEvents expects an array of canonical events', 'events');
  const messageId = events[0]?.messageId ?? options.messageId ?? '';
  events.forEach((event, index) => {
    if (event == null || typeof event !== 'object') throw new EstafetteInputError('event is not an object', `events[${index}]`);
    if (event.messageId !== messageId)
      throw new EstafetteInputError(`events of different messages (${messageId} and ${event.messageId}) cannot be reduced together`, `events[${index}].messageId`);
    if (!isDeliveryState(event.type) && !isEngagementSignal(event.type))
      throw new EstafetteInputError(`unknown canonical event type "${String(event.type)}"`, `events[${index}].type`);
    if (!isZonedTime(event.at)) throw badTime(event.at, `events[${index}].at`);
  });
  if (options.recipient !== undefined) {
    const wanted = recipientKey(options.recipient);
    // With one recipient named (or none), what names no one is theirs too; with several, only delivery states are.
    const sole = recipientsOf(events).length < 2;
    return events.filter((event) => {
      const key = recipientKey(event.recipient);
      return key === wanted || (key === '' && (sole || isDeliveryState(event.type)));
    });
  }
  const [first, second] = recipientsOf(events);
  if (second !== undefined)
    throw new EstafetteInputError(
      `message ${messageId} went to several recipients (${first} and ${second}): each has a status of its own; pass { recipient } to reduce one`,
      `events[${events.findIndex((event) => event.recipient === second)}].recipient`,
    );
  return events;
}

/**
 * A recipient as compared: lower case, without a channel prefix (`whatsapp:+336...` is `+336...`, as Twilio
 * writes the same number both ways) and without surrounding spaces; empty for an event naming no one.
 */
export const recipientKey = (recipient: unknown): string =>
  typeof recipient === 'string' ? recipient.trim().toLowerCase().replace(/^[a-z][a-z0-9+.-]*:(?!\/\/)/, '') : '';

/**
 * Engagement that names no recipient: on a message whose events name several recipients, the message's own (see
 * {@link ReduceOptions.recipient}).
 */
export const isUnattributedSignal = (event: CanonicalEvent): boolean => !isDeliveryState(event.type) && recipientKey(event.recipient) === '';

/** Whether two recipients are the same address or number (see {@link recipientKey}). */
export const sameRecipient = (a: string, b: string): boolean => a === b || recipientKey(a) === recipientKey(b);

/**
 * The recipients that `events[start]` to `events[end - 1]` name, each once (see {@link recipientKey}), in the order
 * they are first named: one or none for most messages.
 */
export function recipientsOf(events: readonly CanonicalEvent[], start = 0, end = events.length): string[] {
  const found: string[] = [];
  for (let i = start; i < end; i++) {
    const recipient = events[i]!.recipient;
    if (typeof recipient !== 'string' || found.includes(recipient)) continue; // the same spelling: no key to compute
    if (recipientKey(recipient) !== '' && !found.some((known) => sameRecipient(known, recipient))) found.push(recipient);
  }
  return found;
}

/** The status of one message's events, taken in the order given (see sortAndDedupe). */
function foldOrdered(ordered: readonly CanonicalEvent[], options: ReduceOptions): MessageStatus {
  const messageId = ordered[0]?.messageId ?? options.messageId ?? '';
  const first = ordered[0];
  const recipient = ordered.find((event) => event.recipient !== undefined)?.recipient;
  const fold: Fold = { state: undefined, setter: undefined, asyncBounce: false, deliveredAt: undefined, inferred: false, anomaly: false };
  const signals = new Map<EngagementSignal, { count: number; automated: number; first: string; last: string }>();
  let subscription: 'unsubscribed' | 'resubscribed' | undefined;
  let updatedAt = '';
  let updatedTime = Number.NEGATIVE_INFINITY;

  for (const event of ordered) {
    const time = timeOf(event.at);
    if (time >= updatedTime) {
      updatedTime = time;
      updatedAt = event.at;
    }
    const type = event.type;
    if (isDeliveryState(type)) {
      applyDelivery(fold, event, type);
      continue;
    }
    const summary = signals.get(type);
    if (summary) {
      summary.count++;
      if (event.automated) summary.automated++;
      summary.last = event.at;
    } else {
      signals.set(type, { count: 1, automated: event.automated ? 1 : 0, first: event.at, last: event.at });
    }
    if (type === 'unsubscribed' || type === 'resubscribed') subscription = type;
    if (PROOF_OF_DELIVERY.has(type)) {
      const state = fold.state;
      if (state === undefined || state === 'unknown' || PROGRESS[state] !== undefined || state === 'soft-bounced') {
        fold.state = 'delivered';
        fold.setter = event;
        fold.inferred = true;
        fold.deliveredAt ??= event.at;
        // A soft bounce that followed a delivery was retried through: like a delivery event after it, the
        // engagement that proves delivery leaves no bounce after delivery behind.
        fold.asyncBounce = false;
      } else if (state !== 'delivered' && !fold.asyncBounce) {
        // Engagement on a message that never arrived: keep it, flag it, change nothing.
        fold.anomaly = true;
      }
    }
  }

  const delivery: DeliveryState = fold.state ?? 'unknown';
  const engagement: { [S in EngagementSignal]?: SignalSummary } = {};
  for (const [signal, summary] of signals) engagement[signal] = { ...summary };

  let display: DisplayStatus = delivery;
  const shown = ALWAYS_SHOWN.find((s) => (s === 'unsubscribed' ? subscription === 'unsubscribed' : signals.has(s)));
  if (shown) display = shown;
  else if (delivery === 'delivered') display = SHOWN_WHEN_DELIVERED.find((s) => signals.has(s)) ?? delivery;

  const setter = fold.setter;
  const failed = delivery !== 'delivered';
  const sentOn = first?.channel ?? options.channel ?? 'email';
  // Whose word `raw` is: the provider of the event that set the state (Brevo after the host's own outbox scheduled
  // it; the second provider after a fail-over), else the first one heard from.
  const provider = setter?.provider ?? first?.provider;
  const status: MessageStatus = {
    messageId,
    channel: sentOn,
    ...(recipient !== undefined && { recipient }),
    ...(provider !== undefined && { provider }),
    delivery,
    display,
    ...(failed && setter?.reason !== undefined && { reason: setter.reason }),
    ...(failed && setter?.detail !== undefined && { detail: setter.detail }),
    ...(setter !== undefined && { raw: setter.raw }),
    engagement,
    ...(subscription !== undefined && { subscription }),
    updatedAt: first ? updatedAt : options.at ?? new Date().toISOString(),
    settled: isFinalOn(display, sentOn) && isFinalOn(delivery, sentOn),
    ...(fold.asyncBounce && { asyncBounce: true }),
    ...(fold.deliveredAt !== undefined && { deliveredAt: fold.deliveredAt }),
    ...(fold.inferred && { deliveryInferred: true }),
    ...(fold.anomaly && { anomaly: 'engagement-after-failure' as const }),
  };
  return status;
}
