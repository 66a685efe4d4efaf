import { expect } from '@open-wc/testing';
import { DEMO_MESSAGES } from '../../src/demo/demo-messages.js';

describe('the demo page’s own words', () => {
  it('follows French typography: a no-break space before : ; ! ?, never a breakable one nor none', () => {
    for (const [key, text] of Object.entries(DEMO_MESSAGES.fr)) {
      expect(text, key).to.not.match(/ [:;!?»]|« /);
      expect(text, key).to.not.match(/[\p{L}\d)}][:;!?]/u);
    }
  });

  it('has every text in both languages', () => {
    expect(Object.keys(DEMO_MESSAGES.en).sort()).to.deep.equal(Object.keys(DEMO_MESSAGES.fr).sort());
  });
});
