import { liveHub } from './live-hub.js';
import { poller } from './poller.js';
import type { LiveListener, LiveTopic, LiveUpdate } from './source.js';
import { sseTransport, type EventSourceConstructor } from './sse-transport.js';
import type { Timers } from './timing.js';
import type { VisibilityProvider } from './visibility.js';
import { warnOnce } from './warn-once.js';

/** How a data source follows changes: a Server-Sent Events stream, polling, or not at all. */
export type LiveMode = 'sse' | 'poll' | 'off';

/** What {@link RestLive} needs. */
export interface RestLiveOptions {
  readonly live: LiveMode;
  /** Null when the platform has no EventSource: polling is used instead. */
  readonly EventSource: EventSourceConstructor | null;
  streamUrl(topics: readonly string[] | undefined, lastEventId: string | undefined): string;
  readonly withCredentials: boolean;
  readonly maxUrlLength: number;
  /** How long the stream may take to open, in ms (0: no limit); see `SseTransportOptions.openTimeout`. */
  readonly openTimeout: number;
  readonly pollInterval: number;
  readonly maxPollInterval: number;
  /** One poll of the given topic keys; it delivers what changed through `deliver`. `everything`: none left out. */
  poll(keys: readonly string[], everything?: boolean): Promise<void>;
  /** Called for every update from the stream before it is fanned out; false drops it (stale). */
  accept(update: LiveUpdate): boolean;
  /** Told when a topic has lost its last listener, at the end of the task (to forget what was known about it). */
  forget(key: string): void;
  /**
   * Told when a stream connection opens: it carries the followed topics, and what is known of the others (cached by
   * the source) is no longer kept current by live updates, as it was by the connection before (to forget it).
   */
  forgetUnfollowed(): void;
  readonly visibility: VisibilityProvider;
  readonly timers: Timers;
  readonly random: () => number;
}

// Failed stream connections in a row before polling fills in (the stream keeps retrying behind it).
const FAILURES_BEFORE_POLLING = 2;

/** The live side of a REST data source (see {@link restLive}). */
export interface RestLive {
  /** Whether polling is running now (as the chosen mode, as the stream's fallback, or after a failed catch-up). */
  readonly polling: boolean;
  subscribe(topic: LiveTopic, listener: LiveListener): () => void;
  /** Whether topic `key` has a listener now. */
  follows(key: string): boolean;
  /** Fans an update out to its topic's listeners, unless `accept` finds it stale. */
  deliver(update: LiveUpdate): void;
  /**
   * A read of these topics' data (statuses, figures, events, history) is sent; call what it returns once it was
   * answered. A topic read before a stream opened without a resume id is read once more after the opening.
   * `held` false: a request that callers share (each tells its own read) or a poll's; its listeners may hold nothing
   * of it, and it is only read once more.
   */
  read(keys: readonly string[], held?: boolean): () => void;
  /** Whether topic `key`'s data was read while it was followed: its listeners hold what that read said. */
  wasRead(key: string): boolean;
  close(): void;
}

/**
 * The live side of a REST data source: one hub of listeners, one shared stream, and polling as the fallback
 * when the stream is unavailable (no EventSource, a proxy that buffers, a server without `/stream`).
 */
export function restLive(options: RestLiveOptions): RestLive {
  let syncQueued = false;
  let closed = false;
  /** Topics that lost their last listener in this task (see `sync`). */
  const leaving = new Set<string>();
  const sync = (): void => {
    // Forgotten once the task is over: an element moved within it (a table sorted) follows its topic again first.
    for (const key of leaving) {
      if (!hub.has(key)) {
        known.delete(key);
        options.forget(key);
      }
    }
    leaving.clear();
    if (closed || options.live === 'off') return;
    const keys = hub.keys();
    if (keys.length === 0) {
      sse?.stop();
      fallback = owed = false;
      polls.stop();
      return;
    }
    if (sse) sse.setTopics(keys);
    else fillIn();
  };
  /** Followed topics whose data was read (see `read`). */
  const known = new Set<string>();
  /** Counts the openings without a resume id: a read sent before one may hold what the stream will never send. */
  let fresh = 0;
  /** Topics to read once more, in one poll soon (see `recheck`). */
  const due = new Set<string>();
  /**
   * Topics a catch-up has read (or is reading) since the last opening without a resume id; emptied at the next one, so
   * no bigger than what was followed then.
   */
  const checked = new Set<string>();
  const hub = liveHub((key, added) => {
    if (!added) leaving.add(key);
    // Ten thousand badges subscribing in one task make one change of the stream's topics, not ten thousand.
    if (syncQueued) return;
    syncQueued = true;
    queueMicrotask(() => {
      syncQueued = false;
      sync();
    });
  });
  /** Polling fills in for the stream (down, or not yet proved since). */
  let fallback = false;
  /**
   * A catch-up failed (the API's reads down while the stream is not): polls of every followed topic try it again, at
   * polling's pace and back-off (and as soon as the page shows again), until one succeeds. Meanwhile the source says
   * it polls: what is shown may be older than the stream's news. The same loop as the fallback's, so that a stream
   * down too makes one poll at a time, not two.
   */
  let owed = false;
  // (The options hold the poller's: the intervals, visibility, timers and random.)
  const polls = poller({
    ...options,
    poll: () => {
      const all = owed;
      return options.poll(hub.keys(), all).then(() => {
        if (!all) return;
        owed = false;
        if (!fallback) polls.stop();
      });
    },
  });
  const fillIn = (): void => {
    fallback = true;
    polls.start();
  };
  const deliver = (update: LiveUpdate): void => {
    if (options.accept(update)) hub.emit(update);
  };
  /**
   * One poll of `keys` that catches up after an opening (a failed one is tried again: see `owed`; the stream
   * carries on): a read of theirs sent before the opening and answered after it needs no other.
   */
  const catchUp = (keys = hub.keys()): void => {
    for (const key of keys) checked.add(key);
    if (keys.length > 0)
      options.poll(keys, true).catch(() => {
        owed = true;
        polls.start();
      });
  };
  /**
   * Reads these topics once more, those still followed, all in one poll a moment later (the answers of the other
   * requests sent with a read come in the same task). A stream that opened without a resume id sends only what
   * happens from its opening on: what happened between an earlier read and the opening would never reach the page.
   */
  const recheck = (keys: Iterable<string>): void => {
    const wasEmpty = due.size === 0;
    for (const key of keys) if (hub.has(key)) due.add(key);
    if (!wasEmpty || due.size === 0) return;
    options.timers.setTimeout(() => {
      const keys = [...due].filter(hub.has);
      due.clear();
      if (!closed) catchUp(keys);
    }, 0);
  };
  /** Stops the polls that filled in for a stream back at work, then catches up if it came back with nothing to resume from. */
  let steady: unknown;
  /** Whether the console was told the stream failed and polls fill in (once per source: a server without a stream). */
  let told = false;
  const stopSteady = (): void => {
    if (steady !== undefined) options.timers.clearTimeout(steady);
    steady = undefined;
  };
  const pollsGiveWay = (missed: boolean): void => {
    stopSteady();
    if (!fallback) return;
    fallback = false;
    if (!owed) polls.stop();
    if (missed) catchUp();
  };
  const sse =
    options.live === 'sse' && options.EventSource
      ? sseTransport({
          // The options hold the transport's: the stream URL, EventSource, credentials, URL length, opening time limit, timers and random.
          ...options,
          EventSource: options.EventSource,
          backoff: { baseDelay: 1_000, maxDelay: 60_000 },
          onUpdate: deliver,
          // Back without a resume point: one poll catches up with what changed while it was down. While polling
          // fills in, it goes on until the stream proves itself or has stayed open a poll interval, and the catch-up
          // waits for that too: a stream that opens and drops at once would otherwise stop the polls before they
          // ever ran, and catch up at each opening. (Its failures are forgotten only once it proves itself: see
          // sseTransport.) A quiet stream back at work so costs about one poll, not a minute of them.
          onOpen: (missed, resumed) => {
            options.forgetUnfollowed();
            if (!resumed) {
              fresh++;
              checked.clear();
              // Topics read before this opening (and not being read now: see `read`). After a failure (`missed`),
              // the catch-up below reads every topic.
              if (!missed) recheck([...known].filter((key) => sse!.covers(key)));
            }
            if (!fallback) {
              if (missed) catchUp();
            } else {
              stopSteady();
              steady = options.timers.setTimeout(() => pollsGiveWay(missed), options.pollInterval);
            }
          },
          onProved: pollsGiveWay,
          onFailure: (failures) => {
            stopSteady();
            if (failures >= FAILURES_BEFORE_POLLING && hub.size > 0) {
              if (!told) warnOnce(`the live stream ${options.streamUrl(undefined, undefined)} failed twice in a row: polling until it works again.`);
              told = true;
              fillIn();
            }
          },
        })
      : undefined;
  return {
    get polling() {
      return polls.active;
    },
    subscribe: (topic, listener) => hub.add(topic, listener),
    follows: hub.has,
    deliver,
    read(keys, held = true) {
      if (options.live === 'off') return () => {};
      const before = fresh;
      return () => {
        const followed = keys.filter(hub.has);
        if (held) for (const key of followed) known.add(key);
        // Sent before a stream opened without a resume id, answered after: it may predate the opening. Also when that
        // stream is down again: its reconnection resumes after an event it sent, never before its opening.
        if (fresh !== before) recheck(followed.filter((key) => !checked.has(key)));
      };
    },
    wasRead: (key) => known.has(key),
    close() {
      closed = true;
      stopSteady();
      sse?.stop();
      polls.stop();
    },
  };
}
