// @ts-check
// What the CDN build does to the English and French catalogues (vite.config.ts). The CDN file holds both (src/i18n/
// messages/en.ts and fr.ts, the labels a page shows before any chunk loads), one object each, with the same 83 keys in
// the same order, and 47 of those keys spell the core's vocabulary again: `status.<id>.label` for every delivery state
// and engagement signal, `reason.<id>.label` for every failure reason, `category.<id>`, `channel.<id>`, in the order of
// the core's tables (src/core/statuses.ts), which the CDN file holds anyway. Built for the CDN file, en.ts holds its
// texts and the keys that are not such a run, and spells the runs from the core's tables; fr.ts holds its texts only
// and takes its keys from en, in their order. The same objects (keys, order and texts): about 0.4 KB gzipped less.
// A module whose keys would come out different in any way is left as it is. test/node/share-catalogue-keys.test.ts
// checks the step.
import { fileURLToPath } from 'node:url';

/** Runs of keys the core's tables spell: [prefix, table of src/core/statuses.ts, suffix]. */
const FAMILIES = /** @type {const} */ ([
  ['status.', 'DELIVERY_STATES', '.label'],
  ['status.', 'ENGAGEMENT_SIGNALS', '.label'],
  ['reason.', 'FAILURE_REASONS', '.label'],
  ['category.', 'STATUS_CATEGORIES', ''],
  ['channel.', 'CHANNELS', ''],
]);

/** @param {Readonly<Record<string, unknown>>} catalogue */
const onlyTexts = (catalogue) => Object.values(catalogue).every((text) => typeof text === 'string');

/**
 * The English catalogue's module: its texts, and its keys with each run of {@link FAMILIES} spelled from the core's
 * tables (`tables`: src/core/statuses.ts's exports); `null` when it has no such run.
 * @param {Readonly<Record<string, string>>} en
 * @param {Readonly<Record<string, unknown>>} tables
 */
export function englishWithCoreKeys(en, tables) {
  if (!onlyTexts(en)) return null;
  const keys = Object.keys(en);
  /** @param {string} table */
  const idsOf = (table) => {
    const ids = tables[table];
    return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? /** @type {string[]} */ (ids) : [];
  };
  /** @type {string[]} */
  const parts = [];
  const used = new Set();
  let literal = [];
  for (let i = 0; i < keys.length; ) {
    const run = FAMILIES.find(([prefix, table, suffix]) => {
      const ids = idsOf(table);
      return ids.length > 0 && ids.every((id, j) => keys[i + j] === `${prefix}${id}${suffix}`);
    });
    if (!run) {
      literal.push(keys[i++]);
      continue;
    }
    const [prefix, table, suffix] = run;
    if (literal.length) parts.push(`...${JSON.stringify(literal)}`);
    literal = [];
    parts.push(`...${table}.map((id) => \`${prefix}\${id}${suffix}\`)`);
    used.add(table);
    i += idsOf(table).length;
  }
  if (used.size === 0) return null;
  if (literal.length) parts.push(`...${JSON.stringify(literal)}`);
  return `import { ${[...used].join(', ')} } from '../../core/statuses.js';
const texts = ${JSON.stringify(Object.values(en))};
export const en = Object.fromEntries([${parts.join(', ')}].map((key, i) => [key, texts[i]]));
`;
}

/**
 * The French catalogue's module, its keys read from the English one; `null` when their keys (or their order) differ.
 * @param {Readonly<Record<string, string>>} en
 * @param {Readonly<Record<string, string>>} fr
 */
export function frenchFromEnglishKeys(en, fr) {
  const keys = Object.keys(en);
  const same = keys.length === Object.keys(fr).length && Object.keys(fr).every((key, i) => key === keys[i]);
  if (!same || !onlyTexts(fr)) return null;
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
  const path = (/** @type {string} */ file) => fileURLToPath(new URL(`../src/${file}`, import.meta.url));
  const [enPath, frPath, statusesPath] = [path('i18n/messages/en.ts'), path('i18n/messages/fr.ts'), path('core/statuses.ts')];
  /** @param {string} file */
  const load = async (file) => (await import('tsx/esm/api')).tsImport(file, import.meta.url);
  return {
    name: 'estafette:share-catalogue-keys',
    async load(id) {
      if (id === enPath) return englishWithCoreKeys((await load(enPath)).en, await load(statusesPath));
      if (id === frPath) return frenchFromEnglishKeys((await load(enPath)).en, (await load(frPath)).fr);
      return null;
    },
  };
}
