import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { DEMO_CAMPAIGNS, messageIdsFor, resetMockApi, sampleMessageId } from '../../src/mocks/index.js';
import { countingFetch, deferred, echoMessages, fakeFetch, json, ManualTimers, settle, startWorker, until, wireStatus } from './helpers.js';

describe('RestDataSource batching', () => {
  let msw: { stop(): void };
  before(async () => {
    msw = await startWorker();
  });
  after(() => msw.stop());
  beforeEach(() => resetMockApi());

  it('turns 10,000 lookups made in one tick into ceil(10,000 / 500) = 20 requests, asking for no id twice', async () => {
    const known = [
      ...messageIdsFor(DEMO_CAMPAIGNS.newsletter),
      ...messageIdsFor(DEMO_CAMPAIGNS.sms),
      ...messageIdsFor(DEMO_CAMPAIGNS.transactional),
    ];
    const ids = [...known];
    for (let i = 0; ids.length < 10_000; i++) ids.push(`not-a-message-${i}`);
    const { fetch, calls } = countingFetch();
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });

    const results = await Promise.all(ids.map((id) => source.getMessages([id])));

    expect(calls).to.have.length(20);
    const asked = calls.flatMap((call) => call.ids);
    expect(asked).to.have.length(10_000);
    expect(new Set(asked).size).to.equal(10_000);
    expect(results.filter((map) => map.size === 1)).to.have.length(known.length);
    const clicked = sampleMessageId('clicked');
    expect(results[ids.indexOf(clicked)]!.get(clicked)?.display).to.equal('clicked');
    expect(results[ids.indexOf('not-a-message-0')]!.size).to.equal(0);
  });

  it('asks once for an id looked up many times: 10,000 lookups of 8,000 ids make 16 requests', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const lookups = Array.from({ length: 10_000 }, (_, i) => `m-${i % 8_000}`);

    await Promise.all(lookups.map((id) => source.getMessages([id])));

    expect(calls).to.have.length(16);
    expect(new Set(calls.flatMap((call) => call.ids)).size).to.equal(8_000);
    expect(calls.flatMap((call) => call.ids)).to.have.length(8_000);
  });

  it('leaves out, with a warning, a status the server filed under another spelling of the id asked for', async () => {
    const { fetch } = fakeFetch((call) => json({ messages: call.ids.map((id) => wireStatus(id.toLowerCase())) }));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      expect((await source.getMessages(['ABC'])).size, 'not found').to.equal(0);
    } finally {
      console.warn = original;
    }
    expect(warnings.join('\n')).to.contain('GET /messages answered "abc", an id not asked for (ids are compared exactly); left out.');
  });

  it('splits by the batchSize given', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', batchSize: 3 });
    await Promise.all(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id) => source.getMessages([id])));
    expect(calls.map((call) => call.ids)).to.deep.equal([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
  });

  it('sends a full batch at once, without waiting for the collect window; the rest goes out when it ends', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const timers = new ManualTimers();
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', batchSize: 3, timers });
    const lookups = ['a', 'b', 'c', 'd', 'a'].map((id) => source.getMessages([id]));
    await settle();
    expect(calls.map((call) => call.ids)).to.deep.equal([['a', 'b', 'c']]);

    timers.advance(0);
    const found = await Promise.all(lookups);

    expect(calls.map((call) => call.ids)).to.deep.equal([['a', 'b', 'c'], ['d']]);
    expect(found.map((map) => [...map.keys()])).to.deep.equal([['a'], ['b'], ['c'], ['d'], ['a']]);
  });

  it('starts a full batch request in the very task that asks when its headers are given as an object', () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const timers = new ManualTimers();
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', batchSize: 2, timers, headers: { 'x-team': 'ops' } });
    void source.getMessages(['a']);
    void source.getMessages(['b']);
    // No await: fetch() was called before this task ends, not after the page's next frame.
    expect(calls.map((call) => call.ids)).to.deep.equal([['a', 'b']]);
  });

  it('uses GET /messages?ids= while the URL is short, POST /messages/batch when it would be too long', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', maxUrlLength: 80 });

    await source.getMessages(['a', 'b']);
    const many = Array.from({ length: 20 }, (_, i) => `message-${i}`);
    const found = await source.getMessages(many);

    expect(calls[0]!.method).to.equal('GET');
    expect(calls[0]!.url.pathname).to.equal('/api/messages');
    expect(calls[0]!.url.searchParams.get('ids')).to.equal('a,b');
    expect(calls[1]!.method).to.equal('POST');
    expect(calls[1]!.url.pathname).to.equal('/api/messages/batch');
    expect(JSON.parse(calls[1]!.body!)).to.deep.equal({ ids: many });
    expect(found.size).to.equal(20);
  });

  it('sends ids that hold a comma in a POST body, where the comma cannot be taken for a separator', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const found = await source.getMessages(['<a,b@mx.example>', 'c']);
    expect(calls[0]!.method).to.equal('POST');
    expect([...found.keys()].sort()).to.deep.equal(['<a,b@mx.example>', 'c']);
  });

  describe('answers of requests sent together', () => {
    /** Lookups of a..d with batchSize 2 (two requests), each answered when the test says. */
    function twoRequests() {
      const answers = [deferred<Response>(), deferred<Response>()];
      const { fetch, calls } = fakeFetch(() => answers[calls.length - 1]!.promise);
      const timers = new ManualTimers();
      const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', batchSize: 2, timers });
      const got: string[] = [];
      const lookups = ['a', 'b', 'c', 'd'].map((id) => source.getMessages([id]).then((found) => got.push(...found.keys())));
      timers.advance(0);
      const answer = (i: number) => answers[i]!.resolve(json({ messages: calls[i]!.ids.map((id) => wireStatus(id)) }));
      return { calls, timers, got, lookups, answer };
    }

    it('hands out the first answer together with the last, so a big table re-renders once', async () => {
      const { calls, got, lookups, answer } = twoRequests();
      expect(calls.map((call) => call.ids)).to.deep.equal([['a', 'b'], ['c', 'd']]);
      answer(0);
      await settle();
      expect(got, 'the first answer waits for the second').to.deep.equal([]);
      answer(1);
      await Promise.all(lookups);
      expect(got.sort()).to.deep.equal(['a', 'b', 'c', 'd']);
    });

    it('hands out the first answers after half a second at the latest when another request is slow', async () => {
      const { timers, got, lookups, answer } = twoRequests();
      answer(1);
      // The half second runs from that answer's arrival: wait until it is read (more task turns in Firefox).
      await until(() => timers.delays.includes(500), 1_000, 'the hold after the first answer');
      timers.advance(499);
      await settle();
      expect(got).to.deep.equal([]);
      timers.advance(1);
      await settle();
      expect(got.sort()).to.deep.equal(['c', 'd']);
      answer(0);
      await Promise.all(lookups);
      expect(got.sort()).to.deep.equal(['a', 'b', 'c', 'd']);
    });

    it('hands out a failure with the wave too, and a lone request at once', async () => {
      const answers = [deferred<Response>(), deferred<Response>()];
      const { fetch, calls } = fakeFetch(() => answers[calls.length - 1]!.promise);
      const timers = new ManualTimers();
      const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', batchSize: 2, timers });
      const settled: string[] = [];
      const track = (id: string) => source.getMessages([id]).then(() => settled.push(`${id} ok`), () => settled.push(`${id} failed`));
      const wave = ['a', 'b', 'c'].map(track);
      timers.advance(0);
      answers[0]!.resolve(json({ error: 'bad request' }, { status: 400 }));
      await settle();
      expect(settled).to.deep.equal([]);
      answers[1]!.resolve(json({ messages: [wireStatus('c')] }));
      await Promise.all(wave);
      expect(settled.sort()).to.deep.equal(['a failed', 'b failed', 'c ok']);

      // Later, one request alone: nothing to wait for.
      const lone = deferred<Response>();
      answers.push(lone);
      const later = track('e');
      timers.advance(0);
      lone.resolve(json({ messages: [wireStatus('e')] }));
      await later;
      expect(settled).to.include('e ok');
      expect(timers.delays, 'no deadline left running').to.deep.equal([]);
    });
  });

  it('does not ask again for an id whose request is still in flight', async () => {
    const held = deferred<Response>();
    const { fetch, calls } = fakeFetch((call) => (calls.length === 1 ? held.promise : echoMessages(call)));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });

    const first = source.getMessages(['x']);
    await settle();
    const second = source.getMessages(['x', 'y']);
    await settle();
    expect(calls.map((call) => call.ids)).to.deep.equal([['x'], ['y']]);

    held.resolve(json({ messages: [wireStatus('x', { display: 'opened' })] }));
    expect((await first).get('x')?.display).to.equal('opened');
    const both = await second;
    expect(both.get('x')?.display).to.equal('opened');
    expect(both.get('y')?.display).to.equal('delivered');
  });

  it('makes no request for an empty list', async () => {
    const { fetch, calls } = fakeFetch(echoMessages);
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    expect((await source.getMessages([])).size).to.equal(0);
    await settle();
    expect(calls).to.have.length(0);
  });

  it('encodes ids in paths and joins concurrent reads of one page', async () => {
    const { fetch, calls } = fakeFetch(() => json({ events: [] }));
    const source = new RestDataSource({ baseUrl: '/api/', fetch, live: 'off' });
    await Promise.all([source.getMessageEvents('a/b c'), source.getMessageEvents('a/b c')]);
    expect(calls).to.have.length(1);
    expect(calls[0]!.url.pathname).to.equal('/api/messages/a%2Fb%20c/events');
  });
});
