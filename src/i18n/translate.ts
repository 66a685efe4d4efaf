import type { Catalogue, MessageKey, PluralBaseKey } from './catalogue.js';
import { pluralRules } from './intl-cache.js';
import { DEFAULT_LOCALE, type Locale } from './locales.js';
import { en } from './messages/en.js';
import { fr } from './messages/fr.js';

const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, fr };

/** Values inserted into `{name}` placeholders. Numbers are inserted as is: format them first for display. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A message key. Any string is accepted because keys are often built from ids at run time
 * (`status.${id}.label`); `MessageKey` keeps the editor's completion for literal keys.
 */
export type KeyLike = MessageKey | (string & {});

// Locale is a closed type, but the value may come from untyped host code.
const shipped = (locale: Locale): Locale => (Object.hasOwn(CATALOGUES, locale) ? locale : DEFAULT_LOCALE);

/** The catalogue for a locale; English for anything we do not ship. */
export function catalogueFor(locale: Locale): Catalogue {
  return CATALOGUES[shipped(locale)];
}

// hasOwn: keys come from run-time ids, and "constructor" or "__proto__" must not reach Object.prototype.
const lookup = (catalogue: Catalogue, key: string): string | undefined =>
  Object.hasOwn(catalogue, key) ? catalogue[key as MessageKey] : undefined;

const PLACEHOLDER = /\{([\w-]+)\}/g;

/**
 * Fills `{name}` placeholders in one pass, so a value that itself contains `{...}` (a provider's raw text) is
 * never expanded again. Unknown placeholders stay visible: a missing value is easier to spot than a blank.
 */
function interpolate(text: string, params: MessageParams | undefined): string {
  if (!params || !text.includes('{')) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/**
 * The text for `key` in `locale`, with `{name}` placeholders filled from `params`. Falls back to English, then to
 * the key itself; never throws. The result is plain text: render it as text, never as HTML.
 */
export function translate(locale: Locale, key: KeyLike, params?: MessageParams): string {
  const text = lookup(catalogueFor(locale), key) ?? lookup(en, key) ?? String(key);
  return interpolate(text, params);
}

/**
 * The plural form of `baseKey` for `count` (`<baseKey>.one`, `<baseKey>.other`, ...), chosen by the locale's
 * plural rules: in French 0 and 1 take the `one` form. A form the catalogue lacks (French `many` for millions)
 * falls back to `other`. `{count}` is filled with the raw number unless `params.count` provides a formatted one.
 */
export function translatePlural(
  locale: Locale,
  baseKey: PluralBaseKey | (string & {}),
  count: number,
  params?: MessageParams,
): string {
  const form = `${baseKey}.${pluralRules(shipped(locale)).select(count)}`;
  const known = lookup(catalogueFor(locale), form) !== undefined || lookup(en, form) !== undefined;
  const key = known ? form : `${baseKey}.other`;
  return translate(locale, key, { count, ...params });
}
