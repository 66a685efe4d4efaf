import { expect } from '@open-wc/testing';
import { RestDataSource, type LiveUpdate } from '../../src/data/index.js';
import { FakeVisibility, ManualTimers, fakeFetch, json, settle, wireStatus } from './helpers.js';

describe('RestDataSource polling', () => {
  let timers: ManualTimers;
  let visibility: FakeVisibility;
  let display: string;
  let updatedAt: string;
  let failing: boolean;
  let server: ReturnType<typeof fakeFetch>;
  let source: RestDataSource;

  beforeEach(() => {
    timers = new ManualTimers();
    visibility = new FakeVisibility();
    display = 'delivered';
    updatedAt = '2026-11-24T10:00:00Z';
    failing = false;
    server = fakeFetch((call) => {
      if (failing) return new Response('{}', { status: 503 });
      if (call.url.pathname.endsWith('/stats')) {
        return json({ campaign: { id: 'c', name: 'C', channel: 'email' }, counts: { sent: 10, delivered: display === 'delivered' ? 9 : 10 }, updatedAt });
      }
      return json({ messages: call.ids.map((id) => wireStatus(id, { display, updatedAt, settled: false })) });
    });
    // random 0.5 makes the jitter factor exactly 1: polls every 1,000 ms.
    source = new RestDataSource({
      baseUrl: '/api', fetch: server.fetch, live: 'poll', pollInterval: 1_000, timers, visibility, random: () => 0.5, timeout: 0,
      cacheTtl: 0, retry: { retries: 0 },
    });
  });

  /** Moves the fake time and lets the requests it started finish. */
  const tick = async (ms: number) => {
    timers.advance(ms);
    await settle();
    timers.advance(0);
    await settle();
  };

  it('polls every interval while the page is visible and reports what changed, once', async () => {
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
    await settle();

    await tick(999);
    expect(server.calls).to.have.length(0);
    await tick(1);
    expect(server.calls).to.have.length(1);
    expect(heard).to.have.length(0);

    display = 'opened';
    updatedAt = '2026-11-24T10:01:00Z';
    await tick(1_000);
    expect(server.calls).to.have.length(2);
    expect(heard).to.have.length(1);
    expect(heard[0]!.type === 'message-status' && heard[0]!.status.display).to.equal('opened');

    await tick(1_000);
    expect(server.calls).to.have.length(3);
    expect(heard).to.have.length(1);
  });

  it('asks for every followed message in one batched request per poll', async () => {
    for (const id of ['a', 'b', 'c']) source.subscribe({ kind: 'message', id }, () => {});
    await settle();
    await tick(1_000);
    expect(server.calls.map((call) => call.ids.sort())).to.deep.equal([['a', 'b', 'c']]);
  });

  it('does not poll while the page is hidden, and polls at once when it shows again', async () => {
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await settle();
    await tick(1_000);
    expect(server.calls).to.have.length(1);

    visibility.set(true);
    expect(timers.delays).to.deep.equal([]);
    await tick(60_000);
    expect(server.calls).to.have.length(1);
    expect(timers.delays).to.deep.equal([]);

    visibility.set(false);
    await tick(0);
    expect(server.calls).to.have.length(2);
    await tick(1_000);
    expect(server.calls).to.have.length(3);
  });

  it('doubles the wait after each failed poll and goes back to the interval after a success', async () => {
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await settle();
    failing = true;
    await tick(1_000);
    expect(timers.delays).to.deep.equal([2_000]);
    await tick(2_000);
    expect(timers.delays).to.deep.equal([4_000]);
    failing = false;
    await tick(4_000);
    expect(timers.delays).to.deep.equal([1_000]);
    expect(server.calls).to.have.length(3);
  });

  it('spreads polls with jitter of up to 20 % either way', async () => {
    const low = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'poll', pollInterval: 1_000, timers, visibility, random: () => 0 });
    const high = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'poll', pollInterval: 1_000, timers, visibility, random: () => 0.999_999 });
    low.subscribe({ kind: 'message', id: 'a' }, () => {});
    high.subscribe({ kind: 'message', id: 'b' }, () => {});
    await settle();
    expect(timers.delays).to.deep.equal([800, 1_200]);
  });

  it('polls settled messages only every fourth round', async () => {
    server = fakeFetch((call) => json({ messages: call.ids.map((id) => wireStatus(id, { settled: true })) }));
    source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'poll', pollInterval: 1_000, timers, visibility, random: () => 0.5, timeout: 0 });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await settle();
    for (let i = 0; i < 5; i++) await tick(1_000);
    expect(server.calls).to.have.length(2);
  });

  it('polls the stats of followed campaigns and reports changed counts', async () => {
    const heard: LiveUpdate[] = [];
    await source.getCampaignStats('c');
    source.subscribe({ kind: 'campaign', id: 'c' }, (u) => heard.push(u));
    await settle();
    await tick(1_000);
    expect(heard).to.have.length(0);
    display = 'opened';
    await tick(1_000);
    expect(heard).to.have.length(1);
    expect(heard[0]!.type === 'campaign-stats' && heard[0]!.stats.counts.delivered).to.equal(10);
  });

  it('brings a followed campaign\'s new history entries once its polled figures change (a pause keeps it sending)', async () => {
    const at = (minute: number) => `2026-11-24T10:${String(minute).padStart(2, '0')}:00Z`;
    const entry = (action: string, minute: number) => ({ campaignId: 'c', action, at: at(minute), id: `${action}-${minute}` });
    const history = [entry('created', 0), entry('started', 1)];
    let delivered = 9;
    let statsAt = at(5);
    const campaigns = fakeFetch((call) =>
      call.url.pathname.endsWith('/history')
        ? json({ items: [...history].reverse() })
        : json({ campaign: { id: 'c', name: 'C', channel: 'email' }, counts: { sent: 10, delivered }, updatedAt: statsAt, sending: true }),
    );
    source = new RestDataSource({
      baseUrl: '/api', fetch: campaigns.fetch, live: 'poll', pollInterval: 1_000, timers, visibility, random: () => 0.5, timeout: 0,
      cacheTtl: 0, retry: { retries: 0 },
    });
    const heard: string[] = [];
    source.subscribe({ kind: 'campaign', id: 'c' }, (u) => heard.push(u.type === 'campaign-history' ? u.entry.action : u.type));
    const paths = () => campaigns.calls.map((call) => call.url.pathname.split('/').at(-1));
    await settle();
    await tick(1_000);
    await tick(1_000);
    expect(paths(), 'figures unchanged: no history read').to.deep.equal(['stats', 'stats']);
    history.push(entry('paused', 6), entry('resumed', 7));
    delivered = 10;
    statsAt = at(8);
    await tick(1_000);
    expect(heard, 'the entries since the figures it had, oldest first').to.deep.equal(['campaign-stats', 'paused', 'resumed']);
    delivered = 8;
    statsAt = at(9);
    await tick(1_000);
    await tick(1_000);
    expect(heard, 'none twice').to.deep.equal(['campaign-stats', 'paused', 'resumed', 'campaign-stats']);
    expect(paths()).to.deep.equal(['stats', 'stats', 'stats', 'history', 'stats', 'history', 'stats']);
  });

  it('stops polling, and stops watching the page, when the last subscriber leaves', async () => {
    const stop = source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await settle();
    expect(visibility.listenerCount).to.equal(1);
    stop();
    await settle();
    expect(timers.delays).to.deep.equal([]);
    expect(visibility.listenerCount).to.equal(0);
    await tick(10_000);
    expect(server.calls).to.have.length(0);
  });

  it('polls when the platform has no EventSource', async () => {
    const fallback = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'sse', EventSource: null, pollInterval: 1_000, timers, visibility, random: () => 0.5 });
    fallback.subscribe({ kind: 'message', id: 'a' }, () => {});
    await settle();
    expect(fallback.polling).to.equal(true);
  });

  it('does nothing live with live: off', async () => {
    const off = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'off', timers, visibility });
    off.subscribe({ kind: 'message', id: 'a' }, () => {});
    await settle();
    await tick(60_000);
    expect(off.polling).to.equal(false);
    expect(server.calls).to.have.length(0);
  });
});
