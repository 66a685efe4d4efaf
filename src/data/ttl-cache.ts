/** A cache hit: `value` is undefined when the server said the key does not exist (a remembered miss). */
export interface CacheHit<V> {
  readonly value: V | undefined;
}

/** Key-value cache whose entries expire (see {@link ttlCache}). */
export interface TtlCache<V> {
  /** The fresh entry for `key`, if any. */
  get(key: string): CacheHit<V> | undefined;
  /** The stored value, fresh or not (used to tell whether a live update is older than what we have). */
  peek(key: string): V | undefined;
  set(key: string, value: V | undefined): void;
  /** Makes the entry for `key` stale: no longer answered by `get`, still seen by `peek`. */
  expire(key: string): void;
  delete(key: string): void;
  /** Drops every entry, or those whose key `keep` refuses. */
  clear(keep?: (key: string) => boolean): void;
}

/**
 * Key-value cache whose entries expire `ttl` ms after they were stored. Misses are remembered too, so that
 * ten thousand badges for unknown ids do not ask again on every render. Bounded: past `maxEntries`, the oldest
 * stored entries go first (a Map iterates in insertion order and `set` re-inserts).
 */
export function ttlCache<V>(ttl: number, now: () => number, maxEntries = 50_000): TtlCache<V> {
  const entries = new Map<string, { value: V | undefined; expires: number }>();
  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(key);
        return undefined;
      }
      return entry;
    },
    peek: (key) => entries.get(key)?.value,
    set(key, value) {
      if (ttl <= 0) return;
      entries.delete(key);
      entries.set(key, { value, expires: now() + ttl });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) entries.delete(oldest);
      }
    },
    expire(key) {
      const entry = entries.get(key);
      if (entry) entry.expires = 0;
    },
    delete: (key) => void entries.delete(key),
    clear(keep) {
      for (const key of entries.keys()) if (!keep?.(key)) entries.delete(key);
    },
  };
}
