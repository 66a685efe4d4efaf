/**
 * What the elements read through: a data source whose answers are checked like the REST client checks a server's.
 * A host's own source (or a `StaticDataSource` fed with the host's data) may hand over anything: a date as a
 * number, a status for another message, a `subscribe` that throws. Each call's answer goes through the validators
 * of validate.ts, so that a wrong answer becomes a `DataSourceError` of kind `malformed` naming the call and the
 * field, which the element shows as a load error and warns about, instead of a crash or a badge loading forever.
 * A call that does not settle in time fails too (`timeout`, see `StatusDataSource.timeout`).
 */
import { DataSourceError } from './errors.js';
import type { LiveListener, LiveTopic, LiveUpdate, RequestOptions, StatusDataSource } from './source.js';
import { parseTopicKey, topicKey, topicOfUpdate } from './live-hub.js';
import { abortable, realTimers } from './timing.js';
import { malformed, parseEventPage, parseHistoryPage, parseLiveUpdate, parseMessageStatus, parseStatsOf } from './validate.js';
import { warnOnce } from './warn-once.js';

/** Marks a source whose answers are checked already (RestDataSource validates every body it reads). */
export const CHECKED: unique symbol = Symbol.for('estafette.checked-source');

const checked = new WeakMap<StatusDataSource, StatusDataSource>();

const quote = (id: string): string => JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);

/** `message "m-1"`, `campaign "c1"`: a topic, in a warning. */
const describe = (topic: LiveTopic): string => `${topic.kind} ${quote(topic.id)}`;

/**
 * For an answer that lacks an id asked for: says so when it holds an id nobody asked for, most likely the missing
 * one filed under another spelling (ids are compared exactly). Call it only then: the ids answered are read whole, and a
 * source may hand every call its whole cache (extra ids are no fault otherwise).
 */
export function warnFiledElsewhere(what: string, asked: readonly string[], answered: Iterable<unknown>): void {
  const wanted = new Set<unknown>(asked);
  const stray = [...answered].find((key) => !wanted.has(key));
  if (stray !== undefined) warnOnce(`${what} answered ${quote(String(stray))}, an id not asked for (ids are compared exactly); left out.`);
}

/** What `update` carries, for validate.ts's `parseLiveUpdate(type, data)` (a `message-missing`: itself, with its `messageId`). */
const payloadOf = (update: LiveUpdate): unknown => {
  const u = update as Partial<Record<'status' | 'event' | 'stats' | 'entry', unknown>>;
  return u.status ?? u.event ?? u.stats ?? u.entry ?? update;
};

/** How long the elements wait for a host source's answer when it does not say (`StatusDataSource.timeout`), ms. */
export const DEFAULT_TIME_LIMIT = 30_000;

/** The time limit `source` asks for, in ms (0: none); its default, with a warning, for anything but a number ≥ 0. */
function timeLimitOf(source: StatusDataSource): number {
  const limit: unknown = source.timeout;
  if (limit === undefined) return DEFAULT_TIME_LIMIT;
  if (typeof limit === 'number' && limit >= 0) return limit;
  warnOnce(`the data source's timeout must be a number of ms (0 or more), not ${typeof limit == 'string' ? `"${limit}"` : String(limit)}; 30 s used.`);
  return DEFAULT_TIME_LIMIT;
}

/**
 * `call` given a signal that follows the caller's and is aborted when `source`'s time limit is up; the answer, or
 * a `timeout` error at that moment, or the caller's abort at that moment, even if `call` ignores its signal
 * (`abortable`, as every wait of this layer): a host's source written without the signal (`fetch(url)`) must not
 * hand an answer or an error to an element that left the page or asked for something else meanwhile.
 */
function timeLimited<O extends RequestOptions, T>(source: StatusDataSource, what: string, options: O | undefined, call: (options: O) => Promise<T>): Promise<T> {
  const limit = timeLimitOf(source);
  if (!limit || limit === Infinity) return abortable(Promise.resolve().then(() => call(options ?? ({} as O))), options?.signal, () => {});
  const timeUp = new AbortController();
  const signal = options?.signal ? AbortSignal.any([options.signal, timeUp.signal]) : timeUp.signal;
  const timer = realTimers.setTimeout(
    () => timeUp.abort(new DataSourceError(`${what} did not answer within ${limit} ms`, { kind: 'timeout', retryable: true })),
    limit,
  );
  return abortable(Promise.resolve().then(() => call({ ...options, signal } as O)), signal, () => realTimers.clearTimeout(timer));
}

/**
 * A source written in plain JavaScript may lack one of the four methods (TypeScript refuses it): said once in the
 * console, and the call fails for good, as with no source at all, rather than being tried again every minute.
 */
function requireMethod(source: StatusDataSource, name: 'getMessages' | 'getMessageEvents' | 'getCampaignStats' | 'getCampaignHistory'): void {
  if (typeof source[name] === 'function') return;
  warnOnce(`the data source has no ${name}() method; what needs it shows as having no source.`);
  throw new DataSourceError(`The data source has no ${name}() method.`, { kind: 'no-source' });
}

type ReadById = 'getMessageEvents' | 'getCampaignStats' | 'getCampaignHistory';

/** `source[name]` for one id, time-limited, its answer checked by `parse` against the id asked for. */
function checkedRead<K extends ReadById>(
  source: StatusDataSource,
  name: K,
  parse: (value: unknown, id: string, path: string) => Awaited<ReturnType<StatusDataSource[K]>>,
): StatusDataSource[K] {
  const read = async (id: string, options?: Parameters<StatusDataSource[K]>[1]) => {
    requireMethod(source, name);
    const what = `${name}(${quote(id)})`;
    return parse(await timeLimited(source, what, options, (o) => (source[name] as (id: string, o: unknown) => Promise<unknown>)(id, o)), id, what);
  };
  return read as StatusDataSource[K];
}

/**
 * `source` with its answers checked; the same wrapper every time for the same source (elements compare sources
 * to know when to reload). Sources marked {@link CHECKED} are returned as they are.
 */
export function checkedSource(source: StatusDataSource): StatusDataSource {
  if ((source as Partial<Record<typeof CHECKED, boolean>>)[CHECKED]) return source;
  let wrapper = checked.get(source);
  if (wrapper) return wrapper;
  wrapper = {
    async getMessages(ids, options) {
      requireMethod(source, 'getMessages');
      const found: unknown = await timeLimited(source, 'getMessages()', options, (o) => source.getMessages(ids, o));
      if (!(found instanceof Map)) return malformed('getMessages()', `returned ${found === null ? 'null' : typeof found}, not a Map`);
      const out = new Map<string, ReturnType<typeof parseMessageStatus>>();
      let absent = false;
      for (const id of ids) {
        const value: unknown = found.get(id);
        if (value == null) {
          absent = true; // not found
          continue;
        }
        const path = `getMessages().get(${quote(id)})`;
        const status = parseMessageStatus(value, path);
        // A status filed under another id (another case, a normalized id) would be dropped by the badge.
        if (status.messageId !== id) malformed(`${path}.messageId`, `is ${quote(status.messageId)}, not the id asked for`);
        out.set(id, status);
      }
      if (absent) warnFiledElsewhere('getMessages()', ids, found.keys());
      return out;
    },
    getMessageEvents: checkedRead(source, 'getMessageEvents', parseEventPage),
    getCampaignStats: checkedRead(source, 'getCampaignStats', parseStatsOf),
    getCampaignHistory: checkedRead(source, 'getCampaignHistory', parseHistoryPage),
  };
  if (typeof source.subscribe === 'function') {
    wrapper.subscribe = (topic: LiveTopic, listener: LiveListener) => {
      const about = describe(topic);
      // Stopped: whatever the host's subscription still hands over goes nowhere. An element that moved to another
      // source or id, or left the page, would otherwise show it.
      let active = true;
      let late = false;
      let stop: unknown;
      try {
        stop = source.subscribe!(topic, (update) => {
          if (!active) {
            if (!late) warnOnce(`the subscription of ${about} still sends updates after it was stopped; left out.`);
            late = true;
            return;
          }
          let clean: LiveUpdate;
          try {
            clean = parseLiveUpdate(String((update as Partial<LiveUpdate> | null)?.type), update == null ? update : payloadOf(update));
          } catch (error) {
            warnOnce(`a live update of ${about} was left out:`, error);
            return;
          }
          // An update about another message or campaign than the one followed: its element would drop it unsaid.
          const of = topicOfUpdate(clean);
          if (of !== topicKey(topic)) {
            warnOnce(`the subscription of ${about} was sent a ${clean.type} of ${describe(parseTopicKey(of)!)}; left out.`);
            return;
          }
          listener(clean);
        });
      } catch (error) {
        active = false;
        warnOnce(`subscribe() threw; ${about} is not followed live:`, error);
        return () => {};
      }
      if (typeof stop !== 'function') warnOnce(`subscribe() must return a function that stops it, not ${typeof stop}.`);
      return () => {
        if (!active) return;
        active = false;
        if (typeof stop !== 'function') return;
        try {
          (stop as () => void)();
        } catch (error) {
          warnOnce('stopping a subscription threw:', error);
        }
      };
    };
  }
  checked.set(source, wrapper);
  return wrapper;
}
