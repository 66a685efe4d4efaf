// @ts-check
// How the test server serves MSW's worker.
//
// The test pages share one origin and open and close in parallel, two at a time. MSW's worker unregisters itself
// when the last page it controls says goodbye (`worker.stop()`, unload). A page that loads in that moment is not
// controlled, and its own `register()` revives the same registration without activating it again: nothing ever
// claims the page, and its requests bypass the mocks to reach the test server (404). A file of tests failed that way
// on CI, now and then. So the worker served here also claims every page that asks for mocking, and
// `whenControlled()` (src/mocks/browser.ts) waits until it is in control.
//
// test/mocks/worker-race.test.ts replays that moment in frames under two scopes of their own: `stock` serves the
// worker as MSW ships it, `claiming` serves it as below.
import { readFile } from 'node:fs/promises';

const CLAIM_ON_ACTIVATE = `
// Added by the test server (test/mocks/worker-middleware.mjs): claim the page that asks for mocking.
addEventListener('message', (event) => {
  if (event.data === 'MOCK_ACTIVATE') event.waitUntil(self.clients.claim());
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
  ctx.body = race?.[1] === 'stock' ? worker : worker + CLAIM_ON_ACTIVATE;
  return undefined;
}
