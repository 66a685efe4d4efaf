import type { CanonicalEvent } from '../../core/event.js';
import type { MessageStatus } from '../../core/message-status.js';
import type { DeliveryState, EngagementSignal } from '../../core/statuses.js';
import type { TimelineStage } from '../../i18n/keys.js';

/** The four stages of a message's life, in order. Labels are `timeline.stage.<id>` in the catalogues. */
export const LIFECYCLE_STAGES = ['received', 'processed', 'delivered', 'engaged'] as const satisfies readonly TimelineStage[];
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * How one stage is drawn: `done` (passed), `current` (the furthest stage reached, highlighted), `upcoming`
 * (not reached), `stopped` (the message failed at this stage).
 */
export type StageState = 'done' | 'current' | 'upcoming' | 'stopped';

export interface StageView {
  readonly stage: LifecycleStage;
  readonly state: StageState;
}

/** Where a message stands in its lifecycle. */
export interface Lifecycle {
  /** The furthest stage the message reached; undefined before any event. */
  readonly reached: LifecycleStage | undefined;
  /** The stage where it failed, when it failed. */
  readonly stoppedAt?: LifecycleStage;
  /** The delivery state that stopped it (`dropped`, `hard-bounced`, ...). */
  readonly failure?: DeliveryState;
  /** Delivered, then bounced back by the receiving server: `delivered` is both reached and where it stopped. */
  readonly asyncBounce: boolean;
  /** One view per stage, in lifecycle order. */
  readonly stages: readonly StageView[];
}

/*
 * The mapping, from the delivery state `reduceEvents` settled on:
 *
 * | delivery state                                   | reached    | stopped at  |
 * |--------------------------------------------------|------------|-------------|
 * | (no event at all)                                | none       |             |
 * | scheduled, queued, held, unknown                 | received   |             |
 * | sending, sent, deferred                          | processed  |             |
 * | dropped, failed, canceled                        | received   | processed   |
 * | soft-bounced, hard-bounced, bounced, blocked,    | processed  | delivered   |
 * |   expired                                        |            |             |
 * | delivered (reported, or inferred from engagement)| delivered  |             |
 * | a bounce or block after a delivery (async)       | delivered  | delivered   |
 * | delivered + a human open, click, read or reply   | engaged    |             |
 *
 * Engagement counts only when a person did it: an open made only by an image proxy or a scanner leaves the
 * message at "delivered" (the event itself still shows, marked automatic). Engagement recorded on a message
 * that failed before delivery is the anomaly `reduceEvents` flags, and does not move the stages either.
 */
/** The table above, read by delivery state: each state of a group maps to its stage. */
const byStage = (groups: { readonly [S in LifecycleStage]?: readonly DeliveryState[] }): { readonly [S in DeliveryState]?: LifecycleStage } =>
  Object.fromEntries(Object.entries(groups).flatMap(([stage, states]) => states.map((state) => [state, stage])));

const REACHED = byStage({
  received: ['scheduled', 'queued', 'held', 'unknown', 'dropped', 'failed', 'canceled'],
  processed: ['sending', 'sent', 'deferred', 'soft-bounced', 'hard-bounced', 'bounced', 'blocked', 'expired'],
  delivered: ['delivered'],
});

const STOPPED_AT = byStage({
  processed: ['dropped', 'failed', 'canceled'],
  delivered: ['soft-bounced', 'hard-bounced', 'bounced', 'blocked', 'expired'],
});

/** The signals that show a person engaged with the message. */
export const ENGAGED_SIGNALS = ['opened', 'clicked', 'read', 'replied'] as const satisfies readonly EngagementSignal[];

const humanEngagement = (status: MessageStatus): boolean =>
  ENGAGED_SIGNALS.some((signal) => {
    const summary = status.engagement[signal];
    return summary !== undefined && summary.count > summary.automated;
  });


/**
 * Where a message stands in the four-stage lifecycle (received → processed → delivered → engaged), and where it
 * stopped when it failed. `status` is what `reduceEvents` made of `events`; `events` only tells whether anything
 * happened at all (a status from a live update may come before any event).
 */
export function computeLifecycle(status: MessageStatus, events: readonly CanonicalEvent[] = []): Lifecycle {
  // A status of no events (reduceEvents([])) or a source's `unknown` without events: nothing is known to have happened.
  const anything = events.length > 0 || status.delivery !== 'unknown';
  if (!anything) {
    return { reached: undefined, asyncBounce: false, stages: LIFECYCLE_STAGES.map((stage) => ({ stage, state: 'upcoming' })) };
  }
  const asyncBounce = status.asyncBounce === true;
  let reached: LifecycleStage = asyncBounce ? 'delivered' : REACHED[status.delivery] ?? 'received';
  // A bounce after delivery still leaves what the recipient did before it.
  if ((status.delivery === 'delivered' || asyncBounce) && humanEngagement(status)) reached = 'engaged';
  const stoppedAt = asyncBounce ? 'delivered' : STOPPED_AT[status.delivery];
  // Stages compared by their place in the lifecycle.
  const last = LIFECYCLE_STAGES.indexOf(reached);
  const stages = LIFECYCLE_STAGES.map((stage, r): StageView => {
    if (stage === stoppedAt) return { stage, state: 'stopped' };
    if (r > last) return { stage, state: 'upcoming' };
    // A failed message has no current stage: the one it stopped at is the highlight.
    return { stage, state: r === last && stoppedAt === undefined ? 'current' : 'done' };
  });
  return {
    reached,
    ...(stoppedAt !== undefined && { stoppedAt, failure: status.delivery }),
    asyncBounce,
    stages,
  };
}
