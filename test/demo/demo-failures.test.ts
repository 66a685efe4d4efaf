import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import '../../src/demo/demo-app.js';
import type { EstafetteDemoAppElement } from '../../src/demo/demo-app.js';
import '../support/axe.js';

// What the demo says when it has nothing to show, instead of "…" forever.
describe('the demo back-office, when it cannot start', () => {
  const page = location.href;
  afterEach(() => history.replaceState(null, '', page));

  /** This page's address with `?directory=`, which the demo reads (the runner's own parameters kept). */
  const directoryAt = (url: string) => {
    const address = new URL(page);
    address.searchParams.set('directory', url);
    history.replaceState(null, '', address);
  };
  const alertOf = (app: EstafetteDemoAppElement) => app.shadowRoot!.querySelector<HTMLElement>('[role="alert"]');

  // It showed a bare "…": nothing to read, nothing heard.
  for (const [lang, said] of [['en', 'Loading the contacts…'], ['fr', 'Chargement des contacts…']] as const) {
    it(`says that it is loading the contacts while it waits for them (${lang})`, async () => {
      const app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang=${lang}></estafette-demo-app>`);
      expect(app.shadowRoot!.querySelector('main [role="status"]')?.textContent).to.equal(said);
      await expect(app).to.be.accessible();
    });
  }

  it('says the contact list could not be loaded, and loads it when asked again', async () => {
    directoryAt('/test/demo/fixtures/nope.json');
    const app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="en" ready></estafette-demo-app>`);
    await waitUntil(() => alertOf(app), 'nothing said', { timeout: 5000 });
    expect(alertOf(app)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'The contact list could not be loaded (/test/demo/fixtures/nope.json: HTTP error 404). Try again',
    );
    await expect(app).to.be.accessible();

    // Asked again and failing again: the same button keeps the focus.
    const retry = alertOf(app)!.querySelector('button')!;
    const logged: unknown[][] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => void logged.push(args);
    try {
      retry.focus();
      retry.click();
      await waitUntil(() => logged.length === 1, 'the list was not asked for again');
    } finally {
      console.error = log;
    }
    await app.updateComplete;
    expect(app.shadowRoot!.activeElement, 'focus kept on Try again').to.equal(retry);

    directoryAt('/test/demo/fixtures/directory.json');
    alertOf(app)!.querySelector('button')!.click();
    await waitUntil(() => app.shadowRoot!.querySelectorAll('tbody tr').length === 2, 'the list never came', { timeout: 5000 });
    expect([...app.shadowRoot!.querySelectorAll('tbody tr')].map((row) => row.querySelector('td')!.innerText.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Ada Lovelace ada@example.com',
      'Alan Turing alan@example.com',
    ]);
    expect(alertOf(app)).to.equal(null);
    await waitUntil(() => app.shadowRoot!.activeElement?.localName === 'h1', 'focus not on the page heading after the retry');
  });

  for (const [lang, said] of [['en', 'This list has no contacts.'], ['fr', 'Cette liste ne contient aucun contact.']] as const) {
    it(`says that a contact list is empty, not "0 of 0 contacts shown" (${lang})`, async () => {
      directoryAt('/test/demo/fixtures/empty-directory.json');
      const app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang=${lang} ready></estafette-demo-app>`);
      await waitUntil(() => app.shadowRoot!.querySelector('table'), 'no table', { timeout: 5000 });
      expect(app.shadowRoot!.querySelector('.empty')?.textContent).to.equal(said);
      expect(app.shadowRoot!.querySelector('.count')!.textContent!.trim(), 'no count of nobody').to.equal('');
      expect(app.shadowRoot!.querySelector('main')!.textContent).not.to.match(/\b0 (of|contacts? affichés? sur) 0\b/);
      await expect(app).to.be.accessible();
    });
  }

  it('says a directory that is not JSON is not, in French words', async () => {
    directoryAt('/test/demo/demo-failures.test.ts');
    const app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="fr" ready></estafette-demo-app>`);
    await waitUntil(() => alertOf(app), 'nothing said', { timeout: 5000 });
    expect(alertOf(app)!.textContent).to.include('La liste des contacts n’a pas pu être chargée (/test/demo/demo-failures.test.ts\u00a0: ce n’est pas du JSON).');
  });

  it('says an unreachable contact list in the page’s words, under a header whose language switch still works', async () => {
    directoryAt('http://127.0.0.1:9/x.json');
    const pageLang = document.documentElement.lang;
    const log = console.error;
    console.error = () => {};
    try {
      const app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="fr" ready></estafette-demo-app>`);
      await waitUntil(() => alertOf(app), 'nothing said', { timeout: 5000 });
      expect(alertOf(app)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'La liste des contacts n’a pas pu être chargée (http://127.0.0.1:9/x.json : le serveur est injoignable). Réessayer',
      );
      expect(alertOf(app)!.closest('main'), 'in the main landmark').to.exist;
      expect(app.shadowRoot!.querySelector('header h1')!.textContent).to.include('Back-office de démonstration');
      const language = [...app.shadowRoot!.querySelectorAll('select')].find((s) => s.querySelector('option[value="en"]'))!;
      language.value = 'en';
      language.dispatchEvent(new Event('change'));
      await app.updateComplete;
      expect(alertOf(app)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'The contact list could not be loaded (http://127.0.0.1:9/x.json: the server is unreachable). Try again',
      );
      expect(app.shadowRoot!.querySelector('a.skip'), 'no skip link to contacts that are not there').to.equal(null);
      await expect(app).to.be.accessible();
    } finally {
      console.error = log;
      document.documentElement.lang = pageLang;
    }
  });

  it('says the mock API did not start, with a reload as the way out', async () => {
    const app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="en"></estafette-demo-app>`);
    app.startFailed(new Error('the worker does not control this page'));
    await app.updateComplete;
    expect(alertOf(app)!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
      'The mock API did not start (the worker does not control this page). Reload the page',
    );
    expect(alertOf(app)!.querySelector('button')!.textContent).to.equal('Reload the page');
    await expect(app).to.be.accessible();
  });
});
