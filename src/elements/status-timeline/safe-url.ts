const LINK_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to put in an `href`, or undefined when `text` must stay plain text. Clicked URLs come from providers and
 * recipients' messages: only absolute `http:`, `https:` and `mailto:` URLs become links, so `javascript:`,
 * `data:`, relative paths and anything `new URL` cannot parse never do. The returned string is the parsed,
 * normalized URL (what the browser would follow, without any user name and password), shown as the link's text.
 */
export function linkHref(text: string | undefined): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (!LINK_PROTOCOLS.has(url.protocol)) return undefined;
  // A user name and password are left out: "https://bank.example@evil.example/" goes to evil.example, and shown
  // whole it reads as the bank's (a password would be shown to whoever looks, too).
  url.username = '';
  url.password = '';
  return url.href;
}
