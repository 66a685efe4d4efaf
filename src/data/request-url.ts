/** Where a relative base URL is resolved, as `fetch` and `EventSource` resolve it: the document's base URL, or a worker's location; none in Node. */
const pageBase = (): string | undefined =>
  typeof document !== 'undefined' ? document.baseURI : typeof location !== 'undefined' ? location.href : undefined;

/**
 * The URL of `path` under `baseUrl`, with the `query` parameters that are not undefined.
 *
 * The base may end with a slash and carry a query string of its own (`https://api.example/api?tenant=acme`): the
 * path goes after its path (`/api/messages`), the request's parameters after its own (`?tenant=acme&ids=...`), and a
 * fragment is left out. A relative base (`/api`) is resolved against the page's base URL; where there is none
 * (Node), it stays relative.
 */
export function buildUrl(baseUrl: string, path: string, query: Readonly<Record<string, string | undefined>> = {}): string {
  const params = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  let prefix: string;
  let search: string;
  try {
    const base = new URL(baseUrl, pageBase());
    search = base.search.slice(1);
    base.search = base.hash = '';
    prefix = base.href;
  } catch {
    // Relative, with nothing to resolve it against.
    prefix = baseUrl.split('#')[0]!;
    const mark = prefix.indexOf('?');
    search = mark < 0 ? '' : prefix.slice(mark + 1);
    if (mark >= 0) prefix = prefix.slice(0, mark);
  }
  for (const [key, value] of params) search += `${search ? '&' : ''}${encodeURIComponent(key)}=${encodeURIComponent(value)}`;
  return `${prefix.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}
