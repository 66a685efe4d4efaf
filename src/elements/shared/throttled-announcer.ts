import { realTimers } from '../../data/timing.js';

/** The time functions the announcer uses; tests hand in a fake one. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = { ...realTimers, now: () => Date.now() };

/**
 * Says at most one message per interval. The first message goes out at once; messages pushed during the quiet
 * period replace each other and only the latest is said when it ends, so a screen-reader user hears one
 * up-to-date summary rather than every tick.
 */
export class ThrottledAnnouncer {
  private last = Number.NEGATIVE_INFINITY;
  private said: string | undefined;
  private waiting: string | undefined;
  private timer: unknown;

  constructor(
    private readonly say: (message: string) => void,
    private readonly interval: () => number,
    private readonly clock: () => Clock,
  ) {}

  push(message: string): void {
    if (this.timer !== undefined) {
      this.waiting = message;
      return;
    }
    const wait = this.last + this.interval() - this.clock().now();
    if (wait <= 0) this.emit(message);
    else {
      this.waiting = message;
      this.timer = this.clock().setTimeout(() => this.flush(), wait);
    }
  }

  /**
   * Forgets anything waiting, and what it said last: call it when the element empties its live region (another
   * campaign or language) or leaves the page, so that the same words said again afterwards are heard.
   */
  cancel(): void {
    if (this.timer !== undefined) this.clock().clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
    this.said = undefined;
  }

  private flush(): void {
    this.timer = undefined;
    const message = this.waiting;
    this.waiting = undefined;
    if (message !== undefined) this.emit(message);
  }

  private emit(message: string): void {
    // The same words again would be silence in a live region anyway; don't restart the quiet period for them.
    if (message === this.said) return;
    this.said = message;
    this.last = this.clock().now();
    this.say(message);
  }
}
