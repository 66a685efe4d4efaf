// Live-data edges of RestDataSource where what a user sees could be lost or stay old: a topic added to a stream that
// resumes, a lookup answered after a live event, a catch-up that fails, an element put back while polling. Fakes
// only (a scripted server, the test's own clock and EventSource): each race is played in a set order.
import { expect } from '@open-wc/testing';
import { RestDataSource, type LiveUpdate } from '../../src/data/index.js';
import { FakeEventSource, ManualTimers, fakeFetch, json, settle, wireStatus } from './helpers.js';

const displays = (heard: readonly LiveUpdate[]) => heard.map((u) => u.type === 'message-status' && u.status.display);

describe('RestDataSource live edges', () => {
  let timers: ManualTimers;
  beforeEach(() => {
    FakeEventSource.reset();
    timers = new ManualTimers();
  });
  const make = (extra = {}) => new RestDataSource({ baseUrl: '/api', EventSource: FakeEventSource, timers, timeout: 0, random: () => 1, ...extra });
  const statusOf = (id: string, display: string, updatedAt: string) => wireStatus(id, { display, updatedAt, settled: false });
  /** Moves the clock `ms` at a time, `times` times, letting the requests it started finish. */
  const drive = async (ms: number, times = 5) => {
    for (let i = 0; i < times; i++) {
      timers.advance(ms);
      await settle();
    }
  };

  describe('a topic added to a stream that resumes after an event id', () => {
    /**
     * A page follows message a over the stream (event 41 heard), then a badge of message b comes: it follows b and
     * reads it. `between` runs once the read is answered, before the stream reconnects with both topics.
     */
    let b: string;
    const addB = async (between: (stream: FakeEventSource) => void) => {
      b = 'delivered';
      const { fetch, calls } = fakeFetch((call) =>
        json({ messages: call.ids.map((id) => (id === 'b' && b === 'opened' ? statusOf(id, 'opened', '2026-11-24T10:05:00Z') : statusOf(id, 'delivered', '2026-11-24T10:00:00Z'))) }),
      );
      const source = make({ fetch });
      source.subscribe({ kind: 'message', id: 'a' }, () => {});
      await Promise.resolve();
      const first = FakeEventSource.all[0]!;
      first.open();
      first.emit('message-status', statusOf('a', 'delivered', '2026-11-24T10:00:00Z'), '41');
      const heard: LiveUpdate[] = [];
      // As a badge does: follows, then reads.
      source.subscribe({ kind: 'message', id: 'b' }, (u) => heard.push(u));
      const read = source.getMessages(['b']);
      await Promise.resolve();
      timers.advance(0); // the batch window: the lookup goes out
      expect((await read).get('b')?.display, 'what the badge shows').to.equal('delivered');
      between(first);
      timers.advance(100); // the reconnection that adds b
      expect(FakeEventSource.all).to.have.length(2);
      FakeEventSource.all[1]!.open();
      await drive(0);
      await drive(500);
      return { source, heard, calls, url: new URL(FakeEventSource.all[1]!.url, location.href) };
    };

    it('reads it once more when an event came between its read and the reconnection (the server replays it only after that event)', async () => {
      const { source, heard, calls, url } = await addB((first) => {
        b = 'opened'; // event 42, of b, which this connection does not carry
        first.emit('message-status', statusOf('a', 'clicked', '2026-11-24T10:06:00Z'), '43');
      });
      expect(url.searchParams.get('lastEventId')).to.equal('43');
      expect(displays(heard), 'what b\'s badge hears').to.deep.equal(['opened']);
      expect(calls.map((call) => call.ids), 'its read, then once more after the reconnection').to.deep.equal([['b'], ['b']]);
      source.close();
    });

    it('reads nothing again when no event came in between (the server replays b from the id the read came after)', async () => {
      const { source, calls, url } = await addB(() => {});
      expect(url.searchParams.get('lastEventId')).to.equal('41');
      expect(calls.map((call) => call.ids)).to.deep.equal([['b']]);
      source.close();
    });
  });
});
