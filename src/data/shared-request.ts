import { abortReason, abortable } from './timing.js';

interface Flight<V> {
  readonly controller: AbortController;
  readonly promise: Promise<V>;
  waiters: number;
}

/**
 * Runs at most one request per key at a time: a second caller for the same key while the first is in flight
 * joins it. Each caller keeps its own `AbortSignal`: aborting rejects that caller at once, and the request itself
 * is aborted only when every caller waiting on it has given up.
 */
export class SharedRequests<V> {
  private readonly flights = new Map<string, Flight<V>>();

  run(key: string, signal: AbortSignal | undefined, start: (signal: AbortSignal) => Promise<V>): Promise<V> {
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    let flight = this.flights.get(key);
    if (!flight) {
      const controller = new AbortController();
      const promise = start(controller.signal);
      const created: Flight<V> = { controller, promise, waiters: 0 };
      flight = created;
      this.flights.set(key, created);
      const forget = () => {
        if (this.flights.get(key) === created) this.flights.delete(key);
      };
      promise.then(forget, forget);
    }
    const joined = flight;
    joined.waiters++;
    if (!signal) return joined.promise;
    // Settled, the flight is forgotten already (`forget` was registered first): leaving only counts the waiter out.
    return abortable(joined.promise, signal, () => {
      if (--joined.waiters === 0 && this.flights.get(key) === joined) {
        this.flights.delete(key);
        joined.controller.abort();
      }
    });
  }
}
