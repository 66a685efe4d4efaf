/** Estafette's languages: locale resolution, message catalogues and cached `Intl` formatters. */
export { SUPPORTED_LOCALES, DEFAULT_LOCALE, directionOf, isLocale, matchLocale, resolveFormatLocale, resolveLocale, type Locale } from './locales.js';
export type { Catalogue, ExplanationCatalogue, LabelCatalogue, MessageKey, PanelCatalogue, PluralBaseKey } from './catalogue.js';
export type { ChannelExplanationKey, ExplanationKey, MetricId, PanelRequiredKey, RequiredKey, TimelineStage } from './keys.js';
export {
  addMessages,
  areExplanationsReady,
  arePanelTextsReady,
  BUILT_IN_LOCALES,
  isLocaleReady,
  loadExplanations,
  loadLocale,
  loadPanelTexts,
  onMessagesChange,
  removeAddedMessages,
  type BuiltInLocale,
  type MessageOverrides,
} from './registry.js';
export { en } from './messages/en.js';
export { fr } from './messages/fr.js';
export { catalogueFor, explanation, explanationOf, statusExplanation, translate, translatePlural, type KeyLike, type MessageParams } from './translate.js';
export {
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  type DateInput,
  type DateTimeStyle,
  type FormatLocale,
  type PercentOptions,
  type RelativeTimeOptions,
} from './format.js';
export { intlFormatterCount } from './intl-cache.js';
