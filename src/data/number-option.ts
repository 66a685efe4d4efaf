/**
 * The number option `name` of `owner`: `fallback` when not given; given, it must be a number of at least `min`
 * (a NaN, a string or a negative count is the caller's mistake, said at once rather than found as a request storm
 * or a request that never settles).
 */
export function numberOption(owner: string, name: string, value: number | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= min)) throw new RangeError(`${owner}: ${name} must be a number of at least ${min}, not ${String(value)}`);
  return value;
}

/** The shortest time between two polls, in ms: 1 s (a poll interval is in milliseconds; "15" is not 15 s). */
export const MIN_POLL_INTERVAL = 1000;
