export * from './statuses.js';
export type { CanonicalEvent, EventDetail } from './event.js';
export { EstafetteInputError } from './errors.js';
export { classifySmtp, type Permanence, type SmtpClassification } from './smtp.js';
