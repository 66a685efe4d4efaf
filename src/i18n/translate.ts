import type { ExplanationCatalogue, LabelCatalogue, MessageKey, PanelCatalogue, PluralBaseKey } from './catalogue.js';
import type { ExplanationKey } from './keys.js';
import { numberFormat, pluralRules } from './intl-cache.js';
import { DEFAULT_LOCALE, directionOf, isLocale, type Locale } from './locales.js';
import { en } from './messages/en.js';
import { loadedCatalogue, lookupMessage } from './registry.js';

/** Values inserted into `{name}` placeholders. Numbers are inserted as is: format them first for display. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * A message key. Any string is accepted because keys are often built from ids at run time
 * (`status.${id}.label`); `MessageKey` keeps the editor's completion for literal keys.
 */
export type KeyLike = MessageKey | (string & {});

/**
 * Estafette's own catalogue for a locale, without a page's additions; English for a language we do not ship or
 * whose catalogue has not loaded yet (see `loadLocale`). The panels' texts and the explanations are there once
 * loaded (`loadPanelTexts`, `loadExplanations`).
 */
export function catalogueFor(locale: Locale): LabelCatalogue & Partial<PanelCatalogue & ExplanationCatalogue> {
  return (loadedCatalogue(locale) as (LabelCatalogue & Partial<PanelCatalogue & ExplanationCatalogue>) | undefined) ?? en;
}

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

/** A letter outside the `{name}` placeholders: the text has words of its own, not only values and punctuation. */
const hasWords = (text: string): boolean => /\p{L}/u.test(text.replace(PLACEHOLDER, ''));

/**
 * English standing in for a text a right-to-left language lacks (a language added with `addMessages()` in part):
 * isolated left to right (U+2066 ... U+2069), so that its punctuation stays where English puts it inside the
 * right-to-left element. A text with no words of its own (`{label}. {problem}`, `{stage}: {help}`, `×{count}`) is
 * only a frame for values: isolated by its first strong letter instead (U+2068 ... U+2069), so that it reads right
 * to left when the page's own texts fill it (their final full stop stays at their end) and left to right when
 * English ones do (those are isolated themselves, so it finds no letter and keeps the English order).
 */
const standIn = (locale: Locale, text: string | undefined): string | undefined =>
  text === undefined || directionOf(locale) !== 'rtl' ? text : `${hasWords(text) ? '\u2066' : '\u2068'}${text}\u2069`;

/**
 * The text for `key` in `locale`, with `{name}` placeholders filled from `params`: the page's own wording
 * (`addMessages`) first, then Estafette's; falls back to English, then to the key itself; never throws. A language
 * that loads on demand reads English until `loadLocale()` has fetched it (elements wait for it). The result is plain text: render it as text, never as HTML.
 */
export function translate(locale: Locale, key: KeyLike, params?: MessageParams): string {
  const text = lookupMessage(locale, key) ?? standIn(locale, lookupMessage(DEFAULT_LOCALE, key)) ?? String(key);
  return interpolate(text, params);
}

/**
 * An explanation (`status.<id>.meaning`, `status.<id>.caveat`, `reason.<id>.explanation`, `metric.<id>.help`) in
 * `locale`, falling back to English like `translate()`; undefined while explanations are not loaded (see
 * `loadExplanations`) or when none exists, so that a missing explanation is left out rather than shown as its key.
 */
export const explanation = (locale: Locale, key: ExplanationKey | (string & {}), params?: MessageParams): string | undefined =>
  explanationOf(locale, [key], params);

/**
 * The first of `keys` the language explains, else the first English has: `[`status.${id}.caveat.${channel}`,
 * `status.${id}.caveat`]` gives an SMS its own text where there is one, and the general text otherwise.
 */
export function explanationOf(locale: Locale, keys: readonly (ExplanationKey | (string & {}))[], params?: MessageParams): string | undefined {
  for (const language of [locale, DEFAULT_LOCALE]) {
    for (const key of keys) {
      const text = lookupMessage(language, key);
      if (text !== undefined) return interpolate(language === locale ? text : standIn(locale, text)!, params);
    }
  }
  return undefined;
}

/**
 * What status `id` means (`part` `'meaning'`) or does not mean (`'caveat'`) for a message sent on `channel`: the
 * channel's own text where there is one (`status.<id>.meaning.sms`, for an SMS where the general text speaks of
 * email), the general text (`status.<id>.meaning`) otherwise; undefined as `explanation()` is.
 */
export const statusExplanation = (locale: Locale, id: string, part: 'meaning' | 'caveat', channel: string | undefined): string | undefined =>
  explanationOf(locale, [`status.${id}.${part}.${channel}`, `status.${id}.${part}`]);

/**
 * The plural form of `baseKey` for `count` (`<baseKey>.one`, `<baseKey>.other`, ...), chosen by the locale's
 * plural rules: in French 0 and 1 take the `one` form. A form the catalogue lacks (French `many` for millions)
 * falls back to `other`. `{count}` is filled with the number formatted for `format` (the language, or a regional tag
 * of it: `de-CH` writes "12’345" where `de` writes "12.345", as `formatNumber` does), unless `params.count` gives it.
 */
export function translatePlural(
  locale: Locale,
  baseKey: PluralBaseKey | (string & {}),
  count: number,
  params?: MessageParams,
  format: string = locale,
): string {
  const form = `${baseKey}.${pluralRules(isLocale(locale) ? locale : DEFAULT_LOCALE).select(count)}`;
  const known = lookupMessage(locale, form) !== undefined || lookupMessage(DEFAULT_LOCALE, form) !== undefined;
  const key = known ? form : `${baseKey}.other`;
  // {count} reads as the language writes numbers ("10 000 événements"); params may still replace it.
  return translate(locale, key, { count: numberFormat(format).format(count), ...params });
}
