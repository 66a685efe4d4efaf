/**
 * Retries shared by every element on the page. When the API goes down, a table of 5,000 badges fails at once; if
 * each badge ran its own timer, the retries would fire in 5,000 separate tasks and a batching data source would
 * see 5,000 requests. Here retries due within the same second run in one task, so they land in one batch.
 */

const GRANULARITY = 1000;
const buckets = new Map<number, Set<() => void>>();

/**
 * Runs `callback` after about `delay` ms (rounded up to the next whole second, so neighbours share a task).
 * Returns a function that cancels it.
 */
export function scheduleRetry(callback: () => void, delay: number): () => void {
  const due = Math.ceil((Date.now() + Math.max(0, delay)) / GRANULARITY) * GRANULARITY;
  let bucket = buckets.get(due);
  if (!bucket) {
    const created = new Set<() => void>();
    bucket = created;
    buckets.set(due, created);
    setTimeout(() => {
      buckets.delete(due);
      for (const run of created) run();
    }, due - Date.now());
  }
  const entry = () => callback();
  bucket.add(entry);
  const own = bucket;
  return () => {
    own.delete(entry);
  };
}

/** Delay before the `attempt`-th retry (0-based): 2 s, 4 s, 8 s ... capped at one minute, or what the server asked. */
export const retryDelay = (attempt: number, retryAfter?: number): number =>
  retryAfter !== undefined && retryAfter >= 0 ? retryAfter : Math.min(60_000, 2000 * 2 ** Math.min(attempt, 10));
