import { LiveHub } from './live-hub.js';
import { poller, type Poller } from './poller.js';
import type { LiveListener, LiveTopic, LiveUpdate } from './source.js';
import { sseTransport, type EventSourceConstructor, type SseTransport } from './sse-transport.js';
import type { Timers } from './timing.js';
import type { VisibilityProvider } from './visibility.js';

/** How a data source follows changes: a Server-Sent Events stream, polling, or not at all. */
export type LiveMode = 'sse' | 'poll' | 'off';

/** What {@link RestLive} needs. */
export interface RestLiveOptions {
  readonly mode: LiveMode;
  /** Null when the platform has no EventSource: polling is used instead. */
  readonly EventSource: EventSourceConstructor | null;
  streamUrl(topics: readonly string[] | undefined, lastEventId: string | undefined): string;
  readonly withCredentials: boolean;
  readonly maxUrlLength: number;
  readonly pollInterval: number;
  readonly maxPollInterval: number;
  /** One poll of the given topic keys; it delivers what changed through `deliver`. */
  poll(keys: readonly string[]): Promise<void>;
  /** Called for every update from the stream before it is fanned out; false drops it (stale). */
  accept(update: LiveUpdate): boolean;
  /** Told when a topic loses its last listener (to forget what was known about it). */
  forget(key: string): void;
  readonly visibility: VisibilityProvider;
  readonly timers: Timers;
  readonly random: () => number;
}

// Failed stream connections in a row before polling fills in (the stream keeps retrying behind it).
const FAILURES_BEFORE_POLLING = 2;

/**
 * The live side of a REST data source: one hub of listeners, one shared stream, and polling as the fallback
 * when the stream is unavailable (no EventSource, a proxy that buffers, a server without `/stream`).
 */
export class RestLive {
  readonly hub: LiveHub;
  private readonly sse: SseTransport | undefined;
  private readonly poller: Poller;
  private syncQueued = false;
  private closed = false;

  constructor(private readonly options: RestLiveOptions) {
    this.hub = new LiveHub((key, added) => {
      if (!added) options.forget(key);
      this.queueSync();
    });
    this.poller = poller({
      interval: options.pollInterval,
      maxInterval: options.maxPollInterval,
      poll: () => options.poll(this.hub.keys()),
      visibility: options.visibility,
      timers: options.timers,
      random: options.random,
    });
    if (options.mode === 'sse' && options.EventSource) {
      this.sse = sseTransport({
        url: options.streamUrl,
        EventSource: options.EventSource,
        withCredentials: options.withCredentials,
        maxUrlLength: options.maxUrlLength,
        backoff: { baseDelay: 1_000, maxDelay: 60_000 },
        timers: options.timers,
        random: options.random,
        onUpdate: (update) => this.deliver(update),
        onState: (open, failures) => {
          if (open) this.poller.stop();
          else if (failures >= FAILURES_BEFORE_POLLING && this.hub.size > 0) this.poller.start();
        },
      });
    }
  }

  /** Whether polling is running now (as the chosen mode or as the stream's fallback). */
  get polling(): boolean {
    return this.poller.active;
  }

  subscribe(topic: LiveTopic, listener: LiveListener): () => void {
    return this.hub.add(topic, listener);
  }

  /** Fans an update out to its topic's listeners, unless `accept` finds it stale. */
  deliver(update: LiveUpdate): void {
    if (this.options.accept(update)) this.hub.emit(update);
  }

  close(): void {
    this.closed = true;
    this.sse?.stop();
    this.poller.stop();
  }

  // Ten thousand badges subscribing in one task make one change of the stream's topics, not ten thousand.
  private queueSync(): void {
    if (this.syncQueued) return;
    this.syncQueued = true;
    queueMicrotask(() => {
      this.syncQueued = false;
      this.sync();
    });
  }

  private sync(): void {
    if (this.closed || this.options.mode === 'off') return;
    const keys = this.hub.keys();
    if (keys.length === 0) {
      this.sse?.stop();
      this.poller.stop();
      return;
    }
    if (this.sse) this.sse.setTopics(keys);
    else this.poller.start();
  }
}
