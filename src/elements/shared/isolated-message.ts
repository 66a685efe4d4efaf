import { html, type TemplateResult } from 'lit';
import { translate, type KeyLike, type Locale } from '../../i18n/index.js';

// A private-use character around each value's index: no text of ours, nor a page's, contains it.
const MARKER = /\uE000(\d+)\uE000/;

/**
 * One of our sentences with untrusted values in it (a provider's word, a code, a campaign name): each value is
 * rendered in its own `<bdi>`, as text, so that bidirectional controls inside it (U+202E RIGHT-TO-LEFT OVERRIDE, an
 * unbalanced isolate) reorder nothing outside it, and a right-to-left name reads right inside a French sentence.
 * An element boundary cannot be closed by characters in the value, unlike U+2068…U+2069 around it in the text.
 */
export function isolatedMessage(locale: Locale, key: KeyLike, values: Readonly<Record<string, string>>): TemplateResult {
  const names = Object.keys(values);
  // Markers stand where the values go, so a value is never itself interpolated or split.
  const text = translate(locale, key, Object.fromEntries(names.map((name, i) => [name, `\uE000${i}\uE000`])));
  const pieces = text.split(MARKER);
  return html`${pieces.map((piece, i) => (i % 2 === 1 ? html`<bdi>${values[names[Number(piece)]!]}</bdi>` : piece))}`;
}
