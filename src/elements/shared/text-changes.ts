import type { ReactiveElement } from 'lit';
import { onMessagesChange } from '../../i18n/index.js';

/**
 * Re-renders elements when their texts may have changed: a `lang` attribute changed anywhere in the document (so
 * switching a page, or one section of it, to another language updates every element inside), or texts were added
 * with `addMessages()` or finished loading. One set of elements, one page-wide `MutationObserver` and one
 * subscription for both, not a listener per element: a table holds thousands of badges. The observer sees `lang`
 * changes in the light DOM; a `lang` set inside another component's shadow root reaches only the elements that
 * observe their own attribute.
 */
const watched = new Set<ReactiveElement>();
let started = false;

// Module-level, holding no element: a callback created inside `watchTextChanges` would share its scope, and the
// page-wide observer would keep the first element ever connected (and the tree it was removed with) alive.
function rerenderAll(): void {
  for (const element of watched) element.requestUpdate();
}

function start(): void {
  started = true;
  onMessagesChange(rerenderAll);
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  new MutationObserver(rerenderAll).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/** Re-renders `host` on text changes from now on. Call from `connectedCallback`. */
export function watchTextChanges(host: ReactiveElement): void {
  watched.add(host);
  if (!started) start();
}

/** Stops re-rendering `host` on text changes. Call from `disconnectedCallback`. */
export function unwatchTextChanges(host: ReactiveElement): void {
  watched.delete(host);
}
