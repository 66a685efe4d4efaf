import type { Catalogue, ExplanationCatalogue, MessageKey } from './catalogue.js';
import { en } from './messages/en.js';
import { fr } from './messages/fr.js';

/**
 * Where the texts of every language live: English and French are bundled (English is the fallback of everything,
 * French is our first users' language); German, Spanish, Italian and Dutch are fetched on first use, so pages that
 * never show them never download them; integrators add their own wording and whole new languages with
 * `addMessages()`. Elements wait for their language before they render and re-render when texts change.
 */

/** Languages whose catalogues load on demand (a separate chunk in the CDN build and the npm package). */
const ON_DEMAND = {
  de: () => import('./messages/de.js').then((m) => m.de),
  es: () => import('./messages/es.js').then((m) => m.es),
  it: () => import('./messages/it.js').then((m) => m.it),
  nl: () => import('./messages/nl.js').then((m) => m.nl),
} satisfies Record<string, () => Promise<Catalogue>>;

/**
 * The explanations of the bundled languages (what each status means and does not, each failure reason, each
 * indicator): the longest texts of the kit, read only in tooltips, help popovers and timeline details, so they are
 * a chunk of their own. Languages that load on demand bring theirs with them.
 */
const EXPLANATIONS = {
  en: () => import('./messages/en-explanations.js').then((m) => m.enExplanations),
  fr: () => import('./messages/fr-explanations.js').then((m) => m.frExplanations),
} satisfies Record<string, () => Promise<ExplanationCatalogue>>;

/** The languages Estafette writes texts for, by primary language subtag. English first: it is the fallback. */
export const BUILT_IN_LOCALES = ['en', 'fr', 'de', 'es', 'it', 'nl'] as const;

/** A language Estafette ships a catalogue for. */
export type BuiltInLocale = (typeof BUILT_IN_LOCALES)[number];

/** Texts for some keys of one language: an integrator's own wording, or a partial new language. */
export type MessageOverrides = Readonly<Partial<Record<MessageKey, string>> & Record<string, string>>;

const loaded = new Map<string, Readonly<Record<string, string>>>([
  ['en', en],
  ['fr', fr],
]);
const pending = new Map<string, Promise<void>>();
const failed = new Set<string>();
/** Bundled languages whose explanations have loaded (into `loaded`) or could not be (then they are left out). */
const explained = new Map<string, Promise<void> | true>();

/**
 * A page's own texts and the elements listening for them live on `globalThis`, shared by every copy of the kit on
 * the page (the CDN file included twice, or beside an npm copy): `addMessages()` from any copy reaches the
 * elements whichever copy defined them. Keep this shape stable across versions.
 */
interface SharedMessages {
  readonly added: Map<string, Record<string, string>>;
  readonly listeners: Set<() => void>;
}
const SHARED = Symbol.for('estafette.messages');
const shared: SharedMessages = ((globalThis as { [SHARED]?: SharedMessages })[SHARED] ??= {
  added: new Map(),
  listeners: new Set(),
});
const { added, listeners } = shared;

const LANGUAGE_TAG = /^[a-z]{2,3}$/;

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** Whether `locale` (a primary language subtag, lower case) has texts: built in, or added by the page. */
export function hasMessagesFor(locale: string): boolean {
  return loaded.has(locale) || Object.hasOwn(ON_DEMAND, locale) || added.has(locale);
}

/** Whether the texts of `locale` can be used right now (bundled, already fetched, added, or not ours at all). */
export function isLocaleReady(locale: string): boolean {
  return loaded.has(locale) || failed.has(locale) || !Object.hasOwn(ON_DEMAND, locale);
}

/**
 * Fetches the catalogue of a language that loads on demand; resolves at once for the others. Never rejects: if the
 * file cannot be fetched (offline, a CDN copy missing its chunks) the elements speak English, and one warning says
 * why. Elements call it themselves; call it yourself to prefetch, or in Node before `translate()`.
 */
export function loadLocale(locale: string): Promise<void> {
  if (isLocaleReady(locale)) return Promise.resolve();
  let loading = pending.get(locale);
  if (!loading) {
    loading = ON_DEMAND[locale as keyof typeof ON_DEMAND]()
      .then(
        (catalogue) => void loaded.set(locale, catalogue),
        (error: unknown) => {
          failed.add(locale);
          console.warn(`estafette: the "${locale}" texts could not be loaded, English is shown instead.`, error);
        },
      )
      .finally(() => {
        pending.delete(locale);
        notify();
      });
    pending.set(locale, loading);
  }
  return loading;
}

/** The bundled languages whose explanations `locale` reads: its own, or English's for a language we lack. */
function explanationSources(locale: string): readonly (keyof typeof EXPLANATIONS)[] {
  if (Object.hasOwn(EXPLANATIONS, locale)) return [locale as keyof typeof EXPLANATIONS];
  // A language fetched whole is complete (unless it failed: then it reads English); any other falls back to English.
  return Object.hasOwn(ON_DEMAND, locale) && !failed.has(locale) ? [] : ['en'];
}

/**
 * Whether the explanations `locale` shows (meanings, caveats, failure reasons, indicator help) can be read now.
 * Until then `explanation()` gives undefined and the elements leave those lines out.
 */
export function areExplanationsReady(locale: string): boolean {
  return isLocaleReady(locale) && explanationSources(locale).every((source) => explained.get(source) === true);
}

/**
 * Fetches the explanations of `locale` (and its language, if that loads on demand). Never rejects: if they cannot
 * be fetched, one warning says why and the elements show labels without explanations. Elements call it when they
 * first render, so that a tooltip opened later has them; call it yourself in Node before reading explanations with
 * `translate()`.
 */
export async function loadExplanations(locale: string): Promise<void> {
  await loadLocale(locale);
  await Promise.all(
    explanationSources(locale).map((source) => {
      let state = explained.get(source);
      if (state === undefined) {
        state = EXPLANATIONS[source]()
          .then(
            (texts) => void loaded.set(source, { ...loaded.get(source), ...texts }),
            (error: unknown) =>
              console.warn(`estafette: the "${source}" explanations could not be loaded; labels are shown without them.`, error),
          )
          .finally(() => {
            // No re-render of every element: those showing explanations waited for them (or their tooltip did).
            explained.set(source, true);
          });
        explained.set(source, state);
      }
      return state;
    }),
  );
}

/**
 * Adds or replaces texts of one language without forking: your own wording for a status
 * (`addMessages('fr', { 'status.delivered.label': 'Remis' })`), or a whole new language
 * (`addMessages('pt', { ... })`, any key it lacks falls back to English). Texts are plain text with `{name}`
 * placeholders, never HTML. Every element on the page re-renders with the new texts. Calls accumulate; a later
 * text for the same key wins.
 *
 * @throws TypeError when `locale` is not a language subtag (`fr`, `pt`, `nl`: 2 or 3 letters) or a text is not a
 *   string; nothing is added then.
 */
export function addMessages(locale: string, messages: MessageOverrides): void {
  const tag = typeof locale === 'string' ? locale.trim().toLowerCase() : '';
  if (!LANGUAGE_TAG.test(tag)) {
    throw new TypeError(`estafette: addMessages() needs a language subtag such as "fr" or "pt", not ${JSON.stringify(locale)}.`);
  }
  if (messages === null || typeof messages !== 'object') {
    throw new TypeError(`estafette: addMessages("${tag}") needs an object of texts by key.`);
  }
  const entries = Object.entries(messages);
  const wrong = entries.find(([, text]) => typeof text !== 'string');
  if (wrong) throw new TypeError(`estafette: addMessages("${tag}"): the text of "${wrong[0]}" is not a string.`);
  const own = added.get(tag) ?? Object.create(null) as Record<string, string>;
  for (const [key, text] of entries) own[key] = text as string;
  added.set(tag, own);
  notify();
}

/** Takes back every text added with `addMessages()`, for one language or all of them. */
export function removeAddedMessages(locale?: string): void {
  if (locale === undefined) added.clear();
  else added.delete(locale.trim().toLowerCase());
  notify();
}

/**
 * Calls `listener` whenever texts change: a catalogue finished loading, or a page added its own. Returns the
 * function that stops listening.
 */
export function onMessagesChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** The text of `key` in `locale`: the page's own wording first, then ours; undefined when neither has it. */
export function lookupMessage(locale: string, key: string): string | undefined {
  const own = added.get(locale);
  if (own && Object.hasOwn(own, key)) return own[key];
  const catalogue = loaded.get(locale);
  // hasOwn: keys come from run-time ids, and "constructor" or "__proto__" must not reach Object.prototype.
  return catalogue && Object.hasOwn(catalogue, key) ? catalogue[key] : undefined;
}

/** The bundled or fetched catalogue of `locale`, without the page's additions; undefined when not loaded. */
export function loadedCatalogue(locale: string): Readonly<Record<string, string>> | undefined {
  return loaded.get(locale);
}
