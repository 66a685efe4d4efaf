import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Keeps the keyboard focus inside an element when one of its updates removes the control that had it (a retry
 * button gone with its error, "Show older events" gone once every event is loaded): focus moves to what `next`
 * names in its place, instead of falling back to the top of the page. It moves once the update is over (taking the
 * focus may update the host again), and only if nothing in the element took it meanwhile (`updated()` moving it to a
 * row of its own choice, say).
 */
export class FocusHandOver implements ReactiveController {
  #focused: Element | undefined;
  readonly #host: ReactiveElement;
  readonly #next: (gone: Element) => HTMLElement | null | undefined;

  constructor(host: ReactiveElement, next: (gone: Element) => HTMLElement | null | undefined) {
    this.#host = host;
    this.#next = next;
    host.addController(this);
  }

  hostUpdate(): void {
    this.#focused = this.#host.shadowRoot?.activeElement ?? undefined;
  }

  hostUpdated(): void {
    const gone = this.#focused;
    this.#focused = undefined;
    if (!gone || gone.isConnected) return;
    queueMicrotask(() => {
      if (!gone.isConnected && !this.#host.shadowRoot?.activeElement) this.#next(gone)?.focus();
    });
  }
}
