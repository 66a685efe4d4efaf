/**
 * Provider adapters: every provider's webhooks and status words into Estafette's canonical events and display
 * statuses. Depends on the core only (no DOM, no Lit): runs in browsers and in Node.
 */
export { normalize } from './normalize.js';
export { mapStatus, providerChannel, statusRules } from './map-status.js';
export { mapLabel, labelMeaning, foldLabel, LABELS, type LabelMeaning, type LabelRule } from './labels.js';
export { ProviderPayloadError } from './errors.js';
export { PROVIDER_NAMES, providerName } from './names.js';
export { PROVIDER_MAPPINGS } from './tables/index.js';
export { parseJsonLossless, quoteUnsafeIntegers } from './lossless-json.js';
export {
  PROVIDERS,
  isProviderId,
  type ProviderId,
  type ProviderEvent,
  type TimeBasis,
  type NormalizeOptions,
  type WebhookBody,
  type EventRule,
  type EventSource,
  type StatusRule,
  type ReasonRule,
  type ReasonTable,
  type ProviderMapping,
} from './types.js';
