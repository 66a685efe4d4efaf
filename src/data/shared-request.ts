import { abortReason, abortable } from './timing.js';

interface Flight<V> {
  readonly controller: AbortController;
  readonly promise: Promise<V>;
  waiters: number;
}

/** Runs requests shared by key (see {@link sharedRequests}). */
export interface SharedRequests<V> {
  /** `fresh`: a request of its own, not one in flight (whose answer may predate what the caller knows of). */
  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<V>, fresh?: boolean): Promise<V>;
}

/**
 * Runs at most one request per key at a time: a second caller for the same key while the first is in flight
 * joins it. Each caller keeps its own `AbortSignal`: aborting rejects that caller at once, and the request itself
 * is aborted only when every caller waiting on it has given up.
 */
export function sharedRequests<V>(): SharedRequests<V> {
  const flights = new Map<string, Flight<V>>();
  return {
    run(key, signal, start, fresh) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      let flight = flights.get(key);
      if (!flight || fresh) {
        const controller = new AbortController();
        const promise = start(controller.signal);
        const created: Flight<V> = { controller, promise, waiters: 0 };
        flight = created;
        flights.set(key, created);
        const forget = () => {
          if (flights.get(key) === created) flights.delete(key);
        };
        promise.then(forget, forget);
      }
      const joined = flight;
      joined.waiters++;
      if (!signal) return joined.promise;
      // Settled, the flight is forgotten already (`forget` was registered first): leaving only counts the waiter out.
      return abortable(joined.promise, signal, () => {
        if (--joined.waiters === 0 && flights.get(key) === joined) {
          flights.delete(key);
          joined.controller.abort();
        }
      });
    },
  };
}
