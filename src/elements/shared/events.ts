import type { DisplayStatus, MessageStatus } from '../../core/index.js';

/**
 * Fired by an element following a message when its display status changes after the first load
 * (`sent` → `delivered`, `delivered` → `opened`, `delivered` → `bounced`, ...): by a live update, or by a lookup
 * again (`retry()`, back on the page). Not fired for the first load, nor when the page itself sets a new `status`,
 * nor for the first status of a message the source did not know at first (a badge "Unavailable", then live
 * "Delivered"): there is no old status to give.
 * Bubbles and crosses shadow roots.
 *
 * @example
 * ```ts
 * table.addEventListener('status-change', (event) => {
 *   console.log(event.messageId, event.oldStatus, '→', event.newStatus);
 * });
 * ```
 */
export class StatusChangeEvent extends Event {
  static readonly eventName = 'status-change';
  /** The message whose status changed. */
  readonly messageId: string;
  /** The display status shown before the update. */
  readonly oldStatus: DisplayStatus;
  /** The display status shown now. */
  readonly newStatus: DisplayStatus;
  /** The message's whole status after the update. */
  readonly status: MessageStatus;
  /** The message's whole status before the update. */
  readonly previous: MessageStatus;

  constructor(previous: MessageStatus, status: MessageStatus) {
    super(StatusChangeEvent.eventName, { bubbles: true, composed: true });
    this.messageId = status.messageId;
    this.oldStatus = previous.display;
    this.newStatus = status.display;
    this.status = status;
    this.previous = previous;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'status-change': StatusChangeEvent;
  }
}
