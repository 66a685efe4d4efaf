// The demo's data source on the mock API, where the browser never opens the mock's live stream (WebKitGTK does not
// hand a page what its service worker streams): the statuses must still start moving within seconds.
import { expect } from '@open-wc/testing';
import { demoSource } from '../../src/demo/demo-source.js';
import { FakeEventSource, ManualTimers, fakeFetch, json } from '../data/helpers.js';

describe('the demo data source', () => {
  let timers: ManualTimers;
  beforeEach(() => {
    FakeEventSource.reset();
    timers = new ManualTimers();
  });

  /** A source whose stream never opens nor fails (FakeEventSource, left alone), and the fetches it makes. */
  const make = (endpoint: string | null) => {
    const { fetch, calls } = fakeFetch(() => json({ messages: [] }));
    const source = demoSource(endpoint, { fetch, EventSource: FakeEventSource, timers, random: () => 1 });
    source.subscribe!({ kind: 'message', id: 'm-1' }, () => {});
    return { source, calls };
  };
  /** Seconds of page time until `source` first asks for the message by polling (at most `limit`). */
  const secondsToFirstPoll = async (calls: readonly { ids: readonly string[] }[], limit: number) => {
    for (let second = 0; second <= limit; second++) {
      await Promise.resolve();
      if (calls.some((call) => call.ids.includes('m-1'))) return second;
      timers.advance(1_000);
      // Let the poller's awaited work run between ticks.
      for (let i = 0; i < 5; i++) await Promise.resolve();
    }
    return Infinity;
  };

  it('on the mock API, polls within seconds when the live stream never opens', async () => {
    const { source, calls } = make(null);
    await Promise.resolve();
    expect(FakeEventSource.all[0]!.url.startsWith(new URL('/api/', document.baseURI).href), 'the mock API').to.equal(true);
    const seconds = await secondsToFirstPoll(calls, 60);
    expect(seconds, 'seconds before the first poll').to.be.at.most(20);
    expect(source.polling).to.equal(true);
    expect(calls.every((call) => call.url.pathname.startsWith('/api/')), calls.map((c) => c.url.href).join(' ')).to.equal(true);
    source.close();
  });

  it('against a real API keeps the kit defaults: two 30 s tries for the stream before it polls', async () => {
    const { source, calls } = make('https://api.example/v1');
    await Promise.resolve();
    expect(FakeEventSource.all[0]!.url).to.match(/^https:\/\/api\.example\/v1\//);
    expect(await secondsToFirstPoll(calls, 55), 'no poll within 55 s').to.equal(Infinity);
    expect(source.polling).to.equal(false);
    source.close();
  });
});
