// Cookie authentication on another origin: `withCredentials: true` used to reach the SSE stream only, every read
// going out without cookies (fetch's default, `same-origin`) and coming back 401, though SECURITY.md tells hosts to
// authenticate with a cookie and `withCredentials: true`.
import { expect, fixture, html } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import '../../src/elements/status-source/define.js';
import type { StatusSourceElement } from '../../src/elements/status-source/status-source.js';
import { FakeEventSource, everyEndpoint, fakeFetch } from './helpers.js';

const { fetch, calls } = fakeFetch(everyEndpoint);

/** Every kind of read: GET /messages, POST /messages/batch, events, stats, history. */
async function readEverything(source: RestDataSource): Promise<void> {
  await source.getMessages(['a']);
  await source.getMessages(['b,c']);
  await source.getMessageEvents('a');
  await source.getCampaignStats('c');
  await source.getCampaignHistory('c');
}

describe('RestDataSource withCredentials', () => {
  beforeEach(() => {
    calls.length = 0;
    FakeEventSource.reset();
  });

  it('sends cookies with every read, GET and POST, and with the stream', async () => {
    const source = new RestDataSource({ baseUrl: 'https://api.example/estafette', fetch, EventSource: FakeEventSource, withCredentials: true });
    await readEverything(source);
    expect(calls.map((call) => `${call.method} ${call.url.pathname}`)).to.deep.equal([
      'GET /estafette/messages',
      'POST /estafette/messages/batch',
      'GET /estafette/messages/a/events',
      'GET /estafette/campaigns/c/stats',
      'GET /estafette/campaigns/c/history',
    ]);
    expect(calls.map((call) => call.credentials)).to.deep.equal(Array(5).fill('include'));

    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    expect(FakeEventSource.all[0]!.init).to.deep.equal({ withCredentials: true });
    source.close();
  });

  it('leaves fetch and EventSource to their same-origin default without it', async () => {
    const source = new RestDataSource({ baseUrl: 'https://api.example/estafette', fetch, EventSource: FakeEventSource });
    await readEverything(source);
    expect(calls.map((call) => call.credentials)).to.deep.equal(Array(5).fill(undefined));
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    expect(FakeEventSource.all[0]!.init).to.deep.equal({ withCredentials: false });
    expect(source.options.withCredentials).to.equal(false);
    source.close();
  });

  it('is set on <status-source> with the with-credentials attribute, without JavaScript', async () => {
    const element = await fixture<StatusSourceElement>(html`<status-source endpoint="https://api.example/estafette" live="off" with-credentials></status-source>`);
    const first = element.providedSource as RestDataSource;
    expect(first.options.withCredentials).to.equal(true);

    element.removeAttribute('with-credentials');
    await element.updateComplete;
    const second = element.providedSource as RestDataSource;
    expect(second, 'a new source for the new setting').to.not.equal(first);
    expect(second.options.withCredentials).to.equal(false);
  });
});
