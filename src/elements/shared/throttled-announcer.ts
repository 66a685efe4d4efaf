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
 * up-to-date summary rather than every tick. Words are of one language at a time: a message in another language
 * than those said or waiting drops them first, so that none is read out in the wrong voice.
 */
export class ThrottledAnnouncer {
  private last = Number.NEGATIVE_INFINITY;
  private said: string | undefined;
  private waiting: string | undefined;
  private timer: unknown;
  private lang: string | undefined;

  constructor(
    private readonly say: (message: string) => void,
    private readonly interval: () => number,
    private readonly clock: () => Clock,
  ) {}

  /** The language of the words said or waiting; undefined before any, and after `cancel()`. */
  get language(): string | undefined {
    return this.lang;
  }

  /** Whether a message waits for the quiet period to end. */
  get pending(): boolean {
    return this.waiting !== undefined;
  }

  /** Says `message`, in `language`, now or when the quiet period ends. */
  push(message: string, language: string): void {
    if (this.lang !== undefined && this.lang !== language) this.cancel();
    this.lang = language;
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
   * Drops anything waiting and empties the live region (says '' when something was said): for another campaign or
   * message, another language, or an element leaving the page. The same words said again afterwards are heard.
   */
  cancel(): void {
    if (this.timer !== undefined) this.clock().clearTimeout(this.timer);
    this.timer = undefined;
    this.waiting = undefined;
    this.lang = undefined;
    if (this.said === undefined) return;
    this.said = undefined;
    this.say('');
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
