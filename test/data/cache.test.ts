import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { deferred, echoMessages, fakeFetch, json } from './helpers.js';

const stats = (id: string, updatedAt: string) => ({ campaign: { id, name: 'C', channel: 'email' }, counts: { sent: 1 }, updatedAt });

describe('RestDataSource cache', () => {
  let now: number;
  const clock = () => now;
  beforeEach(() => {
    now = Date.UTC(2026, 10, 24, 10);
  });

  it('answers from the cache within the TTL and asks again after it', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', cacheTtl: 30_000, now: clock });

    await source.getMessages(['a', 'b']);
    now += 29_999;
    const cached = await source.getMessages(['a', 'b']);
    expect(calls).to.have.length(1);
    expect(cached.get('a')?.messageId).to.equal('a');

    now += 1;
    await source.getMessages(['a']);
    expect(calls).to.have.length(2);
    expect(calls[1]!.ids).to.deep.equal(['a']);
  });

  it('asks only for the ids missing from the cache', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', now: clock });
    await source.getMessages(['a']);
    const both = await source.getMessages(['a', 'b']);
    expect(calls.map((call) => call.ids)).to.deep.equal([['a'], ['b']]);
    expect([...both.keys()].sort()).to.deep.equal(['a', 'b']);
  });

  it('remembers that an id does not exist, for the TTL', async () => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [] }));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', cacheTtl: 10_000, now: clock });
    await source.getMessages(['ghost']);
    expect((await source.getMessages(['ghost'])).size).to.equal(0);
    expect(calls).to.have.length(1);
    now += 10_000;
    await source.getMessages(['ghost']);
    expect(calls).to.have.length(2);
  });

  it('caches nothing with a TTL of 0', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', cacheTtl: 0, now: clock });
    await source.getMessages(['a']);
    await source.getMessages(['a']);
    expect(calls).to.have.length(2);
  });

  it('caches campaign stats with the same TTL', async () => {
    const { fetch, calls } = fakeFetch(() => json(stats('c1', '2026-11-24T10:00:00Z')));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', cacheTtl: 5_000, now: clock });
    await source.getCampaignStats('c1');
    await source.getCampaignStats('c1');
    expect(calls).to.have.length(1);
    now += 5_000;
    await source.getCampaignStats('c1');
    expect(calls).to.have.length(2);
  });

  it('forgets what invalidate() names', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', now: clock });
    await source.getMessages(['a', 'b']);
    source.invalidate(['a']);
    await source.getMessages(['a', 'b']);
    expect(calls.map((call) => call.ids)).to.deep.equal([['a', 'b'], ['a']]);
    source.invalidate();
    await source.getMessages(['a', 'b']);
    expect(calls).to.have.length(3);
  });

  it('does not cache a failed request', async () => {
    let fail = true;
    const { fetch, calls } = fakeFetch((call) => (fail ? new Response('', { status: 404 }) : echoMessages(call)));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', now: clock });
    await source.getMessages(['a']).catch(() => undefined);
    fail = false;
    expect((await source.getMessages(['a'])).has('a')).to.equal(true);
    expect(calls).to.have.length(2);
  });

  it('asks the server itself when a call says fresh, and keeps what it answered', async () => {
    const { fetch, calls } = fakeFetch((call) => (call.url.pathname.includes('/campaigns/') ? json(stats('c1', '2026-11-24T10:00:00Z')) : echoMessages(call)));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', now: clock });
    await source.getMessages(['a']);
    await source.getMessages(['a'], { fresh: true });
    await source.getMessages(['a']);
    expect(calls.map((call) => call.ids)).to.deep.equal([['a'], ['a']]);
    await source.getCampaignStats('c1');
    await source.getCampaignStats('c1', { fresh: true });
    await source.getCampaignStats('c1');
    expect(calls).to.have.length(4);
  });

  it('asks the server again when a call says fresh while a read sent before it is still on its way', async () => {
    let sent = 1;
    const first = deferred<void>();
    const { fetch, calls } = fakeFetch(async () => {
      // The server reads the figures when the request comes; the first answer is slow.
      const read = { ...stats('c1', '2026-11-24T10:00:00Z'), counts: { sent } };
      if (calls.length === 1) await first.promise;
      return json(read);
    });
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', now: clock });
    const before = source.getCampaignStats('c1');
    await Promise.resolve();
    sent = 2;
    const fresh = source.getCampaignStats('c1', { fresh: true });
    first.resolve();
    expect((await before).counts.sent).to.equal(1);
    expect((await fresh).counts.sent, 'answered by the read sent before').to.equal(2);
    expect(calls).to.have.length(2);
  });
});
