// A base URL with a query string of its own (`?tenant=acme`, a common way to name a tenant) used to be joined as a
// string: requests went to `/api?tenant=acme/messages?ids=...`, which no server answers.
import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { buildUrl } from '../../src/data/request-url.js';
import { FakeEventSource, ManualTimers, everyEndpoint, fakeFetch, wireStatus } from './helpers.js';

const server = () => fakeFetch(everyEndpoint);

describe('RestDataSource base URL', () => {
  beforeEach(() => FakeEventSource.reset());

  for (const baseUrl of ['https://api.example/api?tenant=acme', 'https://api.example/api/?tenant=acme#ignored']) {
    it(`keeps the query string of ${baseUrl} on every request and on the stream`, async () => {
      const { fetch, calls } = server();
      const source = new RestDataSource({ baseUrl, fetch, live: 'off' });
      expect((await source.getMessages(['a'])).has('a')).to.equal(true);
      expect((await source.getMessages(['b,c'])).size).to.equal(1);
      await source.getMessageEvents('a', { cursor: 'k1' });
      await source.getCampaignStats('c');
      await source.getCampaignHistory('c');
      expect(calls.map((call) => `${call.method} ${call.url.origin}${call.url.pathname}${call.url.search}`)).to.deep.equal([
        'GET https://api.example/api/messages?tenant=acme&ids=a',
        'POST https://api.example/api/messages/batch?tenant=acme',
        'GET https://api.example/api/messages/a/events?tenant=acme&cursor=k1',
        'GET https://api.example/api/campaigns/c/stats?tenant=acme',
        'GET https://api.example/api/campaigns/c/history?tenant=acme',
      ]);

      const timers = new ManualTimers();
      const live = new RestDataSource({ baseUrl, fetch, EventSource: FakeEventSource, timers, timeout: 0 });
      live.subscribe({ kind: 'message', id: 'a' }, () => {});
      await Promise.resolve();
      FakeEventSource.last!.open();
      FakeEventSource.last!.emit('message-status', wireStatus('a'), '41');
      FakeEventSource.last!.fail(false);
      timers.advance(1_000);
      expect(FakeEventSource.all.map((es) => es.url)).to.deep.equal([
        'https://api.example/api/stream?tenant=acme&topics=message%3Aa',
        'https://api.example/api/stream?tenant=acme&topics=message%3Aa&lastEventId=41',
      ]);
      live.close();
    });
  }

  it('resolves a relative base, query string and all, against the page as fetch would', async () => {
    const { fetch, calls } = server();
    const source = new RestDataSource({ baseUrl: '/api/?tenant=acme', fetch, live: 'off' });
    await source.getMessages(['a']);
    expect(calls[0]!.url.href).to.equal(new URL('/api/messages?tenant=acme&ids=a', document.baseURI).href);
    expect(buildUrl('api', '/stream')).to.equal(new URL('api/stream', document.baseURI).href);
    expect(buildUrl('/api/', '/messages', { ids: 'a b', cursor: undefined })).to.equal(new URL('/api/messages?ids=a%20b', document.baseURI).href);
  });
});
