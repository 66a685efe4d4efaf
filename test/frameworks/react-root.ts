// One React 19 root per test, in a fresh container, unmounted after it, with console errors watched meanwhile
// (React reports its warnings there): what the React example and wrapper tests share.
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

export function reactPage(): ReactPage {
  let container!: HTMLElement;
  let root: Root | undefined;
  let watch!: ReturnType<typeof watchErrors>;
  beforeEach(() => {
    watch = watchErrors();
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
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
    render: (node) => flushSync(() => root!.render(node)),
    unmount() {
      root!.unmount();
      root = undefined;
    },
    one: <T extends Element>(selector: string) => container.querySelector(selector) as T,
    all: <T extends Element>(selector: string) => [...container.querySelectorAll(selector)] as T[],
  };
}
