import type { CanonicalEvent } from './event.js';
import { reduceEvents } from './message-status.js';
import { DELIVERY_STATES, ENGAGEMENT_SIGNALS, type EventType } from './statuses.js';

/**
 * Every event type, numbered in reduceEvents' tie-break order (delivery states in lifecycle order, then signals),
 * so that `time * TYPE_SPAN + code` sorts events as its total order does, up to their content.
 */
export const EVENT_TYPES: readonly EventType[] = [...DELIVERY_STATES, ...ENGAGEMENT_SIGNALS];
export const TYPE_CODE: ReadonlyMap<string, number> = new Map(EVENT_TYPES.map((type, code) => [type, code]));
export const TYPE_SPAN = 32;

/**
 * How reduceEvents moves a message from delivery state to delivery state: its fold goes by the event's type
 * alone, so a table of every (state, type) pair replays it. The table is read off reduceEvents itself, each pair
 * probed as two events a minute apart, so the two cannot drift apart. States are indexes in DELIVERY_STATES.
 */
export interface DeliveryFold {
  /** The state after an event of type code `type` in state `state`: `next[state * EVENT_TYPES.length + type]`. */
  readonly next: Uint8Array;
  /** The state before any event (reduceEvents reports no event as `unknown`, and treats it so). */
  readonly initial: number;
}

let fold: DeliveryFold | undefined;

/** The fold, built on first use. */
export function deliveryFold(): DeliveryFold {
  if (fold) return fold;
  const probe = (type: EventType, minute: number): CanonicalEvent => ({
    provider: 'probe', channel: 'email', messageId: 'probe', type, raw: type, at: `2000-01-01T00:0${minute}:00.000Z`,
  });
  const stateOf = (events: CanonicalEvent[]) => DELIVERY_STATES.indexOf(reduceEvents(events, { messageId: 'probe' }).delivery);
  const next = new Uint8Array(DELIVERY_STATES.length * EVENT_TYPES.length);
  for (const [state, from] of DELIVERY_STATES.entries())
    for (const [code, type] of EVENT_TYPES.entries()) next[state * EVENT_TYPES.length + code] = stateOf([probe(from, 0), probe(type, 1)]);
  fold = { next, initial: stateOf([]) };
  return fold;
}

// Past this many distinct ways of moving the state, the search below is not worth it: sort by time instead.
const MAX_MOVES = 10;
const settled = new Map<number, number>();

/**
 * The final delivery state of every message whose events have exactly the types in `types` (bit `1 << code` per
 * type), when it does not depend on their order nor on how many there are of each: then their times need not be
 * read. -1 when it does. Most messages are such (queued, sent, delivered, opens and clicks in any order end
 * delivered; a hard bounce ends hard-bounced before or after a delivery), so the answer is kept per set.
 */
export function settledState(types: number): number {
  const known = settled.get(types);
  if (known !== undefined) return known;
  const { next, initial } = deliveryFold();
  const states = DELIVERY_STATES.length;
  const width = EVENT_TYPES.length;
  // The ways the types present move the state; a type that moves nothing, or moves like another, adds nothing.
  const moves: Uint8Array[] = [];
  for (let code = 0; code < width; code++) {
    if (!(types & (1 << code))) continue;
    const move = Uint8Array.from({ length: states }, (_, state) => next[state * width + code]!);
    if (move.every((to, from) => to === from) || moves.some((other) => other.every((to, i) => to === move[i]))) continue;
    moves.push(move);
  }
  let answer = -1;
  if (moves.length <= MAX_MOVES) {
    // Every (state, moves used so far) reachable from the start; the states reached having used every move.
    const all = (1 << moves.length) - 1;
    const seen = new Uint8Array(states << moves.length);
    const queue = [initial << moves.length];
    seen[queue[0]!] = 1;
    const finals = new Set<number>();
    while (queue.length) {
      const node = queue.pop()!;
      const state = node >> moves.length;
      const used = node & all;
      if (used === all) finals.add(state);
      for (const [m, move] of moves.entries()) {
        const to = (move[state]! << moves.length) | used | (1 << m);
        if (!seen[to]) {
          seen[to] = 1;
          queue.push(to);
        }
      }
    }
    if (finals.size === 1) answer = [...finals][0]!;
  }
  settled.set(types, answer);
  return answer;
}
