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
