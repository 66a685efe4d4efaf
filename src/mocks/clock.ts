/** Told each time simulated time moves from `from` to `to` (ms). */
export type ClockListener = (from: number, to: number) => void;

/**
 * Simulated time for the mock API. Events whose time has come are visible through the API and pushed on the
 * stream; the others wait. In the demo the clock runs (`run()`), so messages keep progressing on screen; tests
 * leave it stopped and move it with `advance()`.
 */
export class MockClock {
  private current: number;
  private readonly listeners = new Set<ClockListener>();
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(start: number) {
    this.current = start;
  }

  /** Simulated time, in ms since the epoch. */
  now(): number {
    return this.current;
  }

  /** Moves time forward by `ms` (never backward: what happened stays happened). */
  advance(ms: number): void {
    this.set(this.current + Math.max(0, ms));
  }

  /** Moves time forward to `t`; earlier times are ignored. */
  set(t: number): void {
    if (!(t > this.current)) return;
    const from = this.current;
    this.current = t;
    for (const listener of [...this.listeners]) listener(from, t);
  }

  /**
   * Lets time run: every `interval` real ms, simulated time moves `interval × speed` ms, never past `until()` when
   * given (`Date.now`: a clock that started in the past catches up with real time, then follows it).
   */
  run(options: { speed?: number; interval?: number; until?: () => number } = {}): void {
    const { speed = 1, interval = 1_000, until } = options;
    this.stop();
    this.timer = setInterval(() => {
      const next = this.current + interval * speed;
      this.set(until ? Math.min(next, until()) : next);
    }, interval);
  }

  /** Stops time (after `run()`). */
  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Calls `listener` after every move; returns the function that stops it. */
  onAdvance(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
