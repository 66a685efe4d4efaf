/**
 * The mock API: MSW handlers for the whole REST contract over a seeded fake dataset, simulated time, and fault
 * injection. For the demo, Storybook and tests, ours and yours: the package ships it as its own entry point,
 * `estafette/mocks` (msw is an optional peer), which nothing else in the package imports. In a browser, serve msw's
 * worker file at `/mockServiceWorker.js` (`npx msw init public`), or say where with `serviceWorkerUrl`.
 *
 * @example
 * ```ts
 * import { startMockApi } from 'estafette/mocks';
 * import { RestDataSource, setDefaultSource } from 'estafette';
 * await startMockApi({ speed: 10 });   // the last hour plays ten times faster, then messages progress in real time
 * setDefaultSource(new RestDataSource({ baseUrl: '/api' }));
 * ```
 */
import { HOUR } from './script.js';
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
  /** Simulated ms per real ms while the clock catches up with real time (see `replay`); 0 leaves it stopped. Default 1. */
  readonly speed?: number;
  /**
   * How far back, in ms, simulated time starts: the last `replay` ms of the dataset play at `speed`, then time
   * follows the real clock, so that no time shown is ever in the future ("in 33 minutes"). Default one hour when
   * `speed` is above 1, else 0.
   */
  readonly replay?: number;
  /**
   * How long, in ms, before the dataset's anchor the clock starts (the anchor is real time less `replay`). Default
   * 0. The campaigns scripted before the anchor then go out while you watch: the newsletter from 2 h before it,
   * one message every half second or so, the SMS from 40 min before it. Until its first event, a message of a
   * scheduled campaign reads `scheduled` (see `MockStore`). The clock still catches up with real time at `speed`, and
   * the times served are on the real clock while it does (see `MockClock.realTimeOf`): what goes out as you watch
   * reads "now", not "3 hours ago". A `startAt` given too wins over it.
   */
  readonly rewind?: number;
}

let starting: Promise<MockApi> | undefined;

/**
 * For the demo and Storybook (once per page: later calls return the first call's API): a fresh mock API anchored at
 * the real current time, or `replay` ms before it (so "3 minutes ago" reads right), its clock running from the
 * anchor, or `rewind` ms before it, never ahead of real time, and the service worker started. msw is loaded only now, keeping it out of bundles
 * that never call this.
 */
export function startMockApi(options: StartMockApiOptions = {}): Promise<MockApi> {
  return (starting ??= (async () => {
    const { serviceWorkerUrl, speed = 1, replay = speed > 1 ? HOUR : 0, rewind = 0, ...rest } = options;
    const anchor = rest.anchor ?? Date.now() - Math.max(0, replay);
    const api = resetMockApi({ ...rest, anchor, startAt: rest.startAt ?? anchor - Math.max(0, rewind) });
    const { startWorker } = await import('./browser.js');
    await startWorker(serviceWorkerUrl === undefined ? {} : { serviceWorkerUrl });
    // Once the worker answers: a clock started before a slow start-up had already jumped a minute ahead.
    if (speed > 0) api.clock.run({ speed, until: Date.now });
    return api;
  })());
}
