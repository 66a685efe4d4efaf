/** An instant as the REST contract writes it (what {@link MockClock.json} moves to the real clock). */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/;

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
  /** The run that catches up with real time: where it started, on both clocks, and how fast it goes. */
  private catchUp: { readonly from: number; readonly real: number; readonly speed: number } | undefined;

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
    const real = until?.();
    this.catchUp = real !== undefined && real > this.current && speed > 1 ? { from: this.current, real, speed } : undefined;
    this.timer = setInterval(() => {
      const next = this.current + interval * speed;
      this.set(until ? Math.min(next, until()) : next);
    }, interval);
  }

  /**
   * When simulated instant `t` shows on the real clock: the time a server would have stamped, had what the replay plays
   * fast happened while you watched. While a `run()` catches up with real time (`until`), simulated time behind it
   * plays `speed` times faster: an instant of the replay is the real time the run reaches it, an instant before the run
   * is as far before its real start, one after the catch-up is itself. Otherwise `t` itself. The mock API serves its
   * times this way: "2 minutes ago" for what appeared two minutes ago, not "3 hours ago" for what the clock, hours
   * behind, has just reached. Never later than the real time the clock reaches `t` (ticks only run late).
   */
  realTimeOf(t: number): number {
    const run = this.catchUp;
    if (!run) return t;
    return t < run.from ? t + (run.real - run.from) : Math.max(t, run.real + (t - run.from) / run.speed);
  }

  /** `payload` as JSON, its times (every ISO instant in it) on the real clock: what the mock API serves. */
  json(payload: unknown): string {
    if (!this.catchUp) return JSON.stringify(payload);
    return JSON.stringify(payload, (_key, value: unknown) =>
      typeof value === 'string' && ISO_TIME.test(value) ? new Date(Math.round(this.realTimeOf(Date.parse(value)))).toISOString() : value);
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
