/**
 * Validators for what crosses the wire. Everything a server (RestDataSource) or a host's own code (any other source,
 * through checked-source.ts) hands over is checked here, once, so that a wrong body becomes a `DataSourceError` of kind `malformed` instead of a crash in an element.
 *
 * Forward compatibility: a status, event type or failure reason this version does not know (a newer server)
 * becomes `unknown` / `undetermined` rather than an error, since the model has a place for "not known"; a campaign
 * action is kept as its word (shown as an unknown action); a subscription state, time basis or suspension reason
 * is left out. A channel stays a closed list: what is said of a message or campaign depends on it. A value
 * of the wrong type, or a missing required field, is malformed; an optional field may be absent or null (null is
 * read as absent), a required one may not be null. Unknown fields are left out of the result.
 */
import {
  COUNT_FIELDS,
  ENGAGEMENT_SIGNALS,
  isChannel,
  isDeliveryState,
  isDisplayStatus,
  isSuspensionReason,
  isEngagementSignal,
  isFailureReason,
  isTimeBasis,
  type CampaignCounts,
  type CampaignHistoryEntry,
  type CampaignInfo,
  type CampaignStats,
  type CanonicalEvent,
  type Channel,
  type DeliveryState,
  type EventDetail,
  type EventType,
  type FailureReason,
  type MessageStatus,
  type SignalSummary,
  type TimeBasis,
} from '../core/index.js';
import { DataSourceError } from './errors.js';
import type { EventPage, LiveUpdate, Page } from './source.js';

type Obj = Record<string, unknown>;

/** Checks one value, named `path` in the error; `o` is the object it was read from, for fields read together. */
type Check<T = unknown> = (value: unknown, path: string, o: Obj) => T;

/** Throws the error of a malformed value: `path` names it, `what` says what is wrong with it. */
export const malformed = (path: string, what: string): never => {
  throw new DataSourceError(`Malformed data: ${path} ${what}`, { kind: 'malformed' });
};

const object = (value: unknown, path: string): Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : malformed(path, 'is not an object');

const array = (value: unknown, path: string): unknown[] => (Array.isArray(value) ? value : malformed(path, 'is not an array'));

/**
 * `check`, for a field that may be absent. `null` counts as absent: Jackson, System.Text.Json and Pydantic write
 * the fields they have no value for as null unless told otherwise, and the contract allows it for optional fields.
 */
const opt = <T>(check: Check<T>): Check<T | undefined> => (value, path, o) => (value == null ? undefined : check(value, path, o));

const string = (value: unknown, path: string): string => (typeof value === 'string' ? value : malformed(path, 'is not a string'));

const optString = opt(string);

const bool = (value: unknown, path: string): boolean => (typeof value === 'boolean' ? value : malformed(path, 'is not a boolean'));

const optBool = opt(bool);

const count = (value: unknown, path: string): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : malformed(path, 'is not a whole number >= 0');

// Times are ordered, and shown as "3 minutes ago": an instant with its time zone (a text Date.parse reads in the
// machine's own zone, or a Unix time, would be misordered or shown wrong), in one of the spellings the core reads
// (zonedTime), handed on in the one ECMAScript defines for Date.parse (its date time string format), which every
// engine reads alike and exactly once the roll-overs it allows are refused: a day the month does not have
// (February 30th) and hour 24. So a space for the `T` (SQL drivers, PostgreSQL) becomes `T`, and an offset without
// its colon or its minutes (`+0200` from Python's %z, Java or PHP; `+02` from PostgreSQL) `+02:00`: no engine
// reads `…T11:00:00+02`, and the others only through its own fallback parser, which the standard leaves free. A leap second
// (23:59:60Z) is handed on as :59, `t`/`z` as `T`/`Z` (RFC 3339 allows both cases), and a fraction cut to the
// millisecond (WebKit's Date.parse rounds the digits beyond, the others and the core cut them). (The core's own
// reader, zonedTime, agrees on every such text but would weigh about 0.7 KB gzip on every element.)
const ZONED = /^(\d{4}-\d\d-\d\d)[Tt ](\d\d:\d\d:)(\d\d)(\.\d+)?(?:([Zz])|([+-]\d\d)(?::?(\d\d))?)$/;
/**
 * `text` as RFC 3339 writes it, when it is a time with its zone in one of the spellings the core reads (see above);
 * `undefined` for anything else. For the elements too: a time a page writes in an attribute is read as a server's.
 */
export function rfc3339Time(text: string): string | undefined {
  const parts = ZONED.exec(text);
  if (!parts) return undefined;
  const [, date, hourMinute, second, fraction = '', utc, hours, minutes = '00'] = parts;
  const at = `${date}T${hourMinute}${second === '60' ? '59' : second}${fraction.slice(0, 4)}${utc ? 'Z' : `${hours}:${minutes}`}`;
  const day = Date.parse(date!);
  const real = day === day && new Date(day).toISOString().startsWith(date!) && !at.startsWith('24', 11);
  return real && !Number.isNaN(Date.parse(at)) ? at : undefined;
}

const time = (value: unknown, path: string): string =>
  rfc3339Time(string(value, path)) ?? malformed(path, 'is not a date (an ISO 8601 date-time with a time zone, Z or ±hh:mm)');

const optTime = opt(time);

const channel = (value: unknown, path: string): Channel => (isChannel(value) ? value : malformed(path, 'is not a known channel'));

const reason = opt((value, path) => (isFailureReason(string(value, path)) ? (value as FailureReason) : 'undetermined'));

/**
 * The checker of an object with these fields, each checked in this order; the result is a clean copy holding the
 * fields whose value is not undefined (the model's types are exact-optional), unknown fields left out.
 */
const record =
  <T>(fields: { readonly [key: string]: Check }) =>
  (value: unknown, path: string): T => {
    const o = object(value, path);
    const out: Obj = {};
    for (const key in fields) {
      const checked = fields[key]!(o[key], `${path}.${key}`, o);
      if (checked !== undefined) out[key] = checked;
    }
    return out as T;
  };

/** The same optional check for every one of `keys`. */
const each = (keys: readonly string[], check: Check): { [key: string]: Check } => Object.fromEntries(keys.map((key) => [key, opt(check)]));

const detail = opt(record<EventDetail>({ code: optString, text: optString, url: optString }));

const signalSummary = record<SignalSummary>({ count, automated: count, first: time, last: time });

const delivery = (value: unknown, path: string): DeliveryState => {
  const text = string(value, path);
  return isDeliveryState(text) ? text : 'unknown';
};

const messageStatus = record<MessageStatus>({
  messageId: string,
  channel,
  recipient: optString,
  provider: optString,
  delivery,
  // An unknown display status shows the delivery state.
  display: (value, path, o) => {
    const text = string(value, path);
    return isDisplayStatus(text) ? text : delivery(o.delivery, '');
  },
  reason,
  detail,
  // A word this version does not know, shown as itself (an unknown status labeled with it) unless `raw` says more.
  raw: (value, path, o) =>
    optString(value, path, o) ?? (isDisplayStatus(o.display) || delivery(o.delivery, '') !== 'unknown' ? undefined : o.display),
  engagement: record(each(ENGAGEMENT_SIGNALS, signalSummary)),
  // A subscription state this version does not know (a newer server) is left out: the status does not count as
  // unsubscribed, and its display status still says what to show.
  subscription: opt((value, path) => {
    const text = string(value, path);
    return text === 'unsubscribed' || text === 'resubscribed' ? text : undefined;
  }),
  updatedAt: time,
  settled: bool,
  asyncBounce: optBool,
  deliveredAt: optTime,
  deliveryInferred: optBool,
  // A future anomaly kind is still an anomaly worth flagging; its exact kind is not.
  anomaly: opt((value, path) => (string(value, path), 'engagement-after-failure')),
});

/** Checks one message status; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseMessageStatus(value: unknown, path = 'status'): MessageStatus {
  return messageStatus(value, path);
}

const canonicalEvent = record<CanonicalEvent>({
  provider: string,
  channel,
  messageId: string,
  recipient: optString,
  type: (value, path): EventType => {
    const text = string(value, path);
    return isDeliveryState(text) || isEngagementSignal(text) ? text : 'unknown';
  },
  at: time,
  // A basis this version does not know is left out: the time then shows as exact.
  timeBasis: opt((value, path) => (isTimeBasis(string(value, path)) ? (value as TimeBasis) : undefined)),
  eventId: optString,
  reason,
  detail,
  automated: optBool,
  async: optBool,
  raw: string,
});

/** Checks one canonical event; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseCanonicalEvent(value: unknown, path = 'event'): CanonicalEvent {
  return canonicalEvent(value, path);
}

const campaignCounts = record<CampaignCounts>(each(COUNT_FIELDS, count));

/** Checks a campaign's counts: every known field a whole number >= 0 when present. */
export function parseCampaignCounts(value: unknown, path = 'counts'): CampaignCounts {
  return campaignCounts(value, path);
}

const campaignStats = record<CampaignStats>({
  campaign: record<CampaignInfo>({ id: string, name: string, channel, sentAt: optTime }),
  counts: campaignCounts,
  updatedAt: time,
  sending: optBool,
});

/** Checks a campaign's stats; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseCampaignStats(value: unknown, path = 'stats'): CampaignStats {
  return campaignStats(value, path);
}

/**
 * The stats of campaign `campaignId` (the body of `GET /campaigns/{id}/stats`, or a host source's answer): those of
 * another campaign would be shown under this one, and its live updates, filed under the other id, never heard.
 */
export function parseStatsOf(value: unknown, campaignId: string, path = 'body'): CampaignStats {
  const stats = campaignStats(value, path);
  if (stats.campaign.id !== campaignId) malformed(`${path}.campaign.id`, `is ${JSON.stringify(stats.campaign.id)}, not the id asked for`);
  return stats;
}

const historyEntry = record<CampaignHistoryEntry>({
  campaignId: string,
  // An action this version does not know (a newer server) is kept as its word: the timeline shows the entry as
  // "Unknown action: {word}", with its time and detail, rather than failing the page it came in.
  action: (value, path) => string(value, path) || malformed(path, 'is empty'),
  at: time,
  id: optString,
  // A suspension reason from a newer server is left out; `detail` still says what happened.
  reason: (value, path, o) => {
    const suspension = optString(value, path, o);
    return isSuspensionReason(suspension) ? suspension : undefined;
  },
  detail: optString,
});

/** Checks one campaign history entry; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseCampaignHistoryEntry(value: unknown, path = 'entry'): CampaignHistoryEntry {
  return historyEntry(value, path);
}

/** {@link parseMessagesBody}'s answer: what could be read, and why the rest could not. */
export interface MessagesBody {
  readonly statuses: MessageStatus[];
  /** Items that could not be read, by the message id they carry. */
  readonly failed: Map<string, DataSourceError>;
  /** The first item that says no message id: the answer may have been about any id it left out. */
  readonly unattributed?: DataSourceError;
}

/**
 * Body of `GET /messages` and `POST /messages/batch`, item by item: one bad status out of 500 fails its own message
 * only, not every badge of the batch. A body that is not `{ messages: [...] }` still throws.
 */
export function parseMessagesBody(value: unknown): MessagesBody {
  const o = object(value, 'body');
  const statuses: MessageStatus[] = [];
  const failed = new Map<string, DataSourceError>();
  let unattributed: DataSourceError | undefined;
  array(o.messages, 'body.messages').forEach((item, index) => {
    try {
      statuses.push(messageStatus(item, `body.messages[${index}]`));
    } catch (error) {
      const id = (item as Obj | null)?.messageId;
      if (typeof id === 'string') failed.set(id, error as DataSourceError);
      else unattributed ??= error as DataSourceError;
    }
  });
  return unattributed ? { statuses, failed, unattributed } : { statuses, failed };
}

/** The list under `key` of a page's body, each item checked, and its `nextCursor` (an empty one is none). */
function page<T>(value: unknown, path: string, key: string, item: (value: unknown, path: string) => T): { items: T[]; nextCursor?: string } {
  const o = object(value, path);
  const items = array(o[key], `${path}.${key}`).map((entry, index) => item(entry, `${path}.${key}[${index}]`));
  const nextCursor = optString(o.nextCursor, `${path}.nextCursor`, o);
  return nextCursor ? { items, nextCursor } : { items };
}

/**
 * Body of `GET /messages/{id}/events`: `{ events: CanonicalEvent[], nextCursor? }`. Every event must belong to
 * `messageId`: the core refuses to reduce events of two messages together, so a mix-up is caught here.
 */
export function parseEventPage(value: unknown, messageId: string, path = 'body'): EventPage {
  const { items, nextCursor } = page(value, path, 'events', (item, itemPath) => {
    const event = canonicalEvent(item, itemPath);
    if (event.messageId !== messageId) malformed(`${itemPath}.messageId`, `is not "${messageId}"`);
    return event;
  });
  return nextCursor ? { events: items, nextCursor } : { events: items };
}

/** Body of `GET /campaigns/{id}/history`: `{ items: CampaignHistoryEntry[], nextCursor? }`, every entry of `campaignId`. */
export function parseHistoryPage(value: unknown, campaignId: string, path = 'body'): Page<CampaignHistoryEntry> {
  return page(value, path, 'items', (item, itemPath) => {
    const entry = historyEntry(item, itemPath);
    if (entry.campaignId !== campaignId) malformed(`${itemPath}.campaignId`, `is not "${campaignId}"`);
    return entry;
  });
}

/** The SSE event names of the live stream, one per kind of {@link LiveUpdate}. */
export const LIVE_EVENT_TYPES = ['message-status', 'message-missing', 'message-event', 'campaign-stats', 'campaign-history'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** Checks the data of one live stream event (`event: <type>`, `data: <JSON>`). */
export function parseLiveUpdate(type: string, data: unknown): LiveUpdate {
  switch (type) {
    case 'message-status':
      return { type, status: messageStatus(data, 'data') };
    case 'message-missing':
      return { type, messageId: string(object(data, 'data').messageId, 'data.messageId') };
    case 'message-event':
      return { type, event: canonicalEvent(data, 'data') };
    case 'campaign-stats':
      return { type, stats: campaignStats(data, 'data') };
    case 'campaign-history':
      return { type, entry: historyEntry(data, 'data') };
    default:
      return malformed('event', `has an unknown type "${type.slice(0, 40)}"`);
  }
}
