import { expect } from '@open-wc/testing';
import { RestDataSource, type LiveUpdate } from '../../src/data/index.js';
import { DEFAULT_ANCHOR, DEMO_CAMPAIGNS, resetMockApi } from '../../src/mocks/index.js';
import { FakeVisibility, ManualTimers, fakeFetch, json, settle, startWorker, until, wireStatus } from './helpers.js';

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

  it('starts again at the interval, not at the wait of failures before it stopped', async () => {
    const stop = source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await settle();
    failing = true;
    for (const wait of [1_000, 2_000, 4_000, 8_000]) await tick(wait);
    expect(timers.delays, 'four failures: 16 s to the next poll').to.deep.equal([16_000]);
    stop(); // the page leaves its badges, and polling stops; the API is back meanwhile
    failing = false;
    await settle();
    source.subscribe({ kind: 'message', id: 'b' }, () => {}); // another badge
    await settle();
    expect(timers.delays, 'its first poll').to.deep.equal([1_000]);
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

  it('waits for a poll answered late: the next poll only once it ended; requests that timed out are not tried again, the next poll comes later', async () => {
    // A slow server: answers come when the test says. A time limit of 30 s.
    const held: (() => void)[] = [];
    const slow = fakeFetch((call) => new Promise<Response>((resolve) => held.push(() => resolve(json(call.url.pathname.endsWith('/stats') ? { campaign: { id: 'c', name: 'C', channel: 'email' }, counts: {}, updatedAt } : { messages: [] })))));
    source.close();
    source = new RestDataSource({ baseUrl: '/api', fetch: slow.fetch, live: 'poll', pollInterval: 1_000, timers, visibility, random: () => 0.5, timeout: 30_000, retry: { retries: 1 } });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    source.subscribe({ kind: 'campaign', id: 'c' }, () => {});
    await settle();
    await tick(1_000);
    expect(slow.calls.map((call) => call.url.pathname).sort(), 'one poll').to.deep.equal(['/api/campaigns/c/stats', '/api/messages']);
    expect(timers.delays, 'their time limits, no other poll').to.deep.equal([30_000, 30_000]);
    await tick(20_000);
    for (const answer of held.splice(0)) answer();
    await settle();
    expect(timers.delays, 'answered late: the next poll, a poll interval later').to.deep.equal([1_000]);
    await tick(1_000);
    expect(slow.calls, 'the second poll').to.have.length(4);
    expect(timers.delays, 'its time limits').to.deep.equal([30_000, 30_000]);
    await tick(30_000);
    expect(slow.calls, 'both timed out: not tried again (the wait was long enough)').to.have.length(4);
    expect(timers.delays, 'the poll ended, failed: the next one after a longer wait').to.deep.equal([2_000]);
    source.close();
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

describe('RestDataSource polling, as the mock API receives it', () => {
  let msw: { stop(): void };
  before(async () => {
    msw = await startWorker();
  });
  after(() => msw.stop());

  it('reads a followed campaign\'s history, for listeners that read it, only once its polled figures change, and brings the entries since, oldest first, none twice (a resumption keeps it sending)', async () => {
    const id = DEMO_CAMPAIGNS.newsletter;
    const minutes = (n: number) => DEFAULT_ANCHOR + n * 60_000;
    // Between the newsletter's pause and its resumption (the dataset's script: paused at -105 min, resumed at -100).
    const api = resetMockApi({ startAt: minutes(-102) });
    const script = api.dataset.campaign(id)!.history;
    const actionsBetween = (from: number, to: number) => script.filter((e) => Date.parse(e.at) > from && Date.parse(e.at) <= to).map((e) => e.action);
    const timers = new ManualTimers();
    const source = new RestDataSource({
      baseUrl: '/api', live: 'poll', pollInterval: 1_000, timers, visibility: new FakeVisibility(), random: () => 0.5, timeout: 0, cacheTtl: 0, retry: { retries: 0 },
    });
    const heard: string[] = [];
    source.subscribe({ kind: 'campaign', id }, (u) => heard.push(u.type === 'campaign-history' ? u.entry.action : u.type));
    /** What the mock API was asked about the campaign, in order. */
    const asked = () => api.requests.filter((r) => new URL(r.url).pathname.startsWith(`/api/campaigns/${id}/`)).map((r) => r.endpoint);
    /** One poll round: due now, done once the next one is scheduled. */
    const round = async () => {
      timers.advance(1_000);
      await until(() => timers.delays.length === 1, 3_000, 'the poll to end');
    };
    try {
      // As a timeline does: it follows the campaign, then reads its latest history page.
      await source.getCampaignHistory(id);
      await settle();
      await round();
      expect(heard, 'the first poll, with nothing to compare with, tells the figures (the history has nothing new)').to.deep.equal(['campaign-stats']);
      await round();
      expect(asked(), 'figures unchanged: no history read').to.deep.equal(['campaign-history', 'campaign-stats', 'campaign-history', 'campaign-stats']);

      api.clock.set(minutes(-60));
      await round();
      const since = actionsBetween(minutes(-102), minutes(-60));
      expect(since, 'the script, for this test to mean anything').to.deep.equal(['resumed', 'sent']);
      expect(heard, 'the entries since the history it read, oldest first').to.deep.equal(['campaign-stats', 'campaign-stats', ...since]);
      expect(asked()).to.deep.equal(['campaign-history', 'campaign-stats', 'campaign-history', 'campaign-stats', 'campaign-stats', 'campaign-history']);

      api.clock.set(minutes(95));
      await round();
      await round();
      expect(heard, 'none twice').to.deep.equal(['campaign-stats', 'campaign-stats', ...since, 'campaign-stats', ...actionsBetween(minutes(-60), minutes(95))]);
      expect(heard.at(-1)).to.equal('completed');
      expect(asked().slice(6)).to.deep.equal(['campaign-stats', 'campaign-history', 'campaign-stats']);
    } finally {
      source.close();
    }
  });
});
