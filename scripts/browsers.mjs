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
