import type { CanonicalEvent } from './event.js';
import { isUnattributedSignal, recipientsOf, reduceEvents, sameRecipient, type MessageStatus } from './message-status.js';
import { groupByMessage } from './group-events.js';
import { MessageTally, tallyMessage } from './message-tally.js';
import type { CampaignCounts } from './rates.js';
import { addSharedEngagement, addStatus, checkedList, emptyCounts, isStatusItem } from './count-statuses.js';

/** Is an event (to group and reduce), or a status (counted at once); anything else is refused (isStatusItem). */
function isEvent(counts: Required<CampaignCounts>, item: MessageStatus | CanonicalEvent, index: number): item is CanonicalEvent {
  if (!isStatusItem(item, 'items', index)) return true;
  addStatus(counts, item);
  return false;
}

type Items = readonly (MessageStatus | CanonicalEvent)[];

/**
 * Counts one message's deliveries: one per recipient its events name (a send to several people has one provider
 * message id), each from that recipient's events and the delivery states naming no one; then the engagement
 * naming no one, once for the message (see addSharedEngagement).
 */
function addDeliveries(counts: Required<CampaignCounts>, events: readonly CanonicalEvent[]): void {
  const recipients = recipientsOf(events);
  if (recipients.length < 2) {
    addStatus(counts, reduceEvents(events));
    return;
  }
  const statuses = recipients.map((recipient) => reduceEvents(events, { recipient }));
  for (const status of statuses) addStatus(counts, status);
  const shared = events.filter(isUnattributedSignal);
  if (shared.length > 0) addSharedEngagement(counts, reduceEvents(shared), statuses);
}

/**
 * Counts a list in which each message's events come together (a provider's export, a page of an API), in one
 * pass: each event is tallied as it is read. `undefined` as soon as a message comes back after another one's
 * events: then only {@link countGroups} can count the list.
 */
function countRuns(list: Items): Required<CampaignCounts> | undefined {
  const counts = emptyCounts();
  const tally = new MessageTally();
  const seen = new Set<string>();
  // Runs the tally leaves to reduceEvents, reduced at the end: every item must have been checked first.
  const left: number[] = [];
  // Whether the current run's events name several recipients: then they are counted apart, by reduceEvents.
  let recipient: string | undefined;
  let several = false;
  const close = (start: number, end: number) => {
    if (several) {
      left.push(start, end);
      return;
    }
    const status = tally.finish(list as readonly CanonicalEvent[], start);
    if (status) addStatus(counts, status);
    else left.push(start, end);
  };
  let lastId: string | undefined;
  let runStart = 0;
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    if (!isEvent(counts, item, i)) {
      if (lastId !== undefined) close(runStart, i);
      lastId = undefined;
      continue;
    }
    const id = item.messageId;
    if (id !== lastId) {
      if (lastId !== undefined) close(runStart, i);
      const known = seen.size;
      if (seen.add(id).size === known) return undefined;
      lastId = id;
      runStart = i;
      tally.begin();
      recipient = undefined;
      several = false;
    }
    tally.add(item);
    const to = item.recipient;
    if (typeof to === 'string' && to !== '' && !several) {
      if (recipient === undefined) recipient = to;
      else several = !sameRecipient(recipient, to);
    }
  }
  if (lastId !== undefined) close(runStart, list.length);
  for (let r = 0; r < left.length; r += 2) addDeliveries(counts, list.slice(left[r], left[r + 1]) as CanonicalEvent[]);
  return counts;
}

/** Counts any list: events grouped by message first. */
function countGroups(list: Items): Required<CampaignCounts> {
  const counts = emptyCounts();
  const { events, starts, ends } = groupByMessage(list, (item, index): item is CanonicalEvent => isEvent(counts, item, index));
  for (let m = 0; m < starts.length; m++) {
    const start = starts[m]!;
    const end = ends[m]!;
    const status = recipientsOf(events, start, end).length < 2 ? tallyMessage(events, start, end) : undefined;
    if (status) addStatus(counts, status);
    else addDeliveries(counts, events.slice(start, end));
  }
  return counts;
}

/**
 * Builds a campaign's counts from per-message statuses, or from raw canonical events (grouped by message id and
 * reduced with {@link reduceEvents}). Linear in the number of events. A message whose events name several
 * recipients (one send to several people) counts once per recipient, like the separate messages it was; its
 * engagement that names none of them (an SES open of such a message) counts once for the message, never once per
 * recipient, and proves no one's delivery.
 *
 * The counts are exactly those of adding up `reduceEvents()` of each message, but events are not turned into
 * statuses: each message's are tallied in place, and only a message the tally cannot
 * vouch for goes through reduceEvents (unknown types or times it refuses, over 64 events, copies that differ in
 * what counts, or times that cannot be read when the outcome depends on their order).
 *
 * @throws {EstafetteInputError} on an item that is neither a status nor an event, or on an event reduceEvents refuses
 * (an `at` that is not an ISO 8601 date-time with a time zone, for one).
 */
export function aggregate(items: Iterable<MessageStatus | CanonicalEvent>): Required<CampaignCounts> {
  const list: Items = Array.isArray(items) ? items : [...checkedList(items, 'items')];
  return countRuns(list) ?? countGroups(list);
}
