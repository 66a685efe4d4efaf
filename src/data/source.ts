import type { CampaignHistoryEntry, CampaignStats, CanonicalEvent, MessageStatus } from '../core/index.js';

/** Options every data-source call takes. */
export interface RequestOptions {
  /** Aborted when the caller lost interest (its element left the page): stop work, reject with an AbortError. */
  readonly signal?: AbortSignal;
  /**
   * Ask the back end itself, not a cache: set when the user asks again (`retry()`, `refresh()`, the retry button)
   * and when a live event says the value changed. A source without a cache can ignore it.
   */
  readonly fresh?: boolean;
}

/** Options of paged calls. */
export interface PageOptions extends RequestOptions {
  /** The `nextCursor` of the previous page; absent for the first page. */
  readonly cursor?: string;
}

/**
 * One page of a list, newest first: the first page holds the latest entries, and `nextCursor` leads to older ones
 * (the timeline shows the latest at once and loads older entries on demand).
 */
export interface Page<T> {
  readonly items: readonly T[];
  /** Present when there is more to load. */
  readonly nextCursor?: string;
}

/** One page of a message's events, newest first, as {@link Page}. */
export interface EventPage {
  readonly events: readonly CanonicalEvent[];
  readonly nextCursor?: string;
}

/** What a live subscription follows: one message, or one campaign. */
export type LiveTopic = { readonly kind: 'message'; readonly id: string } | { readonly kind: 'campaign'; readonly id: string };

/**
 * What a live subscription receives. `message-missing`: the source no longer knows the message (deleted on the server);
 * its badges then read it again and say no message was found. `RestDataSource` tells it when the stream says so
 * (`event: message-missing`), or when a poll (or the catch-up after a stream outage) finds a followed message left out.
 * A host source's subscription sends it as `{ type: 'message-missing', messageId }`, its `getMessages` leaving the id
 * out from then on.
 */
export type LiveUpdate =
  | { readonly type: 'message-status'; readonly status: MessageStatus }
  | { readonly type: 'message-missing'; readonly messageId: string }
  | { readonly type: 'message-event'; readonly event: CanonicalEvent }
  | { readonly type: 'campaign-stats'; readonly stats: CampaignStats }
  | { readonly type: 'campaign-history'; readonly entry: CampaignHistoryEntry };

export type LiveListener = (update: LiveUpdate) => void;

/**
 * Where the elements get their data. Implement it to plug Estafette into your own back-end; every method
 * may reject with a `DataSourceError`.
 *
 * The elements check every answer with the validators the REST client uses (`parseMessageStatus`,
 * `parseCampaignStats`, ...): a wrong shape, or an answer about another id than the one asked (ids are compared
 * exactly), fails the load as a `DataSourceError` of kind `malformed`, named in a console warning. Throw a
 * `DataSourceError` to say why a call failed (`new DataSourceError('No such campaign', { kind: 'http', status: 404 })`): the element
 * shows it and does not try again unless it says `retryable: true`. Anything else thrown is retried with backoff,
 * like a network error. A call that has not settled after {@link StatusDataSource.timeout} (30 s by default) fails as a
 * `DataSourceError` of kind `timeout`, which the element shows and retries like a network error; its `signal` is
 * aborted then, so a source that hands it to `fetch` stops its request. An element that leaves the page or asks for
 * another id aborts the signal too, and drops what comes later, even from a source that ignores the signal.
 *
 * @example
 * ```ts
 * const mySource: StatusDataSource = {
 *   async getMessages(ids) { return new Map((await myApi.statuses(ids)).map((s) => [s.messageId, s])); },
 *   async getMessageEvents(id) { return { events: await myApi.events(id) }; },
 *   async getCampaignStats(id) { return myApi.campaign(id); },
 *   async getCampaignHistory(id) { return { items: await myApi.campaignHistory(id) }; },
 * };
 * setDefaultSource(mySource);
 * ```
 */
export interface StatusDataSource {
  /**
   * Statuses of many messages in one call. Ids not found are simply absent from the map. Many elements call it
   * in the same tick with one id each: implementations should batch (RestDataSource does; `batchMessages()` turns
   * a loader of many ids into a `getMessages` that does).
   */
  getMessages(ids: readonly string[], options?: RequestOptions): Promise<Map<string, MessageStatus>>;
  /** A message's events, a page at a time. */
  getMessageEvents(id: string, options?: PageOptions): Promise<EventPage>;
  /** A campaign's counts. */
  getCampaignStats(id: string, options?: RequestOptions): Promise<CampaignStats>;
  /** A campaign's actions (created, scheduled, started, paused, suspended, ...), a page at a time. */
  getCampaignHistory(id: string, options?: PageOptions): Promise<Page<CampaignHistoryEntry>>;
  /**
   * Follows live changes of a message or a campaign; returns the function that stops following. Optional: without
   * it, elements show what they loaded. Updates are checked like answers: a malformed one, one about another message
   * or campaign than `topic`, and any handed over once the returned function was called are left out, with a warning.
   */
  subscribe?(topic: LiveTopic, listener: LiveListener): () => void;
  /**
   * How long the elements wait for one answer of this source, in ms, before they give up on it with a
   * `DataSourceError` of kind `timeout` and abort the call's `signal` (then retry with backoff, as for a network
   * error). Default 30,000, the REST client's limit per attempt; 0 means no limit. Read at each call. A value that
   * is not a number of 0 or more is ignored, with a console warning. `RestDataSource` has its own (`timeout`).
   */
  readonly timeout?: number;
}
