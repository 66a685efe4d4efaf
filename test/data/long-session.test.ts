// A back-office page open for hours: the live side of a RestDataSource hears about many more messages than the page
// ever shows (a stream of every topic, a table paged through while its polls are on their way). What it keeps about
// them must not grow with the hours: measured as the heap after a full collection (Chromium, --expose-gc).
import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { describeWithDevTools, heapAfterGc } from '../support/engine.js';
import { FakeEventSource, FakeVisibility, ManualTimers, everyEndpoint, fakeFetch, json, settle, settleTasks, wireStatus } from './helpers.js';

/** Most the heap may grow over one of these sessions; what they heard of unfollowed messages cost 5 to 25 MB. */
const HEAP_BOUND = 1024 * 1024;

/** A message id the session hears of once and never again. */
const once = (n: number) => `msg-${String(n).padStart(8, '0')}-never-again`;

describeWithDevTools('RestDataSource over a long session', () => {
  let timers: ManualTimers;
  let visibility: FakeVisibility;
  beforeEach(() => {
    FakeEventSource.reset();
    timers = new ManualTimers();
    visibility = new FakeVisibility();
  });

  it('keeps nothing of the 20,000 statuses a stream of every topic brings about messages nobody follows', async () => {
    const { fetch } = fakeFetch(() => json({ messages: [] }));
    // No cache (it is bounded, at 50,000 entries): only what the live side keeps is measured. A URL this short names no
    // topic: the stream carries every topic, as it does for a table of thousands of badges.
    const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timers, visibility, maxUrlLength: 30, cacheTtl: 0 });
    const heard: string[] = [];
    const stop = source.subscribe({ kind: 'message', id: 'shown' }, (update) => heard.push(update.type));
    await settle();
    const stream = FakeEventSource.last!;
    expect(new URL(stream.url, location.href).searchParams.has('topics'), 'a stream of every topic').to.equal(false);
    stream.open();
    const start = Date.UTC(2026, 10, 24, 9);
    const status = (id: string, n: number) => wireStatus(id, { updatedAt: new Date(start + n * 1000).toISOString() });
    try {
      for (let n = 0; n < 50; n++) stream.emit('message-status', status(once(n), n), String(n)); // warm-up
      const before = await heapAfterGc();
      for (let n = 50; n < 20_050; n++) stream.emit('message-status', status(once(n), n), String(n));
      stream.emit('message-status', status('shown', 20_050), '20050');
      const growth = (await heapAfterGc()) - before;
      expect(heard, 'the followed message still hears its own').to.deep.equal(['message-status']);
      expect(growth, 'heap growth in bytes').to.be.below(HEAP_BOUND);
    } finally {
      stop();
      source.close();
    }
  });

  it('caches, of the 20,000 statuses a stream of every topic brings, only those of messages the page asked about', async () => {
    const server = fakeFetch((call) => json({ messages: call.ids.filter((id) => id === 'asked').map((id) => wireStatus(id)) }));
    // The default cache (30 s, 50,000 entries): every status it kept would stay until read or pushed out.
    const source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, EventSource: FakeEventSource, timers, visibility, maxUrlLength: 30 });
    const stop = source.subscribe({ kind: 'message', id: 'shown' }, () => {});
    await settle();
    const stream = FakeEventSource.last!;
    stream.open();
    // Asked about while the stream is open (one opening drops what nobody follows: it may have changed unheard).
    const asking = source.getMessages(['asked']); // a badge that has left the page since
    timers.advance(0);
    expect((await asking).get('asked')?.delivery).to.equal('delivered');
    const start = Date.UTC(2026, 10, 24, 9);
    const status = (id: string, n: number, delivery = 'delivered') => wireStatus(id, { delivery, display: delivery, updatedAt: new Date(start + n * 1000).toISOString() });
    try {
      for (let n = 0; n < 50; n++) stream.emit('message-status', status(once(n), n), String(n)); // warm-up
      const before = await heapAfterGc();
      for (let n = 50; n < 20_050; n++) stream.emit('message-status', status(once(n), n), String(n));
      stream.emit('message-status', status('asked', 20_050, 'hard-bounced'), '20050');
      const growth = (await heapAfterGc()) - before;
      expect(growth, 'heap growth in bytes').to.be.below(HEAP_BOUND);
      // The message asked about before reads its live news from the cache; one never asked about is asked for.
      const requests = server.calls.length;
      expect((await source.getMessages(['asked'])).get('asked')?.delivery).to.equal('hard-bounced');
      expect(server.calls.length, 'no request for a cached status').to.equal(requests);
      const unknown = source.getMessages([once(60)]);
      timers.advance(0);
      await unknown;
      expect(server.calls.at(-1)?.ids, 'asked for, not answered from the cache').to.deep.equal([once(60)]);
    } finally {
      stop();
      source.close();
    }
  });

  it('keeps nothing of the messages of pages left while their poll was on its way (200 pages of 500 badges)', async function () {
    this.timeout(30_000);
    const answers: (() => void)[] = [];
    let polled = 0;
    // Each answer waits until the test lets it go: the page is left before it comes. (Not fakeFetch: its record of
    // every call would be the growth measured.)
    const fetch = (async (_: RequestInfo | URL, init: RequestInit) => {
      const { ids } = JSON.parse(String(init.body)) as { ids: string[] }; // POST /messages/batch: 500 ids make a long URL
      polled += ids.length;
      return new Promise<Response>((resolve) => answers.push(() => resolve(json({ messages: ids.map((id) => wireStatus(id, { settled: false })) }))));
    }) as typeof globalThis.fetch;
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'poll', pollInterval: 1_000, timers, visibility, random: () => 0.5, timeout: 0, cacheTtl: 0 });
    const page = async (p: number) => {
      const stops = Array.from({ length: 500 }, (_, i) => source.subscribe({ kind: 'message', id: once(p * 500 + i) }, () => {}));
      await settle(1);
      timers.advance(1_000); // the poll goes out
      await settle(1);
      for (const stop of stops) stop(); // the next page is shown
      for (const answer of answers.splice(0)) answer(); // then the poll's answer comes
      await settle(2);
    };
    for (let p = 0; p < 5; p++) await page(p); // warm-up
    const before = await heapAfterGc();
    for (let p = 5; p < 205; p++) await page(p);
    const growth = (await heapAfterGc()) - before;
    expect(polled, 'statuses polled').to.equal(205 * 500);
    expect(source.polling, 'nothing followed, nothing polled').to.equal(false);
    expect(growth, 'heap growth in bytes').to.be.below(HEAP_BOUND);
  });
});

// Its code under test has only the ManualTimers' timers: task turns with no timer (settleTasks), 1,800 of them. With
// settle()'s chained zero-delay timers, clamped to 4 ms each, the test took 8 to 12 s and ran past its 10 s limit on a
// loaded machine.
describe('RestDataSource through outages and a tab hidden for hours', () => {
  it('never has more than one reconnection and one poll waiting, and asks nothing while hidden', async () => {
    FakeEventSource.reset();
    const timers = new ManualTimers();
    const visibility = new FakeVisibility();
    const server = fakeFetch(everyEndpoint);
    const source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, EventSource: FakeEventSource, timers, visibility, random: () => 0.5 });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    source.subscribe({ kind: 'campaign', id: 'c' }, () => {});
    await settleTasks();
    let most = 0;
    const outage = async (opens: boolean) => {
      const stream = FakeEventSource.last!;
      if (opens) stream.open();
      stream.fail(true);
      await settleTasks(1);
      timers.advance(61_000); // past the longest reconnection wait
      await settleTasks(2);
      most = Math.max(most, timers.delays.length);
    };
    // 300 outages, one stream in three opening before it drops; the tab hidden and shown now and then.
    for (let i = 0; i < 300; i++) {
      if (i % 10 === 5) visibility.set(true);
      if (i % 10 === 8) visibility.set(false);
      await outage(i % 3 === 0);
    }
    expect(source.polling, 'polling fills in').to.equal(true);
    // (Its server answers at once. One answering after the time limit adds each request's limit, then its retry wait:
    // [30000, 225, 225], seen in Firefox, reproduces so: a stream's opening limit, the retry waits of a poll's two requests; see
    // polling.test.ts, 'waits for a poll answered late'.)
    expect(most, 'timers waiting at once: a reconnection and a poll, or the time limit of a stream opening').to.be.at.most(2);
    expect(visibility.listenerCount, 'one visibility listener').to.equal(1);
    expect(FakeEventSource.all.filter((stream) => !stream.closed), 'streams open').to.have.length(1);

    // Five hours hidden, the stream dropping every minute.
    visibility.set(true);
    await settleTasks();
    const asked = server.calls.length;
    for (let minute = 0; minute < 300; minute++) await outage(false);
    expect(server.calls.length - asked, 'requests while hidden').to.equal(0);
    expect(most).to.be.at.most(2);
    visibility.set(false);
    await settleTasks(3);
    timers.advance(0); // the poll's lookups go out at the end of the task (a batch window of 0)
    await settleTasks(3);
    expect(server.calls.length - asked, 'one poll once shown').to.be.at.least(1);
    expect(timers.delays.length).to.be.at.most(2);

    source.close();
    expect(timers.delays, 'nothing waiting once closed').to.deep.equal([]);
    expect(visibility.listenerCount).to.equal(0);
  });
});
