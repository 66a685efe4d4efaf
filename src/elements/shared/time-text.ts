import { rfc3339Time } from '../../data/validate.js';
import { text } from './text.js';

/**
 * The text of a time a page gives (an attribute, its own status), rewritten as RFC 3339 writes it when it is spelled
 * as SQL stacks write times (`2026-11-23 10:00:05+01`, `…T10:00:05+0100`), as the data layer rewrites a server's:
 * Date.parse, which the elements format with, reads no `…T10:00:05+01`. Any other text is kept as it is.
 */
export const timeText = (value: unknown): string | undefined => {
  const written = text(value);
  return written && (rfc3339Time(written) ?? written);
};
