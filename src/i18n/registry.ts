import type { Catalogue, ExplanationCatalogue, MessageKey, PanelCatalogue } from './catalogue.js';
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

/**
 * The texts of `<campaign-stats>` and `<status-timeline>` in the bundled languages (indicators, thresholds, stages,
 * campaign history): a chunk of their own too, fetched by those two elements, so that a page of badges never
 * downloads them. Languages that load on demand bring theirs with them.
 */
const PANELS = {
  en: () => import('./messages/en-panels.js').then((m) => m.enPanels),
  fr: () => import('./messages/fr-panels.js').then((m) => m.frPanels),
} satisfies Record<string, () => Promise<PanelCatalogue>>;

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

/**
 * A part of the bundled languages' texts that loads on demand (explanations, the panels' texts), each bundled
 * language's in a chunk: whether `locale` can read that part now, and the function that fetches it. A language
 * fetched whole has it already; any other language reads English's.
 */
function onDemandPart(
  chunks: Record<'en' | 'fr', () => Promise<Readonly<Record<string, string>>>>,
  what: string,
  withoutEnglish: string,
) {
  /** Bundled languages whose part has loaded (into `loaded`) or could not be (then it is left out). */
  const state = new Map<string, Promise<void> | true>();
  const sources = (locale: string): readonly ('en' | 'fr')[] => {
    if (Object.hasOwn(chunks, locale)) return [locale as 'en' | 'fr'];
    return Object.hasOwn(ON_DEMAND, locale) && !failed.has(locale) ? [] : ['en'];
  };
  const fetchPart = (source: 'en' | 'fr'): Promise<void> => {
    let loading = state.get(source);
    if (loading === undefined) {
      loading = chunks[source]()
        .then(
          (texts) => void loaded.set(source, { ...loaded.get(source), ...texts }),
          (error: unknown) => {
            // What the page shows instead: the English ones, unless English's are the ones missing.
            console.warn(`estafette: the "${source}" ${what} could not be loaded; ${source === 'en' ? withoutEnglish : 'the English ones are shown instead'}.`, error);
            // English stands in for a language whose part is missing.
            if (source !== 'en') return fetchPart('en');
          },
        )
        .finally(() => {
          // No re-render of every element: those that show this part waited for it.
          state.set(source, true);
        });
      state.set(source, loading);
    }
    return loading === true ? Promise.resolve() : loading;
  };
  return {
    ready: (locale: string): boolean => isLocaleReady(locale) && sources(locale).every((source) => state.get(source) === true),
    async load(locale: string): Promise<void> {
      await loadLocale(locale);
      await Promise.all(sources(locale).map(fetchPart));
    },
  };
}

const explanations = onDemandPart(EXPLANATIONS, 'explanations', 'labels are shown without them');
const panelTexts = onDemandPart(PANELS, 'texts of campaign-stats and status-timeline', 'their keys are shown instead');

/**
 * Whether the explanations `locale` shows (meanings, caveats, failure reasons, indicator help) can be read now.
 * Until then `explanation()` gives undefined and the elements leave those lines out.
 */
export const areExplanationsReady: (locale: string) => boolean = explanations.ready;

/**
 * Fetches the explanations of `locale` (and its language, if that loads on demand). Never rejects: if they cannot
 * be fetched, one warning says why and the English explanations stand in (labels show without explanations when
 * English's own cannot be fetched either). Elements call it when they first render, so that a tooltip opened later
 * has them; call it yourself in Node before reading explanations with `translate()`.
 */
export const loadExplanations: (locale: string) => Promise<void> = explanations.load;

/** Whether the texts of `<campaign-stats>` and `<status-timeline>` in `locale` can be read now. */
export const arePanelTextsReady: (locale: string) => boolean = panelTexts.ready;

/**
 * Fetches the texts of `<campaign-stats>` and `<status-timeline>` in `locale` (indicators, thresholds, stages,
 * campaign history; and its language, if that loads on demand). Never rejects: if they cannot be fetched, one
 * warning says why and English stands in (the keys show when English's own cannot be fetched either). Those
 * elements wait for them before they render; call it yourself in Node before reading such a text (`metric.…`,
 * `stats.…`, `timeline.…`, `campaign.…`) with `translate()`.
 */
export const loadPanelTexts: (locale: string) => Promise<void> = panelTexts.load;

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
