// Kept apart from msw: the test pages wait with it before any of msw loads (test/mocks/worker-middleware.mjs).

/**
 * Resolves once the worker served at `workerUrl` controls this page, which is when the page's requests reach the
 * mocks. MSW's `start()` can resolve before that: a page that loads while the worker is unregistering itself (another
 * tab of the same origin closing) is left uncontrolled, and its requests would silently reach the real server.
 * Rejects after `timeout` ms with an error that says so, instead.
 */
export function whenControlled(workerUrl: string, timeout = 5_000): Promise<void> {
  const container = navigator.serviceWorker;
  const scriptUrl = new URL(workerUrl, location.href).href;
  const inControl = (): boolean => container.controller?.scriptURL === scriptUrl;
  if (inControl()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      container.removeEventListener('controllerchange', changed);
      reject(new Error(`estafette mocks: the mock API worker (${scriptUrl}) started but does not control this page; reload the page`));
    }, timeout);
    function changed(): void {
      if (!inControl()) return;
      clearTimeout(timer);
      container.removeEventListener('controllerchange', changed);
      resolve();
    }
    container.addEventListener('controllerchange', changed);
  });
}
