import { translate, type KeyLike, type Locale } from '../../i18n/index.js';

/**
 * Splits a message around one placeholder, so that an element (a link) can stand where the value goes while
 * the rest of the sentence stays translated text.
 */
export function around(locale: Locale, key: KeyLike, name: string): readonly [string, string] {
  const marker = '\u0000';
  const text = translate(locale, key, { [name]: marker });
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}
