import { fixture, html } from '@open-wc/testing';
import { isLocale, matchLocale, resolveLocale } from '../../src/i18n/index.js';
import { expect } from '../support/expect.js';

describe('matchLocale', () => {
  const table: [string | null | undefined, string | undefined][] = [
    ['fr', 'fr'],
    ['FR', 'fr'],
    ['fr-BE', 'fr'],
    ['fr-ca', 'fr'],
    ['fr_CA', 'fr'],
    [' en-GB ', 'en'],
    ['en-Latn-US', 'en'],
    ['de-DE', 'de'],
    ['nl-BE', 'nl'],
    ['es-419', 'es'],
    ['it-CH', 'it'],
    ['pt-BR', undefined],
    ['french', undefined],
    ['frx', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  for (const [tag, expected] of table) {
    it(`maps ${JSON.stringify(tag)} to ${String(expected)}`, () => {
      expect(matchLocale(tag)).to.equal(expected);
    });
  }

  it('recognises only the exact locale ids as locales', () => {
    expect(isLocale('fr')).to.equal(true);
    expect(isLocale('fr-FR')).to.equal(false);
    expect(isLocale(undefined)).to.equal(false);
  });
});

describe('resolveLocale', () => {
  const root = document.documentElement;
  let savedLang: string | null;

  beforeEach(() => {
    savedLang = root.getAttribute('lang');
  });
  afterEach(() => {
    if (savedLang === null) root.removeAttribute('lang');
    else root.setAttribute('lang', savedLang);
    // Remove the own-property stubs so that Navigator.prototype's getters show through again.
    delete (navigator as unknown as Record<string, unknown>).languages;
    delete (navigator as unknown as Record<string, unknown>).language;
  });

  const stubNavigator = (languages: readonly string[], language = languages[0]) => {
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
    Object.defineProperty(navigator, 'language', { configurable: true, get: () => language });
  };

  it('takes the closest ancestor with a lang attribute', async () => {
    root.setAttribute('lang', 'en');
    const el = await fixture(html`<div lang="fr-BE"><section><p><span id="target"></span></p></section></div>`);
    expect(resolveLocale(el.querySelector('#target'))).to.equal('fr');
  });

  it('prefers a nearer lang over a farther one', async () => {
    const el = await fixture(html`<div lang="fr"><p lang="en-GB"><span id="target"></span></p></div>`);
    expect(resolveLocale(el.querySelector('#target'))).to.equal('en');
  });

  it('reads the element’s own lang', async () => {
    root.setAttribute('lang', 'en');
    const el = await fixture(html`<span lang="FR"></span>`);
    expect(resolveLocale(el)).to.equal('fr');
  });

  it('skips empty lang attributes', async () => {
    root.setAttribute('lang', 'en');
    const el = await fixture(html`<div lang="fr"><p lang="  "><span id="target"></span></p></div>`);
    expect(resolveLocale(el.querySelector('#target'))).to.equal('fr');
  });

  it('crosses shadow roots up to the host’s ancestors', async () => {
    root.setAttribute('lang', 'en');
    const outer = await fixture(html`<div lang="fr"><div id="host"></div></div>`);
    const host = outer.querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('div');
    const target = document.createElement('span');
    inner.append(target);
    shadow.append(inner);
    expect(resolveLocale(target)).to.equal('fr');
  });

  it('crosses nested shadow roots, and a lang inside the shadow tree wins', async () => {
    root.setAttribute('lang', 'fr');
    const host = await fixture(html`<div></div>`);
    const firstShadow = host.attachShadow({ mode: 'open' });
    const innerHost = document.createElement('div');
    firstShadow.append(innerHost);
    const secondShadow = innerHost.attachShadow({ mode: 'open' });
    const target = document.createElement('span');
    secondShadow.append(target);
    expect(resolveLocale(target)).to.equal('fr');

    innerHost.setAttribute('lang', 'en');
    expect(resolveLocale(target)).to.equal('en');
  });

  it('falls back to <html lang> for a detached element or no element', () => {
    root.setAttribute('lang', 'fr-FR');
    expect(resolveLocale(document.createElement('span'))).to.equal('fr');
    expect(resolveLocale(null)).to.equal('fr');
    expect(resolveLocale()).to.equal('fr');
  });

  it('falls back to the first supported browser language when no lang is declared', () => {
    root.removeAttribute('lang');
    stubNavigator(['ja-JP', 'fr-CA', 'en-US']);
    expect(resolveLocale(document.createElement('span'))).to.equal('fr');
  });

  it('uses navigator.language when navigator.languages is empty', () => {
    root.removeAttribute('lang');
    stubNavigator([], 'fr-CH');
    expect(resolveLocale(null)).to.equal('fr');
  });

  it('falls back to English when nothing matches', () => {
    root.removeAttribute('lang');
    stubNavigator(['ja-JP', 'pt']);
    expect(resolveLocale(null)).to.equal('en');
  });

  it('answers English for a declared language it does not ship, without consulting the browser', async () => {
    root.setAttribute('lang', 'fr');
    stubNavigator(['fr-FR']);
    const el = await fixture(html`<div lang="ja"><span id="target"></span></div>`);
    expect(resolveLocale(el.querySelector('#target'))).to.equal('en');
  });
});
