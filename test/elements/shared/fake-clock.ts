import type { Clock } from '../../../src/elements/shared/throttled-announcer.js';

/** A clock the test moves by hand. */
export function fakeClock() {
  let time = 1_000_000;
  const timers = new Map<number, { at: number; callback: () => void }>();
  let ids = 0;
  const clock: Clock = {
    now: () => time,
    setTimeout: (callback, ms) => {
      timers.set(++ids, { at: time + ms, callback });
      return ids;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  return {
    clock,
    advance(ms: number) {
      time += ms;
      for (const [id, timer] of [...timers]) {
        if (timer.at <= time) {
          timers.delete(id);
          timer.callback();
        }
      }
    },
  };
}
