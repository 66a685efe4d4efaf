import type { Plugin } from 'vite';

/**
 * The English catalogue's module: its texts, and its keys with each run the core's tables spell (`tables`:
 * src/core/statuses.ts's exports) written from them; `null` when it has no such run.
 */
export function englishWithCoreKeys(en: Readonly<Record<string, string>>, tables: Readonly<Record<string, unknown>>): string | null;
/** The French catalogue's module, its keys read from the English one; `null` when their keys (or their order) differ. */
export function frenchFromEnglishKeys(en: Readonly<Record<string, string>>, fr: Readonly<Record<string, string>>): string | null;
/** The build step: a Vite plugin writing the CDN file's English and French catalogues with the keys they share. */
export function shareCatalogueKeysPlugin(): Plugin;
