import type { CampaignHistoryEntry } from '../../core/campaign.js';
import { CAMPAIGN_ACTIONS } from '../../core/campaign.js';
import type { CanonicalEvent } from '../../core/event.js';
import { dedupeKey, sortAndDedupe } from '../../core/message-status.js';

/** One row of the timeline: an entry and how many times it was reported. */
export interface TimelineRow<T> {
  /** Stable across loads and live updates: the scroll anchor and the focused row follow it. */
  readonly key: string;
  readonly item: T;
  /** How many copies of it the source reported (webhooks are often delivered twice). */
  readonly count: number;
}

/** Where an entry came from: a loaded page (or the `events` property), or a live update. */
export type Origin = 'page' | 'live';

interface Tally<T> {
  readonly item: T;
  page: number;
  live: number;
}

/**
 * The entries of one timeline, collapsed by key and kept in chronological order.
 *
 * Copies are counted per origin and the larger count wins: an event that arrives live and is then loaded again in
 * a page is the same report seen twice by us, not twice by the provider.
 */
export class RowStore<T> {
  private readonly tallies = new Map<string, Tally<T>>();
  private sorted: readonly TimelineRow<T>[] = [];
  private index = new Map<string, number>();

  constructor(
    private readonly keyOf: (item: T) => string,
    private readonly order: (items: T[]) => T[],
  ) {}

  /** Rows, oldest first. */
  get rows(): readonly TimelineRow<T>[] {
    return this.sorted;
  }

  get size(): number {
    return this.sorted.length;
  }

  /** The chronological index of the row with `key`, or -1. */
  indexOf(key: string): number {
    return this.index.get(key) ?? -1;
  }

  /** Adds entries; returns whether any row was added or its count changed. */
  add(items: readonly T[], origin: Origin): boolean {
    let changed = false;
    for (const item of items) {
      const key = this.keyOf(item);
      const tally = this.tallies.get(key);
      if (tally) {
        const before = Math.max(tally.page, tally.live);
        tally[origin]++;
        if (Math.max(tally.page, tally.live) !== before) changed = true;
      } else {
        this.tallies.set(key, { item, page: origin === 'page' ? 1 : 0, live: origin === 'live' ? 1 : 0 });
        changed = true;
      }
    }
    if (changed) this.rebuild();
    return changed;
  }

  clear(): void {
    this.tallies.clear();
    this.rebuild();
  }

  private rebuild(): void {
    const byItem = new Map<T, string>();
    for (const [key, tally] of this.tallies) byItem.set(tally.item, key);
    const rows: TimelineRow<T>[] = [];
    const index = new Map<string, number>();
    for (const item of this.order([...byItem.keys()])) {
      const key = byItem.get(item)!;
      const tally = this.tallies.get(key)!;
      index.set(key, rows.length);
      rows.push({ key, item, count: Math.max(tally.page, tally.live) });
    }
    this.sorted = rows;
    this.index = index;
  }
}

/** A message's events: one row per distinct event (the core's notion of a duplicate), in event-time order. */
export const createEventStore = (): RowStore<CanonicalEvent> => new RowStore(dedupeKey, sortAndDedupe);

const ACTION_ORDER = new Map<string, number>(CAMPAIGN_ACTIONS.map((action, i) => [action, i] as const));

const timeOf = (iso: string): number => {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/** Key of a campaign history entry: its id, else what happened when. */
export const historyKey = (entry: CampaignHistoryEntry): string =>
  entry.id ? `id\u0000${entry.id}` : `ev\u0000${entry.action}\u0000${entry.at}\u0000${entry.reason ?? ''}`;

/** Oldest first; entries at the same time in the order a campaign goes through them. */
export function sortHistory(entries: CampaignHistoryEntry[]): CampaignHistoryEntry[] {
  return entries
    .map((entry) => ({ entry, time: timeOf(entry.at) }))
    .sort((a, b) => a.time - b.time || (ACTION_ORDER.get(a.entry.action) ?? 99) - (ACTION_ORDER.get(b.entry.action) ?? 99))
    .map(({ entry }) => entry);
}

/** A campaign's history: one row per distinct entry, oldest first. */
export const createHistoryStore = (): RowStore<CampaignHistoryEntry> => new RowStore(historyKey, sortHistory);
