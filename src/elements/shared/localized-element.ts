import { LitElement } from 'lit';
import { areExplanationsReady, arePanelTextsReady, isLocaleReady, loadExplanations, loadLocale, loadPanelTexts, resolveFormatLocale, resolveLocale, type Locale } from '../../i18n/index.js';
import { checkAttribute, strayAttributes } from './lost-attributes.js';
import { unwatchTextChanges, watchTextChanges } from './text-changes.js';

/**
 * Base of every Estafette element: it speaks the language of the closest `[lang]` and re-renders when that
 * changes. `lang` stays the native attribute and property; observing it here covers an element inside another
 * component's shadow root, which the page-wide observer of `watchTextChanges()` cannot see. A language whose texts
 * load on demand is fetched before the element renders in it (`updateComplete` includes that wait), so a German
 * page never flashes English; texts added later with `addMessages()` re-render every element.
 */
export class LocalizedElement extends LitElement {
  /**
   * Whether the element shows explanations (status meanings, indicator help) as soon as it renders: then it waits
   * for them too. The others show them only on demand (a badge's tooltip): their first update prefetches them.
   */
  protected static explains = false;

  /**
   * Whether the element shows the panels' texts (indicators, thresholds, stages, campaign history: `<campaign-stats>`
   * and `<status-timeline>`), which load on demand: then it waits for them before it renders.
   */
  protected static panels = false;

  static override get observedAttributes(): string[] {
    // Plus the attributes a framework writes in place of properties on an element not defined yet: to say so.
    return [...super.observedAttributes, 'lang', ...strayAttributes(this.elementProperties).keys()];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
    checkAttribute(this.localName, name, value, (this.constructor as typeof LocalizedElement).elementProperties);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchTextChanges(this);
    // Moved into a part of the page that speaks another language: nothing else tells it (no attribute changed).
    if (this.hasUpdated && this.#renderedIn !== resolveLocale(this)) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    unwatchTextChanges(this);
  }

  /** The language resolved for the update under way: resolved once per update, not again by every render helper. */
  #localeNow: Locale | undefined;
  /** The language of the last update. */
  #renderedIn: Locale | undefined;
  /** What `formatFor` answers for the language spoken now, worked out on first use after each update is scheduled. */
  #formatIn: string | undefined;

  /** Holds the render until the texts of the element's language are there (at once for fr, en and added ones). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    this.#formatIn = undefined;
    const locale = resolveLocale(this);
    if (!isLocaleReady(locale)) return loadLocale(locale).then(() => this.scheduleUpdate());
    const { explains, panels } = this.constructor as typeof LocalizedElement;
    const texts = panels && !arePanelTextsReady(locale) ? loadPanelTexts(locale) : undefined;
    const explained = explains ? explanationsPending(locale) : undefined;
    // Fetched together: one wait, not two in a row.
    if (texts || explained) return Promise.all([texts, explained]).then(() => this.scheduleUpdate());
    if (!explains) prefetchExplanations(locale);
    // Lit performs the update synchronously here: render reads this one resolution.
    this.#localeNow = this.#renderedIn = locale;
    try {
      return super.scheduleUpdate();
    } finally {
      this.#localeNow = undefined;
    }
  }

  /** The language this element speaks now. */
  protected get locale(): Locale {
    return this.#localeNow ?? resolveLocale(this);
  }

  /**
   * The tag numbers and dates written in `locale` follow: for the language it speaks now, the declared `lang` with
   * its region (`en-GB`, `fr-CH`); for another (words waiting to be said from before a switch), that language.
   */
  protected formatFor(locale: Locale): string {
    if (locale !== this.locale) return locale;
    return (this.#formatIn ??= resolveFormatLocale(this, locale));
  }
}

/** Undefined when the explanations of `locale` can be read, else the promise of their loading. */
export function explanationsPending(locale: Locale): Promise<void> | undefined {
  return areExplanationsReady(locale) ? undefined : loadExplanations(locale);
}

const prefetching = new Set<string>();

/**
 * Fetches the explanations of `locale` when the page is idle, once per language, so that a tooltip opened later
 * shows at once. A set lookup for every later update of every element.
 */
function prefetchExplanations(locale: Locale): void {
  if (prefetching.has(locale)) return;
  prefetching.add(locale);
  const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  idle(() => void loadExplanations(locale));
}
