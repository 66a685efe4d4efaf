import type { CanonicalEvent } from './event.js';
import { EstafetteInputError } from './errors.js';
import { reduceEvents, type MessageStatus } from './message-status.js';
import type { CampaignCounts } from './rates.js';
import type { DeliveryState } from './statuses.js';

type CountField = keyof CampaignCounts;

/** Which counter each delivery state feeds. Scheduled and canceled messages were never sent out. */
const DELIVERY_COUNTER: { readonly [S in DeliveryState]: CountField } = {
  scheduled: 'scheduled',
  queued: 'pending',
  held: 'pending',
  sending: 'pending',
  sent: 'pending',
  deferred: 'deferred',
  delivered: 'delivered',
  'soft-bounced': 'softBounced',
  'hard-bounced': 'hardBounced',
  bounced: 'bounced',
  blocked: 'blocked',
  dropped: 'dropped',
  failed: 'failed',
  expired: 'expired',
  canceled: 'canceled',
  unknown: 'unknown',
};

const NOT_SENT_OUT: ReadonlySet<DeliveryState> = new Set(['scheduled', 'canceled']);

const emptyCounts = (): Required<CampaignCounts> => ({
  sent: 0, delivered: 0, opened: 0, openedTotal: 0, openedAutomated: 0, clicked: 0, clickedTotal: 0,
  softBounced: 0, hardBounced: 0, bounced: 0, blocked: 0, dropped: 0, deferred: 0, pending: 0, failed: 0,
  expired: 0, complained: 0, unsubscribed: 0, replied: 0, unknown: 0, scheduled: 0, canceled: 0,
});

/** Adds one message's status to the counts. */
function addStatus(counts: Required<CampaignCounts>, status: MessageStatus): void {
  const counter = DELIVERY_COUNTER[status.delivery] ?? 'unknown';
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

const isStatus = (item: MessageStatus | CanonicalEvent): item is MessageStatus =>
  typeof (item as MessageStatus).delivery === 'string' && typeof (item as MessageStatus).engagement === 'object';

/**
 * Builds a campaign's counts from per-message statuses, or from raw canonical events (grouped by message id and
 * reduced with {@link reduceEvents}). Linear in the number of events.
 *
 * @throws {EstafetteInputError} on an item that is neither a status nor an event.
 */
export function aggregate(items: Iterable<MessageStatus> | Iterable<CanonicalEvent>): Required<CampaignCounts> {
  const counts = emptyCounts();
  const byMessage = new Map<string, CanonicalEvent[]>();
  let index = 0;
  for (const item of items as Iterable<MessageStatus | CanonicalEvent>) {
    if (item == null || typeof item !== 'object') throw new EstafetteInputError('not a message status nor an event', `items[${index}]`);
    if (isStatus(item)) addStatus(counts, item);
    else if (typeof item.messageId === 'string' && typeof item.type === 'string') {
      const list = byMessage.get(item.messageId);
      if (list) list.push(item);
      else byMessage.set(item.messageId, [item]);
    } else throw new EstafetteInputError('not a message status nor an event', `items[${index}]`);
    index++;
  }
  for (const events of byMessage.values()) addStatus(counts, reduceEvents(events));
  return counts;
}
