const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to put in an `href`, or undefined when `text` must stay plain text. Clicked URLs come from providers and
 * recipients' messages: only absolute `http:`, `https:` and `mailto:` URLs become links, so `javascript:`,
 * `data:`, relative paths and anything `new URL` cannot parse never do. The returned string is the parsed,
 * normalised URL (what the browser would follow), so the text shown next to it can be compared with it.
 */
export function linkHref(text: string | undefined): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  return LINK_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
