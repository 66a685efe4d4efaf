/**
 * Estafette's public API: classes and types. Importing it registers nothing; import `estafette/define` (or one
 * element's `define` entry) to register the tags.
 */
export * from './core/index.js';
export * from './data/index.js';
export * from './i18n/index.js';
export { VERSION } from './version.js';
export { define } from './elements/shared/define.js';
export { StatusSourceElement } from './elements/status-source/status-source.js';
export { EmailStatusBadgeElement } from './elements/email-status-badge/email-status-badge.js';
export { CampaignStatsElement } from './elements/campaign-stats/campaign-stats.js';
export { StatusTimelineElement } from './elements/status-timeline/status-timeline.js';
export { StatusChangeEvent } from './elements/shared/events.js';
export { MetricSelectEvent, type MetricCounting, type MetricSelectDetail } from './elements/campaign-stats/metric-select-event.js';
export type { CampaignMetric } from './elements/campaign-stats/metrics.js';
export { EntrySelectEvent, StageChangeEvent } from './elements/status-timeline/events.js';
export type { Lifecycle, LifecycleStage } from './elements/status-timeline/lifecycle.js';
