import { BUILT_IN_LOCALES, hasMessagesFor, type BuiltInLocale } from './registry.js';

/** Languages Estafette ships texts for. The first one is the fallback for everything else. */
export const SUPPORTED_LOCALES = BUILT_IN_LOCALES;

/**
 * A language elements can speak, as a lower-case primary language subtag: one Estafette ships (`BuiltInLocale`,
 * completed by the editor) or one a page added with `addMessages()`.
 */
export type Locale = BuiltInLocale | (string & {});

/** What every string falls back to when a page asks for a language nobody wrote texts for. */
export const DEFAULT_LOCALE: Locale = 'en';

/** Languages written right to left (by their primary subtag), for one a page adds with `addMessages()`. */
const RIGHT_TO_LEFT = /^(ar|arc|ckb|dv|fa|he|iw|ks|ps|sd|ug|ur|yi)(-|$)/i;

/**
 * The direction `locale` is written in: what an element writing in it sets as the `dir` of its text, so that a
 * French or English text inside a right-to-left page keeps its numbers, punctuation and quotes in order.
 */
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RIGHT_TO_LEFT.test(locale) ? 'rtl' : 'ltr');

/** True when `value` is exactly the id of a language with texts: built in, or added by the page. */
export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && hasMessagesFor(value);

/**
 * The language with texts a BCP 47 tag asks for, by its primary language subtag, case-insensitively: `fr-BE`,
 * `FR`, `fr_CA` (POSIX spelling, as some back-ends store it) all give `fr`. Undefined for anything else.
 */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (typeof tag !== 'string') return undefined;
  const primary = tag.trim().split(/[-_]/, 1)[0]!.toLowerCase();
  return isLocale(primary) ? primary : undefined;
}

const DOCUMENT_FRAGMENT_NODE = 11;

/**
 * The DOM's `Element` where the DOM lib declares it, else `never`: in a Node project without that lib there is no
 * element to pass (`resolveLocale()` takes none). Written so, not as `Element`, for the published types to check there.
 */
type DomElement = typeof globalThis extends { Element: { prototype: infer E } } ? E : never;

/**
 * The nearest non-empty `lang`, climbing out of shadow roots to their hosts. One native `closest()` per tree
 * rather than a script loop over every ancestor: every element of a 10,000-row table asks this on each update.
 */
function declaredLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    const lang = found?.getAttribute('lang')?.trim();
    if (lang) return lang;
    // An empty lang does not count: go on above it, and out of this tree (to its shadow host) at its root.
    node = found?.parentElement ?? hostOf(found ?? node);
  }
  return undefined;
}

/** The shadow host of the tree `node` is in; null in a document or a detached tree. */
function hostOf(node: Element): Element | null {
  const root = node.getRootNode();
  return root.nodeType === DOCUMENT_FRAGMENT_NODE && 'host' in root ? (root as ShadowRoot).host : null;
}

function navigatorLocale(): Locale | undefined {
  if (typeof navigator === 'undefined') return undefined;
  const preferences: readonly (string | undefined)[] = navigator.languages?.length
    ? navigator.languages
    : [navigator.language];
  for (const tag of preferences) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * The locale an element should speak: its closest `lang` (across shadow roots), else `<html lang>`, else the
 * browser's preferred languages, else English. Safe without a DOM (Node), where it falls through to English.
 *
 * A declared language we do not ship gives English rather than the browser's language: the page chose the
 * language of that part of the screen, and mixing in the visitor's own would make the widget inconsistent with
 * its neighbors (the same choice as the browser's `lang` inheritance).
 */
export function resolveLocale(element?: DomElement | null): Locale {
  const declared = declaredTag(element);
  if (declared !== undefined) return matchLocale(declared) ?? DEFAULT_LOCALE;
  return navigatorLocale() ?? DEFAULT_LOCALE;
}

/** The language tag the page declares for `element`: its closest non-empty `lang`, else `<html lang>`. */
function declaredTag(element?: Element | null): string | undefined {
  const declared = element ? declaredLang(element) : undefined;
  if (declared !== undefined) return declared;
  const doc = element?.ownerDocument ?? (typeof document === 'undefined' ? undefined : document);
  return doc?.documentElement?.getAttribute('lang')?.trim() || undefined;
}

/**
 * The tag numbers, percentages and dates follow for `element`, which speaks `locale`: its declared `lang` with
 * its region (`en-GB`, `fr-CH`, `es-MX`) when that is the language it speaks, else the language alone. Called once
 * per update of an element that formats (see `LocalizedElement.formatFor`).
 */
export function resolveFormatLocale(element: DomElement, locale: Locale): string {
  const declared = declaredTag(element);
  try {
    // As Intl writes it (`fr_ca` → `fr-CA`); a tag Intl refuses throws, and the language alone is used.
    if (declared !== undefined && matchLocale(declared) === locale) return Intl.getCanonicalLocales(declared.replace(/_/g, '-'))[0] ?? locale;
  } catch {
    // the language alone
  }
  return locale;
}
