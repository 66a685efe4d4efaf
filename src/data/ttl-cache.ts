/** A cache hit: `value` is undefined when the server said the key does not exist (a remembered miss). */
export interface CacheHit<V> {
  readonly value: V | undefined;
}

/**
 * Key-value cache whose entries expire `ttl` ms after they were stored. Misses are remembered too, so that
 * ten thousand badges for unknown ids do not ask again on every render. Bounded: past `maxEntries`, the oldest
 * stored entries go first (a Map iterates in insertion order and `set` re-inserts).
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V | undefined; expires: number }>();

  constructor(
    private readonly ttl: number,
    private readonly now: () => number,
    private readonly maxEntries = 50_000,
  ) {}

  /** The fresh entry for `key`, if any. */
  get(key: string): CacheHit<V> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** The stored value, fresh or not (used to tell whether a live update is older than what we have). */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  set(key: string, value: V | undefined): void {
    if (this.ttl <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttl });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
