import { abortReason, abortable } from './timing.js';

interface Batch {
  readonly controller: AbortController;
  readonly entries: readonly Entry<unknown>[];
  /** Entries of this batch that someone still waits for. At 0 the request is aborted. */
  live: number;
}

/** The batches sent for one collect window: their answers are handed out together (see `hold`). */
interface Wave {
  /** Batches of the wave still in flight. */
  pending: number;
  /** Answers received and not handed out yet. */
  readonly held: (() => void)[];
  /** Cancels the deadline, while one runs. */
  cancelDeadline: (() => void) | undefined;
}

interface Entry<V> {
  readonly key: string;
  readonly promise: Promise<V | undefined>;
  resolve(value: V | undefined): void;
  reject(error: unknown): void;
  waiters: number;
  batch: Batch | undefined;
  settled: boolean;
}

/** What a {@link KeyBatcher} needs. */
export interface KeyBatcherOptions<V> {
  /** Most keys per call to `load`. */
  readonly batchSize: number;
  /** Loads many keys at once; keys missing from the map do not exist. */
  load(keys: string[], signal: AbortSignal): Promise<Map<string, V>>;
  /** Runs `flush` after the collect window: everything asked for before it goes out together. */
  schedule(flush: () => void): void;
  /**
   * Runs `release` after the longest time the first answers of a wave may wait for the others; returns what cancels
   * it. Without it, every batch's answers are handed out as they come.
   */
  hold?(release: () => void): () => void;
  /** Told every loaded result, misses included (to fill a cache), but a detached key's (see `detach`). */
  onLoaded?(key: string, value: V | undefined): void;
}

/**
 * Coalesces the key lookups of many callers into few requests (the DataLoader idea, plus cancellation).
 *
 * - Every key asked for before the scheduled flush goes into one request per `batchSize` keys; a batch that is full
 *   goes out at once, without waiting for the flush (it cannot grow any more).
 * - A key already waiting or in flight is never asked for again: later callers join it (but a `fresh` one, in flight).
 * - The answers of the batches sent for one collect window (a wave: a table of 8,000 badges makes 16 requests) are
 *   handed out together once the last of them is in, or when `hold` says the first ones have waited long enough:
 *   the page then re-renders the table once, not once per answer (npm run bench, scenario 2: about 15% sooner).
 * - Each caller's `AbortSignal` only withdraws that caller. A key nobody waits for any more is left out of the
 *   next request; a request is aborted once no key in it has a waiter (a badge scrolled away must not cancel
 *   its neighbors' shared request, but a table that was closed should not keep downloading).
 */
export interface KeyBatcher<V> {
  /**
   * Values of `keys` (absent from the map when they do not exist). `fresh`: a key whose request is already sent is
   * asked for again (that answer may predate what the caller knows of); one waiting to go is joined.
   */
  load(keys: readonly string[], signal?: AbortSignal, fresh?: boolean): Promise<Map<string, V>>;
  /**
   * Later lookups of `key` do not join a request of it already sent (its answer predates a change heard of since), and
   * its answer goes to its callers, not to `onLoaded`.
   */
  detach(key: string): void;
}

/** A {@link KeyBatcher} loading through `options.load`. */
export function keyBatcher<V>(options: KeyBatcherOptions<V>): KeyBatcher<V> {
  const entries = new Map<string, Entry<V>>();
  let queue: Entry<V>[] = [];
  let scheduled = false;
  /** The wave the batches sent now belong to; a new one starts after each flush. */
  let wave: Wave | undefined;
  const batchSize = (): number => Math.max(1, options.batchSize);

  const createEntry = (key: string): Entry<V> => {
    let resolve!: (value: V | undefined) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<V | undefined>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Nobody may be listening any more when an abandoned entry is rejected.
    promise.catch(() => {});
    return { key, promise, resolve, reject, waiters: 0, batch: undefined, settled: false };
  };

  const forget = (entry: Entry<V>, reason: unknown): void => {
    if (entries.get(entry.key) === entry) entries.delete(entry.key);
    if (!entry.settled) {
      entry.settled = true;
      entry.reject(reason);
    }
  };

  const release = (entry: Entry<V>): void => {
    entry.waiters--;
    if (entry.settled || entry.waiters > 0 || !entry.batch) return;
    const batch = entry.batch;
    if (--batch.live > 0) return;
    // Forget the batch's keys first, so that a caller arriving now starts a fresh request.
    for (const abandoned of batch.entries as Entry<V>[]) forget(abandoned, abortReason(batch.controller.signal));
    batch.controller.abort();
  };

  const handOutWave = (handing: Wave): void => {
    handing.cancelDeadline?.();
    handing.cancelDeadline = undefined;
    for (const handOut of handing.held.splice(0)) handOut();
  };

  /** Hands out a batch's answer with the rest of its wave: now if it was the last one, else at the latest when `hold` says. */
  const answered = (answering: Wave, handOut: () => void): void => {
    answering.pending--;
    answering.held.push(handOut);
    if (answering.pending === 0 || !options.hold) handOutWave(answering);
    else answering.cancelDeadline ??= options.hold(() => handOutWave(answering));
  };

  const dispatch = (batchEntries: Entry<V>[]): void => {
    const batch: Batch = { controller: new AbortController(), entries: batchEntries, live: batchEntries.length };
    for (const entry of batchEntries) entry.batch = batch;
    const current = (wave ??= { pending: 0, held: [], cancelDeadline: undefined });
    current.pending++;
    let request: Promise<Map<string, V>>;
    try {
      request = options.load(batchEntries.map((entry) => entry.key), batch.controller.signal);
    } catch (error) {
      request = Promise.reject(error);
    }
    request.then(
      (values) =>
        answered(current, () => {
          for (const entry of batchEntries) {
            const value = values.get(entry.key);
            // One detached meanwhile (see `detach`) answers its callers only: a change was heard of since it was sent.
            if (entries.get(entry.key) === entry) {
              entries.delete(entry.key);
              options.onLoaded?.(entry.key, value);
            }
            if (!entry.settled) {
              entry.settled = true;
              entry.resolve(value);
            }
          }
        }),
      (error: unknown) =>
        answered(current, () => {
          for (const entry of batchEntries) forget(entry, error);
        }),
    );
  };

  /** Sends the queued keys someone still waits for, `batchSize` a request; with `fullOnly`, keeps a last partial batch queued. */
  const dispatchQueued = (fullOnly: boolean): void => {
    const ready: Entry<V>[] = [];
    for (const entry of queue) {
      if (entry.waiters > 0) ready.push(entry);
      else forget(entry, new DOMException('No caller is waiting any more.', 'AbortError'));
    }
    const size = batchSize();
    const end = fullOnly ? ready.length - (ready.length % size) : ready.length;
    queue = ready.slice(end);
    for (let start = 0; start < end; start += size) dispatch(ready.slice(start, start + size));
  };

  const flush = (): void => {
    scheduled = false;
    dispatchQueued(false);
    wave = undefined;
  };

  return {
    detach(key) {
      if (entries.get(key)?.batch) entries.delete(key);
    },
    load(keys, signal, fresh) {
      if (signal?.aborted) return Promise.reject(abortReason(signal));
      const mine: Entry<V>[] = [];
      for (const key of new Set(keys)) {
        let entry = entries.get(key);
        if (!entry || (fresh && entry.batch)) {
          entry = createEntry(key);
          entries.set(key, entry);
          queue.push(entry);
        }
        // A dispatched key whose waiters had all left counts as live again.
        if (entry.waiters++ === 0 && entry.batch) entry.batch.live++;
        mine.push(entry);
      }
      // A full batch cannot grow any more: it goes out now, so that its request overlaps whatever the page still does
      // before the flush (rendering the rest of a table of badges) instead of waiting behind it.
      if (queue.length >= batchSize()) dispatchQueued(true);
      // The flush also ends the wave of the full batches just sent, when nothing is left queued.
      if (!scheduled && (queue.length > 0 || wave)) {
        scheduled = true;
        options.schedule(flush);
      }
      return abortable(
        Promise.all(mine.map((entry) => entry.promise)),
        signal,
        () => {
          for (const entry of mine) release(entry);
        },
      ).then((values) => {
        const found = new Map<string, V>();
        mine.forEach((entry, index) => {
          const value = values[index];
          if (value !== undefined) found.set(entry.key, value);
        });
        return found;
      });
    },
  };
}
