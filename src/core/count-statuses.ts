import type { CanonicalEvent } from './event.js';
import type { MessageStatus } from './message-status.js';
import type { CountedStatus } from './message-tally.js';
import { COUNT_FIELDS, type CampaignCounts } from './rates.js';
import { DELIVERY_STATES, type DeliveryState } from './statuses.js';
import { EstafetteInputError } from './errors.js';

/*
 * How one message's status feeds a campaign's counters: shared by `aggregate` (statuses or events) and by sources
 * that only ever count statuses (StaticDataSource), which so do not pull the event tally into their bundle.
 */

type CountField = keyof CampaignCounts;

/**
 * Which counter each delivery state feeds: the one of its own name, but for the pending states and the two kinds of
 * bounce. Scheduled and canceled messages were never sent out.
 */
const DELIVERY_COUNTER: { readonly [S in DeliveryState]: CountField } = {
  ...(Object.fromEntries(DELIVERY_STATES.map((state) => [state, state])) as Record<DeliveryState, CountField>),
  queued: 'pending',
  held: 'pending',
  sending: 'pending',
  sent: 'pending',
  'soft-bounced': 'softBounced',
  'hard-bounced': 'hardBounced',
};

const NOT_SENT_OUT: ReadonlySet<DeliveryState> = new Set(['scheduled', 'canceled']);

/** Every counter at 0, in the order of {@link COUNT_FIELDS}. */
export const emptyCounts = (): Required<CampaignCounts> => Object.fromEntries(COUNT_FIELDS.map((field) => [field, 0])) as Required<CampaignCounts>;

/** Adds one message's status to the counts. */
export function addStatus(counts: Required<CampaignCounts>, status: CountedStatus): void {
  // Own keys only: a delivery of 'toString' or '__proto__' must count as unknown, not reach Object.prototype.
  const counter = Object.hasOwn(DELIVERY_COUNTER, status.delivery) ? DELIVERY_COUNTER[status.delivery] : 'unknown';
  counts[counter]++;
  if (!NOT_SENT_OUT.has(status.delivery)) counts.sent++;
  const { opened, clicked, complained, replied } = status.engagement;
  // A click proves the message was opened even when images (and so the open pixel) were blocked.
  if (opened || clicked) counts.opened++;
  if (opened) {
    counts.openedTotal += opened.count;
    if (!clicked && opened.automated === opened.count) counts.openedAutomated++;
  }
  if (clicked) {
    counts.clicked++;
    counts.clickedTotal += clicked.count;
  }
  if (complained) counts.complained++;
  if (replied) counts.replied++;
  if (status.subscription === 'unsubscribed') counts.unsubscribed++;
}

/**
 * Adds the engagement of a message sent to several people that names none of them (`shared`: whose open, click or
 * unsubscribe the provider does not say, e.g. SES), next to its recipients' own statuses (`recipients`, already
 * added): every open and click goes into the totals, but the message counts as opened, clicked, complained or
 * unsubscribed once, and only when none of its recipients already does. It is never counted against each of them.
 */
export function addSharedEngagement(counts: Required<CampaignCounts>, shared: CountedStatus, recipients: readonly CountedStatus[]): void {
  const { opened, clicked, complained, replied } = shared.engagement;
  const anyRecipient = (test: (status: CountedStatus) => unknown): boolean => recipients.some(test);
  if (opened) counts.openedTotal += opened.count;
  if (clicked) counts.clickedTotal += clicked.count;
  if ((opened || clicked) && !anyRecipient((status) => status.engagement.opened || status.engagement.clicked)) {
    counts.opened++;
    if (opened && !clicked && opened.automated === opened.count) counts.openedAutomated++;
  }
  if (clicked && !anyRecipient((status) => status.engagement.clicked)) counts.clicked++;
  if (complained && !anyRecipient((status) => status.engagement.complained)) counts.complained++;
  if (replied && !anyRecipient((status) => status.engagement.replied)) counts.replied++;
  if (shared.subscription === 'unsubscribed' && !anyRecipient((status) => status.subscription === 'unsubscribed')) counts.unsubscribed++;
}

/**
 * A campaign's counts from its messages' statuses (for raw events, see `aggregate`).
 *
 * @throws {EstafetteInputError} when `statuses` is not a list, or holds something that is not a status.
 */
export function countStatuses(statuses: Iterable<MessageStatus>): Required<CampaignCounts> {
  const counts = emptyCounts();
  let index = 0;
  for (const status of checkedList(statuses, 'statuses')) {
    if (status == null || typeof status !== 'object' || typeof status.delivery !== 'string')
      throw new EstafetteInputError('not a message status', `statuses[${index}]`);
    addStatus(counts, status);
    index++;
  }
  return counts;
}

/** `list`, if it can be iterated; else a typed error naming it. */
export function checkedList<T>(list: Iterable<T>, path: string): Iterable<T> {
  if (list == null || typeof (list as { [Symbol.iterator]?: unknown })[Symbol.iterator] !== 'function' || typeof list === 'string')
    throw new EstafetteInputError('expected a list (an array or another iterable)', path);
  return list;
}

/** Whether an item of a list of statuses and events is a status (what `reduceEvents` returns) rather than an event. */
export const isMessageStatus = (item: MessageStatus | CanonicalEvent): item is MessageStatus =>
  typeof (item as MessageStatus).delivery === 'string' && typeof (item as MessageStatus).engagement === 'object';

/**
 * Whether `item`, the `index`th of the list at `list`, is a status (`true`) or a message's event (`false`); anything
 * else is refused with a typed error naming it (`items[3]`). The path is built only then: `aggregate` asks it of
 * each of a million events.
 */
export function isStatusItem(item: MessageStatus | CanonicalEvent, list: string, index: number): item is MessageStatus {
  if (item != null && typeof item === 'object') {
    if (isMessageStatus(item)) return true;
    if (typeof item.messageId === 'string' && typeof item.type === 'string') return false;
  }
  throw new EstafetteInputError('not a message status nor an event', `${list}[${index}]`);
}
