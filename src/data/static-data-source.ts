import {
  EstafetteInputError,
  countStatuses,
  dedupeKey,
  historyKey,
  reduceEvents,
  sortAndDedupe,
  type CampaignCounts,
  type CampaignHistoryEntry,
  type CampaignInfo,
  type CampaignStats,
  type CanonicalEvent,
  type MessageStatus,
} from '../core/index.js';
import { checkedList, isMessageStatus, isStatusItem } from '../core/count-statuses.js';
import { timeOf } from '../core/message-status.js';
import { DataSourceError } from './errors.js';
import { liveHub } from './live-hub.js';
import { newestFirstPage } from './newest-first-page.js';
import { numberOption } from './number-option.js';
import type { EventPage, LiveListener, LiveTopic, Page, PageOptions, RequestOptions, StatusDataSource } from './source.js';
import { abortReason } from './timing.js';

/**
 * History in time order, its times read as the core reads them (`…T11:00:00+02`, which no engine's Date.parse
 * reads, included); one that cannot be read goes first.
 */
// Two that cannot be read (-Infinity both) give NaN, which sort() takes as equal.
const byTime = (a: CampaignHistoryEntry, b: CampaignHistoryEntry): number => timeOf(a.at) - timeOf(b.at);

/** A campaign a {@link StaticDataSource} knows. */
export interface StaticCampaign {
  readonly campaign: CampaignInfo;
  /** Its messages: the counts are aggregated from their statuses (and follow `update`). */
  readonly messageIds?: readonly string[];
  /** Counts to report as they are, when the host has them already; they win over `messageIds`. */
  readonly counts?: CampaignCounts;
  /** Its history, in any order (it is served newest first). */
  readonly history?: readonly CampaignHistoryEntry[];
  /** True while messages are still going out. */
  readonly sending?: boolean;
}

/** Options of {@link StaticDataSource}. */
export interface StaticDataSourceOptions {
  /** Canonical events of any number of messages, in any order, duplicates allowed. */
  readonly events?: Iterable<CanonicalEvent>;
  /** Statuses computed elsewhere. A message that also has events gets its status from the events. */
  readonly statuses?: Iterable<MessageStatus>;
  readonly campaigns?: Iterable<StaticCampaign>;
  /** Entries per page of events and history: at least 1 (a RangeError otherwise), cut to a whole number. Default 100. */
  readonly pageSize?: number;
  /** Current time in ms, stamped on computed stats. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * The items of `list` (at `path`), each a status or an event of a message id: else a typed error naming it, rather
 * than a TypeError from deep inside, an item stored under `undefined`, or a status short of a field read as an event.
 */
const itemsOf = <T extends CanonicalEvent | MessageStatus>(list: Iterable<T>, path: string): T[] =>
  [...checkedList(list, path)].map((item, index) => {
    if (isStatusItem(item, path, index) && typeof item.messageId !== 'string')
      throw new EstafetteInputError('a status needs its messageId', `${path}[${index}].messageId`);
    return item;
  });

/** The id of a campaign given to the source; a typed error at `path` when it has none. */
function campaignIdOf(campaign: StaticCampaign, path: string): string {
  const id: unknown = campaign?.campaign?.id;
  if (typeof id !== 'string') throw new EstafetteInputError('a campaign needs its campaign.id', `${path}.campaign.id`);
  return id;
}

const campaignNotFound = (id: string) => new DataSourceError(`campaign "${id}" not found`, { kind: 'http', status: 404, retryable: false });

/**
 * A data source over data the page already has: canonical events (reduced with `reduceEvents`), message
 * statuses, campaigns (counts from `countStatuses`). For hosts that receive webhooks themselves and push them in
 * with {@link StaticDataSource.update}: subscribers hear every change, as with a live REST source.
 *
 * It answers like the REST contract does: unknown messages are absent from `getMessages` and have no events,
 * an unknown campaign rejects with a `DataSourceError` (kind `http`, status 404).
 *
 * A badge shows one message id's status: the events of one id must be one recipient's. The constructor throws
 * `reduceEvents`' `EstafetteInputError` for an id whose events name several recipients (a send to several
 * people: give each recipient an id of its own); `update` leaves such events out, applies the rest, then throws it.
 * {@link StaticDataSource.remove} deletes messages, as a server would: their badges say no message was found.
 * The constructor, `update` and `setCampaign` throw an `EstafetteInputError` naming the item for what is no list,
 * event, status or campaign (no `messageId`, no `campaign.id`), before they change anything; a `pageSize` under 1
 * or not a number throws a `RangeError`. The rest of what they are given is checked as the elements read it.
 *
 * @example
 * ```ts
 * const source = new StaticDataSource({ events: canonicalEvents, campaigns: [{ campaign: { id: 'c1', name: 'Soldes', channel: 'email' }, messageIds }] });
 * setDefaultSource(source);
 * webhookChannel.onmessage = (e) => source.update(normalize('mailjet', e.data)); // normalize from 'estafette/providers'
 * ```
 */
export class StaticDataSource implements StatusDataSource {
  private readonly events = new Map<string, CanonicalEvent[]>();
  private readonly eventKeys = new Map<string, Set<string>>();
  private readonly statuses = new Map<string, MessageStatus>();
  private readonly campaigns = new Map<string, StaticCampaign>();
  private readonly campaignsOf = new Map<string, Set<string>>();
  private readonly history = new Map<string, CampaignHistoryEntry[]>();
  private readonly hub = liveHub();
  private readonly pageSize: number;
  private readonly now: () => number;

  constructor(options: StaticDataSourceOptions = {}) {
    this.pageSize = Math.floor(numberOption('StaticDataSource', 'pageSize', options.pageSize, 100, 1));
    this.now = options.now ?? Date.now;
    const statuses = itemsOf(options.statuses ?? [], 'statuses');
    const events = itemsOf(options.events ?? [], 'events');
    const campaigns = [...checkedList(options.campaigns ?? [], 'campaigns')];
    campaigns.forEach((campaign, index) => campaignIdOf(campaign, `campaigns[${index}]`));
    for (const status of statuses) this.statuses.set(status.messageId, status);
    for (const event of events) this.addEvent(event);
    for (const id of this.events.keys()) this.statuses.set(id, this.reduce(id));
    for (const campaign of campaigns) this.setCampaign(campaign, false);
  }

  /** Statuses of the ids it knows; the others are absent from the map. */
  async getMessages(ids: readonly string[], options: RequestOptions = {}): Promise<Map<string, MessageStatus>> {
    this.check(options);
    const found = new Map<string, MessageStatus>();
    for (const id of ids) {
      const status = this.statuses.get(id);
      if (status) found.set(id, status);
    }
    return found;
  }

  /** A message's events without duplicates, newest first, `pageSize` at a time; none for an unknown id. */
  async getMessageEvents(id: string, options: PageOptions = {}): Promise<EventPage> {
    this.check(options);
    const { items, nextCursor } = this.page(sortAndDedupe(this.events.get(id) ?? []), options.cursor);
    return nextCursor === undefined ? { events: items } : { events: items, nextCursor };
  }

  /** A campaign's counts (given, or aggregated from its messages' statuses now). */
  async getCampaignStats(id: string, options: RequestOptions = {}): Promise<CampaignStats> {
    this.check(options);
    const stats = this.stats(id);
    if (!stats) throw campaignNotFound(id);
    return stats;
  }

  /** A campaign's history, newest first, `pageSize` at a time. */
  async getCampaignHistory(id: string, options: PageOptions = {}): Promise<Page<CampaignHistoryEntry>> {
    this.check(options);
    if (!this.campaigns.has(id)) throw campaignNotFound(id);
    return this.page(this.history.get(id) ?? [], options.cursor);
  }

  /** Hears what {@link StaticDataSource.update}, `setCampaign` and `addHistory` change for `topic`. */
  subscribe(topic: LiveTopic, listener: LiveListener): () => void {
    return this.hub.add(topic, listener);
  }

  /**
   * Adds events (and/or replaces statuses) and tells subscribers: a `message-event` per new event, a
   * `message-status` per message whose status changed, a `campaign-stats` per campaign whose counts changed.
   * Duplicate events (a webhook delivered twice) change nothing.
   */
  update(items: Iterable<CanonicalEvent | MessageStatus>): void {
    const checked = itemsOf(items, 'items');
    const touched = new Set<string>();
    const fresh: CanonicalEvent[] = [];
    const given = new Map<string, MessageStatus>();
    for (const item of checked) {
      if (isMessageStatus(item)) given.set(item.messageId, item);
      else if (this.addEvent(item)) {
        fresh.push(item);
        touched.add(item.messageId);
      }
    }
    for (const id of given.keys()) touched.add(id);
    const countsBefore = this.countsOf(touched);
    const changed: MessageStatus[] = [];
    const refused: unknown[] = [];
    for (const id of touched) {
      const before = this.statuses.get(id);
      let after: MessageStatus;
      try {
        after = this.events.has(id) ? this.reduce(id) : given.get(id)!;
      } catch (error) {
        // Events the message cannot take (another recipient's): left out, the rest applied, then the error thrown.
        this.dropFresh(id, fresh);
        refused.push(error);
        continue;
      }
      this.statuses.set(id, after);
      if (!before || JSON.stringify(before) !== JSON.stringify(after)) changed.push(after);
    }
    for (const event of fresh) this.hub.emit({ type: 'message-event', event });
    for (const status of changed) this.hub.emit({ type: 'message-status', status });
    this.tellCounts(countsBefore);
    if (refused.length > 0) throw refused[0];
  }

  /**
   * Deletes messages (their status and events): lookups leave them out from then on, and subscribers hear a
   * `message-missing` per message it knew (its badges say no message was found), a `campaign-stats` per campaign
   * whose counts changed. Ids it does not know change nothing; anything but a list of ids throws an
   * `EstafetteInputError` (one id alone too: `remove(['m-1'])`), before anything changes.
   */
  remove(messageIds: Iterable<string>): void {
    const gone = new Set([...checkedList(messageIds, 'messageIds')].filter((id) => this.statuses.has(id)));
    const countsBefore = this.countsOf(gone);
    for (const messageId of gone) {
      this.statuses.delete(messageId);
      this.events.delete(messageId);
      this.eventKeys.delete(messageId);
      this.hub.emit({ type: 'message-missing', messageId });
    }
    this.tellCounts(countsBefore);
  }

  /** The counts, as JSON, of the campaigns these messages belong to. */
  private countsOf(messageIds: Iterable<string>): Map<string, string> {
    const counts = new Map<string, string>();
    for (const id of messageIds) for (const campaignId of this.campaignsOf.get(id) ?? []) if (!counts.has(campaignId)) counts.set(campaignId, JSON.stringify(this.stats(campaignId)?.counts));
    return counts;
  }

  /** Tells each campaign's subscribers its new stats, when its counts changed from those given (see `countsOf`). */
  private tellCounts(before: ReadonlyMap<string, string>): void {
    for (const [campaignId, counts] of before) {
      const stats = this.stats(campaignId);
      if (stats && JSON.stringify(stats.counts) !== counts) this.hub.emit({ type: 'campaign-stats', stats });
    }
  }

  /** Takes back the events of message `id` that this update added (and out of `fresh`). */
  private dropFresh(id: string, fresh: CanonicalEvent[]): void {
    const dropped = new Set(fresh.filter((event) => event.messageId === id));
    const kept = (this.events.get(id) ?? []).filter((event) => !dropped.has(event));
    if (kept.length > 0) this.events.set(id, kept);
    else this.events.delete(id);
    for (const event of dropped) this.eventKeys.get(id)?.delete(dedupeKey(event));
    for (let i = fresh.length - 1; i >= 0; i--) if (dropped.has(fresh[i]!)) fresh.splice(i, 1);
  }

  /**
   * Adds or replaces a campaign; subscribers of the campaign hear its new stats, and each entry of its history that
   * it did not have already (an entry taken out stays on a timeline that shows it, until that loads the history again).
   */
  setCampaign(campaign: StaticCampaign, notify = true): void {
    const id = campaignIdOf(campaign, 'campaign');
    const known = new Set((this.history.get(id) ?? []).map(historyKey));
    for (const messageId of this.campaigns.get(id)?.messageIds ?? []) this.campaignsOf.get(messageId)?.delete(id);
    this.campaigns.set(id, campaign);
    for (const messageId of campaign.messageIds ?? []) {
      let set = this.campaignsOf.get(messageId);
      if (!set) this.campaignsOf.set(messageId, (set = new Set()));
      set.add(id);
    }
    const history = [...(campaign.history ?? [])].sort(byTime);
    this.history.set(id, history);
    if (!notify) return;
    this.hub.emit({ type: 'campaign-stats', stats: this.stats(id)! });
    for (const entry of history) if (!known.has(historyKey(entry))) this.hub.emit({ type: 'campaign-history', entry });
  }

  /** Appends a history entry to a known campaign and tells its subscribers. */
  addHistory(entry: CampaignHistoryEntry): void {
    const list = this.history.get(entry.campaignId);
    if (!list) throw campaignNotFound(entry.campaignId);
    list.push(entry);
    list.sort(byTime);
    this.hub.emit({ type: 'campaign-history', entry });
  }

  private check(options: RequestOptions): void {
    if (options.signal?.aborted) throw abortReason(options.signal);
  }

  /** Records an event; false when it is a duplicate. */
  private addEvent(event: CanonicalEvent): boolean {
    const key = dedupeKey(event);
    let keys = this.eventKeys.get(event.messageId);
    if (!keys) this.eventKeys.set(event.messageId, (keys = new Set()));
    if (keys.has(key)) return false;
    keys.add(key);
    const list = this.events.get(event.messageId);
    if (list) list.push(event);
    else this.events.set(event.messageId, [event]);
    return true;
  }

  private reduce(id: string): MessageStatus {
    return reduceEvents(this.events.get(id) ?? [], { messageId: id });
  }

  private stats(id: string): CampaignStats | undefined {
    const entry = this.campaigns.get(id);
    if (!entry) return undefined;
    const counts =
      entry.counts ??
      countStatuses((entry.messageIds ?? []).map((messageId) => this.statuses.get(messageId)).filter((s): s is MessageStatus => s !== undefined));
    const stats: CampaignStats = { campaign: entry.campaign, counts, updatedAt: new Date(this.now()).toISOString() };
    return entry.sending === undefined ? stats : { ...stats, sending: entry.sending };
  }

  private page<T>(all: readonly T[], cursor: string | undefined): Page<T> {
    const found = newestFirstPage(all, cursor, this.pageSize);
    if (!found) throw new DataSourceError(`invalid cursor "${cursor}"`, { kind: 'http', status: 400 });
    return found;
  }
}
