/**
 * Validators for what crosses the wire. Everything a server (RestDataSource) or a host's own code (any other source,
 * through checked-source.ts) hands over is checked here, once, so that a wrong body becomes a `DataSourceError` of kind `malformed` instead of a crash in an element.
 *
 * Forward compatibility: a status, event type or failure reason this version does not know (a newer server)
 * becomes `unknown` / `undetermined` rather than an error, since the model has a place for "not known". A value
 * of the wrong type, or a missing required field, is malformed. Unknown fields are left out of the result.
 */
import {
  CAMPAIGN_ACTIONS,
  COUNT_FIELDS,
  ENGAGEMENT_SIGNALS,
  SUSPENSION_REASONS,
  isChannel,
  isDeliveryState,
  isDisplayStatus,
  isEngagementSignal,
  isFailureReason,
  type CampaignAction,
  type CampaignCounts,
  type CampaignHistoryEntry,
  type CampaignInfo,
  type CampaignStats,
  type CanonicalEvent,
  type Channel,
  type EngagementSignal,
  type EventDetail,
  type EventType,
  type MessageStatus,
  type SignalSummary,
  type SuspensionReason,
} from '../core/index.js';
import { DataSourceError } from './errors.js';
import type { EventPage, LiveUpdate, Page } from './source.js';

type Obj = Record<string, unknown>;

const malformed = (path: string, what: string): never => {
  throw new DataSourceError(`Malformed data: ${path} ${what}`, { kind: 'malformed' });
};

const object = (value: unknown, path: string): Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : malformed(path, 'is not an object');

const array = (value: unknown, path: string): unknown[] => (Array.isArray(value) ? value : malformed(path, 'is not an array'));

const string = (value: unknown, path: string): string => (typeof value === 'string' ? value : malformed(path, 'is not a string'));

const optString = (value: unknown, path: string): string | undefined => (value === undefined ? undefined : string(value, path));

const bool = (value: unknown, path: string): boolean => (typeof value === 'boolean' ? value : malformed(path, 'is not a boolean'));

const optBool = (value: unknown, path: string): boolean | undefined => (value === undefined ? undefined : bool(value, path));

const count = (value: unknown, path: string): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : malformed(path, 'is not a whole number >= 0');

// Times are shown as "3 minutes ago": a string no date parser reads would render as "Invalid Date".
const time = (value: unknown, path: string): string => {
  const text = string(value, path);
  return Number.isNaN(Date.parse(text)) ? malformed(path, 'is not a date') : text;
};

const optTime = (value: unknown, path: string): string | undefined => (value === undefined ? undefined : time(value, path));

const channel = (value: unknown, path: string): Channel => (isChannel(value) ? value : malformed(path, 'is not a known channel'));

const reason = (value: unknown, path: string) => {
  if (value === undefined) return undefined;
  return isFailureReason(string(value, path)) ? (value as CanonicalEvent['reason']) : 'undetermined';
};

/** Builds an object without the keys whose value is undefined (the model's types are exact-optional). */
const compact = <T>(fields: Record<string, unknown>): T => {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out as T;
};

const detail = (value: unknown, path: string): EventDetail | undefined => {
  if (value === undefined) return undefined;
  const o = object(value, path);
  return compact<EventDetail>({
    code: optString(o.code, `${path}.code`),
    text: optString(o.text, `${path}.text`),
    url: optString(o.url, `${path}.url`),
  });
};

const signalSummary = (value: unknown, path: string): SignalSummary => {
  const o = object(value, path);
  return {
    count: count(o.count, `${path}.count`),
    automated: count(o.automated, `${path}.automated`),
    first: time(o.first, `${path}.first`),
    last: time(o.last, `${path}.last`),
  };
};

/** Checks one message status; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseMessageStatus(value: unknown, path = 'status'): MessageStatus {
  const o = object(value, path);
  const delivery = isDeliveryState(string(o.delivery, `${path}.delivery`)) ? (o.delivery as MessageStatus['delivery']) : 'unknown';
  const knownDisplay = isDisplayStatus(string(o.display, `${path}.display`));
  const display = knownDisplay ? (o.display as MessageStatus['display']) : delivery;
  const engagementIn = object(o.engagement, `${path}.engagement`);
  const engagement: { [S in EngagementSignal]?: SignalSummary } = {};
  for (const signal of ENGAGEMENT_SIGNALS) {
    if (engagementIn[signal] !== undefined) engagement[signal] = signalSummary(engagementIn[signal], `${path}.engagement.${signal}`);
  }
  const subscription = o.subscription;
  if (subscription !== undefined && subscription !== 'unsubscribed' && subscription !== 'resubscribed') {
    malformed(`${path}.subscription`, 'is neither "unsubscribed" nor "resubscribed"');
  }
  return compact<MessageStatus>({
    messageId: string(o.messageId, `${path}.messageId`),
    channel: channel(o.channel, `${path}.channel`),
    recipient: optString(o.recipient, `${path}.recipient`),
    provider: optString(o.provider, `${path}.provider`),
    delivery,
    display,
    reason: reason(o.reason, `${path}.reason`),
    detail: detail(o.detail, `${path}.detail`),
    // A word this version does not know, shown as itself (an unknown status labelled with it) unless `raw` says more.
    raw: optString(o.raw, `${path}.raw`) ?? (knownDisplay || display !== 'unknown' ? undefined : (o.display as string)),
    engagement,
    subscription,
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
    settled: bool(o.settled, `${path}.settled`),
    asyncBounce: optBool(o.asyncBounce, `${path}.asyncBounce`),
    deliveredAt: optTime(o.deliveredAt, `${path}.deliveredAt`),
    deliveryInferred: optBool(o.deliveryInferred, `${path}.deliveryInferred`),
    // A future anomaly kind is still an anomaly worth flagging; its exact kind is not.
    anomaly: o.anomaly === undefined ? undefined : (string(o.anomaly, `${path}.anomaly`), 'engagement-after-failure'),
  });
}

/** Checks one canonical event; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseCanonicalEvent(value: unknown, path = 'event'): CanonicalEvent {
  const o = object(value, path);
  const typeText = string(o.type, `${path}.type`);
  const type: EventType = isDeliveryState(typeText) || isEngagementSignal(typeText) ? typeText : 'unknown';
  return compact<CanonicalEvent>({
    provider: string(o.provider, `${path}.provider`),
    channel: channel(o.channel, `${path}.channel`),
    messageId: string(o.messageId, `${path}.messageId`),
    recipient: optString(o.recipient, `${path}.recipient`),
    type,
    at: time(o.at, `${path}.at`),
    eventId: optString(o.eventId, `${path}.eventId`),
    reason: reason(o.reason, `${path}.reason`),
    detail: detail(o.detail, `${path}.detail`),
    automated: optBool(o.automated, `${path}.automated`),
    async: optBool(o.async, `${path}.async`),
    raw: string(o.raw, `${path}.raw`),
  });
}

const campaignInfo = (value: unknown, path: string): CampaignInfo => {
  const o = object(value, path);
  return compact<CampaignInfo>({
    id: string(o.id, `${path}.id`),
    name: string(o.name, `${path}.name`),
    channel: channel(o.channel, `${path}.channel`),
    sentAt: optTime(o.sentAt, `${path}.sentAt`),
  });
};

/** Checks a campaign's counts: every known field a whole number >= 0 when present. */
export function parseCampaignCounts(value: unknown, path = 'counts'): CampaignCounts {
  const o = object(value, path);
  const counts: CampaignCounts = {};
  for (const field of COUNT_FIELDS) if (o[field] !== undefined) counts[field] = count(o[field], `${path}.${field}`);
  return counts;
}

/** Checks a campaign's stats; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseCampaignStats(value: unknown, path = 'stats'): CampaignStats {
  const o = object(value, path);
  return compact<CampaignStats>({
    campaign: campaignInfo(o.campaign, `${path}.campaign`),
    counts: parseCampaignCounts(o.counts, `${path}.counts`),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
    sending: optBool(o.sending, `${path}.sending`),
  });
}

const ACTIONS: ReadonlySet<string> = new Set(CAMPAIGN_ACTIONS);
const SUSPENSIONS: ReadonlySet<string> = new Set(SUSPENSION_REASONS);

/** Checks one campaign history entry; returns a clean copy. @throws {DataSourceError} kind `malformed`. */
export function parseCampaignHistoryEntry(value: unknown, path = 'entry'): CampaignHistoryEntry {
  const o = object(value, path);
  const action = string(o.action, `${path}.action`);
  if (!ACTIONS.has(action)) malformed(`${path}.action`, `is not a known campaign action ("${action.slice(0, 40)}")`);
  const suspension = optString(o.reason, `${path}.reason`);
  return compact<CampaignHistoryEntry>({
    campaignId: string(o.campaignId, `${path}.campaignId`),
    action: action as CampaignAction,
    at: time(o.at, `${path}.at`),
    id: optString(o.id, `${path}.id`),
    // A suspension reason from a newer server is left out; `detail` still says what happened.
    reason: suspension !== undefined && SUSPENSIONS.has(suspension) ? (suspension as SuspensionReason) : undefined,
    detail: optString(o.detail, `${path}.detail`),
  });
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
      statuses.push(parseMessageStatus(item, `body.messages[${index}]`));
    } catch (error) {
      const id = (item as Obj | null)?.messageId;
      if (typeof id === 'string') failed.set(id, error as DataSourceError);
      else unattributed ??= error as DataSourceError;
    }
  });
  return unattributed ? { statuses, failed, unattributed } : { statuses, failed };
}

/**
 * Body of `GET /messages/{id}/events`: `{ events: CanonicalEvent[], nextCursor? }`. Every event must belong to
 * `messageId`: the core refuses to reduce events of two messages together, so a mix-up is caught here.
 */
export function parseEventPage(value: unknown, messageId: string, path = 'body'): EventPage {
  const o = object(value, path);
  const events = array(o.events, `${path}.events`).map((item, index) => {
    const event = parseCanonicalEvent(item, `${path}.events[${index}]`);
    if (event.messageId !== messageId) malformed(`${path}.events[${index}].messageId`, `is not "${messageId}"`);
    return event;
  });
  const nextCursor = optString(o.nextCursor ?? undefined, `${path}.nextCursor`);
  return nextCursor === undefined || nextCursor === '' ? { events } : { events, nextCursor };
}

/** Body of `GET /campaigns/{id}/history`: `{ items: CampaignHistoryEntry[], nextCursor? }`. */
export function parseHistoryPage(value: unknown, path = 'body'): Page<CampaignHistoryEntry> {
  const o = object(value, path);
  const items = array(o.items, `${path}.items`).map((item, index) => parseCampaignHistoryEntry(item, `${path}.items[${index}]`));
  const nextCursor = optString(o.nextCursor ?? undefined, `${path}.nextCursor`);
  return nextCursor === undefined || nextCursor === '' ? { items } : { items, nextCursor };
}

/** The SSE event names of the live stream, one per kind of {@link LiveUpdate}. */
export const LIVE_EVENT_TYPES = ['message-status', 'message-event', 'campaign-stats', 'campaign-history'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** Checks the data of one live stream event (`event: <type>`, `data: <JSON>`). */
export function parseLiveUpdate(type: string, data: unknown): LiveUpdate {
  switch (type) {
    case 'message-status':
      return { type, status: parseMessageStatus(data, 'data') };
    case 'message-event':
      return { type, event: parseCanonicalEvent(data, 'data') };
    case 'campaign-stats':
      return { type, stats: parseCampaignStats(data, 'data') };
    case 'campaign-history':
      return { type, entry: parseCampaignHistoryEntry(data, 'data') };
    default:
      return malformed('event', `has an unknown type "${type.slice(0, 40)}"`);
  }
}
