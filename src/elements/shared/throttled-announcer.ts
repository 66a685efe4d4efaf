import { realTimers } from '../../data/timing.js';

/** The time functions the announcer uses; tests hand in a fake one. */
export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = { ...realTimers, now: () => Date.now() };

/** A message to announce, as the function that words it in a language. */
export type Compose = (language: string) => string;

/**
 * Says at most one message per interval. The first message goes out at once; messages pushed during the quiet
 * period replace each other and only the latest is said when it ends, so a screen-reader user hears one
 * up-to-date summary rather than every tick. A message is pushed as the function that words it in a language, and
 * worded when it is said. Words are of one language at a time: when the page's language changes (`speakIn`, or a
 * push in another language), words said in the old one are emptied, never read out, and a message still waiting
 * is worded again in the new one.
 */
export class ThrottledAnnouncer {
  #last = Number.NEGATIVE_INFINITY;
  #said: string | undefined;
  #waiting: Compose | undefined;
  #timer: unknown;
  #lang: string | undefined;
  readonly #say: (message: string) => void;
  readonly #interval: () => number;
  readonly #clock: () => Clock;

  constructor(say: (message: string) => void, interval: () => number, clock: () => Clock) {
    this.#say = say;
    this.#interval = interval;
    this.#clock = clock;
  }

  /** The language of the words said or waiting; undefined before any, and after `cancel()`. */
  get language(): string | undefined {
    return this.#lang;
  }

  /** Says what `compose` words in `language`, now or when the quiet period ends; an empty message says nothing. */
  push(compose: Compose, language: string): void {
    this.speakIn(language);
    this.#lang = language;
    if (this.#timer !== undefined) {
      this.#waiting = compose;
      return;
    }
    const wait = this.#last + this.#interval() - this.#clock().now();
    if (wait <= 0) this.#emit(compose(language));
    else {
      this.#waiting = compose;
      this.#timer = this.#clock().setTimeout(() => this.#flush(), wait);
    }
  }

  /**
   * The page reads `language` now: words said in another are emptied, and a message waiting is worded in it when
   * its time comes (the quiet period runs on).
   */
  speakIn(language: string): void {
    if (this.#lang === undefined || this.#lang === language) return;
    const waiting = this.#waiting;
    this.cancel();
    if (waiting) this.push(waiting, language);
  }

  /**
   * Drops anything waiting and empties the live region (says '' when something was said): for another campaign or
   * message, another language, or an element leaving the page. The same words said again afterwards are heard.
   */
  cancel(): void {
    if (this.#timer !== undefined) this.#clock().clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting = undefined;
    this.#lang = undefined;
    if (this.#said === undefined) return;
    this.#said = undefined;
    this.#say('');
  }

  #flush(): void {
    this.#timer = undefined;
    const compose = this.#waiting;
    this.#waiting = undefined;
    if (compose && this.#lang !== undefined) this.#emit(compose(this.#lang));
  }

  #emit(message: string): void {
    // The same words again would be silence in a live region anyway; don't restart the quiet period for them.
    if (!message || message === this.#said) return;
    this.#said = message;
    this.#last = this.#clock().now();
    this.#say(message);
  }
}
