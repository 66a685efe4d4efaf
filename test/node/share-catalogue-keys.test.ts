import { expect } from 'chai';
import { en } from '../../src/i18n/messages/en.js';
import { fr } from '../../src/i18n/messages/fr.js';
import { frenchFromEnglishKeys } from '../../scripts/share-catalogue-keys.mjs';

// The CDN build's French catalogue (scripts/share-catalogue-keys.mjs): its texts only, its keys read from the English
// catalogue's; the object it makes is the one fr.ts writes.
describe('frenchFromEnglishKeys', () => {
  it('makes the French catalogue: the same keys, in the same order, with the same texts', async () => {
    const code = frenchFromEnglishKeys(en, fr);
    expect(code).to.be.a('string');
    expect(code).not.to.include('"status.delivered.label"');
    const enUrl = new URL('../../src/i18n/messages/en.ts', import.meta.url).href;
    const built = (await import(`data:text/javascript,${encodeURIComponent(code!.replace("'./en.js'", JSON.stringify(enUrl)))}`)) as { fr: typeof fr };
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
