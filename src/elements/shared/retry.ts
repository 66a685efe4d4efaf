import { DataSourceError } from '../../data/errors.js';
import { isAbortError, timerDelay } from '../../data/timing.js';
import { documentVisibility } from '../../data/visibility.js';

/**
 * Retries shared by every element on the page. When the API goes down, a table of 5,000 badges fails at once; if
 * each badge ran its own timer, the retries would fire in 5,000 separate tasks and a batching data source would
 * see 5,000 requests. Here retries due within the same second run in one task, so they land in one batch; and
 * when the browser comes back online, every retry waiting runs at once, in one task too.
 */

const GRANULARITY = 1000;
const buckets = new Map<number, { readonly runs: Set<() => void>; readonly timer: ReturnType<typeof setTimeout> }>();
/** Retries that fell due while the page was hidden: they run when it shows again (no calls from a background tab). */
const whenShown = new Set<() => void>();
let listening = false;

function runBucket(due: number): void {
  const bucket = buckets.get(due);
  if (!bucket) return;
  buckets.delete(due);
  clearTimeout(bucket.timer);
  if (documentVisibility.hidden()) for (const run of bucket.runs) whenShown.add(run);
  else for (const run of bucket.runs) run();
}

// Back online after an outage: waiting up to a minute for the next slot would leave errors on screen for nothing.
// Back on screen: what fell due meanwhile runs at once, in one task.
function listen(): void {
  if (listening || typeof addEventListener !== 'function') return;
  listening = true;
  addEventListener('online', () => {
    for (const due of [...buckets.keys()]) runBucket(due);
  });
  documentVisibility.onChange(() => {
    if (documentVisibility.hidden()) return;
    const runs = [...whenShown];
    whenShown.clear();
    for (const run of runs) run();
  });
}

/**
 * Runs `callback` after about `delay` ms (rounded up to the next whole second, so neighbors share a task), or as
 * soon as the browser reports it is back online; due while the page is hidden, it waits for the page to show again.
 * Returns a function that cancels it.
 */
export function scheduleRetry(callback: () => void, delay: number): () => void {
  listen();
  const due = Math.ceil((Date.now() + timerDelay(delay)) / GRANULARITY) * GRANULARITY;
  let bucket = buckets.get(due);
  if (!bucket) {
    bucket = { runs: new Set(), timer: setTimeout(() => runBucket(due), timerDelay(due - Date.now())) };
    buckets.set(due, bucket);
  }
  const entry = () => callback();
  bucket.runs.add(entry);
  const own = bucket;
  return () => {
    own.runs.delete(entry);
    whenShown.delete(entry);
  };
}

/** The longest a server's `Retry-After` makes an element wait before it tries again by itself: one hour. */
export const MAX_SERVER_WAIT = 3_600_000;

/**
 * Delay before the `attempt`-th retry (0-based): 2 s, 4 s, 8 s ... capped at one minute; or what the server asked,
 * up to an hour (a maintenance answer of "30 days" still gets a try an hour later, and a manual retry any time).
 */
export const retryDelay = (attempt: number, retryAfter?: number): number =>
  retryAfter !== undefined && retryAfter >= 0 ? Math.min(retryAfter, MAX_SERVER_WAIT) : Math.min(60_000, 2000 * 2 ** Math.min(attempt, 10));

/** Whether a load failed only because it was aborted (its element left, or asked for something else). */
export const isAbort = (error: unknown): boolean => isAbortError(error) || (error instanceof DataSourceError && error.kind === 'aborted');

/**
 * One element's automatic retries: after a failure that may go away by itself (anything but an abort or a
 * `DataSourceError` that says it will not), `run` again after {@link retryDelay} through {@link scheduleRetry};
 * the pace slows with each failure in a row and starts over after a success.
 */
export class AutoRetry {
  #attempt = 0;
  #cancel: (() => void) | undefined;
  /** The arguments of the load that failed last (see `failed`), until a success or `reset()`. */
  #failedWith: readonly unknown[] | undefined;

  readonly #run: () => void;

  constructor(run: () => void) {
    this.#run = run;
  }

  /** Whether a retry is waiting. */
  get scheduled(): boolean {
    return this.#cancel !== undefined;
  }

  /**
   * After a failure: schedules the next try, unless `error` cannot go away by itself. `args`, what the load was of
   * (an id and a source), make {@link retrying} true for another try of the same load.
   */
  failed(error: unknown, args?: readonly unknown[]): void {
    this.stop();
    this.#failedWith = args;
    if (isAbort(error) || (error instanceof DataSourceError && !error.retryable)) return;
    const delay = retryDelay(this.#attempt++, error instanceof DataSourceError ? error.retryAfter : undefined);
    this.#cancel = scheduleRetry(() => {
      this.#cancel = undefined;
      this.#run();
    }, delay);
  }

  /** After a success (or for another id): nothing waiting, and the next failure waits the shortest delay again. */
  reset(): void {
    this.stop();
    this.#attempt = 0;
    this.#failedWith = undefined;
  }

  /**
   * Whether a load of `args` tries again the one that failed last: its error can stay on screen until an answer,
   * rather than a flash of the loading state at each attempt (on a page of 10,000 badges whose source is down,
   * each flash restyles them all).
   */
  retrying(...args: readonly unknown[]): boolean {
    const failed = this.#failedWith;
    return failed !== undefined && failed.length === args.length && failed.every((arg, i) => arg === args[i]);
  }

  /** Cancels the retry waiting, if any. */
  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
  }
}
