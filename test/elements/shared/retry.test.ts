import { expect, waitUntil } from '@open-wc/testing';
import { retryDelay, scheduleRetry } from '../../../src/elements/shared/retry.js';

// Retries are grouped by the whole second they fall due in. Three retries 0–10 ms apart scheduled in the last 10 ms
// of a second fall in two seconds (two tasks, rightly): start well inside a second so the test means what it says.
async function startOfASecond(): Promise<void> {
  while (Date.now() % 1000 > 900) await new Promise((resolve) => setTimeout(resolve, 1001 - (Date.now() % 1000)));
}

describe('scheduleRetry', () => {
  it('runs retries due within the same second in one task, so a batching source sees one batch', async () => {
    const runs: string[] = [];
    await startOfASecond();
    let microtaskRan = false;
    scheduleRetry(() => {
      runs.push('a');
      queueMicrotask(() => (microtaskRan = true));
    }, 0);
    scheduleRetry(() => runs.push(microtaskRan ? 'b, later task' : 'b'), 5);
    scheduleRetry(() => runs.push(microtaskRan ? 'c, later task' : 'c'), 10);
    await waitUntil(() => runs.length === 3, 'not all retries ran', { timeout: 2500 });
    expect(runs).to.deep.equal(['a', 'b', 'c']);
  });

  it('does not run a cancelled retry', async () => {
    const runs: string[] = [];
    const cancel = scheduleRetry(() => runs.push('cancelled'), 0);
    scheduleRetry(() => runs.push('kept'), 0);
    cancel();
    await waitUntil(() => runs.length > 0, 'nothing ran', { timeout: 2500 });
    expect(runs).to.deep.equal(['kept']);
  });
});

describe('scheduleRetry while the page is hidden', () => {
  const setHidden = (hidden: boolean) => {
    if (hidden) Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    else delete (document as { visibilityState?: unknown }).visibilityState;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  afterEach(() => setHidden(false));

  it('holds a retry that falls due in a background tab until the page shows again, then runs it at once', async () => {
    const runs: string[] = [];
    setHidden(true);
    scheduleRetry(() => runs.push('held'), 0);
    const cancelled = scheduleRetry(() => runs.push('cancelled'), 0);
    await new Promise((r) => setTimeout(r, 1300));
    expect(runs, 'nothing called from a hidden page').to.deep.equal([]);
    cancelled();
    setHidden(false);
    expect(runs, 'shown: run in the same task, the cancelled one not').to.deep.equal(['held']);
  });

  it('runs retries as usual on a visible page', async () => {
    const runs: string[] = [];
    scheduleRetry(() => runs.push('ran'), 0);
    await waitUntil(() => runs.length > 0, 'nothing ran', { timeout: 2500 });
    expect(runs).to.deep.equal(['ran']);
  });
});

describe('retryDelay', () => {
  it('doubles from 2 s up to a minute', () => {
    expect([0, 1, 2, 3, 4, 5, 20].map((attempt) => retryDelay(attempt))).to.deep.equal([2000, 4000, 8000, 16000, 32000, 60000, 60000]);
  });

  it('waits what the server asked for', () => {
    expect(retryDelay(3, 1500)).to.equal(1500);
  });
});
