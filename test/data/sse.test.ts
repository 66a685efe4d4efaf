import { expect } from '@open-wc/testing';
import { RestDataSource, type LiveUpdate } from '../../src/data/index.js';
import { DEMO_CAMPAIGNS, mockApi, resetMockApi } from '../../src/mocks/index.js';
import {
  FakeEventSource, ManualTimers, TrackedEventSource, deferred, fakeFetch, fastTimers, json, settle, startWorker, until, wireStatus,
} from './helpers.js';
import { describeWithMockStream } from '../support/engine.js';

/** A newsletter message that exists at the anchor and has an event in the next 30 minutes (from the dataset). */
function upcoming(): { id: string; at: number } {
  const { dataset } = mockApi();
  for (const message of dataset.campaign(DEMO_CAMPAIGNS.newsletter)!.messages) {
    const next = message.times.find((t) => t > dataset.anchor);
    if (message.times[0]! <= dataset.anchor && next !== undefined && next <= dataset.anchor + 30 * 60_000) return { id: message.id, at: next };
  }
  throw new Error('the dataset has no upcoming event');
}

const streamRequests = () => mockApi().requests.filter((r) => r.endpoint === 'stream');

describeWithMockStream('RestDataSource live updates over Server-Sent Events (mock API)', () => {
  let msw: { stop(): void };
  let source: RestDataSource | undefined;
  before(async () => {
    msw = await startWorker();
  });
  after(() => msw.stop());
  beforeEach(() => {
    resetMockApi({ sseRetry: 20 });
    TrackedEventSource.all = [];
  });
  afterEach(() => {
    source?.close();
    for (const es of TrackedEventSource.all) es.close();
  });

  const open = () => until(() => TrackedEventSource.all.some((es) => es.readyState === EventSource.OPEN), 3_000, 'the stream to open');

  /** Follows message `id` over the stream, whose first connection will drop after one event. */
  const followWithADrop = async (id: string): Promise<LiveUpdate[]> => {
    mockApi().faults.set('stream', { dropAfter: 1, times: 1 });
    source = new RestDataSource({ baseUrl: '/api', EventSource: TrackedEventSource, timers: fastTimers, timeout: 0 });
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id }, (u) => heard.push(u));
    await open();
    return heard;
  };

  it('fans a status change out to every subscriber of the message, over one shared connection', async () => {
    const target = upcoming();
    source = new RestDataSource({ baseUrl: '/api', EventSource: TrackedEventSource, timers: fastTimers, timeout: 0 });
    const first: LiveUpdate[] = [];
    const second: LiveUpdate[] = [];
    const campaign: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: target.id }, (u) => first.push(u));
    source.subscribe({ kind: 'message', id: target.id }, (u) => second.push(u));
    source.subscribe({ kind: 'campaign', id: DEMO_CAMPAIGNS.newsletter }, (u) => campaign.push(u));
    await open();

    mockApi().clock.set(target.at);
    await until(() => first.some((u) => u.type === 'message-status') && campaign.length > 0, 3_000, 'the updates');

    const status = first.find((u) => u.type === 'message-status');
    expect(status?.type === 'message-status' && status.status.messageId).to.equal(target.id);
    expect(status?.type === 'message-status' && status.status.updatedAt).to.equal(new Date(target.at).toISOString());
    expect(second).to.deep.equal(first);
    expect(campaign.every((u) => u.type === 'campaign-stats' && u.stats.campaign.id === DEMO_CAMPAIGNS.newsletter)).to.equal(true);
    expect(TrackedEventSource.all).to.have.length(1);
    expect(streamRequests()).to.have.length(1);
    expect(new URL(streamRequests()[0]!.url).searchParams.get('topics')).to.equal(`campaign:${DEMO_CAMPAIGNS.newsletter},message:${target.id}`);
  });

  it('resumes a dropped stream after the last event it received, and delivers what was missed, once', async () => {
    const target = upcoming();
    const heard = await followWithADrop(target.id);

    mockApi().clock.set(target.at);
    await until(() => heard.some((u) => u.type === 'message-status'), 3_000, 'the status after the reconnection');

    const entries = mockApi().store.entriesAfter(0).filter((e) => e.topic === `message:${target.id}`);
    const streams = streamRequests();
    expect(streams).to.have.length(2);
    expect(streams[0]!.lastEventId).to.equal(null);
    expect(streams[1]!.lastEventIdFrom).to.equal('query');
    expect(streams[1]!.lastEventId).to.equal(String(entries[0]!.id));
    expect(heard.map((u) => u.type)).to.deep.equal(entries.map((e) => e.type));
  });

  it('keeps the last event id across failed reconnections', async () => {
    const target = upcoming();
    const heard = await followWithADrop(target.id);
    // Taken by the reconnections that follow the drop.
    mockApi().faults.set('stream', { status: 503, times: 2 });

    mockApi().clock.set(target.at);
    await until(() => heard.some((u) => u.type === 'message-status'), 3_000, 'the status after the reconnection');

    const first = mockApi().store.entriesAfter(0).find((e) => e.topic === `message:${target.id}`)!;
    const streams = streamRequests();
    expect(streams).to.have.length(4);
    for (const stream of streams.slice(1)) expect(stream.lastEventId).to.equal(String(first.id));
    expect(heard.filter((u) => u.type === 'message-status')).to.have.length(1);
  });

  it('falls back to polling while the stream is refused, and stops polling once it is back', async () => {
    const target = upcoming();
    mockApi().faults.set('stream', { status: 500 });
    source = new RestDataSource({ baseUrl: '/api', EventSource: TrackedEventSource, timers: fastTimers, timeout: 0 });
    await source.getMessages([target.id]);
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: target.id }, (u) => heard.push(u));
    await until(() => source!.polling, 3_000, 'polling to start');
    await until(() => mockApi().requests.some((r) => r.endpoint === 'messages'), 3_000, 'a poll');

    mockApi().clock.set(target.at);
    await until(() => heard.length > 0, 3_000, 'a polled update');
    expect(heard[0]!.type === 'message-status' && heard[0]!.status.updatedAt).to.equal(new Date(target.at).toISOString());

    mockApi().faults.clear('stream');
    await until(() => !source!.polling, 3_000, 'polling to stop');
    expect(TrackedEventSource.all.some((es) => es.readyState === EventSource.OPEN)).to.equal(true);
  });

  it('closes the stream when the last subscriber leaves', async () => {
    source = new RestDataSource({ baseUrl: '/api', EventSource: TrackedEventSource, timers: fastTimers, timeout: 0 });
    const stop = source.subscribe({ kind: 'campaign', id: DEMO_CAMPAIGNS.sms }, () => {});
    await open();
    stop();
    await settle();
    expect(TrackedEventSource.all[0]!.readyState).to.equal(EventSource.CLOSED);
  });
});

describe('RestDataSource stream handling', () => {
  let timers: ManualTimers;
  beforeEach(() => {
    FakeEventSource.reset();
    timers = new ManualTimers();
  });
  const make = (extra = {}) => new RestDataSource({ baseUrl: '/api', EventSource: FakeEventSource, timers, timeout: 0, random: () => 1, ...extra });
  const statusUpdate = (id: string, updatedAt: string, display = 'opened') => wireStatus(id, { display, updatedAt });

  it('opens one connection for all the topics subscribed in one task', async () => {
    const source = make();
    for (let i = 0; i < 50; i++) source.subscribe({ kind: 'message', id: `m${i}` }, () => {});
    await Promise.resolve();
    expect(FakeEventSource.all).to.have.length(1);
    expect(new URL(FakeEventSource.all[0]!.url, location.href).searchParams.get('topics')!.split(',')).to.have.length(50);
  });

  it('asks for every topic when naming them would make the URL too long', async () => {
    const source = make({ maxUrlLength: 200 });
    for (let i = 0; i < 50; i++) source.subscribe({ kind: 'message', id: `message-${i}` }, () => {});
    await Promise.resolve();
    expect(new URL(FakeEventSource.all[0]!.url, location.href).searchParams.has('topics')).to.equal(false);
  });

  it('reconnects once to add topics, resuming after the last event it saw', async () => {
    const source = make();
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    FakeEventSource.all[0]!.open();
    FakeEventSource.all[0]!.emit('message-status', statusUpdate('a', '2026-11-24T10:00:00Z'), '41');
    source.subscribe({ kind: 'message', id: 'b' }, () => {});
    source.subscribe({ kind: 'message', id: 'c' }, () => {});
    await Promise.resolve();
    timers.advance(100);

    expect(FakeEventSource.all).to.have.length(2);
    expect(FakeEventSource.all[0]!.closed).to.equal(true);
    const url = new URL(FakeEventSource.all[1]!.url, location.href);
    expect(url.searchParams.get('topics')).to.equal('message:a,message:b,message:c');
    expect(url.searchParams.get('lastEventId')).to.equal('41');
  });

  it('ignores a malformed event and keeps listening', async () => {
    const source = make();
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
    await Promise.resolve();
    const es = FakeEventSource.all[0]!;
    es.open();
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      es.emit('message-status', '{"messageId": "a", ');
      es.emit('message-status', { messageId: 'a' });
      es.emit('message-missing', { id: 'a' });
      es.emit('message-missing', 'a');
    } finally {
      console.warn = warn;
    }
    es.emit('message-status', statusUpdate('a', '2026-11-24T10:00:00Z'));
    expect(warnings).to.have.length(4);
    expect(String((warnings[2] as unknown[])[1]), 'says what is wrong').to.include('data.messageId is not a string');
    expect(heard).to.have.length(1);
    expect(heard[0]!.type === 'message-status' && heard[0]!.status.display).to.equal('opened');
  });

  it('drops a status older than the one it holds, and caches a newer one', async () => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [statusUpdate('a', '2026-11-24T10:00:00Z', 'delivered')] }));
    const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timeout: 0 });
    await source.getMessages(['a']);
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
    await Promise.resolve();
    const es = FakeEventSource.all[0]!;
    es.emit('message-status', statusUpdate('a', '2026-11-24T09:59:00Z', 'sent'));
    expect(heard).to.have.length(0);
    es.emit('message-status', statusUpdate('a', '2026-11-24T10:05:00Z', 'clicked'));
    expect(heard).to.have.length(1);
    expect((await source.getMessages(['a'])).get('a')?.display).to.equal('clicked');
    expect(calls).to.have.length(1);
  });

  it('keeps figures heard live over those of a read sent before them and answered after', async () => {
    const held = deferred<void>();
    const figures = (sent: number, updatedAt: string) => ({ campaign: { id: 'c', name: 'C', channel: 'email' }, counts: { sent }, updatedAt });
    const { fetch, calls } = fakeFetch(async () => {
      await held.promise;
      return json(figures(1, '2026-11-24T09:00:00Z'));
    });
    const source = make({ fetch });
    source.subscribe({ kind: 'campaign', id: 'c' }, () => {});
    const read = source.getCampaignStats('c');
    await settle();
    FakeEventSource.all[0]!.open();
    FakeEventSource.all[0]!.emit('campaign-stats', figures(2, '2026-11-24T10:00:00Z'), '1');
    held.resolve();
    expect((await read).counts.sent, 'the figures heard live, newer than the read\'s answer (as for statuses)').to.equal(2);
    expect((await source.getCampaignStats('c')).counts.sent, 'the figures cached').to.equal(2);
    expect(calls).to.have.length(1);
    source.close();
  });

  it('reconnects after an error with exponential backoff, and polls meanwhile from the second failure on', async () => {
    const source = make();
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    FakeEventSource.all[0]!.open();
    FakeEventSource.all[0]!.fail(false);
    expect(FakeEventSource.all[0]!.closed).to.equal(true);
    expect(timers.delays).to.deep.equal([1_000]);
    expect(source.polling).to.equal(false);

    timers.advance(1_000);
    expect(FakeEventSource.all).to.have.length(2);
    FakeEventSource.all[1]!.fail(true);
    expect(source.polling).to.equal(true);
    expect(timers.delays).to.include(2_000);

    timers.advance(2_000);
    FakeEventSource.all[2]!.open();
    expect(source.polling, 'open, not yet proved').to.equal(true);
    FakeEventSource.all[2]!.emit('message-status', statusUpdate('a', '2026-11-24T10:00:00Z'), '1');
    expect(source.polling).to.equal(false);
    // No reconnection or poll left: only the batch window of the one poll that catches up (nothing to resume from).
    expect(timers.delays.filter((ms) => ms > 500)).to.deep.equal([]);
  });

  it('says once in the console that the stream failed and the source polls instead (a server without /stream)', async () => {
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
    try {
      const source = make();
      source.subscribe({ kind: 'message', id: 'a' }, () => {});
      await Promise.resolve();
      FakeEventSource.all[0]!.fail(true);
      expect(warned, 'not at the first failure: it may be a blip').to.deep.equal([]);
      for (let i = 1; i < 5; i++) {
        timers.advance(60_000);
        FakeEventSource.all[i]!.fail(true);
      }
      expect(source.polling).to.equal(true);
      expect(warned, 'once, however many failures follow').to.have.length(1);
      expect(warned[0]).to.match(/^estafette: the live stream \S*\/api\/stream failed twice in a row: polling until it works again\.$/);
      source.close();
    } finally {
      console.warn = warn;
    }
  });

  /** Moves time half a second at a time, letting requests finish, until the next connection is made; how long it took. */
  const untilNextConnection = async (): Promise<number> => {
    const count = FakeEventSource.all.length;
    let waited = 0;
    while (FakeEventSource.all.length === count) {
      if (waited > 120_000) throw new Error('no reconnection within two minutes');
      timers.advance(500);
      waited += 500;
      await settle();
    }
    return waited;
  };

  it('backs off and polls when the stream opens and drops at once, again and again (a serverless host, a short proxy time limit)', async () => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [statusUpdate('a', '2026-11-24T10:00:00Z', 'delivered')] }));
    const source = make({ fetch, pollInterval: 60_000 });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      FakeEventSource.last!.open();
      FakeEventSource.last!.fail(false);
      waits.push(await untilNextConnection());
    }
    expect(waits).to.deep.equal([1_000, 2_000, 4_000, 8_000, 16_000, 32_000]);
    expect(source.polling, 'polling since the second failure').to.equal(true);
    expect(calls, 'one poll catching up, at the first reopening, none at the others').to.have.length(1);

    // One that delivers an event has proved itself: polling stops, after one poll catching up, and failures are forgotten.
    FakeEventSource.last!.open();
    FakeEventSource.last!.emit('message-status', statusUpdate('a', '2026-11-24T10:00:00Z'), '9');
    expect(source.polling).to.equal(false);
    for (let i = 0; i < 2; i++) {
      timers.advance(500); // the catch-up's batch window and hold
      await settle();
    }
    expect(calls).to.have.length(2);
    expect(FakeEventSource.all).to.have.length(7);
    FakeEventSource.last!.fail(false);
    expect(await untilNextConnection()).to.equal(1_000);
    source.close();
  });

  it('forgets past failures once an open stream has lasted the longest backoff wait, quiet or not', async () => {
    const { fetch } = fakeFetch(() => json({ messages: [] }));
    const source = make({ fetch });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    FakeEventSource.last!.open();
    FakeEventSource.last!.fail(false);
    expect(await untilNextConnection()).to.equal(1_000);
    FakeEventSource.last!.open();
    FakeEventSource.last!.fail(false);
    expect(await untilNextConnection()).to.equal(2_000);
    expect(source.polling).to.equal(true);

    FakeEventSource.last!.open();
    timers.advance(59_999);
    FakeEventSource.last!.fail(false);
    expect(await untilNextConnection(), 'not proved yet: the waits go on growing').to.equal(4_000);
    FakeEventSource.last!.open();
    timers.advance(60_000);
    FakeEventSource.last!.fail(false);
    expect(await untilNextConnection()).to.equal(1_000);
    source.close();
  });

  it('stops the polls that filled in once the stream back has stayed open a poll interval, quiet', async () => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [statusUpdate('a', '2026-11-24T10:00:00Z', 'delivered')] }));
    const source = make({ fetch, pollInterval: 5_000 });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    for (let i = 0; i < 2; i++) {
      FakeEventSource.last!.open();
      FakeEventSource.last!.fail(false);
      await untilNextConnection();
    }
    expect(source.polling).to.equal(true);
    FakeEventSource.last!.open();
    // Opens and drops at once: polling goes on through it.
    FakeEventSource.last!.fail(false);
    expect(source.polling, 'a stream that drops at once stops nothing').to.equal(true);
    await untilNextConnection();
    const before = calls.length;
    FakeEventSource.last!.open();
    for (let waited = 0; waited < 60_000; waited += 500) {
      timers.advance(500);
      await settle();
    }
    expect(source.polling).to.equal(false);
    // At 5 s a poll, at most one, before the stream has lasted a poll interval; none in the rest of the minute.
    expect(calls.length - before, 'polls while the quiet stream was open for a minute').to.be.at.most(1);
    source.close();
  });

  it('catches up with one poll when the stream comes back with no event id to resume from', async () => {
    let answer = 'delivered';
    const { fetch, calls } = fakeFetch(() => json({ messages: [statusUpdate('a', answer === 'delivered' ? '2026-11-24T10:00:00Z' : '2026-11-24T10:05:00Z', answer)] }));
    const source = make({ fetch });
    const loaded = source.getMessages(['a']);
    timers.advance(500); // the batch window
    await loaded;
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
    await Promise.resolve();
    FakeEventSource.all[0]!.open();
    FakeEventSource.all[0]!.fail(false); // dropped before any event: nothing to resume from
    answer = 'opened'; // what happened while it was down
    timers.advance(1_000);
    FakeEventSource.all[1]!.open();
    for (let i = 0; i < 20 && heard.length === 0; i++) {
      timers.advance(500); // the poll's batch window
      await settle();
    }
    expect(heard.map((u) => u.type === 'message-status' && u.status.display)).to.deep.equal(['opened']);
    expect(calls).to.have.length(2);
  });

  it('catches up on every followed message, settled ones too, whatever round the fallback polling was at', async () => {
    let answer = 'delivered';
    const { fetch, calls } = fakeFetch(() => json({ messages: [statusUpdate('a', answer === 'delivered' ? '2026-11-24T10:00:00Z' : '2026-11-24T10:05:00Z', answer)] }));
    const source = make({ fetch, pollInterval: 1_000 });
    const drive = async (ms: number) => {
      for (let waited = 0; waited < ms; waited += 100) {
        timers.advance(100);
        await settle();
      }
    };
    const loaded = source.getMessages(['a']); // settled, as the wire says
    await drive(500);
    await loaded;
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
    await Promise.resolve();
    FakeEventSource.all[0]!.open();
    FakeEventSource.all[0]!.fail(false);
    await drive(1_000);
    FakeEventSource.all[1]!.fail(true); // the second failure: polling fills in, its first round asks for 'a'
    await drive(1_500);
    expect(calls, 'the fallback polled once').to.have.length(2);
    answer = 'opened';
    await drive(500);
    // Back, nothing to resume from: polling goes on until the stream proves itself (here with an event of another
    // topic), then one poll catches up, whatever round polling was at.
    FakeEventSource.all.at(-1)!.open();
    await drive(500);
    FakeEventSource.all.at(-1)!.emit('campaign-history', { campaignId: 'other', action: 'started', at: '2026-11-24T10:06:00Z' }, '7');
    expect(source.polling).to.equal(false);
    await drive(1_000);
    expect(heard.map((u) => u.type === 'message-status' && u.status.display)).to.deep.equal(['opened']);
  });

  it('reads a status once more when it was asked before the first stream opened and answered after', async () => {
    let display = 'delivered';
    const answered = deferred<void>();
    const { fetch, calls } = fakeFetch(async () => {
      // The server reads the status when the request comes, before the stream opens; it answers later.
      const read = display;
      if (calls.length === 1) await answered.promise;
      return json({ messages: [statusUpdate('a', read === 'delivered' ? '2026-11-24T10:00:00Z' : '2026-11-24T10:05:00Z', read)] });
    });
    const source = make({ fetch });
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
    const loaded = source.getMessages(['a']);
    await Promise.resolve();
    timers.advance(0); // the batch window: the lookup goes out
    expect(calls).to.have.length(1);
    display = 'opened'; // then the message is opened, and only then the stream opens: it will not send that
    FakeEventSource.all[0]!.open();
    answered.resolve();
    expect((await loaded).get('a')?.display).to.equal('delivered');
    for (let i = 0; i < 5 && heard.length === 0; i++) {
      timers.advance(0);
      await settle();
    }
    expect(heard.map((u) => u.type === 'message-status' && u.status.display)).to.deep.equal(['opened']);
    expect(calls).to.have.length(2);
    source.close();
  });

  it('reads a topic once after an opening, however many of its reads were under way then', async () => {
    const eventsAnswered = deferred<void>();
    const { fetch, calls } = fakeFetch(async (call) => {
      if (call.url.pathname.endsWith('/events')) {
        await eventsAnswered.promise;
        return json({ events: [] });
      }
      return json({ messages: call.ids.map((id) => statusUpdate(id, '2026-11-24T10:00:00Z', 'delivered')) });
    });
    const source = make({ fetch });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    const loaded = source.getMessages(['a']); // a badge's lookup, answered
    timers.advance(0);
    await loaded;
    const events = source.getMessageEvents('a'); // a timeline's first page, on its way when the stream opens
    await settle();
    FakeEventSource.all[0]!.open();
    for (let i = 0; i < 3; i++) {
      timers.advance(0);
      await settle();
    }
    eventsAnswered.resolve();
    await events;
    for (let i = 0; i < 3; i++) {
      timers.advance(0);
      await settle();
    }
    const lookups = calls.filter((call) => call.url.pathname === '/api/messages');
    expect(lookups.map((call) => call.ids), 'the badge\'s lookup, then one after the opening').to.deep.equal([['a'], ['a']]);
    source.close();
  });

  it('a catch-up still on its way when the stream drops and comes back, again with nothing to resume from, is not taken for the next one', async () => {
    let display = 'delivered';
    const answers: (() => void)[] = [];
    const { fetch, calls } = fakeFetch(async () => {
      // The server reads the status when the request comes; it answers when the test says.
      const read = display;
      if (calls.length > 1) await new Promise<void>((resolve) => answers.push(resolve));
      return json({ messages: [statusUpdate('a', read === 'delivered' ? '2026-11-24T10:00:00Z' : '2026-11-24T10:05:00Z', read)] });
    });
    const source = make({ fetch });
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
    const loaded = source.getMessages(['a']);
    timers.advance(0);
    await loaded;
    FakeEventSource.all[0]!.open(); // no event id: the status is read once more
    for (let i = 0; i < 3; i++) {
      timers.advance(0);
      await settle();
    }
    expect(calls, 'the catch-up is on its way').to.have.length(2);
    FakeEventSource.all[0]!.fail(false); // dropped before any event came
    display = 'opened'; // what happens while it is down
    timers.advance(1_000);
    FakeEventSource.all[1]!.open(); // back, nothing to resume from
    for (let i = 0; i < 20 && heard.length === 0; i++) {
      for (const answer of answers.splice(0)) answer();
      timers.advance(500);
      await settle();
    }
    expect(heard.map((u) => u.type === 'message-status' && u.status.display), 'what happened while it was down').to.deep.equal(['opened']);
    expect(calls, 'a lookup per opening').to.have.length(3);
    source.close();
  });

  it('reads a big page once more in a lookup per batch, each id once, after the first stream opens', async () => {
    const { fetch, calls } = fakeFetch((call) => json({ messages: call.ids.map((id) => statusUpdate(id, '2026-11-24T10:00:00Z', 'delivered')) }));
    const source = make({ fetch });
    const ids = Array.from({ length: 1_200 }, (_, i) => `m${i}`);
    // As 1,200 badges do: each follows its message and asks for it, in one task.
    const loaded = ids.map((id) => {
      source.subscribe({ kind: 'message', id }, () => {});
      return source.getMessages([id]);
    });
    await Promise.resolve();
    timers.advance(0);
    await Promise.all(loaded);
    expect(calls, 'the first lookups').to.have.length(3);
    FakeEventSource.all[0]!.open(); // every topic (too many to name in the URL), no event id
    for (let i = 0; i < 3; i++) {
      timers.advance(0);
      await settle();
    }
    const again = calls.slice(3);
    expect(again.map((call) => call.ids.length)).to.deep.equal([500, 500, 200]);
    expect(new Set(again.flatMap((call) => call.ids)).size).to.equal(1_200);
    source.close();
  });

  it('does not read again what was asked while the stream was open, nor when a later stream resumes', async () => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [statusUpdate('a', '2026-11-24T10:00:00Z', 'delivered')] }));
    const source = make({ fetch });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    FakeEventSource.all[0]!.open();
    const loaded = source.getMessages(['a']);
    timers.advance(0);
    await loaded;
    FakeEventSource.all[0]!.emit('message-status', statusUpdate('a', '2026-11-24T10:00:00Z'), '41');
    source.subscribe({ kind: 'message', id: 'b' }, () => {});
    await Promise.resolve();
    timers.advance(100); // reopened with both topics, after event 41
    FakeEventSource.all[1]!.open();
    for (let i = 0; i < 3; i++) {
      timers.advance(0);
      await settle();
    }
    expect(calls.map((call) => call.ids)).to.deep.equal([['a']]);
    source.close();
  });

  it('does not poll when the stream comes back with an event id to resume from (the server sends what was missed)', async () => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [statusUpdate('a', '2026-11-24T10:00:00Z', 'delivered')] }));
    const source = make({ fetch });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    FakeEventSource.all[0]!.open();
    FakeEventSource.all[0]!.emit('message-status', statusUpdate('a', '2026-11-24T10:00:00Z'), '41');
    FakeEventSource.all[0]!.fail(false);
    timers.advance(1_000);
    FakeEventSource.all[1]!.open();
    await settle();
    expect(calls).to.have.length(0);
  });

  it('counts a stream that never opens, with no error (held back on the way), as failed once its time limit is up', async () => {
    const source = make({ timeout: 5_000 });
    source.subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    timers.advance(4_999);
    expect(FakeEventSource.all[0]!.closed, 'still within the limit').to.equal(false);
    timers.advance(1);
    expect(FakeEventSource.all[0]!.closed, 'given up on').to.equal(true);
    expect(source.polling, 'one failure: not yet polling').to.equal(false);
    timers.advance(1_000);
    expect(FakeEventSource.all).to.have.length(2);
    timers.advance(5_000);
    expect(FakeEventSource.all[1]!.closed).to.equal(true);
    expect(source.polling, 'polling from the second failure on').to.equal(true);
    // One that opens in time keeps going: its time limit is gone.
    timers.advance(2_000);
    FakeEventSource.all[2]!.open();
    timers.advance(60_000);
    expect(FakeEventSource.all[2]!.closed).to.equal(false);
    expect(FakeEventSource.all).to.have.length(3);
    expect(source.polling).to.equal(false);
    source.close();
  });

  it('waits for a stream to open as long as it takes with timeout: 0', async () => {
    make().subscribe({ kind: 'message', id: 'a' }, () => {});
    await Promise.resolve();
    timers.advance(10 * 60_000);
    expect(FakeEventSource.all).to.have.length(1);
    expect(FakeEventSource.all[0]!.closed).to.equal(false);
  });
});
