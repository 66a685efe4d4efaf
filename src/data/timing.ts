/** Timer functions a data source uses, injectable so that tests drive time instead of sleeping. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The longest wait a browser timer honors (2^31 - 1 ms, about 24.8 days): a longer one fires at once, which would
 * turn a server's "come back in 30 days" or a time limit of a month into a tight loop.
 */
export const MAX_TIMER_DELAY = 2 ** 31 - 1;

/** `ms` as a timer can wait it: at most {@link MAX_TIMER_DELAY}, never negative (NaN waits nothing). */
export const timerDelay = (ms: number): number => (ms > 0 ? Math.min(ms, MAX_TIMER_DELAY) : 0);

/** The page's own timers (a wait beyond what a timer can hold is cut to {@link MAX_TIMER_DELAY}). */
export const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, timerDelay(ms)),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** The reason an aborted signal carries, or a standard `AbortError` when it carries none. */
export const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

/** True for the errors an aborted `fetch` or signal rejects with. */
export const isAbortError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';

/**
 * `promise` as one caller with its own `signal` sees it: rejected with the signal's reason as soon as the signal is
 * aborted (or at once when it already is), else settled as `promise` is. `leave` runs once, when the caller stops
 * waiting either way: the place to drop the caller's claim on shared work.
 */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined, leave: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      signal?.removeEventListener('abort', onAbort);
      leave();
      settle();
    };
    const onAbort = () => finish(() => reject(abortReason(signal!)));
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error)),
    );
  });
}

/** Waits `ms`, or rejects with the signal's reason as soon as it is aborted. */
export function sleep(ms: number, signal: AbortSignal | undefined, timers: Timers): Promise<void> {
  let handle: unknown;
  return abortable(new Promise<void>((resolve) => (handle = timers.setTimeout(resolve, ms))), signal, () => timers.clearTimeout(handle));
}

/** How retries and reconnections space themselves out. */
export interface BackoffOptions {
  /** Delay before the first retry, in ms. */
  readonly baseDelay: number;
  /** Upper bound of any single delay, in ms. */
  readonly maxDelay: number;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random. The random half spreads out
 * the clients a failing server released at the same moment; the fixed half keeps each one from hammering it.
 * `attempt` counts from 0; `random` returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(options.maxDelay, options.baseDelay * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * Reads a `Retry-After` header (delay in seconds, or an HTTP date) as milliseconds from `now`.
 * Undefined when absent or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates always name the day and the GMT zone; anything else (a bare year, "1.5") is not a date here.
  if (!/[a-z]{3},?\s/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
