import { setupWorker } from 'msw/browser';
import { handlers } from './handlers.js';
import { whenControlled } from './when-controlled.js';

export { whenControlled };

/** The MSW service worker serving the mock API under `/api` (start it before the first request). */
export const worker = setupWorker(...handlers);

let started: Promise<unknown> | undefined;

/**
 * Starts {@link worker} once (later calls return the same promise). `serviceWorkerUrl` is where
 * `mockServiceWorker.js` is served: `/mockServiceWorker.js` in tests and the demo, `./mockServiceWorker.js` in
 * Storybook (relative to its iframe).
 */
export function startWorker(options: { serviceWorkerUrl?: string; quiet?: boolean } = {}): Promise<unknown> {
  const url = options.serviceWorkerUrl ?? '/mockServiceWorker.js';
  return (started ??= worker
    .start({ quiet: options.quiet ?? true, onUnhandledRequest: 'bypass', serviceWorker: { url } })
    .then(() => whenControlled(url)));
}

/** Stops {@link worker}: requests reach the network again, and the next {@link startWorker} starts it anew. */
export function stopWorker(): void {
  worker.stop();
  started = undefined;
}
