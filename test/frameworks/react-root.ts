// One React root per test (React 19's by default, or the React DOM given), in a fresh container, unmounted after
// it, with console errors watched meanwhile (React reports its warnings there): what the React example and wrapper
// tests share.
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { watchErrors } from './page-data.js';

export interface ReactPage {
  readonly container: HTMLElement;
  /** Console errors and warnings, uncaught errors, since the test started. */
  readonly errors: readonly string[];
  /** Renders synchronously, as a user's update would end up. */
  render(node: ReactNode): void;
  unmount(): void;
  /** The container's first `selector`. */
  one<T extends Element>(selector: string): T;
  all<T extends Element>(selector: string): T[];
}

/** The two calls of a React DOM the page needs (react-dom and react-dom/client of one version). */
export interface ReactDom {
  createRoot(container: Element): Root;
  flushSync<R>(fn: () => R): R;
}

export function reactPage(dom: ReactDom = { createRoot, flushSync }): ReactPage {
  let container!: HTMLElement;
  let root: Root | undefined;
  let watch!: ReturnType<typeof watchErrors>;
  beforeEach(() => {
    watch = watchErrors();
    container = document.body.appendChild(document.createElement('div'));
    root = dom.createRoot(container);
  });
  afterEach(() => {
    root?.unmount();
    container.remove();
    watch.stop();
  });
  return {
    get container() {
      return container;
    },
    get errors() {
      return watch.errors;
    },
    render: (node) => dom.flushSync(() => root!.render(node)),
    unmount() {
      root!.unmount();
      root = undefined;
    },
    one: <T extends Element>(selector: string) => container.querySelector(selector) as T,
    all: <T extends Element>(selector: string) => [...container.querySelectorAll(selector)] as T[],
  };
}
