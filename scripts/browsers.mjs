// The browsers the tests and scripts drive, and how: Chromium (every test, the bench, the ship checks), Firefox and
// WebKit (npm run test:firefox, npm run test:webkit: the browser tests in the two other engines).
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

/** Debian's multiarch directory for this machine's architecture (where its libraries, MiniBrowser included, live). */
const DEBIAN_TRIPLETS = { x64: 'x86_64-linux-gnu', arm64: 'aarch64-linux-gnu', arm: 'arm-linux-gnueabihf', ppc64: 'powerpc64le-linux-gnu', s390x: 's390x-linux-gnu', riscv64: 'riscv64-linux-gnu' };

/** WebKitGTK's MiniBrowser (Debian's libwebkit2gtk-4.1-0), or MINIBROWSER_PATH: Safari's engine (npm run test:webkit). */
export const miniBrowserPath = () =>
  process.env.MINIBROWSER_PATH || `/usr/lib/${DEBIAN_TRIPLETS[process.arch] ?? `${process.arch}-linux-gnu`}/webkit2gtk-4.1/MiniBrowser`;

/**
 * The browsers the tests drive: where each is, the variable that points elsewhere, Debian's packages, and the
 * programs its runner needs besides (WebKit's: its WebDriver, the X server MiniBrowser needs, and xdotool, which
 * scripts/test-webkit.mjs moves the pointer with).
 */
export const BROWSERS = {
  chromium: { path: chromiumPath, env: 'CHROME_PATH', debianPackages: ['chromium'] },
  firefox: { path: firefoxPath, env: 'FIREFOX_PATH', debianPackages: ['firefox-esr'] },
  webkit: {
    path: miniBrowserPath,
    env: 'MINIBROWSER_PATH',
    debianPackages: ['webkit2gtk-driver', 'xvfb', 'xdotool'],
    tools: ['/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb', '/usr/bin/xdotool'],
  },
};
