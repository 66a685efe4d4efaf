// npm run test:webkit: the browser tests in WebKit (Safari's engine), as WebKitGTK's MiniBrowser from Debian.
// Starts what the run needs and stops it afterwards: an X server (Xvfb; MiniBrowser has no headless mode) unless
// DISPLAY is set, and WebKitWebDriver on a free port, which web-test-runner.config.mjs reaches (WTR_BROWSER=webkit).
// Extra arguments go to wtr (`npm run test:webkit -- --files test/core/*.test.ts`).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A TCP port nobody listens on now. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** @type {import('node:child_process').ChildProcess[]} */
const started = [];
let stopping = false;
const stopAll = () => {
  stopping = true;
  for (const child of started.reverse()) child.kill();
};
/**
 * Keeps `child` to stop at the end, and says if it ends before (a run cut short then names what went away: a clean
 * clone's CI once saw the run end at file 106 of 118 with no word at all).
 */
const keep = (child, name) => {
  started.push(child);
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`test:webkit: ${name} ended during the run (${signal ?? `exit code ${code}`}).`);
  });
  return child;
};
process.on('exit', stopAll);
/** Says why the run cannot go on, and ends it (what was started is stopped on exit). */
const stop = (why) => {
  console.error(`test:webkit: ${why}.`);
  process.exit(1);
};
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => process.exit(130));

const env = { ...process.env, WTR_BROWSER: 'webkit' };
if (!env.DISPLAY) {
  // The first free display number from :90, so that a machine's own X server or a parallel run is left alone.
  let display = 90;
  while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display++;
  env.DISPLAY = `:${display}`;
  keep(spawn('Xvfb', [env.DISPLAY, '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' }), 'Xvfb');
  for (let i = 0; i < 100 && !existsSync(`/tmp/.X11-unix/X${display}`); i++) await sleep(100);
  if (!existsSync(`/tmp/.X11-unix/X${display}`)) stop(`Xvfb did not open display ${env.DISPLAY} within 10 s`);
}

const port = await freePort();
env.WEBKIT_DRIVER_PORT = String(port);
keep(spawn('WebKitWebDriver', [`--port=${port}`], { stdio: 'ignore', env }), 'WebKitWebDriver');
let driverReady = false;
for (let i = 0; i < 100 && !driverReady; i++) {
  driverReady = await globalThis.fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
  if (!driverReady) await sleep(100);
}
if (!driverReady) stop(`WebKitWebDriver did not answer on port ${port} within 10 s`);

const wtr = spawn('npx', ['wtr', '--static-logging', ...process.argv.slice(2)], { stdio: 'inherit', env });

// With no window manager, X gives the keyboard focus to the window under the pointer, which starts in the middle of
// the screen: a test that shrank the window (a 320 px phone, 400 % zoom) left it outside, and the page lost focus
// (no focus events, no :focus-visible; its tooltips never opened). Once MiniBrowser's window is there, the pointer
// goes to its top-left corner, inside it at any size. (Moved before the window exists, it stays where it was.)
const xdotool = (...args) => {
  try {
    return execFileSync('xdotool', args, { env, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  } catch {
    return '';
  }
};
let pointerPlaced = false;
for (let i = 0; i < 600 && !pointerPlaced; i++) {
  pointerPlaced = Boolean(xdotool('search', '--name', 'MiniBrowser')) && /^x:0 y:0 /.test(xdotool('mousemove', '--sync', '0', '0', 'getmouselocation'));
  if (!pointerPlaced) await sleep(100);
}
if (!pointerPlaced) console.warn('test:webkit: the pointer could not be put on MiniBrowser\'s window: tests that shrink it may lose focus.');
wtr.on('exit', (code, signal) => {
  stopAll();
  if (code !== 0) console.error(`test:webkit: web-test-runner ended with ${signal ?? `exit code ${code}`}.`);
  process.exit(code ?? (signal ? 1 : 0));
});
