import type { CampaignHistoryEntry, CampaignStats, MessageStatus } from '../core/index.js';
import { CHECKED, warnFiledElsewhere } from './checked-source.js';
import { DataSourceError } from './errors.js';
import { httpClient, type HeadersOption, type HttpClient, type RetryOptions } from './http-client.js';
import { parseTopicKey, topicOfUpdate } from './live-hub.js';
import { keyBatcher, type KeyBatcher } from './message-batcher.js';
import { MIN_POLL_INTERVAL, numberOption } from './number-option.js';
import { restLive, type LiveMode, type RestLive } from './rest-live.js';
import { buildUrl } from './request-url.js';
import { sharedRequests } from './shared-request.js';
import type {
  EventPage, LiveListener, LiveTopic, LiveUpdate, Page, PageOptions, RequestOptions, StatusDataSource,
} from './source.js';
import type { EventSourceConstructor } from './sse-transport.js';
import { abortReason, realTimers, type Timers } from './timing.js';
import { ttlCache, type TtlCache } from './ttl-cache.js';
import { parseEventPage, parseHistoryPage, parseMessagesBody, parseStatsOf } from './validate.js';
import { documentVisibility, type VisibilityProvider } from './visibility.js';

/**
 * `id` as one segment of a URL path. "." and ".." (however written: URLs read %2E as a dot) would name another
 * endpoint (`/messages/../events` is `/events`): no request is made, and such an id is not found.
 */
function pathSegment(id: string): string {
  if (id === '.' || id === '..') throw new DataSourceError(`No request made for the id ${JSON.stringify(id)}: as a URL path segment it would name another endpoint. Treated as not found.`, { kind: 'http', status: 404, retryable: false });
  return encodeURIComponent(id);
}

/**
 * Options of a {@link RestDataSource}. Only `baseUrl` is required. A number option given as anything but a number in its range (a NaN, a string,
 * a negative time, a poll interval under a second) makes the constructor throw a `RangeError` naming it.
 */
export interface RestDataSourceOptions {
  /**
   * Where the API lives, e.g. `/api` or `https://back-office.example/estafette`. A query string in it
   * (`https://back-office.example/api?tenant=acme`) is kept on every request and on the stream, before their own
   * parameters.
   */
  readonly baseUrl: string;
  /** Headers for every request, or a function giving them (called before each request, e.g. to refresh a token). Not sent on the SSE stream: `EventSource` cannot send headers, use cookies (`withCredentials`) or `live: 'poll'`. */
  readonly headers?: HeadersOption;
  /** A `fetch` to use instead of the global one (to add auth, logging, or count requests in tests). */
  readonly fetch?: typeof fetch;
  /** Most message ids per request. Default 500; the contract (`openapi.yaml`) lets a server refuse more than 1,000. */
  readonly batchSize?: number;
  /** Longest URL of a `GET /messages?ids=`; longer id lists go as `POST /messages/batch`. Default 2,000 characters. */
  readonly maxUrlLength?: number;
  /** How long a loaded message status or campaign's stats stay fresh, in ms. Default 30,000; 0 turns caching off. */
  readonly cacheTtl?: number;
  /** Time limit of one attempt of one request, and for the live stream to open, in ms. Default 30,000; 0 means none. */
  readonly timeout?: number;
  /** Retry policy for failed reads (network errors, 5xx, 408, 425, 429; a time-out is handed on at once). */
  readonly retry?: RetryOptions;
  /** `sse` (default): a Server-Sent Events stream, polling when it fails; `poll`: polling only; `off`: no live updates. */
  readonly live?: LiveMode;
  /** Time between two polls, in ms. Default 15,000, at least 1,000. */
  readonly pollInterval?: number;
  /** Longest time between two polls after failures, in ms. Default 300,000, at least 1,000. */
  readonly maxPollInterval?: number;
  /**
   * Send cookies with every request to another origin, the reads (`credentials: 'include'`) and the SSE stream
   * alike. Default false: a cross-origin API then sees no cookie. The API must answer
   * `Access-Control-Allow-Credentials: true` and name the page's origin in `Access-Control-Allow-Origin` (not `*`),
   * or the browser hides its answers.
   */
  readonly withCredentials?: boolean;
  /** How lookups are collected before a request goes out, in ms after the first. Default 0 (the same task). */
  readonly batchWindow?: number;
  /** `EventSource` constructor to use; `null` to do without (polling). Default: the global one. */
  readonly EventSource?: EventSourceConstructor | null;
  /** Page visibility, for pausing polls. Default: `document.visibilityState`. */
  readonly visibility?: VisibilityProvider;
  /** Timers (tests drive time with their own). Default: the global ones. */
  readonly timers?: Timers;
  /** Current time in ms (cache expiry, `Retry-After` dates). Default `Date.now`. */
  readonly now?: () => number;
  /** Random number in [0, 1) for jitter. Default `Math.random`. */
  readonly random?: () => number;
}

const timeOf = (iso: string) => Date.parse(iso);

/**
 * Whether `known` (cached) is later than `next`: a live update older than it is dropped, and a read sent before a live
 * update and answered after it does not replace it in the cache. False when either is missing (a miss is kept).
 */
const newer = (known: { readonly updatedAt: string } | undefined, next: { readonly updatedAt: string } | undefined): boolean =>
  timeOf(known?.updatedAt ?? '') > timeOf(next?.updatedAt ?? '');

/**
 * Longest wait, in ms, of a lookup's answer for the other requests sent with it: a table of thousands of badges is
 * then re-rendered once or twice rather than once per answer (see `KeyBatcher`).
 */
const WAVE_HOLD = 500;

/** What makes two updates of a topic the same for its listeners (stats are recomputed often, counts change less). */
const signatureOf = (update: LiveUpdate): string | undefined =>
  update.type === 'message-status' ? JSON.stringify(update.status)
  : update.type === 'message-missing' ? ''
  : update.type === 'campaign-stats' ? JSON.stringify([update.stats.counts, update.stats.sending ?? null])
  : undefined;

/**
 * The data source for an HTTP API following Estafette's contract (the OpenAPI 3.1 file `openapi.yaml` shipped in
 * this package): `GET /messages?ids=`, `POST /messages/batch`, `GET /messages/{id}/events`,
 * `GET /campaigns/{id}/stats`, `GET /campaigns/{id}/history`, `GET /stream` (Server-Sent Events).
 *
 * - **Batching**: message lookups made in the same task by any number of elements become one request per
 *   `batchSize` ids; an id in flight is never asked for twice. The answers to the requests sent together are
 *   handed out together (the first ones wait at most half a second for the others), so a big table re-renders
 *   once rather than once per answer.
 * - **Caching**: statuses (misses included) and campaign stats are kept `cacheTtl` ms; live updates refresh them
 *   (a live status only for a message followed or asked about).
 * - **Cancellation**: each call's `signal` withdraws that caller only; a request nobody waits for is aborted.
 * - **Retries**: exponential backoff with jitter on network errors, 5xx, 408, 425 and 429, honoring
 *   `Retry-After`. A time-out is handed on at once (retryable): it cost `timeout` already, and the elements say it
 *   while they try again.
 * - **Validation**: every body is checked; a wrong one rejects with a `DataSourceError` of kind `malformed`. In a
 *   batch of statuses, one that cannot be read fails the lookups of its own id only.
 * - **Live**: one SSE connection for all subscribers, reopened after a drop with the last event id it got
 *   (`?lastEventId=`); one opened with no id to resume from sends only what happens from then on, so the topics
 *   read before it are read once more; polling (paused while the page is hidden) when the stream is unavailable. A poll
 *   brings statuses and figures; once a followed campaign's figures change, and its listeners read its history (a
 *   timeline; not `<campaign-stats>` alone), it also reads its latest history page and delivers the entries they did not
 *   have (a pause or a suspension changes no `sending` state).
 *
 * @example
 * ```ts
 * import { RestDataSource, setDefaultSource } from 'estafette/data';
 * setDefaultSource(new RestDataSource({ baseUrl: '/api/estafette', headers: () => ({ authorization: `Bearer ${token()}` }) }));
 * ```
 */
export class RestDataSource implements StatusDataSource {
  /** @internal Its answers are validated as they are read (validate.ts): the elements need not check them again. */
  readonly [CHECKED] = true;
  /** The options in force, defaults filled in. */
  readonly options: Readonly<Required<Pick<RestDataSourceOptions, 'baseUrl' | 'batchSize' | 'maxUrlLength' | 'cacheTtl' | 'live' | 'pollInterval' | 'withCredentials'>>>;
  private readonly http: HttpClient;
  private readonly messages: TtlCache<MessageStatus>;
  private readonly stats: TtlCache<CampaignStats>;
  private readonly batcher: KeyBatcher<MessageStatus | DataSourceError>;
  private readonly shared = sharedRequests<unknown>();
  private readonly live: RestLive;
  /**
   * What listeners were last told per followed topic key, so that a poll only reports changes. Only while the topic
   * is followed (see `keep`), as `upTo`: a page open for hours hears of many more messages than it shows.
   */
  private readonly lastTold = new Map<string, string>();
  /**
   * Per followed topic key, the time up to which its listeners have its entries. A campaign's whose listeners read its
   * history (a timeline): read or brought by polls (see pollHistory). A message's: the time of the last live event
   * heard of it; a status older than that (read or polled before the event, answered after it) is out of date,
   * neither cached nor told.
   */
  private readonly upTo = new Map<string, number>();
  /**
   * Live changes of a followed message taken in so far (see `accept`): a poll's answer about a message that changed
   * since the poll was sent is older news (a status from before a deletion the stream told would bring it back).
   */
  private readonly heard = new Map<string, number>();
  private pollRound = 0;

  constructor(options: RestDataSourceOptions) {
    const timers = options.timers ?? realTimers;
    const now = options.now ?? Date.now;
    const random = options.random ?? Math.random;
    // A trailing slash is dropped from a bare base, not from the value of a query parameter (`?next=/`).
    const baseUrl = /[?#]/.test(options.baseUrl) ? options.baseUrl : options.baseUrl.replace(/\/+$/, '');
    const number = (name: keyof RestDataSourceOptions, fallback: number, min = 0) =>
      numberOption('RestDataSource', name, options[name] as number | undefined, fallback, min);
    this.options = {
      baseUrl,
      batchSize: Math.floor(number('batchSize', 500, 1)),
      maxUrlLength: number('maxUrlLength', 2_000),
      cacheTtl: number('cacheTtl', 30_000),
      live: options.live ?? 'sse',
      pollInterval: number('pollInterval', 15_000, MIN_POLL_INTERVAL),
      withCredentials: options.withCredentials === true,
    };
    const maxPollInterval = number('maxPollInterval', 300_000, MIN_POLL_INTERVAL);
    const batchWindow = number('batchWindow', 0);
    const timeout = number('timeout', 30_000);
    this.http = httpClient({
      // The options given hold the client's headers, fetch and retry policy.
      ...options,
      baseUrl,
      withCredentials: this.options.withCredentials,
      timeout,
      timers,
      now,
      random,
    });
    this.messages = ttlCache(this.options.cacheTtl, now);
    this.stats = ttlCache(this.options.cacheTtl, now);
    this.batcher = keyBatcher<MessageStatus | DataSourceError>({
      batchSize: this.options.batchSize,
      // A request sent is a read of its ids (see `reading`), whoever asked: a lookup that joins it after a stream opened
      // without a resume id gets an answer that may predate the opening, and the one who sent it may have given up.
      load: (ids, signal) => this.reading(ids.map((id) => `message:${id}`), () => this.loadBatch(ids, signal), false),
      schedule: (flush) => void timers.setTimeout(flush, batchWindow),
      hold: (release) => {
        const timer = timers.setTimeout(release, WAVE_HOLD);
        return () => timers.clearTimeout(timer);
      },
      onLoaded: (id, status) => {
        const known = this.messages.peek(id);
        // An answer that could not be read is not kept: asked again next time.
        // Nor one older than what is known: the cached status (a live one), or a live event of the message.
        if (status instanceof DataSourceError || newer(known, status) || this.upTo.get(`message:${id}`)! > timeOf(status?.updatedAt ?? '')) return;
        this.messages.set(id, status);
        // The other listeners of the message (a badge in a table, one in a drawer) hear a change one's lookup brought, as
        // from a poll: a poll, or a catch-up, comparing with the cache this answer filled would never tell them.
        if (status && this.live.follows(`message:${id}`)) this.report({ type: 'message-status', status }, known && { type: 'message-status', status: known });
      },
    });
    const globalEventSource = (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
    this.live = restLive({
      // The options in force hold the live mode, credentials, longest URL and poll interval.
      ...this.options,
      EventSource: options.EventSource === undefined ? (globalEventSource ?? null) : options.EventSource,
      streamUrl: (topics, lastEventId) => buildUrl(baseUrl, '/stream', { topics: topics?.join(','), lastEventId }),
      // A stream gets the time limit of a request to open.
      openTimeout: timeout,
      maxPollInterval,
      poll: (keys, everything) => this.poll(keys, everything),
      accept: (update) => this.accept(update),
      forget: (key) => {
        this.lastTold.delete(key);
        this.heard.delete(key);
        this.upTo.delete(key);
        // Polls read only what is followed: what they kept current is not any more. An element put back asks the server;
        // one moved within the task (a table sorted) asks nothing, and the next poll compares with what it has.
        const topic = parseTopicKey(key);
        if (this.live.polling && topic) (topic.kind === 'message' ? this.messages : this.stats).expire(topic.id);
      },
      // A badge or a timeline back on the page within the cache's time reads what the source knows: of a topic the
      // stream has stopped carrying (reopened without it, or after being down), the server's, not the cache's.
      forgetUnfollowed: () => {
        this.messages.clear((id) => this.live.follows(`message:${id}`));
        this.stats.clear((id) => this.live.follows(`campaign:${id}`));
      },
      visibility: options.visibility ?? documentVisibility,
      timers,
      random,
    });
  }

  /**
   * Statuses of many messages; ids the server does not know are absent from the map. Rejects with a `malformed`
   * error when the status of one of `ids` came back unreadable (elements ask for one id per call).
   */
  async getMessages(ids: readonly string[], options: RequestOptions = {}): Promise<Map<string, MessageStatus>> {
    const { signal } = options;
    if (signal?.aborted) throw abortReason(signal);
    const found = new Map<string, MessageStatus>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = options.fresh ? undefined : this.messages.get(id);
      if (!hit) missing.push(id);
      else if (hit.value) found.set(id, hit.value);
    }
    await this.reading(ids.map((id) => `message:${id}`), async () => {
      if (missing.length > 0) {
        const loaded = await this.batcher.load(missing, signal, options.fresh);
        for (const [id, status] of loaded) {
          // A status the server sent but that could not be read fails the call (a badge asks for its id alone).
          if (status instanceof DataSourceError) throw status;
          found.set(id, status);
        }
      }
    });
    // A status the source heard of before the read was answered (a catch-up's, another lookup's, a live one) wins over an
    // older answer, or a miss (a request sent before it, or one whose miss was cached before it): its listeners were not
    // told of it, since they had read nothing yet (see `report`).
    for (const id of ids) {
      const known = this.messages.peek(id);
      if (known && !newer(found.get(id), known)) found.set(id, known);
    }
    return found;
  }

  /**
   * A message's events, newest first, a page at a time. A status of the message the source heard of while the latest
   * page was on its way, later than its events (a poll's, the page asked for before it), is told to the message's
   * listeners, as a live one: a timeline then loads the latest page again (its listeners were not told of it, since
   * they had read nothing yet: see `report`). On its way is the request's time, sent by another caller maybe: a
   * timeline that joins it after the status came still holds what the page says.
   */
  async getMessageEvents(id: string, options: PageOptions = {}): Promise<EventPage> {
    const path = `/messages/${pathSegment(id)}/events`;
    return this.shared.run(`events\u0000${id}\u0000${options.cursor ?? ''}`, options.signal, async (signal) => {
      const known = this.messages.peek(id);
      const page = await this.latest(`message:${id}`, options.cursor, () => this.http.request({ method: 'GET', path, query: { cursor: options.cursor }, signal, parse: (body) => parseEventPage(body, id) }));
      const status = this.messages.peek(id);
      if (options.cursor === undefined && status && status !== known && !page.events.some((event) => timeOf(event.at) >= timeOf(status.updatedAt))) this.live.deliver({ type: 'message-status', status });
      return page;
    }, options.fresh) as Promise<EventPage>;
  }

  /**
   * A campaign's counts (cached like statuses). The other listeners of the campaign hear figures this read brought, as
   * from a poll (see `onLoaded` for statuses): one whose own read failed (not found yet) shows none. Figures the source
   * heard of before the read was answered (another read's, a live or polled one) win over its older answer, as for
   * statuses (see getMessages).
   */
  async getCampaignStats(id: string, options: RequestOptions = {}): Promise<CampaignStats> {
    if (options.signal?.aborted) throw abortReason(options.signal);
    const hit = options.fresh ? undefined : this.stats.get(id);
    const known = this.stats.peek(id);
    let stats: CampaignStats;
    try {
      stats = await this.reading([`campaign:${id}`], () => hit?.value ?? this.loadStats(id, options.signal, options.fresh));
    } catch (error) {
      // Figures heard of while it was on its way (a poll's, another read's) win over its failure, as over an older
      // answer: a "not found" sent before the campaign existed, answered after them, would show for good.
      const heard = this.stats.peek(id);
      if (!(error instanceof DataSourceError) || !heard || heard === known) throw error;
      stats = heard;
    }
    const cached = this.stats.peek(id);
    if (newer(cached, stats)) stats = cached!;
    if (this.live.follows(`campaign:${id}`)) this.report({ type: 'campaign-stats', stats }, known && { type: 'campaign-stats', stats: known });
    return stats;
  }

  /** A campaign's history, newest first, a page at a time. */
  async getCampaignHistory(id: string, options: PageOptions = {}): Promise<Page<CampaignHistoryEntry>> {
    const path = `/campaigns/${pathSegment(id)}/history`;
    const key = `campaign:${id}`;
    const page = await (this.shared.run(`history\u0000${id}\u0000${options.cursor ?? ''}`, options.signal, (signal) =>
      this.latest(key, options.cursor, () => this.http.request({ method: 'GET', path, query: { cursor: options.cursor }, signal, parse: (body) => parseHistoryPage(body, id) })),
    options.fresh) as Promise<Page<CampaignHistoryEntry>>);
    // Its listeners have the history up to its latest entry: a poll delivers what came after (see pollHistory).
    if (options.cursor === undefined) this.keep(this.upTo, key, Math.max(this.upTo.get(key) ?? 0, ...page.items.map((entry) => timeOf(entry.at))));
    return page;
  }

  /**
   * A first page (`cursor` undefined) of topic `key` is a read of its latest data (see `reading`): the request sent, not
   * each caller sharing it. One who joins it after a stream opened without a resume id gets an answer that may predate
   * the opening, and the caller who sent it may have given up (a timeline taken off the page): the read is still told.
   */
  private latest<T>(key: string, cursor: string | undefined, load: () => Promise<T>): Promise<T> {
    return cursor === undefined ? this.reading([key], load) : load();
  }

  /**
   * `load`, a read of the latest data of topics `keys`, told to the live side before it is sent and once it is
   * answered: a stream that opened meanwhile without a resume id brings nothing of what changed before its opening,
   * so those topics are read once more (see RestLive.read). A read that failed too (a `DataSourceError`): its listeners
   * show that failure (a campaign not found), so what a poll reads of the topic since is news to them, not only
   * recorded (see `report`). Not one its caller gave up (aborted): it holds nothing. `held` false: the request sent, which
   * callers share (each tells its own read) or a poll sends: it is only read once more (see RestLive.read).
   */
  private async reading<T>(keys: readonly string[], load: () => T | Promise<T>, held?: boolean): Promise<T> {
    const answered = this.live.read(keys, held);
    let result: T;
    try {
      result = await load();
    } catch (error) {
      if (error instanceof DataSourceError) answered();
      throw error;
    }
    answered();
    return result;
  }

  /**
   * Follows a message or a campaign. Every subscriber of one topic hears each update; all subscriptions share
   * one stream (or one poll). Returns the function that ends this subscription.
   *
   * Subscribe before reading what you show (as the elements do): a read made while nothing follows the topic is not
   * read again when a stream opens without a resume id, nor when one resuming after an event id adds the topic, so a
   * change between that read and the opening reaches the listener only with the next change.
   */
  subscribe(topic: LiveTopic, listener: LiveListener): () => void {
    return this.live.subscribe(topic, listener);
  }

  /** Drops cached statuses (of `messageIds`, or all) and stats, e.g. after the host resent a message. */
  invalidate(messageIds?: readonly string[]): void {
    if (messageIds) for (const id of messageIds) this.messages.delete(id);
    else this.messages.clear();
    this.stats.clear();
  }

  /** Whether live updates currently come from polling (also while a catch-up that failed is tried again). */
  get polling(): boolean {
    return this.live.polling;
  }

  /** Closes the stream and stops polling. Subscriptions stay registered but hear nothing more. */
  close(): void {
    this.live.close();
  }

  /**
   * `fresh`: not joining a read of them already sent (see SharedRequests.run). The request sent is a read of the
   * campaign, whoever asked (see the batcher's `load`).
   */
  private loadStats(id: string, signal: AbortSignal | undefined, fresh?: boolean): Promise<CampaignStats> {
    const path = `/campaigns/${pathSegment(id)}/stats`;
    return this.shared.run(`stats\u0000${id}`, signal, (shared) => this.reading([`campaign:${id}`], async () => {
      const stats = await this.http.request({ method: 'GET', path, signal: shared, parse: (body) => parseStatsOf(body, id) });
      const known = this.stats.peek(id);
      if (!newer(known, stats)) {
        this.stats.set(id, stats);
        // Its listeners hear figures this request brought, whoever sent it (a reader who gave up meanwhile, a poll), as
        // for statuses (see `onLoaded`): a poll, comparing with the cache this answer filled, would never tell them.
        if (this.live.follows(`campaign:${id}`)) this.report({ type: 'campaign-stats', stats }, known && { type: 'campaign-stats', stats: known });
      }
      return stats;
    }, false), fresh) as Promise<CampaignStats>;
  }

  /**
   * One request for a batch of ids. A status that cannot be read fails its own id (the error is its value); one
   * that says no id fails every id the answer left out, which it may have been about.
   */
  private async loadBatch(ids: string[], signal: AbortSignal): Promise<Map<string, MessageStatus | DataSourceError>> {
    const list = ids.join(',');
    // The comma separates ids in the query: an id holding one can only travel in a JSON body.
    const fitsInUrl = !ids.some((id) => id.includes(',')) && this.http.url('/messages', { ids: list }).length <= this.options.maxUrlLength;
    const { statuses, failed, unattributed } = await this.http.request(
      fitsInUrl
        ? { method: 'GET', path: '/messages', query: { ids: list }, signal, parse: parseMessagesBody }
        : { method: 'POST', path: '/messages/batch', body: { ids }, signal, parse: parseMessagesBody },
    );
    const asked = new Set(ids);
    const found = new Map<string, MessageStatus | DataSourceError>();
    for (const status of statuses) if (asked.has(status.messageId)) found.set(status.messageId, status);
    // A status filed under another spelling of an id ("abc" for "ABC") is left out, not lost without a word.
    if (found.size < statuses.length) warnFiledElsewhere(fitsInUrl ? 'GET /messages' : 'POST /messages/batch', ids, statuses.map((status) => status.messageId));
    for (const [id, error] of failed) if (asked.has(id)) found.set(id, error);
    if (unattributed) for (const id of ids) if (!found.has(id)) found.set(id, unattributed);
    return found;
  }

  /** Keeps caches current with a live update; false when it is older than what is already known. */
  private accept(update: LiveUpdate): boolean {
    if (update.type === 'message-status') {
      const id = update.status.messageId;
      const known = this.messages.peek(id);
      if (newer(known, update.status) || this.upTo.get(topicOfUpdate(update))! > timeOf(update.status.updatedAt)) return false;
      // A lookup sent before it, which nobody may follow (a badge put back would join it), is not joined nor kept.
      this.batcher.detach(id);
      // Cached for a message the page follows or has asked about (a badge back on the page reads it). A stream of every
      // topic also brings thousands no page shows: kept, they would fill the cache (up to its 50,000 entries) for hours.
      if (known || this.live.follows(topicOfUpdate(update))) this.messages.set(id, update.status);
      else this.messages.delete(id); // an id remembered as unknown: asked again, not answered from the cache
    } else if (update.type === 'message-missing') {
      // Deleted: a lookup sent before it is not joined nor kept; the source says it does not know the message, as the
      // server would now.
      const id = update.messageId;
      this.batcher.detach(id);
      if (this.live.follows(topicOfUpdate(update))) this.messages.set(id, undefined);
      else this.messages.delete(id);
    } else if (update.type === 'campaign-stats') {
      if (newer(this.stats.peek(update.stats.campaign.id), update.stats)) return false;
      this.stats.set(update.stats.campaign.id, update.stats);
    } else if (update.type === 'message-event') {
      // The message's status may have changed with it: not answered from the cache any more, nor by a request sent
      // before it, nor replaced by one older.
      this.messages.delete(update.event.messageId);
      this.batcher.detach(update.event.messageId);
      this.keep(this.upTo, topicOfUpdate(update), timeOf(update.event.at));
    }
    const key = topicOfUpdate(update);
    if (key.startsWith('message:')) this.keep(this.heard, key, (this.heard.get(key) ?? 0) + 1);
    const signature = signatureOf(update);
    if (signature !== undefined) this.keep(this.lastTold, key, signature);
    return true;
  }

  /**
   * Records `value` for topic `key` while the topic is followed; nothing for one nobody follows (any more). A stream
   * of every topic (the topics of a big table make too long a URL) brings updates of messages no element shows, and a
   * poll can end after the page left the messages it asked about: `forget` would never clear what they left.
   */
  private keep<V>(map: Map<string, V>, key: string, value: V): void {
    if (this.live.follows(key)) map.set(key, value);
  }

  /**
   * What a poll read of topics left meanwhile is not answered from the cache: nothing keeps it current (see `forget`),
   * and an element put back within the cache's time would show what was true when it left until the next poll.
   */
  private unkept(ids: readonly string[], kind: string, cache: TtlCache<unknown>): void {
    for (const id of ids) if (!this.live.follows(`${kind}:${id}`)) cache.expire(id);
  }

  /**
   * Delivers a polled update unless listeners already know it: compared with what they were last told, else
   * with what the cache held before the poll. With nothing to compare with, it is delivered when its listeners read
   * the topic's data through this source (a timeline its events: it compares the status with its rows), and only
   * recorded otherwise.
   */
  private report(update: LiveUpdate, before: LiveUpdate | undefined): boolean {
    const key = topicOfUpdate(update);
    const previous = this.lastTold.get(key) ?? (before && signatureOf(before));
    if (previous !== undefined && previous === signatureOf(update)) return false;
    // Unknown, and its listeners read its data (a timeline its events): it may have changed since, so it is told.
    const told = previous !== undefined || this.live.wasRead(key);
    if (told) this.live.deliver(update);
    else this.keep(this.lastTold, key, signatureOf(update)!);
    return told;
  }

  /**
   * Polls bring figures, and no history entry: a campaign paused, resumed, suspended or sent keeps its `sending`
   * state, and a timeline would not hear of it. So once polled figures have changed, the latest history page is
   * read and its entries later than the history already had (`since`) are delivered, oldest first, as the stream
   * would have. Only when its listeners read its history: none is asked for `<campaign-stats>` alone.
   */
  private async pollHistory(id: string, key: string, since: number, stats: CampaignStats): Promise<void> {
    const page = await this.getCampaignHistory(id);
    let read = Math.max(since, timeOf(stats.updatedAt));
    for (const entry of [...page.items].reverse()) {
      const at = timeOf(entry.at);
      if (at <= since) continue;
      read = Math.max(read, at);
      this.live.deliver({ type: 'campaign-history', entry });
    }
    this.keep(this.upTo, key, read);
  }

  /**
   * One poll: fresh statuses of the followed messages (settled ones only every fourth round, since they rarely
   * change, unless `everything`: catching up after a stream opening, by requests of its own, not joining one sent
   * before it) and fresh stats of the followed campaigns. Rejects when any request failed, so the poller backs off.
   */
  private async poll(keys: readonly string[], everything = false): Promise<void> {
    const round = this.pollRound++;
    const messageIds: string[] = [];
    const campaignIds: string[] = [];
    for (const key of keys) {
      const topic = parseTopicKey(key);
      if (topic?.kind === 'message') {
        if (everything || round % 4 === 0 || !this.messages.peek(topic.id)?.settled) messageIds.push(topic.id);
      } else if (topic?.kind === 'campaign') campaignIds.push(topic.id);
    }
    const tasks: Promise<void>[] = [];
    if (messageIds.length > 0) {
      const before = new Map(messageIds.map((id) => [id, this.messages.peek(id)]));
      const heard = messageIds.map((id) => this.heard.get(`message:${id}`));
      tasks.push(
        this.batcher
          .load(messageIds, undefined, everything)
          .then((found) => {
            for (const [index, id] of messageIds.entries()) {
              const status = found.get(id);
              // Unreadable: what is shown stays. Or the message changed since the poll was sent: its listeners heard it.
              if (status instanceof DataSourceError || this.heard.get(`message:${id}`) !== heard[index]) continue;
              // A miss the cache did not take: a request sent before a status heard of since (another lookup's, sent
              // after it, or a live one), which the message's listeners read when told: older news, not a deletion.
              if (!status && this.messages.peek(id)) continue;
              const cached = before.get(id);
              // Left out: deleted on the server (a stream that did not say so, or was down), or never known.
              this.report(status ? { type: 'message-status', status } : { type: 'message-missing', messageId: id }, cached && { type: 'message-status', status: cached });
            }
          })
          // Also when one of its requests failed: the answers of the others were cached all the same.
          .finally(() => this.unkept(messageIds, 'message', this.messages)),
      );
    }
    for (const id of campaignIds) {
      const cached = this.stats.peek(id);
      const key = `campaign:${id}`;
      const toldBefore = this.lastTold.get(key);
      tasks.push(
        this.loadStats(id, undefined, everything).then((stats) => {
          // The history its listeners read (a timeline), up to where they have it; none read (`<campaign-stats>` alone): none asked for.
          const since = this.upTo.get(key);
          this.unkept([id], 'campaign', this.stats);
          // Changed figures: told here, or already by the request that brought them (see loadStats).
          const told = this.report({ type: 'campaign-stats', stats }, cached && { type: 'campaign-stats', stats: cached }) || this.lastTold.get(key) !== toldBefore;
          if (told && since !== undefined) return this.pollHistory(id, key, since, stats);
        }),
      );
    }
    const results = await Promise.allSettled(tasks);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}
