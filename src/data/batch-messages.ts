import type { MessageStatus } from '../core/index.js';
import { keyBatcher } from './message-batcher.js';
import { numberOption } from './number-option.js';
import type { RequestOptions, StatusDataSource } from './source.js';
import { warnFiledElsewhere } from './checked-source.js';

/** Options of {@link batchMessages}. */
export interface BatchMessagesOptions {
  /** Most ids per call to `load`. Default 500. */
  readonly batchSize?: number;
  /** How long to collect ids before loading them, in milliseconds. Default 0: the ids asked for in the same task. */
  readonly wait?: number;
}

/**
 * Turns a function that loads many statuses at once into a `getMessages` for your own data source that batches:
 * every element asks for its own id, in the same task, and `load` is called once per `batchSize` of the distinct
 * ids asked for meanwhile (a table of 800 badges: 2 calls of 500 and 300 ids, each id once). An id already being
 * loaded is not asked for again. An element that leaves the page withdraws its id; `load`'s signal aborts once no
 * id of its call is still wanted.
 *
 * @example
 * ```ts
 * const source: StatusDataSource = {
 *   getMessages: batchMessages(async (ids, { signal }) => {
 *     const statuses = await myApi.statuses(ids, { signal }); // one request for many ids
 *     return new Map(statuses.map((status) => [status.messageId, status]));
 *   }),
 *   // ...getMessageEvents, getCampaignStats, getCampaignHistory
 * };
 * ```
 *
 * @param load Loads the statuses of `ids`; ids it does not know are absent from the map.
 */
export function batchMessages(
  load: (ids: string[], options: { signal: AbortSignal }) => Promise<Map<string, MessageStatus>>,
  options: BatchMessagesOptions = {},
): StatusDataSource['getMessages'] {
  const batchSize = Math.floor(numberOption('batchMessages', 'batchSize', options.batchSize, 500, 1));
  const wait = numberOption('batchMessages', 'wait', options.wait, 0, 0);
  const batcher = keyBatcher<MessageStatus>({
    batchSize,
    load: async (ids, signal) => {
      const found: unknown = await load(ids, { signal });
      // Said here, with the ids, rather than as "every badge failed" further on.
      if (!(found instanceof Map)) throw new TypeError(`estafette: batchMessages(): load() returned ${found === null ? 'null' : typeof found}, not a Map`);
      const statuses = found as Map<string, MessageStatus>;
      // Only the ids asked for are handed out (the check of getMessages() never sees the others): a status filed under
      // another spelling of one would vanish unsaid.
      if (ids.some((id) => !statuses.has(id))) warnFiledElsewhere('batchMessages(): load()', ids, statuses.keys());
      return statuses;
    },
    schedule: (flush) => void (wait > 0 ? setTimeout(flush, wait) : queueMicrotask(flush)),
  });
  return (ids: readonly string[], requestOptions: RequestOptions = {}) => batcher.load(ids, requestOptions.signal);
}
