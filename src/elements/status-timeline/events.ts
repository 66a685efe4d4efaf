import type { CampaignHistoryEntry } from '../../core/campaign.js';
import type { CanonicalEvent } from '../../core/event.js';
import type { Lifecycle } from './lifecycle.js';

/** Fired by `<status-timeline>` when the message's lifecycle stage changes (first load, live update, new events). */
export class StageChangeEvent extends Event {
  /** The event's name, for `addEventListener`, as on the other elements' event classes. */
  static readonly eventName = 'stage-change';
  constructor(
    /** Where the message now stands. */
    readonly lifecycle: Lifecycle,
  ) {
    super(StageChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Fired by `<status-timeline>` when the user picks an entry (click, Enter or Space on a row). */
export class EntrySelectEvent extends Event {
  /** The event's name, for `addEventListener`, as on the other elements' event classes. */
  static readonly eventName = 'entry-select';
  constructor(
    /** The message event or the campaign history entry picked. */
    readonly entry: CanonicalEvent | CampaignHistoryEntry,
    /** How many times the source reported it. */
    readonly count: number,
  ) {
    super(EntrySelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'stage-change': StageChangeEvent;
    'entry-select': EntrySelectEvent;
  }
}
