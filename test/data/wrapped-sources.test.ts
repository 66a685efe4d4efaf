// A page's framework may hand our sources on wrapped: Vue 3 puts an object kept in reactive state behind a Proxy
// (`reactive()`, `ref()`), and a page may decorate one with Object.create to override a method. Their methods then
// run with the wrapper as `this`, and must still work: JavaScript #private fields would throw "Cannot read private
// member" there (the demo's own tests wrap the page's RestDataSource with Object.create).
import { expect } from '@open-wc/testing';
import { RestDataSource, StaticDataSource, type LiveUpdate, type StatusDataSource } from '../../src/data/index.js';
import { fakeFetch, json, wireStatus } from './helpers.js';

const WRAPPERS: Record<string, <T extends object>(source: T) => T> = {
  'a Proxy (as Vue reactive state)': (source) => new Proxy(source, {}),
  'Object.create': (source) => Object.create(source) as typeof source,
};

const EVENT = { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'delivered', at: '2026-11-24T09:00:00Z', raw: 'delivered' } as const;

describe('data sources used through a wrapper', () => {
  for (const [name, wrap] of Object.entries(WRAPPERS)) {
    it(`RestDataSource through ${name}: reads statuses and figures`, async () => {
      const { fetch, calls } = fakeFetch((call) =>
        call.url.pathname.endsWith('/stats')
          ? json({ campaign: { id: 'c-1', name: 'C', channel: 'email' }, counts: { sent: 2, delivered: 1 }, updatedAt: '2026-11-24T09:00:00Z' })
          : json({ messages: call.ids.map((id) => wireStatus(id, { display: 'opened' })) }),
      );
      const real = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', timeout: 0 });
      const source: StatusDataSource = wrap(real);
      const statuses = await source.getMessages(['m-1', 'm-2']);
      expect([...statuses.values()].map((status) => status.display)).to.deep.equal(['opened', 'opened']);
      expect((await source.getCampaignStats('c-1')).counts.delivered).to.equal(1);
      // Cached by the first read: no second request.
      expect((await source.getMessages(['m-1'])).get('m-1')?.display).to.equal('opened');
      expect(calls.map((call) => call.url.pathname)).to.deep.equal(['/api/messages', '/api/campaigns/c-1/stats']);
      source.subscribe?.({ kind: 'message', id: 'm-1' }, () => {})();
      real.close();
    });

    it(`StaticDataSource through ${name}: reads, and tells what update() changes`, async () => {
      const source = wrap(new StaticDataSource({ events: [EVENT] }));
      expect((await source.getMessages(['m-1'])).get('m-1')?.display).to.equal('delivered');
      expect((await source.getMessageEvents('m-1')).events).to.have.length(1);
      const heard: LiveUpdate[] = [];
      const stop = source.subscribe({ kind: 'message', id: 'm-1' }, (update) => heard.push(update));
      source.update([{ ...EVENT, type: 'opened', at: '2026-11-24T09:05:00Z', raw: 'open' }]);
      stop();
      expect(heard.map((update) => update.type === 'message-status' && update.status.display)).to.include('opened');
    });
  }
});
