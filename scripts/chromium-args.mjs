// Flags for Debian's chromium on a root, offline machine: --no-sandbox because CI runs as root, the
// background-networking flags because any call home is refused (and slows start-up) on a closed network.
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** The browser to drive: CHROME_PATH when set, else Debian's chromium. */
export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';
