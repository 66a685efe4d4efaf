// The browsers the tests and scripts drive, and how: Chromium (every test, the bench, the ship checks) and Firefox
// (npm run test:firefox, the browser tests in a second engine).
// Flags for Debian's chromium on a root, offline machine: --no-sandbox because CI runs as root, the
// background-networking flags because any call home is refused (and slows start-up) on a closed network.
// The last two let leak tests measure the heap: window.gc() for a full collection, and exact (not bucketed, not
// cached) performance.memory figures.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--js-flags=--expose-gc', '--enable-precise-memory-info',
];

/** The browser to drive: CHROME_PATH when set, else Debian's chromium. */
export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

/** Debian's Firefox (ESR), or FIREFOX_PATH: the second engine of the browser tests (npm run test:firefox). */
export const firefoxPath = () => process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

/** The browsers the tests drive: where each is, the variable that points elsewhere, Debian's package. */
export const BROWSERS = {
  chromium: { path: chromiumPath, env: 'CHROME_PATH', debianPackage: 'chromium' },
  firefox: { path: firefoxPath, env: 'FIREFOX_PATH', debianPackage: 'firefox-esr' },
};
