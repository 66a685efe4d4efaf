// @ts-check
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, chromiumPath, firefoxPath, miniBrowserPath } from './scripts/browsers.mjs';
import { frameworkPlugins } from './test/frameworks/server-plugins.mjs';
import { contractServerCommands } from './test/support/contract-server-plugin.mjs';
import { mswWorkerMiddleware, testPageHtml } from './test/mocks/worker-middleware.mjs';

/**
 * Prints one plain `N passed, N failed, N skipped` line at the end, for CI log readers, then each failure again (test
 * path, file, browser, message and the first lines of its stack): a CI log is often read from its tail only, after
 * thousands of lines of browser logs.
 */
function totalsReporter() {
  /** @type {string[]} */
  let lines = [];
  /** @param {string | undefined} text */
  const excerpt = (text, max = 12) => String(text ?? '').split('\n').slice(0, max).map((l) => `      ${l.slice(0, 400)}`).join('\n');
  return {
    /** @param {{ sessions: any[] }} args */
    onTestRunFinished({ sessions }) {
      const t = { passed: 0, failed: 0, skipped: 0 };
      /** @type {string[]} */
      const failures = [];
      /** @param {any} suite @param {string[]} path @param {any} s */
      const walk = (suite, path, s) => {
        for (const test of suite?.tests ?? []) {
          const outcome = test.skipped ? 'skipped' : test.passed ? 'passed' : 'failed';
          t[outcome]++;
          if (outcome === 'failed') {
            failures.push(`  ✗ ${[...path, test.name].join(' › ')}\n    ${s.testFile} [${s.browser?.name ?? '?'}]`);
            if (test.error) failures.push(excerpt(`${test.error.message ?? ''}\n${test.error.stack ?? ''}`));
          }
        }
        for (const child of suite?.suites ?? []) walk(child, [...path, child.name], s);
      };
      for (const s of sessions) {
        walk(s.testResults, [], s);
        if (!s.passed && !(s.testResults?.tests?.length || s.testResults?.suites?.length)) t.failed++; // file failed to load
        for (const error of s.errors ?? []) {
          failures.push(`  ✗ (the file itself) ${s.testFile} [${s.browser?.name ?? '?'}]`, excerpt(`${error.message ?? ''}\n${error.stack ?? ''}`));
        }
      }
      lines = [`wtr: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`];
      if (failures.length) lines.push('wtr: what failed, again:', ...failures);
    },
    stop() {
      setTimeout(() => lines.length && console.log(lines.join('\n')), 0);
    },
  };
}

/**
 * `executeServerCommand('emulate-forced-colors', true | false)`: Windows high-contrast mode for the page. The stock
 * emulateMedia command drops `forcedColors` with the Puppeteer-driven launcher, so this asks Chromium directly.
 */
function forcedColorsCommand() {
  // Emulation lasts as long as the DevTools session that asked for it: keep one per test page.
  const sessions = new Map();
  return {
    name: 'estafette-forced-colors',
    /** @param {{ command: string, payload: unknown, session: any }} args */
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      const page = session.browser.getPage(session.id);
      if (!sessions.has(session.id)) sessions.set(session.id, await page.createCDPSession());
      await sessions.get(session.id).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload ? 'active' : 'none' }] });
      return true;
    },
  };
}

/** Runs `use` with a DevTools session of the test's page of its own, detached afterwards. */
async function withCdp(session, use) {
  const cdp = await session.browser.getPage(session.id).createCDPSession();
  try {
    return await use(cdp);
  } finally {
    await cdp.detach();
  }
}

/**
 * What Chromium's accessibility tree gives screen readers (test/support/engine.ts):
 * - `executeServerCommand('accessible-description', name)`: the descriptions of the nodes of that accessible name
 *   (`accessibleDescriptions`);
 * - `executeServerCommand('described-as', description)`: the role and name of the nodes of that description
 *   (`describedAs`).
 */
function accessibilityCommand() {
  return {
    name: 'estafette-accessibility',
    /** @param {{ command: string, payload: unknown, session: any }} args */
    async executeCommand({ command, payload, session }) {
      if (command !== 'accessible-description' && command !== 'described-as') return undefined;
      return withCdp(session, async (cdp) => {
        const { nodes } = await cdp.send('Accessibility.getFullAXTree');
        if (command === 'described-as') {
          return nodes.filter((node) => !node.ignored && node.description?.value === payload).map((node) => `${node.role?.value} "${node.name?.value ?? ''}"`);
        }
        return nodes.filter((node) => node.name?.value === payload).map((node) => String(node.description?.value ?? ''));
      });
    },
  };
}

/**
 * What a page keeps alive, as Chromium's heap sees it after a full collection (test/support/engine.ts's
 * `liveObjects` and `eventListeners`):
 * - `live-objects` (an expression naming a prototype, e.g. `customElements.get('email-status-badge').prototype`):
 *   how many objects have it in their prototype chain (`queryObjects`), the element instances still reachable;
 * - `event-listeners` (an expression, e.g. `window`): the types of the listeners on that target, one per listener.
 */
function heapCommands() {
  return {
    name: 'estafette-heap',
    /** @param {{ command: string, payload: any, session: any }} args */
    async executeCommand({ command, payload, session }) {
      if (command !== 'live-objects' && command !== 'event-listeners') return undefined;
      return withCdp(session, async (cdp) => {
        await cdp.send('HeapProfiler.collectGarbage');
        const { result } = await cdp.send('Runtime.evaluate', { expression: payload });
        if (!result.objectId) throw new Error(`${command}: ${payload} is no object`);
        if (command === 'event-listeners') {
          const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
          return listeners.map((listener) => listener.type);
        }
        const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
        const { result: count } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
        return count.value;
      });
    },
  };
}

/**
 * Debian's Chromium, driven through the DevTools protocol: every browser test (npm test). With a desktop's mouse (a
 * fine pointer that can hover), as a user's desktop has: headless Chromium detects no pointing device, so
 * `(hover: hover)` would not match and the kit's hover styles (kept to such pointers) would never show.
 */
function chromium() {
  // Blink's settings: pointer type 4 is fine, hover type 2 can hover.
  const mouse = '--blink-settings=primaryPointerType=4,availablePointerTypes=4,primaryHoverType=2,availableHoverTypes=2';
  return chromeLauncher({
    launchOptions: { executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_ARGS, mouse] },
    // One window per test file: background tabs are "hidden" and never fire requestAnimationFrame.
    createPage: ({ browser }) => browser.newPage({ type: 'window' }),
  });
}

/**
 * Debian's Firefox ESR, driven by Puppeteer through WebDriver BiDi (`WTR_BROWSER=firefox`, npm run test:firefox): the
 * same tests in a second engine. What only the DevTools protocol can do (media and forced-colors emulation,
 * window.gc) is skipped there: see test/support/engine.ts.
 */
function firefox() {
  return chromeLauncher({
    launchOptions: {
      browser: 'firefox',
      executablePath: firefoxPath(),
      headless: true,
      // A desktop's mouse (fine, can hover), as Chromium and WebKit have here: headless Firefox has no pointing
      // device, so (hover: hover) would not match and the kit's hover styles (kept to such pointers) never show.
      extraPrefsFirefox: { 'ui.primaryPointerCapabilities': 6, 'ui.allPointerCapabilities': 6 },
    },
  });
}

/**
 * WebKitGTK's MiniBrowser (Debian's webkit2gtk-driver), driven through WebDriver by the WebKitWebDriver that
 * scripts/test-webkit.mjs starts (`WTR_BROWSER=webkit`, `WEBKIT_DRIVER_PORT`, npm run test:webkit): Safari's engine.
 */
function webkit() {
  return webdriverLauncher({
    hostname: '127.0.0.1',
    port: Number(process.env.WEBKIT_DRIVER_PORT ?? 4444),
    path: '/',
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only: no BiDi session (webdriverio asks for one by default).
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] },
    },
  });
}

/** The launchers by engine: `WTR_BROWSER` picks one (chromium when unset). */
const LAUNCHERS = { chromium, firefox, webkit };
const BROWSER = process.env.WTR_BROWSER ?? 'chromium';
if (!Object.hasOwn(LAUNCHERS, BROWSER)) {
  throw new Error(`WTR_BROWSER="${BROWSER}": the browser tests run in ${Object.keys(LAUNCHERS).join(', ')}`);
}

/**
 * `webdriver-set-viewport`, the `setViewport()` of test/support/engine.ts in the WebDriver-driven WebKit, where
 * @web/test-runner-commands has none: sizes the window so that its viewport (innerWidth × innerHeight) is the one
 * asked for, MiniBrowser's toolbar included. And `webdriver-shift-tab`, engine.ts's `shiftTab()` there.
 */
function webdriverCommands() {
  return {
    name: 'estafette-webdriver-commands',
    /** @param {{ command: string, payload: any, session: any }} args */
    async executeCommand({ command, payload, session }) {
      if (session.browser.type !== 'webdriver') return undefined;
      const driver = session.browser.driver;
      if (command === 'webdriver-shift-tab') {
        // WebDriver's key codes for Shift and Tab; the stock sendKeys presses single keys only.
        const keys = ['\uE008', '\uE004'];
        await driver.performActions([{ type: 'key', id: 'keyboard', actions: [
          ...keys.map((value) => ({ type: 'keyDown', value })),
          ...[...keys].reverse().map((value) => ({ type: 'keyUp', value })),
        ] }]);
        await driver.releaseActions();
        return true;
      }
      if (command !== 'webdriver-set-viewport') return undefined;
      /** @returns {Promise<[number, number]>} */
      const inner = () => driver.execute('return [window.innerWidth, window.innerHeight]');
      let [innerWidth, innerHeight] = await inner();
      for (let attempt = 0; attempt < 5; attempt++) {
        if (innerWidth === payload.width && innerHeight === payload.height) return true;
        const { width, height } = await driver.getWindowSize();
        await driver.setWindowSize(width + payload.width - innerWidth, height + payload.height - innerHeight);
        // The X server resizes the window a moment later: wait (up to 2 s) for the page to see a new size.
        const before = `${innerWidth}x${innerHeight}`;
        for (let wait = 0; wait < 40; wait++) {
          [innerWidth, innerHeight] = await inner();
          if (`${innerWidth}x${innerHeight}` !== before) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      throw new Error(`the WebKit window could not be sized to a ${payload.width} × ${payload.height} viewport (it is ${innerWidth} × ${innerHeight})`);
    },
  };
}

/**
 * A finger on the page, as test/support/engine.ts's `tap()` and `emulateTouchScreen()` use it:
 * - `touch-screen`: in Chromium, the test file's page reads as a touch screen's for the rest of the file (emulated
 *   media features, on that page only): `(hover: none)` and `(pointer: coarse)` match, as on a phone. Answers
 *   whether it could (false in Firefox).
 * - `touch-tap` ({ x, y }, viewport pixels): a real tap through Puppeteer's touchscreen (the DevTools protocol's
 *   touch events in Chromium, WebDriver BiDi's touch actions in Firefox). The browser sends what a phone's does:
 *   touch pointer events, touch events, then the compatibility mouse events, focus and a click, and `:hover`
 *   stays on what was tapped. WebKitGTK's WebDriver turns a touch action into mouse events, so there it fails.
 */
function touchCommands() {
  // Emulation lasts as long as the DevTools session that asked for it: keep one per test page.
  const sessions = new Map();
  return {
    name: 'estafette-touch',
    /** @param {{ command: string, payload: any, session: any }} args */
    async executeCommand({ command, payload, session }) {
      if (command !== 'touch-screen' && command !== 'touch-tap') return undefined;
      if (session.browser.type !== 'puppeteer') {
        throw new Error(`${command}: this engine's WebDriver sends a touch action as mouse events; tap in Chromium or Firefox`);
      }
      const page = session.browser.getPage(session.id);
      const chromium = session.browser.launchOptions?.browser !== 'firefox';
      if (command === 'touch-tap') {
        await page.touchscreen.tap(payload.x, payload.y);
        return true;
      }
      if (!chromium) return false;
      if (!sessions.has(session.id)) sessions.set(session.id, await page.createCDPSession());
      // The media features alone, on this page alone: touch emulation (Emulation.setTouchEmulationEnabled) outlived
      // the page and took the desktop's mouse from the test files run after it in the same browser.
      const features = [['hover', 'none'], ['any-hover', 'none'], ['pointer', 'coarse'], ['any-pointer', 'coarse']];
      await sessions.get(session.id).send('Emulation.setEmulatedMedia', { features: features.map(([name, value]) => ({ name, value })) });
      return true;
    },
  };
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }), forcedColorsCommand(), accessibilityCommand(), heapCommands(), webdriverCommands(), touchCommands(), contractServerCommands(), frameworkPlugins()],
  // MSW's worker at the root, so that its scope ("/") covers the test pages; see the middleware for what it adds.
  middleware: [mswWorkerMiddleware],
  // Each test page waits until that worker controls it before its tests load (see the same module).
  testRunnerHtml: testPageHtml,
  browsers: [LAUNCHERS[/** @type {keyof typeof LAUNCHERS} */ (BROWSER)]()],
  // Firefox and WebKit: one page at a time, since only the window in front matches :focus and gets focus events.
  concurrency: BROWSER === 'chromium' ? 2 : 1,
  reporters: [defaultReporter(), totalsReporter()],
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  // Per file (default 2 minutes): the injection tests take about one in WebKit on a quiet machine, and over two on a
  // loaded one, which lost every result of the file. A stuck test is still stopped by the 10 s limit above.
  testsFinishTimeout: 600_000,
  coverageConfig: { include: ['src/**/*.ts'], exclude: ['src/mocks/**', 'src/demo/**'] },
};
