// Test doubles for the data layer: a scriptable fetch, timers the test moves by hand, a page visibility switch,
// and an EventSource the test drives. None of them sleeps.
import type { EventSourceLike } from '../../src/data/sse-transport.js';
import type { Timers } from '../../src/data/timing.js';
import type { VisibilityProvider } from '../../src/data/visibility.js';

/** One request a fake server received. */
export interface Call {
  readonly method: string;
  readonly url: URL;
  /** Message ids asked for, from `?ids=` or the JSON body. */
  readonly ids: string[];
  readonly signal: AbortSignal | undefined;
  readonly headers: Headers;
  readonly body: string | undefined;
  /** The `credentials` mode asked for (undefined: fetch's default, `same-origin`). */
  readonly credentials: RequestCredentials | undefined;
}

export type Handler = (call: Call) => Response | Promise<Response>;

const idsOf = (url: URL, body: unknown): string[] => {
  const query = url.searchParams.get('ids');
  if (query) return query.split(',');
  const ids = (body as { ids?: unknown } | undefined)?.ids;
  return Array.isArray(ids) ? (ids as string[]) : [];
};

/** A `fetch` answering with `handler`, recording every call. */
export function fakeFetch(handler: Handler): { fetch: typeof fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href);
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const call: Call = {
      method: init.method ?? 'GET',
      url,
      ids: idsOf(url, body),
      signal: init.signal ?? undefined,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? init.body : undefined,
      credentials: init.credentials,
    };
    calls.push(call);
    if (init.signal?.aborted) throw init.signal.reason;
    const answer = Promise.resolve(handler(call));
    if (!init.signal) return answer;
    // Like the real fetch: an abort rejects at once, whatever the server is doing.
    return Promise.race([
      answer,
      new Promise<never>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason), { once: true })),
    ]);
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

/** A `fetch` that counts requests and passes them on to the real one (MSW answers). */
export function countingFetch(): { fetch: typeof fetch; calls: Call[] } {
  return fakeFetch((call) =>
    fetch(call.url, { method: call.method, headers: call.headers, signal: call.signal ?? null, ...(call.body !== undefined && { body: call.body }), ...(call.credentials && { credentials: call.credentials }) }),
  );
}

/**
 * A JSON response, whose body reads in a microtask, as {@link settleTasks} expects of the fake servers' answers: a real
 * Response's body is read in tasks of the engine's own, which a test's task turns need not outlast (Firefox: the
 * answers to a stream's opening were still being read when long-session.test.ts moved the clock past their time limit).
 */
export const json = (body: unknown, init: ResponseInit = {}): Response => {
  const text = JSON.stringify(body);
  const response = new Response(text, { ...init, headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) } });
  return Object.defineProperties(response, {
    text: { value: () => Promise.resolve(text) },
    json: { value: () => Promise.resolve(JSON.parse(text) as unknown) },
  });
};

/** A minimal valid status of `id` (the wire format). */
export const wireStatus = (id: string, extra: Record<string, unknown> = {}) => ({
  messageId: id,
  channel: 'email',
  delivery: 'delivered',
  display: 'delivered',
  engagement: {},
  updatedAt: '2026-11-24T09:00:00.000Z',
  settled: true,
  ...extra,
});

/** A server answering every messages request with a delivered status per id asked for. */
export const echoMessages: Handler = (call) => json({ messages: call.ids.map((id) => wireStatus(id)) });

/** A server answering every endpoint of the contract with something readable (empty pages, a campaign `c`). */
export const everyEndpoint: Handler = (call) => {
  const path = call.url.pathname;
  if (path.endsWith('/stats')) return json({ campaign: { id: 'c', name: 'C', channel: 'email' }, counts: {}, updatedAt: '2026-11-24T09:00:00Z' });
  if (path.endsWith('/history')) return json({ items: [] });
  if (path.endsWith('/events')) return json({ events: [] });
  return echoMessages(call);
};

/** A promise and its resolve function, to hold a response until the test lets it go. */
export function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((res) => (resolve = res));
  return { promise, resolve };
}

/** Timers that run only when the test moves time with `advance`. */
export class ManualTimers implements Timers {
  now = 0;
  private seq = 0;
  private readonly pending = new Map<number, { at: number; fn: () => void; ms: number }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = ++this.seq;
    this.pending.set(id, { at: this.now + ms, fn, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays of the timers still waiting, in the order they were set. */
  get delays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  /** Moves time forward, running every timer that falls due (including ones set meanwhile). */
  advance(ms: number): void {
    const end = this.now + ms;
    for (;;) {
      const due = [...this.pending.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.pending.delete(due[0]);
      this.now = Math.max(this.now, due[1].at);
      due[1].fn();
    }
    this.now = end;
  }
}

/**
 * Timers that record each requested delay and run the callback almost at once: a test of backoff reads the
 * delays without waiting for them.
 */
export class InstantTimers implements Timers {
  readonly delays: number[] = [];
  setTimeout(fn: () => void, ms: number): unknown {
    if (ms > 0) this.delays.push(ms);
    return globalThis.setTimeout(fn, 0);
  }
  clearTimeout(handle: unknown): void {
    globalThis.clearTimeout(handle as number);
  }
}

/** A visibility switch for the page. */
export class FakeVisibility implements VisibilityProvider {
  private state = false;
  private readonly listeners = new Set<() => void>();
  hidden = () => this.state;
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  set(hidden: boolean): void {
    this.state = hidden;
    for (const listener of [...this.listeners]) listener();
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
}

/** An EventSource the test drives: `open()`, `emit()`, `fail()`. Instances are listed in `FakeEventSource.all`. */
export class FakeEventSource implements EventSourceLike {
  static all: FakeEventSource[] = [];
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, ((event: Event) => void)[]>();

  constructor(
    readonly url: string,
    readonly init?: EventSourceInit,
  ) {
    FakeEventSource.all.push(this);
  }

  addEventListener(type: string, listener: (event: Event) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.closed = true;
    this.readyState = 2;
  }

  private dispatch(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  open(): void {
    this.readyState = 1;
    this.dispatch('open', new Event('open'));
  }

  emit(type: string, data: unknown, id = ''): void {
    this.dispatch(type, new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId: id }));
  }

  /** An error: `closed` as the browser does after an HTTP error, else while it retries by itself. */
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.dispatch('error', new Event('error'));
  }

  static reset(): void {
    FakeEventSource.all = [];
  }

  static get last(): FakeEventSource | undefined {
    return FakeEventSource.all[FakeEventSource.all.length - 1];
  }
}

/** The browser's EventSource, keeping a list of the connections made. */
export class TrackedEventSource extends EventSource {
  static all: TrackedEventSource[] = [];
  constructor(url: string | URL, init?: EventSourceInit) {
    super(url, init);
    TrackedEventSource.all.push(this);
  }
}

/** Real timers, but no wait longer than 5 ms: backoff and reconnection run their course quickly. */
export const fastTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, Math.min(ms, 5)),
  clearTimeout: (handle) => clearTimeout(handle as number),
};

/** Lets pending promise callbacks and zero-delay timers run (a real task turn, no waiting on the clock). */
export const settle = async (turns = 3): Promise<void> => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

let turnsTaken = 0;

/**
 * Lets pending promise callbacks and tasks run, `turns` times, waiting on no timer: for a test whose code under test
 * has only a {@link ManualTimers}' timers. {@link settle}'s zero-delay timers are clamped to 4 ms once chained (the
 * HTML timer nesting rule): a loop of 1,800 of them took 8 to 12 s in each engine on a loaded machine, 40 to 100 ms
 * as message tasks. (A real zero-delay timer the code under test set may be clamped too: only settle() waits for it.)
 */
export async function settleTasks(turns = 3): Promise<void> {
  for (let i = 0; i < turns; i++) {
    await new Promise<void>((resolve) => {
      const key = `estafette-turn-${++turnsTaken}`;
      const onMessage = (event: MessageEvent) => {
        if (event.source !== window || event.data !== key) return;
        removeEventListener('message', onMessage);
        resolve();
      };
      addEventListener('message', onMessage);
      postMessage(key, location.origin);
    });
  }
}

/** Moves `timers` by `ms` (a batch of lookups goes out at 0) and lets the tasks run, until `done` or ten turns. */
export async function turns(timers: ManualTimers, ms: number, done: () => boolean): Promise<void> {
  for (let i = 0; i < 10 && !done(); i++) {
    timers.advance(ms);
    await settleTasks();
  }
}

/** Waits until `condition` holds, checking every task turn; fails after `limit` ms (a bug, not a slow test). */
export async function until(condition: () => boolean, limit = 3_000, what = 'condition'): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > limit) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Starts the MSW worker for a test file, as the demo and Storybook do; `stop()` when the file is done. */
export async function startWorker(): Promise<{ stop(): void }> {
  const mocks = await import('../../src/mocks/browser.js');
  await mocks.startWorker();
  return { stop: mocks.stopWorker };
}
