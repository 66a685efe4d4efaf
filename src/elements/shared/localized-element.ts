import { LitElement } from 'lit';
import {
  areExplanationsReady,
  isLocaleReady,
  loadExplanations,
  loadLocale,
  onMessagesChange,
  resolveLocale,
  type Locale,
} from '../../i18n/index.js';
import { watchLang } from './lang-observer.js';

/**
 * Base of every Estafette element: it speaks the language of the closest `[lang]` and re-renders when that
 * changes. `lang` stays the native attribute and property; observing it here covers an element inside another
 * component's shadow root, which the page-wide `watchLang()` observer cannot see. A language whose texts load on
 * demand is fetched before the element renders in it (`updateComplete` includes that wait), so a German page never
 * flashes English; texts added later with `addMessages()` re-render every element.
 */
export class LocalizedElement extends LitElement {
  /**
   * Whether the element shows explanations (status meanings, indicator help) as soon as it renders: then it waits
   * for them too. Elements that show them only on demand (a badge's tooltip) prefetch them instead.
   */
  protected static explains = false;

  private stopLang: (() => void) | undefined;
  private stopMessages: (() => void) | undefined;

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopLang = watchLang(this);
    this.stopMessages = onMessagesChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLang?.();
    this.stopLang = undefined;
    this.stopMessages?.();
    this.stopMessages = undefined;
  }

  /** The language resolved for the update under way: resolved once per update, not again by every render helper. */
  private localeNow: Locale | undefined;

  /** Holds the render until the texts of the element's language are there (at once for fr, en and added ones). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const locale = resolveLocale(this);
    if (!isLocaleReady(locale)) return loadLocale(locale).then(() => this.scheduleUpdate());
    if ((this.constructor as typeof LocalizedElement).explains && !areExplanationsReady(locale)) {
      return loadExplanations(locale).then(() => this.scheduleUpdate());
    }
    // Lit performs the update synchronously here: render reads this one resolution.
    this.localeNow = locale;
    try {
      return super.scheduleUpdate();
    } finally {
      this.localeNow = undefined;
    }
  }

  /** The language this element speaks now. */
  protected get locale(): Locale {
    return this.localeNow ?? resolveLocale(this);
  }

  /**
   * Fetches this element's explanations when the page is idle, once per language, so that a tooltip opened later
   * shows at once.
   */
  protected prefetchExplanations(): void {
    const locale = this.locale;
    if (prefetching.has(locale) || areExplanationsReady(locale)) return;
    prefetching.add(locale);
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
    idle(() => void loadExplanations(locale));
  }
}

const prefetching = new Set<string>();
