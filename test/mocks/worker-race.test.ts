import { expect, waitUntil } from '@open-wc/testing';
import { itInChromium } from '../support/engine.js';

type Variant = 'stock' | 'claiming';
type Answer = { status?: number; error?: string };

/** A frame at /__msw-race/<variant>/page.html (test/mocks/worker-middleware.mjs), driven by messages. */
async function openFrame(variant: Variant): Promise<{ call(command: 'start' | 'stop' | 'fetch'): Promise<Answer>; frame: HTMLIFrameElement }> {
  const frame = document.createElement('iframe');
  const ready = new Promise<void>((resolve) => {
    addEventListener('message', function onReady(event) {
      if (event.source === frame.contentWindow && event.data?.ready) {
        removeEventListener('message', onReady);
        resolve();
      }
    });
  });
  frame.src = `/__msw-race/${variant}/page.html`;
  document.body.append(frame);
  await ready;
  let next = 0;
  return {
    frame,
    call(command) {
      const id = ++next;
      return new Promise((resolve) => {
        addEventListener('message', function onAnswer(event) {
          if (event.source !== frame.contentWindow || event.data?.id !== id) return;
          removeEventListener('message', onAnswer);
          resolve(event.data as Answer);
        });
        frame.contentWindow!.postMessage({ id, command }, '*');
      });
    },
  };
}

/**
 * Page A starts the mocks, then stops them: it was the worker's last page, so the worker unregisters itself. Page B
 * loads while A is still there (the registration is going away), then starts the mocks and asks the API.
 */
async function pageLoadingWhileTheWorkerUnregisters(variant: Variant): Promise<{ started: Answer; fetched: Answer }> {
  const scope = new URL(`/__msw-race/${variant}/`, location.href).href;
  const a = await openFrame(variant);
  expect(await a.call('start')).to.deep.equal({ id: 1 });
  await a.call('stop');
  await waitUntil(async () => (await navigator.serviceWorker.getRegistration(scope))?.scope !== scope, 'the worker did not unregister itself', { timeout: 3_000 });
  const b = await openFrame(variant);
  const started = await b.call('start');
  const fetched = await b.call('fetch');
  a.frame.remove();
  b.frame.remove();
  await (await navigator.serviceWorker.getRegistration(scope))?.unregister();
  return { started, fetched };
}

describe('the mock worker when test pages come and go', () => {
  // Chromium only: the race this guards against is Chromium's. In Firefox the stock worker starts without error in
  // the page that loads meanwhile (no race to show); the test below, the fix, runs in both engines.
  itInChromium('as MSW ships it, leaves a page that loads while it unregisters without mocks, and whenControlled says so', async () => {
    // Where its requests go then depends on the other test pages (to the server, or through the root scope's worker
    // to another page's mocks), so only the error is checked.
    const { started } = await pageLoadingWhileTheWorkerUnregisters('stock');
    expect(started.error).to.match(/does not control this page; reload the page$/);
  });

  it('as the test server serves it, claims that page: its requests reach the mocks', async () => {
    const { started, fetched } = await pageLoadingWhileTheWorkerUnregisters('claiming');
    expect(started.error).to.equal(undefined);
    expect(fetched.status).to.equal(200);
  });
});
