import type { CampaignHistoryEntry } from '../../core/campaign.js';
import { CAMPAIGN_ACTIONS, historyKey } from '../../core/campaign.js';
import type { CanonicalEvent } from '../../core/event.js';
import { dedupeKey, sortAndDedupe, timeOf } from '../../core/message-status.js';

/** One row of the timeline: an entry and how many times it was reported. */
export interface TimelineRow<T> {
  /** Stable across loads and live updates: the scroll anchor and the focused row follow it. */
  readonly key: string;
  readonly item: T;
  /** How many copies of it the source reported (webhooks are often delivered twice). */
  readonly count: number;
}

/**
 * Where an entry came from: a loaded page (or the `events` property), a live update, or the latest page loaded
 * again to catch up (its copies are not new reports of entries already shown).
 */
export type Origin = 'page' | 'live' | 'refresh';

interface Tally<T> {
  readonly item: T;
  page: number;
  live: number;
}

/** The rows of one timeline (see {@link rowStore}). */
export interface RowStore<T> {
  /** Rows, oldest first. */
  readonly rows: readonly TimelineRow<T>[];
  readonly size: number;
  /** The chronological index of the row with `key`, or -1 (no key: -1). */
  indexOf(key: string | undefined): number;
  /** Adds entries; returns whether any row was added or its count changed. */
  add(items: readonly T[], origin: Origin): boolean;
  clear(): void;
}

/**
 * The entries of one timeline, collapsed by key and kept in chronological order.
 *
 * Copies are counted per origin and the larger count wins: an event that arrives live and is then loaded again in
 * a page is the same report seen twice by us, not twice by the provider.
 */
function rowStore<T>(keyOf: (item: T) => string, order: (items: T[]) => T[]): RowStore<T> {
  const tallies = new Map<string, Tally<T>>();
  let sorted: readonly TimelineRow<T>[] = [];
  let index = new Map<string, number>();
  const rebuild = (): void => {
    const byItem = new Map<T, string>();
    for (const [key, tally] of tallies) byItem.set(tally.item, key);
    const rows: TimelineRow<T>[] = [];
    const positions = new Map<string, number>();
    for (const item of order([...byItem.keys()])) {
      const key = byItem.get(item)!;
      const tally = tallies.get(key)!;
      positions.set(key, rows.length);
      rows.push({ key, item, count: Math.max(tally.page, tally.live) });
    }
    sorted = rows;
    index = positions;
  };
  return {
    get rows() {
      return sorted;
    },
    get size() {
      return sorted.length;
    },
    // (Undefined is no row's key: -1.)
    indexOf: (key) => index.get(key!) ?? -1,
    add(items, origin) {
      let changed = false;
      if (origin === 'refresh') {
        // The copies of each entry in this page, each entry's page count raised to that at most.
        const copies = new Map<string, { item: T; count: number }>();
        for (const item of items) {
          const key = keyOf(item);
          const seen = copies.get(key);
          if (seen) seen.count++;
          else copies.set(key, { item, count: 1 });
        }
        for (const [key, { item, count }] of copies) {
          const tally = tallies.get(key);
          if (!tally) {
            tallies.set(key, { item, page: count, live: 0 });
            changed = true;
          } else if (count > tally.page) {
            if (count > Math.max(tally.page, tally.live)) changed = true;
            tally.page = count;
          }
        }
        if (changed) rebuild();
        return changed;
      }
      for (const item of items) {
        const key = keyOf(item);
        const tally = tallies.get(key);
        if (tally) {
          const before = Math.max(tally.page, tally.live);
          tally[origin]++;
          if (Math.max(tally.page, tally.live) !== before) changed = true;
        } else {
          tallies.set(key, { item, page: origin === 'page' ? 1 : 0, live: origin === 'live' ? 1 : 0 });
          changed = true;
        }
      }
      if (changed) rebuild();
      return changed;
    },
    clear() {
      tallies.clear();
      rebuild();
    },
  };
}

/** A message's events: one row per distinct event (the core's notion of a duplicate), in event-time order. */
export const createEventStore = (): RowStore<CanonicalEvent> => rowStore(dedupeKey, sortAndDedupe);

const ACTION_ORDER = new Map<string, number>(CAMPAIGN_ACTIONS.map((action, i) => [action, i] as const));

/** Oldest first; entries at the same time in the order a campaign goes through them. */
export function sortHistory(entries: CampaignHistoryEntry[]): CampaignHistoryEntry[] {
  return entries
    .map((entry) => ({ entry, time: timeOf(entry.at) }))
    .sort((a, b) => a.time - b.time || (ACTION_ORDER.get(a.entry.action) ?? 99) - (ACTION_ORDER.get(b.entry.action) ?? 99))
    .map(({ entry }) => entry);
}

/** A campaign's history: one row per distinct entry, oldest first. */
export const createHistoryStore = (): RowStore<CampaignHistoryEntry> => rowStore(historyKey, sortHistory);
