import type { Plugin } from 'vite';

/** The French catalogue's module, its keys read from the English one; `null` when their keys (or their order) differ. */
export function frenchFromEnglishKeys(en: Readonly<Record<string, string>>, fr: Readonly<Record<string, string>>): string | null;
/** The build step: a Vite plugin giving the CDN file's French catalogue the English one's keys. */
export function shareCatalogueKeysPlugin(): Plugin;
