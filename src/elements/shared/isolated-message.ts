import { html, type TemplateResult } from 'lit';
import { translate, type KeyLike, type Locale } from '../../i18n/index.js';

// A private-use character around each value's index: no text of ours, nor a page's, contains it.
const MARKER = /\uE000(\d+)\uE000/;

/**
 * One of our sentences with values in it (a provider's word, a code, a link: untrusted text), each rendered where
 * its placeholder stands, in its own `<bdi>`: strings as text, templates as they are. Bidirectional controls inside
 * a value (U+202E RIGHT-TO-LEFT OVERRIDE, an unbalanced isolate) then reorder nothing outside it, and a right-to-left
 * name reads right inside a French sentence. An element boundary cannot be closed by characters in the value,
 * unlike U+2068…U+2069 around it in the text.
 */
export function isolatedMessage(locale: Locale, key: KeyLike, values: Readonly<Record<string, string | TemplateResult>>): TemplateResult {
  const names = Object.keys(values);
  // Markers stand where the values go, so a value is never itself interpolated or split.
  const text = translate(locale, key, Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE000`])));
  const pieces = text.split(MARKER);
  return html`${pieces.map((piece, i) => (i % 2 === 0 ? piece : html`<bdi>${values[names[Number(piece)]!]}</bdi>`))}`;
}
