// @ts-check
// What the CDN build does to the French catalogue (vite.config.ts). The CDN file holds the English and French
// labels (src/i18n/messages/en.ts and fr.ts, the texts a page shows before any chunk loads), one object each, with
// the same keys in the same order: the second copy of the 83 keys cost about 0.15 KB gzipped. Built for the CDN file,
// fr.ts takes its keys from `en` and holds only its texts, in that order: the same object (keys, order and texts).
// When the two catalogues' keys differ in any way, the module is left as it is. test/node/share-catalogue-keys.test.ts
// checks the step.
import { fileURLToPath } from 'node:url';

/**
 * The French catalogue's module, its keys read from the English one; `null` when their keys (or their order) differ.
 * @param {Readonly<Record<string, string>>} en
 * @param {Readonly<Record<string, string>>} fr
 */
export function frenchFromEnglishKeys(en, fr) {
  const keys = Object.keys(en);
  const same = keys.length === Object.keys(fr).length && Object.keys(fr).every((key, i) => key === keys[i]);
  if (!same || !Object.values(fr).every((text) => typeof text === 'string')) return null;
  return `import { en } from './en.js';
const texts = ${JSON.stringify(Object.values(fr))};
export const fr = Object.fromEntries(Object.keys(en).map((key, i) => [key, texts[i]]));
`;
}

/**
 * The build step (the CDN file).
 * @returns {import('vite').Plugin}
 */
export function shareCatalogueKeysPlugin() {
  const frPath = fileURLToPath(new URL('../src/i18n/messages/fr.ts', import.meta.url));
  const enPath = fileURLToPath(new URL('../src/i18n/messages/en.ts', import.meta.url));
  return {
    name: 'estafette:share-catalogue-keys',
    async load(id) {
      if (id !== frPath) return null;
      const { tsImport } = await import('tsx/esm/api');
      const [{ en }, { fr }] = await Promise.all([tsImport(enPath, import.meta.url), tsImport(frPath, import.meta.url)]);
      return frenchFromEnglishKeys(en, fr);
    },
  };
}
