import type { LiveUpdate } from './source.js';
import { backoffDelay, type BackoffOptions, type Timers } from './timing.js';
import { LIVE_EVENT_TYPES, parseLiveUpdate } from './validate.js';

/** The part of `EventSource` this layer uses (a test can hand in its own). */
export interface EventSourceLike {
  close(): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
}

/** A constructor like the browser's `EventSource`. */
export type EventSourceConstructor = new (url: string, init?: EventSourceInit) => EventSourceLike;

/** What an {@link SseTransport} needs. */
export interface SseTransportOptions {
  /** The stream URL for these topic keys (undefined: every topic) resuming after `lastEventId`. */
  url(topics: readonly string[] | undefined, lastEventId: string | undefined): string;
  readonly EventSource: EventSourceConstructor;
  readonly withCredentials: boolean;
  /** URLs longer than this subscribe to everything and filter on this side. */
  readonly maxUrlLength: number;
  readonly backoff: BackoffOptions;
  readonly timers: Timers;
  readonly random: () => number;
  onUpdate(update: LiveUpdate): void;
  /** Told when the stream opens (`failures` 0) and after each failure (`failures` counts them in a row). */
  onState(open: boolean, failures: number): void;
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
 */
export class SseTransport {
  private source: EventSourceLike | undefined;
  /** Topic keys the open connection covers; `all` when it asked for every topic. */
  private covered: Set<string> | 'all' = new Set();
  private wanted: readonly string[] = [];
  private lastEventId: string | undefined;
  private failures = 0;
  private timer: unknown;

  constructor(private readonly options: SseTransportOptions) {}

  /** Follows `keys` from now on; an empty list closes the connection. */
  setTopics(keys: readonly string[]): void {
    this.wanted = keys;
    if (keys.length === 0) return this.stop();
    if (this.source || this.timer !== undefined) {
      const covered = this.covered;
      if (this.source && (covered === 'all' || keys.every((key) => covered.has(key)))) return;
      // Reconnect soon rather than now: elements arriving in one burst join one reconnection.
      if (this.timer === undefined) this.later(100);
      return;
    }
    this.connect();
  }

  stop(): void {
    this.wanted = [];
    this.clearTimer();
    this.close();
    this.failures = 0;
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private later(ms: number): void {
    this.clearTimer();
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      this.connect();
    }, ms);
  }

  private close(): void {
    this.source?.close();
    this.source = undefined;
  }

  private connect(): void {
    this.close();
    if (this.wanted.length === 0) return;
    const keys = [...this.wanted].sort();
    // Topic lists are comma-separated: an id with a comma cannot be named, so ask for everything instead.
    let url = keys.some((key) => key.includes(',')) ? undefined : this.options.url(keys, this.lastEventId);
    if (url === undefined || url.length > this.options.maxUrlLength) url = this.options.url(undefined, this.lastEventId);
    const covered: Set<string> | 'all' = url.includes('topics=') ? new Set(keys) : 'all';
    let source: EventSourceLike;
    try {
      source = new this.options.EventSource(url, { withCredentials: this.options.withCredentials });
    } catch {
      return this.failed();
    }
    this.source = source;
    this.covered = covered;
    source.addEventListener('open', () => {
      if (this.source !== source) return;
      this.failures = 0;
      this.options.onState(true, 0);
    });
    source.addEventListener('error', () => {
      if (this.source !== source) return;
      this.close();
      this.failed();
    });
    for (const type of LIVE_EVENT_TYPES) {
      source.addEventListener(type, (event) => {
        if (this.source !== source) return;
        const message = event as MessageEvent<unknown>;
        if (message.lastEventId) this.lastEventId = message.lastEventId;
        let update: LiveUpdate;
        try {
          update = parseLiveUpdate(type, JSON.parse(String(message.data)));
        } catch (error) {
          // One bad event must not end the stream; the next good one still counts.
          console.warn('estafette: a malformed live update was ignored', error);
          return;
        }
        this.options.onUpdate(update);
      });
    }
  }

  private failed(): void {
    this.failures++;
    this.options.onState(false, this.failures);
    this.later(backoffDelay(this.failures - 1, this.options.backoff, this.options.random));
  }
}
