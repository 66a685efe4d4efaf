import type { ReactiveElement } from 'lit';

/**
 * Re-renders elements when a `lang` attribute changes anywhere in the document, so that switching a page (or one
 * section of it) to another language updates every element inside. One `MutationObserver` for the whole page,
 * not one per element; it sees `lang` changes in the light DOM (a `lang` set inside another component's shadow root
 * reaches only the elements that observe their own attribute).
 */
const watched = new Set<ReactiveElement>();
let observer: MutationObserver | undefined;

/** Starts re-rendering `host` on `lang` changes; returns the function that stops it. Call from `connectedCallback`. */
export function watchLang(host: ReactiveElement): () => void {
  watched.add(host);
  if (!observer && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    observer = new MutationObserver(() => {
      for (const element of watched) element.requestUpdate();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    watched.delete(host);
  };
}
