// @ts-check
// How the test server serves MSW's worker, and how each test page makes sure the worker controls it.
//
// The test pages share one origin and open and close in parallel, two at a time, and a page that MSW's worker does
// not control breaks MSW in two ways:
// - MSW's worker unregisters itself when the last page it controls says goodbye (`worker.stop()`, unload). A page
//   that loads in that moment is not controlled, and its own `register()` revives the same registration without
//   activating it again: nothing claims the page, and its requests bypass the mocks to reach the test server (404).
// - A page that loaded before another page registered the worker finds that registration when it starts MSW, and
//   MSW reloads such a page to be controlled: the runner then fails the whole file ("the page was reloaded").
// Both happened on CI, now and then. So:
// - the worker served here also claims a page that asks for it (`ESTAFETTE_CLAIM`) or for mocking, and leaves the
//   frames of the race test below to the network;
// - every test page registers the worker and waits until it is in control before its tests load (`testRunnerHtml`);
// - `whenControlled()` (src/mocks/when-controlled.ts) checks it once MSW has started (`startWorker()`).
//
// test/mocks/worker-race.test.ts replays that moment in frames under two scopes of their own: `stock` serves the
// worker as MSW ships it, `claiming` serves it as below.
import { readFile } from 'node:fs/promises';

const CLAIM_ON_REQUEST = `
// Added by the test server (test/mocks/worker-middleware.mjs): claim the page that asks for it, or for mocking.
addEventListener('message', (event) => {
  if (event.data === 'MOCK_ACTIVATE' || event.data === 'ESTAFETTE_CLAIM') event.waitUntil(self.clients.claim());
});
`;

const LEAVE_RACE_FRAMES_ALONE = `
// Added by the test server (test/mocks/worker-middleware.mjs), before MSW's own listener: the frames of
// worker-race.test.ts load through the network, untouched. Otherwise MSW hands a frame's requests to any visible page
// that is mocking (another test file's), which never answers them if it is closing: the frame then hung loading.
const raceFrames = new Set();
addEventListener('fetch', (event) => {
  if (event.request.mode === 'navigate' && new URL(event.request.url).pathname.startsWith('/__msw-race/')) {
    raceFrames.add(event.resultingClientId);
  } else if (!raceFrames.has(event.clientId)) {
    return;
  }
  event.stopImmediatePropagation();
});
`;

const LEAVE_PAGES_NOT_MOCKING_ALONE = `
// Added by the test server (test/mocks/worker-middleware.mjs), before MSW's own listener: the requests of a test page
// that is not mocking go to the network untouched. MSW's worker answers every request (passing it on through its own
// fetch) as soon as any page is mocking, and forgets a page only when it says goodbye, which a page the runner closes
// may not do (WebKit: status-source-story's page stayed "mocking"). A re-fetched EventSource request keeps the
// Cache-Control header WebKit sets on it, so a cross-origin stream then needs a preflight the contract server refuses:
// the stream of every later test page never opened.
const testPages = new Set();
addEventListener('message', (event) => {
  if (event.data === 'ESTAFETTE_CLAIM' && event.source?.frameType === 'top-level') testPages.add(event.source.id);
});
addEventListener('fetch', (event) => {
  if (testPages.has(event.clientId) && !activeClientIds.has(event.clientId)) event.stopImmediatePropagation();
});
`;

const RACE = /^\/__msw-race\/(stock|claiming)\/(mockServiceWorker\.js|page\.html)$/;
const PAGE = '<!doctype html><meta charset="utf-8"><script type="module" src="/test/mocks/fixtures/worker-page.ts"></script>';

/** @param {import('koa').Context} ctx @param {() => Promise<unknown>} next */
export async function mswWorkerMiddleware(ctx, next) {
  const race = RACE.exec(ctx.path);
  if (ctx.path !== '/mockServiceWorker.js' && !race) return next();
  if (race?.[2] === 'page.html') {
    ctx.type = 'text/html';
    ctx.body = PAGE;
    return undefined;
  }
  const worker = await readFile(new URL('../../public/mockServiceWorker.js', import.meta.url), 'utf8');
  ctx.type = 'application/javascript';
  ctx.body = race ? (race[1] === 'stock' ? worker : worker + CLAIM_ON_REQUEST) : LEAVE_RACE_FRAMES_ALONE + LEAVE_PAGES_NOT_MOCKING_ALONE + worker + CLAIM_ON_REQUEST;
  return undefined;
}

/**
 * Every test page: the worker registered and in control before the test framework (and so the test file) loads.
 * Within 5 s (`whenControlled`), else the tests run anyway and their own `whenControlled()` says what is wrong.
 * @param {string} testFramework
 */
export function testPageHtml(testFramework) {
  // PROPERTIES=explore (npm run test:explore): the property tests draw random cases (test/support/properties.ts).
  const properties = JSON.stringify({ explore: process.env.PROPERTIES === 'explore' });
  return `<!DOCTYPE html><html><head></head><body><script type="module">
  globalThis.__estafetteProperties = ${properties};
  import { whenControlled } from '/src/mocks/when-controlled.ts';
  const registration = await navigator.serviceWorker.register('/mockServiceWorker.js');
  const ask = () => registration.active?.postMessage('ESTAFETTE_CLAIM');
  if (registration.active) ask();
  else (registration.installing ?? registration.waiting)?.addEventListener('statechange', ask);
  await whenControlled('/mockServiceWorker.js').catch(() => {});
  await import(${JSON.stringify(testFramework)});
</script></body></html>`;
}
