import type { Timers } from './timing.js';
import type { VisibilityProvider } from './visibility.js';

/** What a {@link Poller} needs. */
export interface PollerOptions {
  /** Time between two polls while all goes well, in ms. */
  readonly interval: number;
  /** Longest time between two polls after repeated failures, in ms. */
  readonly maxInterval: number;
  /** One poll; a rejection counts as a failure and backs off. */
  poll(): Promise<void>;
  readonly visibility: VisibilityProvider;
  readonly timers: Timers;
  readonly random: () => number;
}

/**
 * Calls `poll` every `interval` ms, give or take 20 % (so that tabs opened together do not poll together),
 * doubling the wait after each failure up to `maxInterval`. Stops while the page is hidden, since nobody sees the
 * result and a background tab polling costs the server for nothing; polls at once when the page shows again.
 */
export class Poller {
  private timer: unknown;
  private running = false;
  private polling = false;
  private failures = 0;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly options: PollerOptions) {}

  get active(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopWatching = this.options.visibility.onChange(() => this.visibilityChanged());
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.stopWatching?.();
    this.stopWatching = undefined;
    this.cancel();
  }

  /** Delay before the next poll: the interval, doubled per failure, capped, with jitter. */
  nextDelay(): number {
    const { interval, maxInterval, random } = this.options;
    const base = Math.min(maxInterval, interval * 2 ** Math.min(this.failures, 20));
    return Math.round(base * (0.8 + 0.4 * random()));
  }

  private cancel(): void {
    if (this.timer !== undefined) this.options.timers.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.cancel();
    if (!this.running || this.options.visibility.hidden()) return;
    this.timer = this.options.timers.setTimeout(() => {
      this.timer = undefined;
      void this.tick();
    }, this.nextDelay());
  }

  private visibilityChanged(): void {
    if (!this.running) return;
    if (this.options.visibility.hidden()) this.cancel();
    else if (!this.polling) void this.tick();
  }

  private async tick(): Promise<void> {
    if (!this.running || this.polling || this.options.visibility.hidden()) return;
    this.cancel();
    this.polling = true;
    try {
      await this.options.poll();
      this.failures = 0;
    } catch {
      this.failures++;
    } finally {
      this.polling = false;
    }
    this.schedule();
  }
}
