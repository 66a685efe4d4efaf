import { expect } from 'chai';
import * as statuses from '../../src/core/statuses.js';
import { en } from '../../src/i18n/messages/en.js';
import { fr } from '../../src/i18n/messages/fr.js';
import { englishWithCoreKeys, frenchFromEnglishKeys } from '../../scripts/share-catalogue-keys.mjs';

// The CDN build's catalogues (scripts/share-catalogue-keys.mjs): the English one spells the keys of the core's
// vocabulary from the core's tables, the French one holds its texts only and reads its keys from the English one;
// the objects they make are the ones en.ts and fr.ts write.
const url = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
/** Imports a built module, its relative imports pointed at the source files. */
const load = async <T>(code: string): Promise<T> => {
  const linked = code
    .replace("'../../core/statuses.js'", url('../../src/core/statuses.ts'))
    .replace("'./en.js'", url('../../src/i18n/messages/en.ts'));
  return (await import(`data:text/javascript,${encodeURIComponent(linked)}`)) as T;
};

describe('englishWithCoreKeys', () => {
  it('makes the English catalogue: the same keys, in the same order, with the same texts', async () => {
    const code = englishWithCoreKeys(en, statuses);
    expect(code).to.be.a('string');
    for (const key of ['status.delivered.label', 'status.opened.label', 'reason.mailbox-full.label', 'category.danger', 'channel.sms']) {
      expect(code, key).not.to.include(key);
    }
    const built = await load<{ en: typeof en }>(code!);
    expect(Object.entries(built.en)).to.deep.equal(Object.entries(en));
  });

  it('spells only whole runs, in the order of the core tables', async () => {
    const { 'status.held.label': _held, ...withoutHeld } = en;
    const [first, second, ...rest] = Object.entries(en);
    const swapped = Object.fromEntries([first!, ...rest.slice(0, 2).reverse(), second!, ...rest.slice(2)]);
    for (const catalogue of [withoutHeld, swapped]) {
      const code = englishWithCoreKeys(catalogue, statuses)!;
      expect(Object.entries((await load<{ en: typeof en }>(code)).en)).to.deep.equal(Object.entries(catalogue));
    }
    expect(englishWithCoreKeys({ 'badge.label': 'x' }, statuses)).to.equal(null);
  });
});

describe('frenchFromEnglishKeys', () => {
  it('makes the French catalogue: the same keys, in the same order, with the same texts', async () => {
    const code = frenchFromEnglishKeys(en, fr);
    expect(code).to.be.a('string');
    expect(code).not.to.include('"status.delivered.label"');
    const built = await load<{ fr: typeof fr }>(code!);
    expect(Object.entries(built.fr)).to.deep.equal(Object.entries(fr));
    expect(built.fr['status.delivered.label']).to.equal('Délivré');
  });

  it('leaves a catalogue whose keys differ from the English ones, or come in another order', () => {
    const [first, second, ...rest] = Object.entries(fr);
    expect(frenchFromEnglishKeys(en, Object.fromEntries([second!, first!, ...rest]))).to.equal(null);
    expect(frenchFromEnglishKeys(en, Object.fromEntries(rest))).to.equal(null);
    expect(frenchFromEnglishKeys(en, { ...fr, 'extra.key': 'x' })).to.equal(null);
  });
});
