import { LitElement } from 'lit';
import { resolveLocale, type Locale } from '../../i18n/index.js';
import { watchLang } from './lang-observer.js';

/**
 * Base of every Estafette element: it speaks the language of the closest `[lang]` and re-renders when that
 * changes. `lang` stays the native attribute and property; observing it here covers an element inside another
 * component's shadow root, which the page-wide `watchLang()` observer cannot see.
 */
export class LocalizedElement extends LitElement {
  private stopLang: (() => void) | undefined;

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
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopLang?.();
    this.stopLang = undefined;
  }

  /** The language this element speaks now. */
  protected get locale(): Locale {
    return resolveLocale(this);
  }
}
