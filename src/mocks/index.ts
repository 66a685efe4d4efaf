/**
 * The mock API: MSW handlers for the whole REST contract over a seeded fake dataset, simulated time, and fault
 * injection. For the demo, Storybook and tests, ours and yours: the package ships it as its own entry point,
 * `estafette/mocks` (msw is an optional peer), which nothing else in the package imports.
 *
 * @example
 * ```ts
 * import { startMockApi, DEMO_CAMPAIGNS, sampleMessageId } from './mocks/index.js';
 * await startMockApi({ speed: 10 });   // messages keep progressing, ten times faster than real time
 * setDefaultSource(new RestDataSource({ baseUrl: '/api' }));
 * ```
 */
import { resetMockApi, type MockApi, type MockApiOptions } from './state.js';

export { createHandlers, handlers, MAX_IDS_PER_REQUEST, type MockHandlerOptions } from './handlers.js';
export {
  createDataset, happenedCount, DEFAULT_ANCHOR, DEFAULT_SEED, DEMO_CAMPAIGNS,
  type Dataset, type DatasetOptions, type DemoCampaignId, type MockCampaign, type MockContact, type MockMessage, type ShowcaseEntry,
} from './dataset.js';
export { MockClock, type ClockListener } from './clock.js';
export { MockFaults, MOCK_ENDPOINTS, type Fault, type MockEndpoint } from './faults.js';
export { MockStore, type LiveEntry } from './store.js';
export { createEventStream, type EventStreamOptions } from './sse.js';
export {
  mockApi, resetMockApi, messageIdsFor, sampleMessageId, contactFor,
  type MockApi, type MockApiOptions, type MockRequestRecord,
} from './state.js';

/** Options of {@link startMockApi}. */
export interface StartMockApiOptions extends MockApiOptions {
  /** Where `mockServiceWorker.js` is served. Default `/mockServiceWorker.js`. */
  readonly serviceWorkerUrl?: string;
  /** Simulated ms per real ms; 0 leaves the clock stopped. Default 1. */
  readonly speed?: number;
}

let starting: Promise<MockApi> | undefined;

/**
 * For the demo and Storybook (once per page: later calls return the first call's API): a fresh mock API anchored at the real current time (so "3 minutes ago" reads
 * right), its clock running, and the service worker started. msw is loaded only now, keeping it out of bundles
 * that never call this.
 */
export function startMockApi(options: StartMockApiOptions = {}): Promise<MockApi> {
  return (starting ??= (async () => {
    const { serviceWorkerUrl, speed = 1, ...rest } = options;
    const api = resetMockApi({ anchor: Date.now(), ...rest });
    if (speed > 0) api.clock.run({ speed });
    const { startWorker } = await import('./browser.js');
    await startWorker(serviceWorkerUrl === undefined ? {} : { serviceWorkerUrl });
    return api;
  })());
}
