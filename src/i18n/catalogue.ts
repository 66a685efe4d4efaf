import type { en } from './messages/en.js';

/** Every message key, as spelled in the English reference catalogue. */
export type MessageKey = keyof typeof en;

/**
 * A complete translation: one plain-text string per key of the English catalogue. Typing a catalogue as
 * `Catalogue` makes a missing or an extra key a compile error.
 */
export type Catalogue = Readonly<Record<MessageKey, string>>;

/** Keys that come in plural forms (`<base>.one`, `<base>.other`, ...), without the form suffix. */
export type PluralBaseKey = { [K in MessageKey]: K extends `${infer Base}.other` ? Base : never }[MessageKey];
