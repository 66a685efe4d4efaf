import { expect, waitUntil } from '@open-wc/testing';
import type { EstafetteDemoAppElement } from '../../src/demo/demo-app.js';
import { useDemoApp } from './demo-fixture.js';
import '../support/axe.js';

// What a screen reader hears from the demo page: text that appears in its live regions (role="status" or "alert",
// aria-live other than "off"), and only that.
describe('the demo back-office, as a screen reader hears it', () => {
  let app: EstafetteDemoAppElement;
  let heard: string[];
  let observer: MutationObserver;
  const pageLang = document.documentElement.lang;
  const shadow = () => app.shadowRoot!;
  const LIVE = '[role="status"], [role="alert"], [aria-live]:not([aria-live="off"])';
  // White space collapsed as on screen; no-break spaces (French typography) kept.
  const text = (el: Element) => el.textContent!.replace(/[ \t\r\n]+/g, ' ').trim();
  const select = (value: string) => [...shadow().querySelectorAll('select')].find((s) => s.querySelector(`option[value="${value}"]`))!;
  const choose = async (value: string) => {
    const target = select(value);
    target.value = value;
    target.dispatchEvent(new Event('change'));
    await app.updateComplete;
  };
  const campaignSelect = () => [...shadow().querySelectorAll('select')].find((s) => !s.querySelector('option[value="delivered"], option[value="fr"], option[value="dark"]'))!;
  const campaigns = () => [...campaignSelect().options].map((o) => ({ id: o.value, name: o.textContent!.trim() }));
  const footer = () => text(shadow().querySelector('.footer')!);
  /** Lets what the page does after an update (the elements' own updates, a focus) settle. */
  const settle = async () => {
    await app.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
  };
  const pickIndicator = async (metric: string) => {
    const stats = shadow().querySelector('campaign-stats')!;
    await waitUntil(() => stats.shadowRoot!.querySelector(`[data-metric="${metric}"] button`), 'no indicators', { timeout: 8000 });
    stats.shadowRoot!.querySelector<HTMLButtonElement>(`[data-metric="${metric}"] button`)!.click();
    await app.updateComplete; // the count goes until the filter's contacts are known
    await waitUntil(() => /\d/.test(footer()), 'the filter was never applied', { timeout: 8000 });
    await settle();
  };

  useDemoApp(async (mounted) => {
    app = mounted;
    await settle();
    heard = [];
    // Text added to (or changed in) a live region that was already there; a region emptied says nothing.
    observer = new MutationObserver((records) => {
      const regions = new Set<Element>();
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        const region = target?.closest(LIVE);
        if (region) regions.add(region);
      }
      for (const region of regions) if (text(region)) heard.push(text(region));
    });
    observer.observe(shadow(), { subtree: true, childList: true, characterData: true });
  });

  afterEach(() => {
    observer.disconnect();
    document.documentElement.lang = pageLang;
  });

  it('says nothing again when the language switches, while the count on screen follows the new language', async () => {
    expect(footer()).to.match(/^200 of 5,000 contacts shown/);
    await choose('fr');
    await settle();
    expect(heard, 'the count did not change').to.deep.equal([]);
    expect(footer()).to.match(/^200\u00a0contacts affichés sur 5\u202f000/);
    await choose('en');
    await settle();
    expect(heard).to.deep.equal([]);
  });

  it('says nothing again when the language switches with a filter in force', async () => {
    await pickIndicator('hard-bounced');
    heard.length = 0;
    await choose('fr');
    await settle();
    expect(heard, 'neither the filter nor its count changed').to.deep.equal([]);
    expect(text(shadow().querySelector('.chip')!)).to.match(/^Filtre\u00a0: Rebonds définitifs/);
  });

  it('says a real change of the count after a switch of language, in the new language', async () => {
    await choose('fr');
    await settle();
    [...shadow().querySelectorAll<HTMLButtonElement>('.footer button')].at(-1)!.click();
    await settle();
    expect(heard).to.deep.equal(['400\u00a0contacts affichés sur 5\u202f000']);
  });

  // Each key typed in the search field was followed by its count ("200 of 3,413 contacts shown", "200 of 1,881…"),
  // heard over the letters being typed.
  it('says the count a search leaves once, when typing pauses, not at each key', async () => {
    const search = shadow().querySelector<HTMLInputElement>('input[type="search"]')!;
    for (const query of ['m', 'ma', 'mar']) {
      search.value = query;
      search.dispatchEvent(new Event('input'));
      await app.updateComplete;
    }
    await waitUntil(() => heard.length > 0, 'the count was never said', { timeout: 5000 });
    await settle();
    const count = text(shadow().querySelector('.footer .count')!);
    expect(count).to.match(/^200 of [\d,]+ contacts shown$/);
    expect(heard).to.deep.equal([count]);
  });

  it('says the filter and its count when an indicator filters the table', async () => {
    await pickIndicator('hard-bounced');
    const said = heard.at(-1)!;
    expect(said).to.match(/^Filter: Hard bounces \(.+\)\. \d+ of \d+ contacts? shown$/);
  });

  it('names the campaign switched to, with its count, in English and in French', async () => {
    const [first, second] = campaigns();
    expect(second, 'two campaigns').to.exist;
    await choose(second!.id);
    await settle();
    expect(heard.at(-1)).to.equal(`Campaign: ${second!.name}. 200 of 5,000 contacts shown`);

    await choose('fr');
    await settle();
    heard.length = 0;
    await choose(first!.id);
    await settle();
    // Its name in French too (the select's, once the page is French).
    const named = campaigns().find((c) => c.id === first!.id)!.name;
    expect(named).not.to.equal(first!.name);
    expect(heard).to.deep.equal([`Campagne\u00a0: ${named}. 200\u00a0contacts affichés sur 5\u202f000`]);
    expect(heard[0], 'a no-break space before a colon, never a plain one').not.to.match(/ [:;!?]/);
  });

  it('names the campaign switched to when the switch clears a filter', async () => {
    const [, second] = campaigns();
    await pickIndicator('hard-bounced');
    heard.length = 0;
    await choose(second!.id);
    await settle();
    expect(heard).to.deep.equal([`Campaign: ${second!.name}. 200 of 5,000 contacts shown`]);
  });

  it('stays accessible with what it says', async () => {
    await choose(campaigns()[1]!.id);
    await settle();
    await expect(app).to.be.accessible();
  });
});
