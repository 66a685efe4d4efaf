// A host's own source may fail with anything: a string, nothing at all, a fetch Response, an error thrown before
// any promise. The element says it could not load, tries again, and shows the data once the source answers; the
// console says what the source failed with. (A file of its own: the console takes 20 data-source warnings per page.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MessageStatus } from '../../src/core/index.js';
import type { StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import { labelOf, nameOf } from '../elements/shared/badge-helpers.js';
import { badgeWith, good, watchConsole } from './host-source-helpers.js';
import '../support/axe.js';

describe('a host’s own source that fails with something other than an Error', () => {
  let watch: ReturnType<typeof watchConsole>;
  beforeEach(() => (watch = watchConsole()));
  afterEach(() => watch.restore());

  const failures: [string, () => Promise<Map<string, MessageStatus>>, string][] = [
    ['a string', () => Promise.reject('quota exceeded'), 'quota exceeded'],
    ['nothing', () => Promise.reject(), 'undefined'],
    ['null', () => Promise.reject(null), 'null'],
    ['a Response', () => Promise.reject(new Response('', { status: 502 })), '[object Response]'],
    ['a throw before any promise', () => { throw 'not ready'; }, 'not ready'],
  ];
  failures.forEach(([what, fail, said], index) => {
    it(`says it could not load, names ${what} in the console, and shows the status once the source answers`, async () => {
      const id = `m-${index}`;
      let calls = 0;
      const source = { ...good(), getMessages: (ids: readonly string[]) => (++calls === 1 ? fail() : good().getMessages(ids)) };
      const el = await badgeWith(source, id);
      expect(nameOf(el)).to.equal('Unavailable. Couldn’t load the status: an unexpected error occurred');
      expect(watch.warnings).to.include(`estafette: could not load the status of message "${id}": ${said}`);
      el.retry();
      await waitUntil(() => labelOf(el) === 'Delivered', 'the retry is not shown', { timeout: 3000 });
      expect(watch.uncaught).to.deep.equal([]);
    });
  });
});

describe('a host’s own source written without one of the four methods', () => {
  let watch: ReturnType<typeof watchConsole>;
  beforeEach(() => (watch = watchConsole()));
  afterEach(() => watch.restore());

  it('says so in the console and shows the campaign as having no source, with nothing to retry; the rest works', async () => {
    const { getCampaignStats: _, ...withoutStats } = good();
    const source = withoutStats as StatusDataSource;
    const stats = await fixture<HTMLElement>(html`<campaign-stats lang="en" campaign-id="c1" .source=${source}></campaign-stats>`);
    const error = () => stats.shadowRoot!.querySelector('.error-message');
    await waitUntil(() => error() !== null, 'no error shown', { timeout: 3000 });
    expect(error()!.textContent!.trim().replace(/\s+/g, ' ')).to.equal('Data unavailable: no data source is connected.');
    expect(stats.shadowRoot!.querySelector('.retry')).to.equal(null);
    expect(watch.warnings).to.include('estafette: the data source has no getCampaignStats() method; what needs it shows as having no source.');
    await expect(stats).to.be.accessible();
    // The same source still gives statuses.
    const badge = await badgeWith(source, 'm-9');
    expect(labelOf(badge)).to.equal('Delivered');
    expect(watch.uncaught).to.deep.equal([]);
  });
});
