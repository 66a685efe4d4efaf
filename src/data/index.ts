// First: the bundler lays the CDN file out in this order, and StaticDataSource right after the core it reads compresses
// best (0.16 KB gzipped less than last). No module of the data layer runs anything on load: the order means nothing else.
export { StaticDataSource, type StaticDataSourceOptions, type StaticCampaign } from './static-data-source.js';
export type {
  StatusDataSource, RequestOptions, PageOptions, Page, EventPage, LiveTopic, LiveUpdate, LiveListener,
} from './source.js';
export { DataSourceError, type DataSourceErrorKind } from './errors.js';
export { setDefaultSource, getDefaultSource, onDefaultSourceChange } from './default-source.js';
export { statusSourceContext } from './context.js';
export { RestDataSource, type RestDataSourceOptions } from './rest-data-source.js';
export type { LiveMode } from './rest-live.js';
export type { HeadersOption, RetryOptions } from './http-client.js';
export type { EventSourceConstructor, EventSourceLike } from './sse-transport.js';
export { batchMessages, type BatchMessagesOptions } from './batch-messages.js';
export {
  parseMessageStatus,
  parseCanonicalEvent,
  parseCampaignStats,
  parseCampaignCounts,
  parseCampaignHistoryEntry,
  parseLiveUpdate,
  LIVE_EVENT_TYPES,
  type LiveEventType,
} from './validate.js';
export { topicKey } from './live-hub.js';
export { documentVisibility, type VisibilityProvider } from './visibility.js';
export type { Timers } from './timing.js';
