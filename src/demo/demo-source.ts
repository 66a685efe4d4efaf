import { RestDataSource, type RestDataSourceOptions } from '../data/index.js';

/** How long the demo waits for the mock API (a request, or its live stream to open), in ms: it answers at once. */
export const MOCK_TIME_LIMIT = 5_000;
/** How often the demo polls the mock API when its live stream cannot be had, in ms. */
export const MOCK_POLL_INTERVAL = 5_000;

/**
 * The demo page's data source: the REST source on `endpoint`, a real API (with the kit's defaults), or on the MSW
 * mock API at `/api` (`endpoint` null).
 *
 * On the mock, requests and the live stream get 5 s instead of 30, and polling runs every 5 s instead of 15: where
 * the browser never hands the page the mock's Server-Sent Events (WebKitGTK does not stream what a service worker
 * answers; Safari may not either), the source gives up on the stream after its second try and polls, so the
 * statuses start moving 15 to 20 s after the page opens, not after more than a minute. Elsewhere the stream opens
 * at once.
 * `extra` (tests): more options, such as `timers` and `EventSource`.
 */
export function demoSource(endpoint: string | null, extra: Partial<RestDataSourceOptions> = {}): RestDataSource {
  return endpoint
    ? new RestDataSource({ baseUrl: endpoint, ...extra })
    : new RestDataSource({ baseUrl: '/api', timeout: MOCK_TIME_LIMIT, pollInterval: MOCK_POLL_INTERVAL, ...extra });
}
