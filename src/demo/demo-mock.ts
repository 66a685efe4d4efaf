import type { StartMockApiOptions } from '../mocks/index.js';

/**
 * How the demo starts the mock API at `speed` (`?speed=`, default 20): twenty times faster from a minute before the
 * newsletter goes out (2 h 01 min before the dataset's anchor, itself an hour before now): its rows leave "scheduled"
 * and move on to delivered and opened while you look, the SMS campaign goes out about four minutes later, and after
 * nine minutes time follows the real clock. The times the mock serves are on the real clock (see
 * `MockClock.realTimeOf`): what has just appeared reads "now", not "3 hours ago". `speed` 1: real time from the anchor.
 */
export const demoMockOptions = (speed: number): Pick<StartMockApiOptions, 'speed' | 'rewind'> => ({ speed, rewind: speed > 1 ? 121 * 60_000 : 0 });
