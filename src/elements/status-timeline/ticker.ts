/**
 * One timer for every relative time on the page ("3 minutes ago"): a module-level set of subscribers and a single
 * `setInterval`, started by the first subscriber, cleared when the last one leaves, and paused while the page is
 * hidden (a background tab has nothing to refresh; it catches up the moment it is shown again). Printing the page
 * ticks too, before and after: see `printing`.
 */
import { documentVisibility } from '../../data/visibility.js';

/** What the ticker reads the time and schedules with; tests swap it for a fake. */
export interface TickerClock {
  now(): number;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export type TickListener = (now: number) => void;

/**
 * How often relative times are refreshed: as long as "now" lasts (10 s), so that a time of the last minute, said in
 * seconds, is never more than that behind. Every 30 s let "now" stand for an event 39 s old, and "48 seconds ago"
 * for one of 65 s. Past the first minute the finest unit shown is the minute.
 */
export const TICK_INTERVAL = 10_000;

const realClock: TickerClock = {
  now: () => Date.now(),
  setInterval: (callback, ms) => globalThis.setInterval(callback, ms),
  clearInterval: (handle) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>),
};

let clock: TickerClock = realClock;
const listeners = new Set<TickListener>();
let handle: unknown;
let running = false;
let stopWatching: (() => void) | undefined;

/**
 * Whether the page is being printed, from `beforeprint` to `afterprint`: a timeline then draws every loaded row, not
 * only those in its scrolling box's window, which is all paper would get. Both events tick the subscribers (a
 * timeline renders again, before the browser lays the page out for print); the listeners stay, one pair per page.
 */
export let printing = false;

const { hidden } = documentVisibility;

function tick(): void {
  const now = clock.now();
  for (const listener of [...listeners]) listener(now);
}

function start(): void {
  if (running || listeners.size === 0 || hidden()) return;
  running = true;
  handle = clock.setInterval(tick, TICK_INTERVAL);
}

function stop(): void {
  if (!running) return;
  clock.clearInterval(handle);
  running = false;
  handle = undefined;
}

function onVisibilityChange(): void {
  if (hidden()) {
    stop();
  } else if (listeners.size > 0 && !running) {
    tick();
    start();
  }
}

function onPrint(event: Event): void {
  printing = event.type === 'beforeprint';
  tick();
}

/** Calls `listener` with the current time on every tick; returns the function that stops it. */
export function subscribeTicker(listener: TickListener): () => void {
  if (listeners.size === 0) stopWatching = documentVisibility.onChange(onVisibilityChange);
  // Added once whatever the number of subscribers: the same listener twice is one.
  addEventListener('beforeprint', onPrint);
  addEventListener('afterprint', onPrint);
  listeners.add(listener);
  start();
  return () => {
    if (!listeners.delete(listener)) return;
    if (listeners.size === 0) {
      stop();
      stopWatching?.();
    }
  };
}

/** The ticker's current time: what relative times are computed against. */
export const tickerNow = (): number => clock.now();

/**
 * Replaces the clock (tests: a fixed `now` and a captured interval), or restores the real one when called
 * without an argument. A running timer moves over to the new clock.
 */
export function setTickerClock(next: TickerClock = realClock): void {
  const wasRunning = running;
  stop();
  clock = next;
  if (wasRunning) start();
}

/** How many listeners and timers are live; for tests and leak checks. */
export const tickerStats = (): { readonly listeners: number; readonly timers: number } => ({
  listeners: listeners.size,
  timers: running ? 1 : 0,
});
