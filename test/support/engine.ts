import { executeServerCommand, setViewport as stockSetViewport } from '@web/test-runner-commands';

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

/** `it` in Chromium, `it.skip` in other engines: for a test that needs the DevTools protocol or `window.gc()`. */
export const itWithDevTools: Mocha.TestFunction = inChromium ? it : (it.skip as unknown as Mocha.TestFunction);

/** `describe` in Chromium, `describe.skip` in other engines (see {@link itWithDevTools}). */
export const describeWithDevTools: Mocha.SuiteFunction = inChromium ? describe : (describe.skip as unknown as Mocha.SuiteFunction);

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
