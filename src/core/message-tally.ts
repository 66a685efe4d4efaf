import { isZonedTime, zonedTime } from './canonical-time.js';
import { instantKey, isIsoLayout, timeOf } from './message-status.js';
import { deliveryFold, EVENT_TYPES, settledState, TYPE_CODE, TYPE_SPAN } from './delivery-fold.js';
import type { CanonicalEvent } from './event.js';
import { DELIVERY_STATES, type DeliveryState, type EventType } from './statuses.js';

/** The part of a message's status that campaign counts read: every {@link MessageStatus} is one. */
export interface CountedStatus {
  readonly delivery: DeliveryState;
  readonly engagement: {
    readonly opened?: { readonly count: number; readonly automated: number };
    readonly clicked?: { readonly count: number };
    readonly complained?: object;
    readonly replied?: object;
  };
  readonly subscription?: 'unsubscribed' | 'resubscribed';
}

const code = (type: EventType): number => TYPE_CODE.get(type)!;
const OPENED = code('opened');
const CLICKED = code('clicked');
const COMPLAINED = code('complained');
const REPLIED = code('replied');
const UNSUBSCRIBED = code('unsubscribed');
const RESUBSCRIBED = code('resubscribed');
const BOTH_SUBSCRIPTIONS = (1 << UNSUBSCRIBED) | (1 << RESUBSCRIBED);

// A message with more events goes to reduceEvents: the duplicate checks and the sort here are quadratic.
const MAX_EVENTS = 64;

/** Webhook duplicates under one provider event id: the same key as `dedupeKey`, without building it. */
const sameEventId = (a: CanonicalEvent, b: CanonicalEvent): boolean =>
  a.provider === b.provider
    ? a.eventId === b.eventId
    : a.provider.length + a.eventId!.length === b.provider.length + b.eventId!.length &&
      `${a.provider}\u0000${a.eventId}` === `${b.provider}\u0000${b.eventId}`;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Counts one message at a time as {@link reduceEvents} would, without building its status: `begin()`, `add()`
 * each event in list order, `finish()`. Events are read once, as they come, by the loop that groups them; each
 * one's time checked as reduceEvents checks it (`isZonedTime`, a few character positions), and read only when
 * the outcome depends on the order ({@link settledState}), then without Date.parse.
 */
export class MessageTally {
  // Per event, in the order added: its type code, whether it is a dropped duplicate, and (when read) its time
  // and type as one number. `order` is the permutation that sorts the keys.
  private readonly codes = new Uint8Array(MAX_EVENTS);
  private readonly dropped = new Uint8Array(MAX_EVENTS);
  private readonly keys = new Float64Array(MAX_EVENTS);
  private readonly order = new Uint8Array(MAX_EVENTS);
  private count = 0;
  /** Bit `1 << code` for each type present; and for each type present more than once. */
  private types = 0;
  private repeated = 0;
  private withIds = false;
  /** An event the tally cannot vouch for: reduceEvents must reduce this message. */
  private odd = false;

  // The status handed back, reused from one message to the next.
  private readonly opened = { count: 0, automated: 0 };
  private readonly clicked = { count: 0 };
  private readonly present = {};
  private readonly engagement: Mutable<CountedStatus['engagement']> = {};
  private readonly status: Mutable<CountedStatus> = { delivery: 'unknown', engagement: this.engagement };

  /** Starts a new message. */
  begin(): void {
    this.count = this.types = this.repeated = 0;
    this.withIds = this.odd = false;
  }

  /** Adds the message's next event. */
  add(event: CanonicalEvent): void {
    const i = this.count;
    const type = TYPE_CODE.get(event.type);
    // Unknown types and times without a zone are reduceEvents' to refuse; words that are not strings its to compare.
    if (type === undefined || typeof event.raw !== 'string' || i === MAX_EVENTS) {
      this.odd = true;
      return;
    }
    if (!isZonedTime(event.at)) {
      this.odd = true;
      return;
    }
    if (event.eventId) this.withIds = true;
    this.repeated |= this.types & (1 << type);
    this.types |= 1 << type;
    this.codes[i] = type;
    this.dropped[i] = 0;
    this.count = i + 1;
  }

  /**
   * What reduceEvents would report of the message, for counting; `undefined` when it must reduce the message
   * itself (odd events, times it refuses, more than 64, copies that differ in what counts, times that cannot be
   * read when they matter). `events[start]` onwards are the events added. The object returned is reused by the next one.
   */
  finish(events: readonly CanonicalEvent[], start: number): CountedStatus | undefined {
    if (this.odd || !this.dropDuplicates(events, start)) return undefined;
    const { count, codes, dropped, opened, clicked, types } = this;
    // The latest of unsubscribed and resubscribed wins: with both, their order matters.
    let state = (types & BOTH_SUBSCRIPTIONS) !== BOTH_SUBSCRIPTIONS ? settledState(types) : -1;
    let subscription: CountedStatus['subscription'] = types & (1 << UNSUBSCRIBED) ? 'unsubscribed' : types & (1 << RESUBSCRIBED) ? 'resubscribed' : undefined;
    if (state < 0) {
      // The outcome depends on the order: sort by time, then replay reduceEvents' fold.
      const kept = this.sort(events, start);
      if (kept < 0) return undefined;
      const { next, initial } = deliveryFold();
      const order = this.order;
      state = initial;
      for (let x = 0; x < kept; x++) {
        const type = codes[order[x]!]!;
        state = next[state * EVENT_TYPES.length + type]!;
        if (type === UNSUBSCRIBED) subscription = 'unsubscribed';
        else if (type === RESUBSCRIBED) subscription = 'resubscribed';
      }
    }
    opened.count = opened.automated = clicked.count = 0;
    for (let i = 0; i < count; i++) {
      if (dropped[i]) continue;
      const type = codes[i]!;
      if (type === OPENED) {
        opened.count++;
        if (events[start + i]!.automated) opened.automated++;
      } else if (type === CLICKED) clicked.count++;
    }
    const { status, engagement } = this;
    status.delivery = DELIVERY_STATES[state]!;
    engagement.opened = opened.count ? opened : undefined;
    engagement.clicked = clicked.count ? clicked : undefined;
    engagement.complained = types & (1 << COMPLAINED) ? this.present : undefined;
    engagement.replied = types & (1 << REPLIED) ? this.present : undefined;
    status.subscription = subscription;
    return status;
  }

  /**
   * Puts the events kept in `order`, sorted by time then type as reduceEvents sorts them, and tells how many;
   * -1 when a time cannot be read (reduceEvents orders those first, and its tie-breaks then matter). Events often
   * come in time order or in reverse; else there are few of them, and an insertion sort does.
   */
  private sort(events: readonly CanonicalEvent[], start: number): number {
    const { count, codes, dropped, keys, order } = this;
    let ascending = true;
    let descending = true;
    let kept = 0;
    for (let i = 0; i < count; i++) {
      if (dropped[i]) continue;
      const time = zonedTime(events[start + i]!.at);
      if (Number.isNaN(time)) return -1;
      const key = time * TYPE_SPAN + codes[i]!;
      if (kept > 0) {
        const previous = keys[order[kept - 1]!]!;
        if (key < previous) ascending = false;
        else if (key > previous) descending = false;
      }
      keys[i] = key;
      order[kept++] = i;
    }
    if (descending && !ascending) order.subarray(0, kept).reverse();
    if (ascending || descending) return kept;
    for (let x = 1; x < kept; x++) {
      const i = order[x]!;
      let y = x - 1;
      while (y >= 0 && keys[order[y]!]! > keys[i]!) {
        order[y + 1] = order[y]!;
        y--;
      }
      order[y + 1] = i;
    }
    return kept;
  }

  /**
   * Drops duplicates as reduceEvents does: same provider event id, else same type, instant and raw word.
   * `false` when copies differ in what the counts read: which one reduceEvents keeps then matters.
   */
  private dropDuplicates(events: readonly CanonicalEvent[], start: number): boolean {
    const { count, codes, dropped, repeated } = this;
    // Copies without an event id are of one type: only repeated types can have any.
    for (let i = 0; repeated && i < count; i++) {
      if (!(repeated & (1 << codes[i]!))) continue;
      const event = events[start + i]!;
      if (dropped[i] || event.eventId) continue;
      for (let j = i + 1; j < count; j++) {
        if (codes[j] !== codes[i] || dropped[j]) continue;
        const other = events[start + j]!;
        if (other.eventId || !this.sameTimeAndWord(event, other)) continue;
        if (!this.drop(event, other, j)) return false;
      }
    }
    if (this.withIds)
      for (let i = 0; i < count; i++) {
        const event = events[start + i]!;
        if (dropped[i] || !event.eventId) continue;
        if (typeof event.eventId !== 'string' || typeof event.provider !== 'string') return false;
        for (let j = i + 1; j < count; j++) {
          const other = events[start + j]!;
          if (dropped[j] || !other.eventId) continue;
          if (typeof other.eventId !== 'string' || typeof other.provider !== 'string') return false;
          if (sameEventId(event, other) && !this.drop(event, other, j)) return false;
        }
      }
    return true;
  }

  /**
   * Same raw word and same instant, as `dedupeKey` compares them, for events `a` and `b` of one type. Equal texts
   * are one instant; two different texts of `toISOString()`'s layout never are (see `instantKey`): the usual pair,
   * settled without reading a time. Any other pair is keyed as `dedupeKey` keys it.
   */
  private sameTimeAndWord(a: CanonicalEvent, b: CanonicalEvent): boolean {
    if (a.raw !== b.raw) return false;
    if (a.at === b.at) return true;
    if (isIsoLayout(a.at) && isIsoLayout(b.at)) return false;
    return instantKey(a.at, timeOf(a.at)) === instantKey(b.at, timeOf(b.at));
  }

  /**
   * Drops a copy of a kept event; `false` when they differ in what the counts read (type, time, automated), or
   * write their time differently: then which one reduceEvents keeps is its to say.
   */
  private drop(kept: CanonicalEvent, copy: CanonicalEvent, index: number): boolean {
    if (kept.type !== copy.type || kept.at !== copy.at || !kept.automated !== !copy.automated) return false;
    this.dropped[index] = 1;
    return true;
  }
}

const shared = new MessageTally();

/**
 * What {@link reduceEvents} would report of `events[start]` to `events[end - 1]`, all of one message, for
 * counting; `undefined` when only reduceEvents can say (see {@link MessageTally}). The object returned is reused.
 */
export function tallyMessage(events: readonly CanonicalEvent[], start = 0, end = events.length): CountedStatus | undefined {
  shared.begin();
  for (let i = start; i < end; i++) shared.add(events[i]!);
  return shared.finish(events, start);
}
