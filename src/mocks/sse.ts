import type { LiveEntry, MockStore } from './store.js';

/** What one stream connection follows and how it behaves. */
export interface EventStreamOptions {
  readonly store: MockStore;
  /** Topic keys to send; undefined sends everything. */
  readonly topics: ReadonlySet<string> | undefined;
  /** Replay the log after this id (from `Last-Event-ID`). */
  readonly resumeAfter: number | undefined;
  /** `retry:` field: how long EventSource waits before reconnecting by itself. */
  readonly retry: number;
  /** Close after this many events (fault injection: a dropped connection). */
  readonly dropAfter?: number;
  /** Comment line interval, so that proxies do not close an idle stream. Default 15 s. */
  readonly keepAlive?: number;
}

const format = (entry: LiveEntry) => `id: ${entry.id}\nevent: ${entry.type}\ndata: ${entry.data}\n\n`;

/**
 * A `text/event-stream` body: `retry:`, then the replay of missed entries, then live entries as the clock moves.
 * Ends when the client goes away (cancel) or, with `dropAfter`, on purpose.
 */
export function createEventStream(options: EventStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let sent = 0;
      let open = true;
      const close = () => {
        if (!open) return;
        open = false;
        cleanup();
        controller.close();
      };
      const write = (text: string) => {
        if (open) controller.enqueue(encoder.encode(text));
      };
      const send = (entry: LiveEntry) => {
        if (!open || (options.topics && !options.topics.has(entry.topic))) return;
        write(format(entry));
        sent++;
        if (options.dropAfter !== undefined && sent >= options.dropAfter) close();
      };
      const stop = options.store.onEntry(send);
      const timer = setInterval(() => write(': keep-alive\n\n'), options.keepAlive ?? 15_000);
      cleanup = () => {
        stop();
        clearInterval(timer);
      };
      write(`retry: ${options.retry}\n: connected\n\n`);
      if (options.resumeAfter !== undefined) for (const entry of options.store.entriesAfter(options.resumeAfter)) send(entry);
      if (options.dropAfter === 0) close();
    },
    cancel() {
      cleanup();
    },
  });
}
