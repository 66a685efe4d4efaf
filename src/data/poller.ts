import type { Timers } from './timing.js';
import type { VisibilityProvider } from './visibility.js';

/** What a {@link Poller} needs. */
export interface PollerOptions {
  /** Time between two polls while all goes well, in ms. */
  readonly pollInterval: number;
  /** Longest time between two polls after repeated failures, in ms. */
  readonly maxPollInterval: number;
  /** One poll; a rejection counts as a failure and backs off. */
  poll(): Promise<void>;
  readonly visibility: VisibilityProvider;
  readonly timers: Timers;
  readonly random: () => number;
}

/** A running or stopped poll loop (see {@link poller}). */
export interface Poller {
  /** Whether it is started (paused or not while the page is hidden). */
  readonly active: boolean;
  start(): void;
  stop(): void;
}

/**
 * Calls `poll` every `pollInterval` ms, give or take 20 % (so that tabs opened together do not poll together),
 * doubling the wait after each failure up to `maxPollInterval`. Stops while the page is hidden, since nobody sees the
 * result and a background tab polling costs the server for nothing; polls at once when the page shows again.
 */
export function poller(options: PollerOptions): Poller {
  const { visibility, timers } = options;
  let timer: unknown;
  let running = false;
  let polling = false;
  let failures = 0;
  let stopWatching: (() => void) | undefined;

  const cancel = (): void => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  // The interval, doubled per failure, capped, with jitter.
  const schedule = (): void => {
    cancel();
    if (!running || visibility.hidden()) return;
    const base = Math.min(options.maxPollInterval, options.pollInterval * 2 ** Math.min(failures, 20));
    timer = timers.setTimeout(() => {
      timer = undefined;
      void tick();
    }, Math.round(base * (0.8 + 0.4 * options.random())));
  };

  const tick = async (): Promise<void> => {
    if (!running || polling || visibility.hidden()) return;
    cancel();
    polling = true;
    try {
      await options.poll();
      failures = 0;
    } catch {
      failures++;
    } finally {
      polling = false;
    }
    schedule();
  };

  return {
    get active() {
      return running;
    },
    start() {
      if (running) return;
      running = true;
      // The failures of an earlier run (polling that stopped, the API back since) do not delay this one.
      failures = 0;
      stopWatching = visibility.onChange(() => {
        if (!running) return;
        if (visibility.hidden()) cancel();
        else if (!polling) void tick();
      });
      schedule();
    },
    stop() {
      running = false;
      stopWatching?.();
      stopWatching = undefined;
      cancel();
    },
  };
}
