/** The endpoints of the mock API, by name, for fault injection. */
export const MOCK_ENDPOINTS = ['messages', 'messages-batch', 'message-events', 'campaign-stats', 'campaign-history', 'stream'] as const;
export type MockEndpoint = (typeof MOCK_ENDPOINTS)[number];

/** What goes wrong on an endpoint. Fields combine: latency, then the failure (`network` first, then `status`, then `malformed`). */
export interface Fault {
  /** Wait this long (real ms) before answering. */
  readonly latency?: number;
  /** Answer this HTTP status (500, 503, 429, 404...) with a small JSON error body. */
  readonly status?: number;
  /** `Retry-After` sent with `status`: seconds, or an HTTP date string. */
  readonly retryAfter?: number | string;
  /** Fail as a network error, with no response at all (offline, connection reset): `fetch` rejects, EventSource errors. */
  readonly network?: boolean;
  /** Answer 200 with a body that is not JSON (`json`) or JSON of the wrong shape (`shape`). */
  readonly malformed?: 'json' | 'shape';
  /** Stream only: close the connection after this many events (0: right after connecting). */
  readonly dropAfter?: number;
  /** Apply to the next `times` requests only, then clear. Default: until cleared. */
  readonly times?: number;
}

/**
 * Faults per endpoint, switchable at run time from tests, stories or the browser console
 * (`mockApi().faults.set('messages', { status: 503, times: 2 })`). `*` applies to every endpoint.
 */
export class MockFaults {
  private readonly faults = new Map<MockEndpoint | '*', { fault: Fault; left: number }>();

  set(endpoint: MockEndpoint | '*', fault: Fault): void {
    this.faults.set(endpoint, { fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  /** Clears one endpoint's fault, or all of them. */
  clear(endpoint?: MockEndpoint | '*'): void {
    if (endpoint) this.faults.delete(endpoint);
    else this.faults.clear();
  }

  /** The fault for one request to `endpoint`, counting it against `times`. */
  take(endpoint: MockEndpoint): Fault | undefined {
    for (const key of [endpoint, '*'] as const) {
      const entry = this.faults.get(key);
      if (!entry) continue;
      if (--entry.left <= 0) this.faults.delete(key);
      return entry.fault;
    }
    return undefined;
  }
}
