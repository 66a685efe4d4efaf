export * from './statuses.js';
export { TIME_BASES, isTimeBasis, type CanonicalEvent, type EventDetail, type TimeBasis } from './event.js';
export { EstafetteInputError } from './errors.js';
export { classifySmtp, type Permanence, type SmtpClassification } from './smtp.js';
export {
  reduceEvents,
  reduceOrderedEvents,
  sortAndDedupe,
  dedupeKey,
  type MessageStatus,
  type SignalSummary,
  type ReduceOptions,
} from './message-status.js';
export * from './rates.js';
export { aggregate } from './aggregate.js';
export { countStatuses } from './count-statuses.js';
export * from './campaign.js';
