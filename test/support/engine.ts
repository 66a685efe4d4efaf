import { executeServerCommand, sendKeys, setViewport as stockSetViewport } from '@web/test-runner-commands';

/**
 * Which engine runs the browser tests. `npm test` drives Chromium through the DevTools protocol; `npm run
 * test:firefox` drives Firefox through WebDriver BiDi, which cannot emulate media features (`emulateMedia`),
 * forced colors or print media, and Firefox has no `window.gc()`. The tests that need one of those run in Chromium
 * only: {@link itWithDevTools} and {@link describeWithDevTools} skip them elsewhere (counted as skipped, not passed).
 */
export const inChromium = navigator.userAgent.includes('Chrome/');

/** Whether they run in Firefox (`npm run test:firefox`). */
export const inFirefox = navigator.userAgent.includes('Firefox/');

/** Whether they run in WebKit (`npm run test:webkit`: WebKitGTK's MiniBrowser, driven through classic WebDriver). */
export const inWebKit = !inChromium && navigator.userAgent.includes('AppleWebKit/');

/**
 * Sizes the test window's viewport: @web/test-runner-commands' `setViewport` in Chromium and Firefox, the config's
 * `webdriver-set-viewport` (the window resized around it) in WebKit, where the stock command is missing.
 */
export const setViewport = (viewport: { width: number; height: number }): Promise<void> =>
  inWebKit ? executeServerCommand('webdriver-set-viewport', viewport).then(() => undefined) : stockSetViewport(viewport);

/** `it` when `run`, else `it.skip`: a test this engine's runner cannot run is counted as skipped, not passed. */
const itIf = (run: boolean): Mocha.TestFunction => (run ? it : (it.skip as unknown as Mocha.TestFunction));

/** `describe` when `run`, else `describe.skip` (see {@link itIf}). */
const describeIf = (run: boolean): Mocha.SuiteFunction => (run ? describe : (describe.skip as unknown as Mocha.SuiteFunction));

/**
 * `it` and `describe`, or their `.skip` in WebKit, for tests that read a Server-Sent Events stream from the MSW mock
 * API: WebKitGTK (2.50) never hands the page a response that a service worker streams (`fetch` never resolves, an
 * `EventSource` never opens), so a stream mocked by MSW cannot be read there. The stream handling itself runs in
 * WebKit through a fake `EventSource` (test/data/sse.test.ts, "stream handling"); a real server's stream does not
 * go through a service worker.
 */
export const itWithMockStream = itIf(!inWebKit);
export const describeWithMockStream = describeIf(!inWebKit);

/** The narrowest viewport this engine's test window can have: WebKit's MiniBrowser will not shrink past its toolbar. */
const NARROWEST_VIEWPORT = inWebKit ? 447 : 0;

/**
 * `it` where the test window can be made `width` px wide, `it.skip` where it cannot (WebKit's MiniBrowser, below
 * 447 px: a phone's width, 400 % zoom), rather than a failure that says nothing about the kit.
 */
export const itAtWidth = (width: number): Mocha.TestFunction => itIf(width >= NARROWEST_VIEWPORT);

/**
 * Presses Shift+Tab: @web/test-runner-commands' `sendKeys` holding Shift down in Chromium and Firefox; in WebKit,
 * whose WebDriver `sendKeys` only presses single keys, the config's `webdriver-shift-tab` (WebDriver actions).
 */
export async function shiftTab(): Promise<void> {
  if (inWebKit) {
    await executeServerCommand('webdriver-shift-tab');
    return;
  }
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** `it` in Chromium, `it.skip` in other engines: for a test that needs the DevTools protocol or `window.gc()`. */
export const itWithDevTools = itIf(inChromium);

/** `describe` in Chromium, `describe.skip` in other engines (see {@link itWithDevTools}). */
export const describeWithDevTools = describeIf(inChromium);

/** `it` in Chromium only, for a test whose way of playing another browser works in Chromium only (it says why). */
export const itInChromium: Mocha.TestFunction = itWithDevTools;

/**
 * Runs `body` in this engine as the kit's feature checks would see another browser, restoring them afterwards:
 * - `'no-anchor-positioning'`: `CSS.supports()` answers no for CSS anchor positioning (an older browser);
 * - `'webkit'`: `navigator.vendor` is WebKit's (Safari, every browser on iOS, WebKitGTK).
 */
export async function asIfBrowser(browser: 'no-anchor-positioning' | 'webkit', body: () => Promise<void>): Promise<void> {
  const supports = CSS.supports;
  if (browser === 'no-anchor-positioning') {
    CSS.supports = ((property: string, value?: string) =>
      /anchor|position-area|position-try/.test(property)
        ? false
        : value === undefined ? supports(property) : supports(property, value)) as typeof CSS.supports;
  } else {
    Object.defineProperty(navigator, 'vendor', { value: 'Apple Computer, Inc.', configurable: true });
  }
  try {
    await body();
  } finally {
    CSS.supports = supports;
    delete (navigator as { vendor?: string }).vendor;
  }
}

/**
 * The accessible descriptions Chromium gives the nodes named `name` (Chromium only: the config's
 * `accessible-description`, through the DevTools protocol): what a screen reader reads after the name.
 */
export const accessibleDescriptions = (name: string): Promise<string[]> =>
  executeServerCommand('accessible-description', name) as Promise<string[]>;

/**
 * The nodes Chromium describes with `description` (Chromium only: the config's `described-as`), as `role "name"`:
 * where a screen reader reads that text after a name (a `title` becomes a description).
 */
export const describedAs = (description: string): Promise<string[]> =>
  executeServerCommand('described-as', description) as Promise<string[]>;

/**
 * `describe` where the browser can be given a real tap (Chromium, Firefox), `describe.skip` in WebKit, whose
 * WebDriver sends a touch action as mouse events (see the config's `touch-tap`).
 */
export const describeWithTouch = describeIf(!inWebKit);

/**
 * Makes the test file's page a touch screen's, for the rest of the file: in Chromium, `(hover: none)` and
 * `(pointer: coarse)` then match, as on a phone. Resolves to whether this engine could (false in Firefox, which keeps
 * a desktop's mouse).
 */
export const emulateTouchScreen = (): Promise<boolean> => executeServerCommand<boolean, undefined>('touch-screen').then(Boolean);

/**
 * A real tap with one finger at the centre of `target` (what part of it shows there): the browser sends the touch
 * pointer events, touch events, compatibility mouse events, focus and click a phone's would. Chromium and Firefox.
 */
export async function tap(target: Element): Promise<void> {
  const r = target.getBoundingClientRect();
  await tapAt(r.left + r.width / 2, r.top + r.height / 2);
}

/** A real tap with one finger at `x`, `y` (viewport pixels), as {@link tap}: whatever is there gets it. */
export async function tapAt(x: number, y: number): Promise<void> {
  await executeServerCommand('touch-tap', { x, y });
}

/**
 * How many objects whose prototype chain holds what `prototype` names (an expression evaluated in the page, e.g.
 * `"customElements.get('email-status-badge').prototype"`) are still alive after a full garbage collection (the
 * config's `live-objects`, through the DevTools protocol: Chromium only).
 */
export const liveObjects = (prototype: string): Promise<number> => executeServerCommand<number, string>('live-objects', prototype);

/**
 * The types of the event listeners on what `target` names (`'window'`, `'document'`), one entry per listener
 * (the config's `event-listeners`, through the DevTools protocol: Chromium only).
 */
export const eventListeners = (target: string): Promise<string[]> => executeServerCommand<string[], string>('event-listeners', target);

/**
 * The JS heap in use, in bytes, after full garbage collections, each once the current task is over (Chromium only:
 * it runs with `--js-flags=--expose-gc` and exact `performance.memory` figures, see scripts/browsers.mjs).
 */
export async function heapAfterGc(): Promise<number> {
  const gc = (window as { gc?: () => void }).gc;
  if (!gc) throw new Error('window.gc is missing: Chromium must run with --js-flags=--expose-gc (scripts/browsers.mjs)');
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  return (performance as Performance & { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
}
