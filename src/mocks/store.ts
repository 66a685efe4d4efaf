import {
  aggregate, reduceEvents, sortAndDedupe, type CampaignHistoryEntry, type CampaignStats, type CanonicalEvent, type MessageStatus,
} from '../core/index.js';
import type { LiveEventType } from '../data/validate.js';
import type { MockClock } from './clock.js';
import { happenedCount, type Dataset, type MockMessage } from './dataset.js';

/** One event of the live stream, kept for replay after a reconnection (`Last-Event-ID`). */
export interface LiveEntry {
  /** Increasing integer: the SSE `id`. */
  readonly id: number;
  /** `message:<id>` or `campaign:<id>`. */
  readonly topic: string;
  readonly type: LiveEventType;
  /** The JSON payload, on one line. */
  readonly data: string;
}

type EntryListener = (entry: LiveEntry) => void;

/**
 * The mock API's view of the dataset at the clock's time: what has happened so far, as statuses, events, stats
 * and history, plus the live log that the stream serves. Each move of the clock appends what happened meanwhile
 * to the log (a `message-event` per event, then a `message-status` per message, a `campaign-stats` per campaign).
 *
 * A message of a scheduled campaign (one whose history has a `scheduled` entry at or before the clock) that has no
 * event yet is `scheduled`: its status says so, from the time the campaign was scheduled, the campaign's figures
 * count it as scheduled, and its events are none (nothing has happened to it; its first event comes on the stream,
 * with its new status, as any other). Any other message with no event yet does not exist. When the clock passes the
 * moment a campaign is scheduled, the stream carries its history entry, a `message-status` per message not sent yet
 * (each starts to exist, as `scheduled`) and its figures.
 */
export class MockStore {
  private readonly statuses = new Map<string, { count: number; scheduled: boolean; status: MessageStatus }>();
  private readonly statsCache = new Map<string, { at: number; stats: CampaignStats }>();
  private readonly scheduledAt = new Map<string, number | undefined>();
  private timeline: { t: number; message: MockMessage; index: number }[] | undefined;
  private readonly log: LiveEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<EntryListener>();
  private readonly stopClock: () => void;

  constructor(
    readonly dataset: Dataset,
    readonly clock: MockClock,
    private readonly logSize = 20_000,
  ) {
    this.stopClock = clock.onAdvance((from, to) => this.advanced(from, to));
  }

  /** Stops following the clock. */
  dispose(): void {
    this.stopClock();
    this.listeners.clear();
  }

  /** A message's status now (`scheduled` before its first event, if its campaign is); undefined when it does not exist (yet). */
  status(id: string): MessageStatus | undefined {
    const message = this.dataset.message(id);
    return message && this.statusOf(message);
  }

  /**
   * A message's events that have happened, oldest first; for a message of a scheduled campaign that has not gone out
   * yet, the campaign's `scheduled`, so that its timeline says what its status says.
   */
  events(id: string): CanonicalEvent[] {
    const message = this.dataset.message(id);
    if (!message) return [];
    // The canonical order (time, then lifecycle), as any server built on the core would serve it.
    return sortAndDedupe(this.eventsOf(message, this.clock.now()));
  }

  /** A campaign's counts now, over the messages that exist now (the scheduled ones too). */
  stats(campaignId: string): CampaignStats | undefined {
    const campaign = this.dataset.campaign(campaignId);
    if (!campaign) return undefined;
    const now = this.clock.now();
    const cached = this.statsCache.get(campaignId);
    if (cached?.at === now) return cached.stats;
    const statuses: MessageStatus[] = [];
    for (const message of campaign.messages) {
      const status = this.statusOf(message);
      if (status) statuses.push(status);
    }
    const stats: CampaignStats = {
      campaign: campaign.info,
      counts: aggregate(statuses),
      updatedAt: new Date(now).toISOString(),
      sending: campaign.completedAt === undefined || now < campaign.completedAt,
    };
    this.statsCache.set(campaignId, { at: now, stats });
    return stats;
  }

  /** A campaign's history so far, oldest first. */
  history(campaignId: string): CampaignHistoryEntry[] | undefined {
    const campaign = this.dataset.campaign(campaignId);
    if (!campaign) return undefined;
    const now = this.clock.now();
    return campaign.history.filter((entry) => Date.parse(entry.at) <= now);
  }

  /** Ids of a campaign's messages that exist now (the scheduled ones too), in the campaign's order. */
  messageIds(campaignId: string): string[] {
    const campaign = this.dataset.campaign(campaignId);
    if (!campaign) return [];
    const now = this.clock.now();
    if (this.scheduledBy(campaignId, now)) return campaign.messages.map((m) => m.id);
    return campaign.messages.filter((m) => m.times.length > 0 && m.times[0]! <= now).map((m) => m.id);
  }

  /** Log entries after `lastId`, for a stream resuming with `Last-Event-ID`. */
  entriesAfter(lastId: number): LiveEntry[] {
    if (this.log.length === 0 || lastId >= this.log[this.log.length - 1]!.id) return [];
    const start = this.log.findIndex((entry) => entry.id > lastId);
    return start < 0 ? [] : this.log.slice(start);
  }

  /** The id of the newest log entry (0 before any). */
  get lastEntryId(): number {
    return this.nextId - 1;
  }

  /** Calls `listener` for each new log entry; returns the function that stops it. */
  onEntry(listener: EntryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Whether `campaignId` has been scheduled by `now` (its history's `scheduled` entry). */
  private scheduledBy(campaignId: string, now: number): boolean {
    if (!this.scheduledAt.has(campaignId)) {
      const entry = this.dataset.campaign(campaignId)?.history.find((e) => e.action === 'scheduled');
      this.scheduledAt.set(campaignId, entry && Date.parse(entry.at));
    }
    const at = this.scheduledAt.get(campaignId);
    return at !== undefined && at <= now;
  }

  /**
   * What `message` has by `now`: its own events, or, still waiting for its send in a scheduled campaign, the `scheduled`
   * of the host's outbox, which holds it from the moment the campaign was scheduled. Only while it waits: once the
   * provider speaks, a word the kit does not know must read unknown, not stay behind an older `scheduled`.
   */
  private eventsOf(message: MockMessage, now: number): CanonicalEvent[] {
    const own = message.events.slice(0, happenedCount(message.times, now));
    if (own.length > 0 || !this.scheduledBy(message.campaignId, now)) return own;
    const scheduled: CanonicalEvent = {
      provider: 'outbox', channel: message.channel, messageId: message.id, recipient: message.recipient, type: 'scheduled',
      at: new Date(this.scheduledAt.get(message.campaignId)!).toISOString(), raw: 'scheduled',
    };
    return [scheduled];
  }

  private statusOf(message: MockMessage): MessageStatus | undefined {
    const now = this.clock.now();
    const count = happenedCount(message.times, now);
    const scheduled = this.scheduledBy(message.campaignId, now);
    const cached = this.statuses.get(message.id);
    if (cached?.count === count && cached.scheduled === scheduled) return cached.status;
    if (count === 0 && !scheduled) return undefined;
    const status = reduceEvents(this.eventsOf(message, now));
    this.statuses.set(message.id, { count, scheduled, status });
    return status;
  }

  private append(topic: string, type: LiveEventType, payload: unknown): void {
    const entry: LiveEntry = { id: this.nextId++, topic, type, data: this.clock.json(payload) };
    this.log.push(entry);
    if (this.log.length > this.logSize) this.log.splice(0, this.log.length - this.logSize);
    for (const listener of [...this.listeners]) listener(entry);
  }

  /** A status per message of `campaignId` with no event by `to` (the others have theirs with their events). */
  private scheduledNow(campaignId: string, to: number, touched: ReadonlyMap<string, MockMessage>): void {
    for (const message of this.dataset.campaign(campaignId)!.messages) {
      if (touched.has(message.id) || happenedCount(message.times, to) > 0) continue;
      this.append(`message:${message.id}`, 'message-event', this.eventsOf(message, to)[0]);
      this.append(`message:${message.id}`, 'message-status', this.statusOf(message));
    }
  }

  private buildTimeline() {
    const timeline: { t: number; message: MockMessage; index: number }[] = [];
    for (const id of this.dataset.campaignIds) {
      for (const message of this.dataset.campaign(id)!.messages) {
        message.times.forEach((t, index) => timeline.push({ t, message, index }));
      }
    }
    return timeline.sort((a, b) => a.t - b.t);
  }

  private advanced(from: number, to: number): void {
    const timeline = (this.timeline ??= this.buildTimeline());
    const first = (t: number) => {
      let low = 0;
      let high = timeline.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (timeline[mid]!.t <= t) low = mid + 1;
        else high = mid;
      }
      return low;
    };
    const touched = new Map<string, MockMessage>();
    const campaigns = new Set<string>();
    for (let k = first(from), end = first(to); k < end; k++) {
      const { message, index } = timeline[k]!;
      this.append(`message:${message.id}`, 'message-event', message.events[index]);
      touched.set(message.id, message);
      campaigns.add(message.campaignId);
    }
    for (const message of touched.values()) this.append(`message:${message.id}`, 'message-status', this.statusOf(message));
    for (const id of this.dataset.campaignIds) {
      for (const entry of this.dataset.campaign(id)!.history) {
        const at = Date.parse(entry.at);
        if (at > from && at <= to) {
          this.append(`campaign:${id}`, 'campaign-history', entry);
          campaigns.add(id);
          // Scheduled now: its messages not sent yet exist from this moment, as `scheduled` (a page that asked for
          // one before, and was told it does not exist, learns it here).
          if (entry.action === 'scheduled') this.scheduledNow(id, to, touched);
        }
      }
    }
    for (const id of campaigns) this.append(`campaign:${id}`, 'campaign-stats', this.stats(id));
  }
}
