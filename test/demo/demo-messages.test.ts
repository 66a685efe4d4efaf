import { expect } from '@open-wc/testing';
import { DEMO_MESSAGES } from '../../src/demo/demo-messages.js';

// Their typography is checked with the catalogues' (test/i18n/typography.test.ts, in Node).
describe('the demo page’s own words', () => {
  it('has every text in both languages', () => {
    expect(Object.keys(DEMO_MESSAGES.en).sort()).to.deep.equal(Object.keys(DEMO_MESSAGES.fr).sort());
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(DEMO_MESSAGES.fr)) expect(placeholders(DEMO_MESSAGES.en[key as keyof typeof DEMO_MESSAGES.en]), key).to.deep.equal(placeholders(text));
  });
});
