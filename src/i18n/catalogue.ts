import type { enExplanations } from './messages/en-explanations.js';
import type { en } from './messages/en.js';

/** Every message key, as spelled in the English reference catalogue (labels and explanations). */
export type MessageKey = keyof typeof en | keyof typeof enExplanations;

/**
 * A complete translation: one plain-text string per key of the English catalogue. Typing a catalogue as
 * `Catalogue` makes a missing or an extra key a compile error.
 */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** The bundled languages' texts minus their explanations (which load on demand): labels, sentences, formats. */
export type LabelCatalogue = Readonly<Record<keyof typeof en, string>>;

/** The explanations of a bundled language, loaded on demand (see `loadExplanations`). */
export type ExplanationCatalogue = Readonly<Record<keyof typeof enExplanations, string>>;

/** Keys that come in plural forms (`<base>.one`, `<base>.other`, ...), without the form suffix. */
export type PluralBaseKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];
