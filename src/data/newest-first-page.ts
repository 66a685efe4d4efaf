/**
 * One page of a list kept oldest first, served newest first, as the REST contract pages: the first page holds the
 * latest `size` entries, and each `nextCursor` leads to older ones. The cursor counts the entries left before the
 * page, from the oldest: entries added at the newest end since (a new event) do not shift the pages after it, so
 * none is served twice. Undefined for a cursor that is not one (not a count, or past the end).
 *
 * Shared by `StaticDataSource` and the mock API, which must page alike.
 */
export function newestFirstPage<T>(all: readonly T[], cursor: string | undefined, size: number): { items: T[]; nextCursor?: string } | undefined {
  const end = cursor === undefined || cursor === '' ? all.length : /^\d+$/.test(cursor) ? Number(cursor) : -1;
  if (end < 0 || end > all.length) return undefined;
  const start = Math.max(0, end - size);
  const items = all.slice(start, end).reverse();
  return start > 0 ? { items, nextCursor: String(start) } : { items };
}
