import type { DisplayStatus, FailureReason } from '../core/index.js';
import { MockClock } from './clock.js';
import { createDataset, type Dataset, type DatasetOptions, type MockContact } from './dataset.js';
import { MockFaults, type MockEndpoint } from './faults.js';
import { MockStore } from './store.js';

/** Options of {@link resetMockApi}. */
export interface MockApiOptions extends DatasetOptions {
  /** Entries per page of events and history. Default 50. */
  readonly pageSize?: number;
  /** The `retry:` the stream tells EventSource (ms before it reconnects by itself). Default 1,000. */
  readonly sseRetry?: number;
  /**
   * The simulated time the clock starts at, in ms since the epoch. Default the anchor. An earlier start lets a test
   * see what the dataset scripts before the anchor happen (a campaign's pause and resumption) as it moves the clock.
   */
  readonly startAt?: number;
}

/** One request the mock API received (tests read these: ids asked for, `Last-Event-ID` sent...). */
export interface MockRequestRecord {
  readonly endpoint: MockEndpoint;
  readonly method: string;
  readonly url: string;
  /** Message ids asked for (`messages`, `messages-batch`). */
  readonly ids?: readonly string[];
  /** What the stream request said it had seen last: the `Last-Event-ID` header, else `?lastEventId=`. */
  readonly lastEventId?: string | null;
  /** Where `lastEventId` came from. */
  readonly lastEventIdFrom?: 'header' | 'query';
}

/** Everything the mock API runs on. One per page; {@link resetMockApi} starts a fresh one. */
export interface MockApi {
  readonly dataset: Dataset;
  readonly clock: MockClock;
  readonly store: MockStore;
  readonly faults: MockFaults;
  readonly pageSize: number;
  readonly sseRetry: number;
  /** The latest requests received, oldest first (at most 2,000). */
  readonly requests: MockRequestRecord[];
}

let current: MockApi | undefined;

const create = (options: MockApiOptions): MockApi => {
  const dataset = createDataset(options);
  const clock = new MockClock(options.startAt ?? dataset.anchor);
  return {
    dataset,
    clock,
    store: new MockStore(dataset, clock),
    faults: new MockFaults(),
    pageSize: options.pageSize ?? 50,
    sseRetry: options.sseRetry ?? 1_000,
    requests: [],
  };
};

/** The mock API in use (created with the defaults on first use: seed, anchor, clock stopped at the anchor). */
export const mockApi = (): MockApi => (current ??= create({}));

/** Replaces the mock API with a fresh one: new dataset, stopped clock at the anchor, no faults, empty log. */
export function resetMockApi(options: MockApiOptions = {}): MockApi {
  current?.clock.stop();
  current?.store.dispose();
  current = create(options);
  return current;
}

/** Records a request, keeping the list bounded. */
export function recordRequest(api: MockApi, record: MockRequestRecord): void {
  api.requests.push(record);
  if (api.requests.length > 2_000) api.requests.splice(0, api.requests.length - 2_000);
}

/**
 * Ids of a campaign's messages that exist at the mock clock's time, optionally only those whose display status
 * (or failure reason) is the one given.
 */
export function messageIdsFor(campaignId: string, filter: { status?: DisplayStatus; reason?: FailureReason; limit?: number } = {}): string[] {
  const { store } = mockApi();
  const out: string[] = [];
  for (const id of store.messageIds(campaignId)) {
    if (filter.status !== undefined || filter.reason !== undefined) {
      const status = store.status(id);
      if (filter.status !== undefined && status?.display !== filter.status) continue;
      if (filter.reason !== undefined && status?.reason !== filter.reason) continue;
    }
    out.push(id);
    if (filter.limit !== undefined && out.length >= filter.limit) break;
  }
  return out;
}

/**
 * The id of a message built to show `display` (and `reason`, if given) and to keep showing it while the demo
 * runs. Every display status has one, whatever the seed. Throws for a combination the showcase lacks.
 */
export function sampleMessageId(display: DisplayStatus, reason?: FailureReason): string {
  const entry = mockApi().dataset.showcase.find((e) => e.display === display && (reason === undefined || e.reason === reason));
  if (!entry) throw new Error(`No showcase message for ${display}${reason ? ` (${reason})` : ''}`);
  return entry.id;
}

/** The fake person behind a message (for tables in the demo). */
export const contactFor = (messageId: string): MockContact | undefined => mockApi().dataset.message(messageId)?.contact;
