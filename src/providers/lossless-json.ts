/**
 * JSON parsing that keeps 64-bit ids. Mailjet's `MessageID` (e.g. 19421777835146490) is above
 * Number.MAX_SAFE_INTEGER: `JSON.parse` would silently round it to another id. Integer literals that a double
 * cannot hold exactly become strings, digit for digit; everything else parses as `JSON.parse` does.
 */

// A JSON number token, anchored where the scanner stands.
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// MAX_SAFE_INTEGER has 16 digits: text without a run of 16 digits has nothing to protect.
const LONG_DIGITS = /\d{16}/;

/** True for an integer literal (no fraction, no exponent) that a double cannot represent exactly. */
const isUnsafeInteger = (token: string): boolean =>
  !token.includes('.') && !token.includes('e') && !token.includes('E') && !Number.isSafeInteger(Number(token));

/**
 * Rewrites `text` so that integer literals beyond ±Number.MAX_SAFE_INTEGER, outside strings, are quoted.
 * Strings (with their escapes) are copied untouched. Invalid JSON stays invalid: the parse after it reports it.
 */
export function quoteUnsafeIntegers(text: string): string {
  if (!LONG_DIGITS.test(text)) return text;
  let out = '';
  let copiedTo = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      // Skip the string: a backslash always escapes the next character, so \" never ends it.
      i++;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i += 2;
        else if (c === 0x22) break;
        else i++;
      }
      i++;
      continue;
    }
    if (ch === 0x2d /* - */ || (ch >= 0x30 && ch <= 0x39)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) {
        i++;
        continue;
      }
      const token = match[0];
      if (isUnsafeInteger(token)) {
        out += `${text.slice(copiedTo, i)}"${token}"`;
        copiedTo = i + token.length;
      }
      i += token.length;
      continue;
    }
    i++;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

/**
 * Parses JSON text like `JSON.parse`, except that integers beyond Number.MAX_SAFE_INTEGER (or below its
 * negative) come back as their exact decimal strings. A leading byte-order mark is ignored.
 *
 * @throws {SyntaxError} when the text is not JSON.
 */
export function parseJsonLossless(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return JSON.parse(quoteUnsafeIntegers(body)) as unknown;
}
