import type { enExplanations } from './messages/en-explanations.js';
import type { enPanels } from './messages/en-panels.js';
import type { en } from './messages/en.js';

/** Every message key, as spelled in the English reference catalogue (labels, panel texts and explanations). */
export type MessageKey = keyof typeof en | keyof typeof enPanels | keyof typeof enExplanations;

/**
 * A complete translation: one plain-text string per key of the English catalogue. Typing a catalogue as
 * `Catalogue` makes a missing or an extra key a compile error.
 */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/**
 * The bundled languages' texts minus those that load on demand (explanations, and the panels' texts): labels,
 * sentences, formats.
 */
export type LabelCatalogue = Readonly<Record<keyof typeof en, string>>;

/** The texts of `<campaign-stats>` and `<status-timeline>` in a bundled language, loaded on demand (see `loadPanelTexts`). */
export type PanelCatalogue = Readonly<Record<keyof typeof enPanels, string>>;

/** The explanations of a bundled language, loaded on demand (see `loadExplanations`). */
export type ExplanationCatalogue = Readonly<Record<keyof typeof enExplanations, string>>;

/** Keys that come in plural forms (`<base>.one`, `<base>.other`, ...), without the form suffix. */
export type PluralBaseKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];
