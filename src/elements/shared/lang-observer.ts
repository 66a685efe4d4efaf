import type { ReactiveElement } from 'lit';

/**
 * Re-renders elements when a `lang` attribute changes anywhere in the document, so that switching a page (or one
 * section of it) to another language updates every element inside. One `MutationObserver` for the whole page,
 * not one per element; it sees `lang` changes in the light DOM (a `lang` set inside another component's shadow root
 * reaches only the elements that observe their own attribute).
 */
const watched = new Set<ReactiveElement>();
let observer: MutationObserver | undefined;

/**
 * Created outside `watchLang`: a callback created there would share that call's scope, which holds `host` (for the
 * function it returns), and the page-wide observer would keep the first element ever connected, and the whole tree
 * it was removed with, alive forever.
 */
function startObserver(): void {
  if (observer || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const element of watched) element.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Starts re-rendering `host` on `lang` changes; returns the function that stops it. Call from `connectedCallback`. */
export function watchLang(host: ReactiveElement): () => void {
  watched.add(host);
  startObserver();
  return () => {
    watched.delete(host);
  };
}
