import type { LiveUpdate } from './source.js';
import { backoffDelay, type BackoffOptions, type Timers } from './timing.js';
import { LIVE_EVENT_TYPES, parseLiveUpdate } from './validate.js';

/** The part of `EventSource` this layer uses (a test can hand in its own). */
export interface EventSourceLike {
  close(): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
}

/**
 * A constructor like the browser's `EventSource`. Its `init` is the part of the DOM's `EventSourceInit` this layer
 * sends, written out: `EventSourceInit` is unknown to a Node project without the DOM lib (and to older @types/node, 20.11 for one).
 */
export type EventSourceConstructor = new (url: string, init?: { readonly withCredentials?: boolean }) => EventSourceLike;

/** What an {@link SseTransport} needs. */
export interface SseTransportOptions {
  /** The stream URL for these topic keys (undefined: every topic) resuming after `lastEventId`. */
  streamUrl(topics: readonly string[] | undefined, lastEventId: string | undefined): string;
  readonly EventSource: EventSourceConstructor;
  readonly withCredentials: boolean;
  /** URLs longer than this subscribe to everything and filter on this side. */
  readonly maxUrlLength: number;
  readonly backoff: BackoffOptions;
  /**
   * How long a connection may take to open, in ms (0: no limit). One that has not opened by then (a proxy that holds
   * the response back, a service worker that cannot stream it) counts as a failure: closed, tried again later, with
   * polling meanwhile; an error event may never come for it.
   */
  readonly openTimeout: number;
  readonly timers: Timers;
  readonly random: () => number;
  onUpdate(update: LiveUpdate): void;
  /**
   * The stream opened. `missed`: after failing, with no event id to resume from (none had arrived), so the server
   * sends only what happens from now on, and whatever happened while it was down is missed. `resumed`: it asked to
   * resume after an event id, so the server replays what happened since; without one (no event had arrived yet),
   * what happened before the opening, since the topics were read or while an earlier connection was being replaced,
   * is not sent. Not `resumed` either when an event came between the addition of topics and the reconnection that
   * brings them: the server replays those topics only after that event, not from when they were read.
   */
  onOpen(missed: boolean, resumed: boolean): void;
  /** The open stream proved itself: an event arrived, or it stayed open `backoff.maxDelay` ms. `missed` as told at its opening. */
  onProved(missed: boolean): void;
  /** A connection failed: did not open, or dropped. `failures` counts them in a row, since the last one that proved itself. */
  onFailure(failures: number): void;
}

/** A shared stream (see {@link sseTransport}). */
export interface SseTransport {
  /** Follows `keys` from now on; an empty list closes the connection. */
  setTopics(keys: readonly string[]): void;
  /** Whether an open connection brings the updates of topic `key` now. */
  covers(key: string): boolean;
  stop(): void;
}

/**
 * One Server-Sent Events connection shared by every subscriber of a data source.
 *
 * Reconnection is this transport's job, not the browser's: on any error it closes the EventSource and opens a
 * new one after an exponential backoff with jitter, passing the id of the last event received as
 * `?lastEventId=` so that the server replays what was missed. (The browser's own retry would send a
 * `Last-Event-ID` header, but at a fixed pace, without jitter, and a new EventSource cannot set that header.)
 * A topic added while connected reconnects, debounced, with the larger topic list; a topic removed does not,
 * the hub just stops delivering it.
 *
 * Opening is not enough to forget past failures: a server or proxy that ends the response at once (a serverless
 * host, a short proxy time limit) opens a stream every time, and reset on each opening it was retried every second
 * forever. A connection proves itself by delivering an event, or by staying open as long as the longest backoff
 * wait (reconnecting at once after it costs no more than waiting would have); one that drops before that is one
 * more failure in a row, so the waits grow and polling fills in.
 */
export function sseTransport(options: SseTransportOptions): SseTransport {
  const { timers } = options;
  let source: EventSourceLike | undefined;
  /** Topic keys the open connection covers; `all` when it asked for every topic. */
  let covered: Set<string> | 'all' = new Set();
  /** The connection in `source` has opened. */
  let open = false;
  let wanted: readonly string[] = [];
  let lastEventId: string | undefined;
  /**
   * `lastEventId` when topics were first added to the connection (null: none waiting): the reconnection that brings
   * them resumes after the last event, and the server replays them from there, not from when they were read.
   */
  let addedAt: string | undefined | null = null;
  /** Topics were added before an event that came before the reconnection bringing them (see `connect`), till one opens. */
  let skipped = false;
  let failures = 0;
  let timer: unknown;
  /** Gives up on a connection that does not open in time, then, once open, proves it after a while without events. */
  let openTimer: unknown;
  /** The open connection has not proved itself yet; `missed` as told when it opened. */
  let unproved: { missed: boolean } | undefined;

  const clearTimer = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  const later = (ms: number): void => {
    clearTimer();
    timer = timers.setTimeout(() => {
      timer = undefined;
      connect();
    }, ms);
  };

  const stopOpenTimer = (): void => {
    if (openTimer !== undefined) timers.clearTimeout(openTimer);
    openTimer = undefined;
  };

  const close = (): void => {
    stopOpenTimer();
    unproved = undefined;
    open = false;
    source?.close();
    source = undefined;
  };

  /** The connection failed (did not open, or dropped): closed, and tried again after a backoff. */
  const failed = (): void => {
    close();
    failures++;
    options.onFailure(failures);
    later(backoffDelay(failures - 1, options.backoff, options.random));
  };

  const proved = (): void => {
    if (!unproved) return;
    const { missed } = unproved;
    stopOpenTimer();
    unproved = undefined;
    failures = 0;
    options.onProved(missed);
  };

  const connect = (): void => {
    close();
    if (wanted.length === 0) return;
    const keys = [...wanted].sort();
    // Topic lists are comma-separated: an id with a comma cannot be named, so ask for everything instead.
    let url = keys.some((key) => key.includes(',')) ? undefined : options.streamUrl(keys, lastEventId);
    if (url === undefined || url.length > options.maxUrlLength) url = options.streamUrl(undefined, lastEventId);
    const resumed = lastEventId !== undefined;
    // An event came after topics were added (and read): what happened to them before it is not replayed. Also by the
    // connections after this one, should it be replaced (more topics added) or fail before it opens.
    skipped ||= addedAt !== null && addedAt !== lastEventId;
    addedAt = null;
    let opened: EventSourceLike;
    try {
      opened = new options.EventSource(url, { withCredentials: options.withCredentials });
    } catch {
      return failed();
    }
    source = opened;
    covered = url.includes('topics=') ? new Set(keys) : 'all';
    if (options.openTimeout > 0) {
      openTimer = timers.setTimeout(failed, options.openTimeout);
    }
    opened.addEventListener('open', () => {
      if (source !== opened) return;
      stopOpenTimer();
      open = true;
      const missed = failures > 0 && !resumed;
      unproved = { missed };
      openTimer = timers.setTimeout(proved, options.backoff.maxDelay);
      const skipping = skipped;
      skipped = false;
      options.onOpen(missed, resumed && !skipping);
    });
    opened.addEventListener('error', () => {
      if (source !== opened) return;
      failed();
    });
    for (const type of LIVE_EVENT_TYPES) {
      opened.addEventListener(type, (event) => {
        if (source !== opened) return;
        proved();
        const message = event as MessageEvent<unknown>;
        if (message.lastEventId) lastEventId = message.lastEventId;
        let update: LiveUpdate;
        try {
          update = parseLiveUpdate(type, JSON.parse(String(message.data)));
        } catch (error) {
          // One bad event must not end the stream; the next good one still counts.
          console.warn('estafette: a malformed live update was ignored', error);
          return;
        }
        options.onUpdate(update);
      });
    }
  };

  const stop = (): void => {
    wanted = [];
    clearTimer();
    close();
    failures = 0;
  };

  return {
    setTopics(keys) {
      wanted = keys;
      if (keys.length === 0) return stop();
      if (source || timer !== undefined) {
        const now = covered;
        if (source && (now === 'all' || keys.every((key) => now.has(key)))) return;
        // Reconnect soon rather than now: elements arriving in one burst join one reconnection.
        if (timer === undefined) {
          addedAt = lastEventId;
          later(100);
        }
        return;
      }
      connect();
    },
    covers: (key) => open && (covered === 'all' || covered.has(key)),
    stop,
  };
}
