// Live-data edges of RestDataSource where what a user sees could be lost or stay old: a topic added to a stream that
// resumes, a lookup answered after a live event, a catch-up that fails, an element put back while polling. Fakes
// only (a scripted server, the test's own clock and EventSource): each race is played in a set order.
import { expect } from '@open-wc/testing';
import { RestDataSource, type LiveUpdate } from '../../src/data/index.js';
import { FakeEventSource, FakeVisibility, ManualTimers, fakeFetch, json, rejectionOf, settle, wireStatus, type Call } from './helpers.js';

const displays = (heard: readonly LiveUpdate[]) => heard.map((u) => u.type === 'message-status' && u.status.display);

describe('RestDataSource live edges', () => {
  let timers: ManualTimers;
  beforeEach(() => {
    FakeEventSource.reset();
    timers = new ManualTimers();
  });
  const make = (extra = {}) => new RestDataSource({ baseUrl: '/api', EventSource: FakeEventSource, timers, timeout: 0, random: () => 1, ...extra });
  const statusOf = (id: string, display: string, updatedAt: string) => wireStatus(id, { display, updatedAt, settled: false });
  /** The server: a's status read when a request comes, answered when the test says for the requests `held` names. */
  const server = (held: (call: number) => boolean) => {
    const state = { display: 'sent', release: [] as (() => void)[] };
    const times: Record<string, string> = { sent: '2026-11-24T09:00:00Z', delivered: '2026-11-24T10:00:00Z', opened: '2026-11-24T10:05:00Z' };
    const { fetch, calls } = fakeFetch(async () => {
      const read = state.display;
      if (held(calls.length)) await new Promise<void>((resolve) => state.release.push(resolve));
      return json({ messages: [statusOf('a', read, times[read]!)] });
    });
    return { state, fetch, calls };
  };

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
    const addB = async (between: (stream: FakeEventSource) => void, replace?: (source: RestDataSource) => Promise<void>) => {
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
      await replace?.(source);
      FakeEventSource.last!.open();
      await drive(0);
      await drive(500);
      return { source, heard, calls, url: new URL(FakeEventSource.last!.url, location.href) };
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

    it('reads it once more also when that reconnection is replaced by another before it opens (a topic c added meanwhile)', async () => {
      const { source, heard, calls, url } = await addB(
        (first) => {
          b = 'opened'; // event 42, of b, which this connection does not carry
          first.emit('message-status', statusOf('a', 'clicked', '2026-11-24T10:06:00Z'), '43');
        },
        (source) => {
          source.subscribe({ kind: 'message', id: 'c' }, () => {}); // before the reconnection that adds b opens
          return Promise.resolve().then(() => timers.advance(100));
        },
      );
      expect([FakeEventSource.all.length, url.searchParams.get('topics'), url.searchParams.get('lastEventId')]).to.deep.equal([3, 'message:a,message:b,message:c', '43']);
      expect(displays(heard), 'what b\'s badge hears').to.deep.equal(['opened']);
      expect(calls.map((call) => call.ids).filter((ids) => ids.includes('b')), 'its read, then once more after the reconnection').to.deep.equal([['b'], ['b']]);
      source.close();
    });

    it('reads nothing again when no event came in between (the server replays b from the id the read came after)', async () => {
      const { source, calls, url } = await addB(() => {});
      expect(url.searchParams.get('lastEventId')).to.equal('41');
      expect(calls.map((call) => call.ids)).to.deep.equal([['b']]);
      source.close();
    });
  });
  describe('a read answered after a live message-event of its message', () => {
    const opened = { provider: 'sendgrid', channel: 'email', messageId: 'a', type: 'opened', at: '2026-11-24T10:05:00Z', raw: 'open', eventId: 'e-1' };
    it('is not kept: a badge put on the page then reads the server, not the status from before the event', async () => {
      const { state, fetch, calls } = server((n) => n === 1);
      const source = make({ fetch });
      source.subscribe({ kind: 'message', id: 'a' }, () => {}); // a timeline of a
      await Promise.resolve();
      FakeEventSource.all[0]!.open();
      const read = source.getMessages(['a']); // its read of a's status, on its way
      timers.advance(0);
      await settle();
      state.display = 'opened';
      FakeEventSource.all[0]!.emit('message-event', opened, '1');
      for (const release of state.release.splice(0)) release();
      expect((await read).get('a')?.display, 'the read\'s own answer').to.equal('sent');

      const badge = source.getMessages(['a']); // a badge of a, put on the page now
      timers.advance(0);
      expect((await badge).get('a')?.display).to.equal('opened');
      expect(calls).to.have.length(2);
      source.close();
    });

    it('is not kept either when the timeline was moved within one task meanwhile (a panel re-laid out)', async () => {
      const { state, fetch, calls } = server((n) => n === 1);
      const source = make({ fetch });
      const listener = () => {};
      const stop = source.subscribe({ kind: 'message', id: 'a' }, listener); // a timeline of a
      await Promise.resolve();
      FakeEventSource.all[0]!.open();
      const read = source.getMessages(['a']);
      timers.advance(0);
      await settle();
      state.display = 'opened';
      FakeEventSource.all[0]!.emit('message-event', opened, '1');
      stop(); // moved: left and back in the same task
      source.subscribe({ kind: 'message', id: 'a' }, listener);
      await settle();
      for (const release of state.release.splice(0)) release();
      expect((await read).get('a')?.display, 'the read\'s own answer').to.equal('sent');

      const badge = source.getMessages(['a']);
      timers.advance(0);
      expect((await badge).get('a')?.display).to.equal('opened');
      expect(calls).to.have.length(2);
      source.close();
    });

    it('is not joined by a lookup made after the event: a badge put on the page meanwhile reads the server', async () => {
      const { state, fetch, calls } = server((n) => n === 1);
      const source = make({ fetch });
      source.subscribe({ kind: 'message', id: 'a' }, () => {}); // a timeline of a
      await Promise.resolve();
      FakeEventSource.all[0]!.open();
      const read = source.getMessages(['a']); // its read of a's status, on its way
      timers.advance(0);
      await settle();
      state.display = 'opened';
      FakeEventSource.all[0]!.emit('message-event', opened, '1');
      const badge = source.getMessages(['a']); // a badge of a, put on the page while that read is on its way
      timers.advance(0);
      await settle();
      for (const release of state.release.splice(0)) release();
      // Answered after the badge's: what the source knows by then, not its own older status.
      expect((await read).get('a')?.display, 'the read').to.equal('opened');
      expect((await badge).get('a')?.display).to.equal('opened');
      expect(calls).to.have.length(2);
      source.close();
    });

    it('is neither told nor kept when a poll brings it (a catch-up sent before the event)', async () => {
      const { state, fetch, calls } = server((n) => n === 2);
      const source = make({ fetch });
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
      const read = source.getMessages(['a']);
      timers.advance(0);
      expect((await read).get('a')?.display).to.equal('sent');
      state.display = 'delivered'; // before the stream opens: the catch-up after its opening brings it
      FakeEventSource.all[0]!.open();
      await drive(0, 3);
      expect(calls, 'the catch-up is on its way').to.have.length(2);
      state.display = 'opened';
      FakeEventSource.all[0]!.emit('message-event', opened, '1');
      for (const release of state.release.splice(0)) release();
      await drive(500);
      expect(displays(heard.filter((u) => u.type === 'message-status')), 'no status older than the event heard').to.deep.equal([]);

      const badge = source.getMessages(['a']);
      timers.advance(0);
      expect((await badge).get('a')?.display).to.equal('opened');
      expect(calls).to.have.length(3);
      source.close();
    });
  });
  describe('a status one element\'s lookup brings, newer than what the others of its message were told', () => {
    /**
     * Message a, read as delivered by a table's badge, which follows it; then opened on the server, and a drawer's badge of
     * a asks the server itself (its retry(), or a fresh lookup), which answers opened. The table's badge heard of that
     * change from no one: the next poll, or the catch-up after the stream reopens, compares what it reads with the cache,
     * which the drawer's answer filled, and tells nothing.
     */
    const delivered = () => {
      const answers = server(() => false);
      answers.state.display = 'delivered';
      return answers;
    };

    it('is told to them at once, and a poll after it tells nothing more', async () => {
      const { state, fetch, calls } = delivered();
      const source = make({ fetch, live: 'poll', pollInterval: 15_000, visibility: new FakeVisibility(), random: () => 0.5 });
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u)); // the table's badge
      const table = source.getMessages(['a']);
      timers.advance(0);
      expect((await table).get('a')?.display).to.equal('delivered');
      state.display = 'opened';
      const drawer = source.getMessages(['a'], { fresh: true }); // the drawer's badge asks the server
      timers.advance(0);
      expect((await drawer).get('a')?.display).to.equal('opened');
      await settle();
      expect(displays(heard), 'what the table\'s badge hears').to.deep.equal(['opened']);
      await drive(15_000, 1);
      expect(calls, 'the poll').to.have.length(3);
      expect(displays(heard), 'the poll tells nothing more').to.deep.equal(['opened']);
      source.close();
    });

    it('reaches them even when the stream, back without an event id to resume from, catches up after it', async () => {
      const { state, fetch, calls } = delivered();
      const source = make({ fetch });
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u)); // the table's badge
      const table = source.getMessages(['a']);
      timers.advance(0);
      expect((await table).get('a')?.display).to.equal('delivered');
      FakeEventSource.all[0]!.fail(true); // the stream could not open: a's change is not sent
      state.display = 'opened';
      const drawer = source.getMessages(['a'], { fresh: true });
      timers.advance(0);
      expect((await drawer).get('a')?.display).to.equal('opened');
      await drive(1_000, 2); // the stream reconnects, with nothing to resume from
      FakeEventSource.all[1]!.open();
      await drive(0, 3);
      expect(calls, 'the two reads and the catch-up').to.have.length(3);
      expect(displays(heard), 'what the table\'s badge hears').to.deep.equal(['opened']);
      source.close();
    });
  });
  describe('a lookup on its way when a live status of its message came that nobody followed then', () => {
    it('is not joined by a badge of the message put on the page after it, nor kept', async () => {
      // The server reads a's status when a request comes, and answers the first two requests when the test says.
      const state = { a: 'sent', release: [] as (() => void)[] };
      const { fetch, calls } = fakeFetch(async (call) => {
        const a = state.a;
        if (calls.length <= 2) await new Promise<void>((resolve) => state.release.push(resolve));
        return json({ messages: call.ids.map((id) => (id === 'a' && a === 'delivered' ? statusOf(id, 'delivered', '2026-11-24T10:00:00Z') : statusOf(id, 'sent', '2026-11-24T09:00:00Z'))) });
      });
      const source = make({ fetch });
      const stopA = source.subscribe({ kind: 'message', id: 'a' }, () => {});
      source.subscribe({ kind: 'message', id: 'b' }, () => {});
      await Promise.resolve();
      FakeEventSource.all[0]!.open(); // the stream carries a and b
      // A table's badges of a and b read them: one request.
      const leaving = new AbortController();
      const first = source.getMessages(['a'], { signal: leaving.signal });
      const b = source.getMessages(['b']);
      timers.advance(0);
      await settle();
      // a's badge leaves (b's still waits: the request goes on); then a is delivered.
      stopA();
      leaving.abort();
      await rejectionOf(first);
      await settle();
      state.a = 'delivered';
      FakeEventSource.all[0]!.emit('message-status', statusOf('a', 'delivered', '2026-11-24T10:00:00Z'), '1');
      // A badge of a is put back on the page (a filter cleared): it follows a, then reads it.
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
      const back = source.getMessages(['a']);
      timers.advance(0);
      await settle();
      expect(calls.map((call) => call.ids), 'its own request').to.deep.equal([['a', 'b'], ['a']]);
      state.release.shift()!(); // the table's request is answered first
      await b;
      const other = source.getMessages(['a']); // another badge of a, meanwhile
      timers.advance(0);
      await settle();
      state.release.shift()!();
      expect([(await back).get('a')?.display, (await other).get('a')?.display], 'what the two badges of a show').to.deep.equal(['delivered', 'delivered']);
      expect(displays(heard), 'nothing older heard').to.not.include('sent');
      source.close();
    });
  });
  describe('a lookup of a message the server did not know yet, answered after its first live status', () => {
    it('answers that status, not "not found" (a badge of a message just sent)', async () => {
      // The server reads when a request comes, and answers it when the test says: it does not know a yet.
      const release: (() => void)[] = [];
      const { fetch } = fakeFetch(async () => {
        await new Promise<void>((resolve) => release.push(resolve));
        return json({ messages: [] });
      });
      const source = make({ fetch });
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u)); // a badge of a: follows, then reads
      const read = source.getMessages(['a']);
      timers.advance(0);
      await settle();
      FakeEventSource.all[0]!.open();
      FakeEventSource.all[0]!.emit('message-status', statusOf('a', 'sent', '2026-11-24T09:00:00Z'), '1');
      expect(displays(heard)).to.deep.equal(['sent']);
      for (const resolve of release.splice(0)) resolve();
      expect((await read).get('a')?.display, 'what the badge shows').to.equal('sent');
      source.close();
    });
  });
  describe('a lookup sent before the stream opened without a resume id, answered once it had dropped again', () => {
    it('is read once more: the reconnection resumes after the opening, and never sends what came before it', async () => {
      const { state, fetch, calls } = server((n) => n === 1);
      const source = make({ fetch });
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u)); // a badge of a: follows, then reads
      source.subscribe({ kind: 'message', id: 'b' }, () => {});
      const read = source.getMessages(['a']);
      timers.advance(0);
      await settle();
      state.display = 'delivered'; // a is delivered before the stream opens: the stream will not send it
      const first = FakeEventSource.all[0]!;
      first.open();
      first.emit('message-status', statusOf('b', 'sent', '2026-11-24T10:01:00Z'), '2');
      first.fail(false); // drops: the reconnection resumes after event 2
      for (const release of state.release.splice(0)) release();
      expect((await read).get('a')?.display, 'the read, sent before the opening').to.equal('sent');
      await drive(1_000, 2);
      const second = FakeEventSource.all[1]!;
      expect(new URL(second.url, location.href).searchParams.get('lastEventId')).to.equal('2');
      second.open();
      await drive(0, 3);
      expect(calls, 'the read, then once more').to.have.length(2);
      expect(displays(heard), 'what the badge hears').to.deep.equal(['delivered']);
      source.close();
    });
  });
  describe('a lookup answered after a catch-up that read its message anew', () => {
    it('answers what the catch-up read, not its own older status (its badge heard nothing of the catch-up)', async () => {
      const { state, fetch, calls } = server((n) => n === 1);
      const source = make({ fetch });
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u)); // a badge of a: follows, then reads
      const read = source.getMessages(['a']);
      timers.advance(0);
      await settle();
      FakeEventSource.all[0]!.fail(true); // the stream could not open
      state.display = 'delivered'; // meanwhile
      await drive(1_000, 1);
      FakeEventSource.all[1]!.open(); // back, with nothing to resume from: a catch-up reads a
      await drive(0, 3);
      expect(calls, 'the badge\'s lookup, then the catch-up, answered first').to.have.length(2);
      for (const release of state.release.splice(0)) release();
      const shown = [(await read).get('a')?.display, ...displays(heard)].at(-1);
      expect(shown, 'what the badge shows').to.equal('delivered');
      source.close();
    });
  });
  describe('a catch-up that fails', () => {
    /**
     * Message a read as sent and followed; then it is opened and the API's reads fail (a deployment): the stream opens
     * with nothing to resume from, and its catch-up fails. random 1: each poll wait is 1.2 times the interval (6 s),
     * doubled after each failure; a reconnection waits 1 s, then 2 s. `recover()` makes the reads answer again.
     */
    async function failedCatchUp() {
      let failing = false;
      let display = 'sent';
      const { fetch, calls } = fakeFetch((call) =>
        failing ? new Response('{}', { status: 503 }) : json({ messages: call.ids.map((id) => statusOf(id, display, display === 'sent' ? '2026-11-24T09:00:00Z' : '2026-11-24T10:05:00Z')) }),
      );
      const source = make({ fetch, retry: { retries: 0 }, pollInterval: 5_000 });
      const heard: LiveUpdate[] = [];
      source.subscribe({ kind: 'message', id: 'a' }, (u) => heard.push(u));
      const read = source.getMessages(['a']);
      timers.advance(0);
      expect((await read).get('a')?.display).to.equal('sent');
      display = 'opened';
      failing = true;
      FakeEventSource.all[0]!.open();
      await drive(0);
      expect(calls, 'the catch-up, failed').to.have.length(2);
      return { source, calls, heard, recover: () => (failing = false) };
    }
    it('is tried again with polling\'s back-off, polling meanwhile, until one brings what was missed', async () => {
      const { source, calls, heard, recover } = await failedCatchUp();
      expect(source.polling, 'the source says it polls').to.equal(true);
      await drive(1_000, 6);
      expect(calls, 'tried again after 6 s').to.have.length(3);
      await drive(1_000, 11);
      expect(calls, 'not again before 12 s more').to.have.length(3);
      recover();
      await drive(1_000, 2);
      expect(calls).to.have.length(4);
      expect(displays(heard), 'what happened during the outage').to.deep.equal(['opened']);
      expect(source.polling, 'caught up: the stream alone').to.equal(false);
      await drive(1_000, 60);
      expect(calls, 'no poll once caught up').to.have.length(4);
      expect(FakeEventSource.all, 'the stream stayed open').to.have.length(1);
      source.close();
    });
    it('makes one poll at a time when the stream goes down too (polling fills in): one loop does both', async () => {
      const { source, calls, heard, recover } = await failedCatchUp();
      // The stream drops, and its reconnection fails: polling fills in.
      FakeEventSource.all[0]!.fail(true);
      await drive(1_000, 1);
      expect(FakeEventSource.all).to.have.length(2);
      FakeEventSource.all[1]!.fail(true);
      await drive(0);
      expect(source.polling).to.equal(true);
      await drive(1_000, 8);
      expect(calls, 'one request in the 8 s after the catch-up failed (its retry, polling for the stream too)').to.have.length(3);
      await drive(1_000, 8);
      expect(calls, 'none in the 8 s after (backed off to 12 s)').to.have.length(3);
      recover();
      await drive(1_000, 2);
      expect(calls).to.have.length(4);
      expect(displays(heard), 'what happened during the outage').to.deep.equal(['opened']);
      expect(source.polling, 'the stream still down: polling goes on').to.equal(true);
      await drive(1_000, 6);
      expect(calls, 'the next poll, at polling\'s pace').to.have.length(5);
      source.close();
    });
  });
  describe('an element put back on the page while polling', () => {
    /**
     * A source polling every 15 s exactly (random 0.5: no jitter), statuses and figures cached 30 s (the default), on a
     * server where messages and campaign c are opened once `server.opened`. While `server.hold` (a slow server),
     * answers are read when the request comes and sent when the test releases them; `fails(call)` ones are a 404 then.
     */
    const polling = (extra = {}, fails = (_call: Call) => false) => {
      const server = { opened: false, hold: false, held: [] as (() => void)[] };
      const updatedAt = () => (server.opened ? '2026-11-24T10:05:00Z' : '2026-11-24T10:00:00Z');
      const answer = (call: Call) =>
        server.hold && fails(call)
          ? new Response('', { status: 404 })
          : call.url.pathname.endsWith('/stats')
            ? json({ campaign: { id: 'c', name: 'C', channel: 'email' }, counts: { sent: 1, delivered: 1, opened: server.opened ? 1 : 0 }, updatedAt: updatedAt() })
            : json({ messages: call.ids.map((id) => statusOf(id, server.opened ? 'opened' : 'delivered', updatedAt())) });
      const { fetch, calls } = fakeFetch((call) => {
        const response = answer(call);
        return server.hold ? new Promise<Response>((resolve) => server.held.push(() => resolve(response))) : response;
      });
      const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'poll', pollInterval: 15_000, timers, visibility: new FakeVisibility(), random: () => 0.5, timeout: 0, ...extra });
      /** A panel with a badge of each message and, if given, the figures of campaign `campaign`: they follow, then read. */
      const show = async (messageIds: string[], campaign?: string) => {
        const topics = [...messageIds.map((id) => ({ kind: 'message' as const, id })), ...(campaign ? [{ kind: 'campaign' as const, id: campaign }] : [])];
        const stops = topics.map((topic) => source.subscribe(topic, () => {}));
        const statuses = source.getMessages(messageIds);
        const stats = campaign ? source.getCampaignStats(campaign) : undefined;
        timers.advance(0);
        const read = await statuses;
        return { stops, displays: messageIds.map((id) => read.get(id)?.display), opens: (await stats)?.counts.opened };
      };
      /** A poll whose `requests` answers come only after the panel closed; then, while it stays closed, all is opened. */
      const closeDuringPoll = async (stops: (() => void)[], requests: number) => {
        server.hold = true;
        await drive(15_000, 1);
        await drive(0, 2);
        expect(server.held, 'the poll, not answered yet').to.have.length(requests);
        for (const stop of stops) stop(); // the panel is closed
        await settle();
        server.hold = false;
        for (const release of server.held.splice(0)) release(); // then the poll's answers come
        await drive(0, 3);
        server.opened = true; // what happens while it is closed
        await drive(1_000, 10);
      };
      return { server, calls, source, show, closeDuringPoll };
    };

    it('reads the server, not what polls stopped keeping current when it left', async () => {
      const { server, calls, source, show } = polling();
      const panel = await show(['a'], 'c');
      expect([panel.displays, panel.opens]).to.deep.equal([['delivered'], 0]);
      await drive(15_000, 1);
      await drive(0, 10); // its answers in (a poll answered after the panel closed caches what it read then)
      expect(calls, 'a poll').to.have.length(4);
      for (const stop of panel.stops) stop(); // the panel is closed
      server.opened = true; // what happens while it is
      await drive(1_000, 10);
      const back = await show(['a'], 'c'); // opened again 10 s later, within the cache's 30 s
      expect([back.displays, back.opens], 'what the panel shows again').to.deep.equal([['opened'], 1]);
      expect(calls).to.have.length(6);
      for (const stop of back.stops) stop();
      source.close();
    });

    it('reads the server again when the last poll before it left was answered after it left', async () => {
      const { calls, source, show, closeDuringPoll } = polling();
      const panel = await show(['a'], 'c');
      await closeDuringPoll(panel.stops, 2);
      expect(calls, 'the read and the poll').to.have.length(4);
      const back = await show(['a'], 'c'); // opened again 10 s later, within the cache's 30 s
      expect([back.displays, back.opens], 'what the panel shows again').to.deep.equal([['opened'], 1]);
      expect(calls).to.have.length(6);
      for (const stop of back.stops) stop();
      source.close();
    });

    it('reads the server again when one of the poll\'s requests failed after it left (the others\' answers are not kept either)', async () => {
      // One id per request: the poll of messages a and b is two requests; b's fails (404, not retried).
      const { calls, source, show, closeDuringPoll } = polling({ batchSize: 1 }, (call) => call.ids.includes('b'));
      const panel = await show(['a', 'b']);
      expect(panel.displays).to.deep.equal(['delivered', 'delivered']);
      await closeDuringPoll(panel.stops, 2); // a's answer, then b's failure
      const before = calls.length;
      const back = await show(['a', 'b']); // opened again 10 s later, within the cache's 30 s
      expect(back.displays[0], 'what the panel shows again').to.equal('opened');
      expect(calls.slice(before).flatMap((call) => call.ids).sort(), 'both asked again').to.deep.equal(['a', 'b']);
      for (const stop of back.stops) stop();
      source.close();
    });

    it('still hears the next change after a move within one task (a table sorted), which asks nothing', async () => {
      let display = 'delivered';
      const { fetch, calls } = fakeFetch((call) => json({ messages: call.ids.map((id) => statusOf(id, display, display === 'delivered' ? '2026-11-24T10:00:00Z' : '2026-11-24T10:05:00Z')) }));
      const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'poll', pollInterval: 15_000, timers, visibility: new FakeVisibility(), random: () => 0.5, timeout: 0 });
      const heard: LiveUpdate[] = [];
      const listener = (u: LiveUpdate) => heard.push(u);
      const stop = source.subscribe({ kind: 'message', id: 'a' }, listener);
      const read = source.getMessages(['a']);
      timers.advance(0);
      await read;
      stop(); // moved: left and back in the same task
      source.subscribe({ kind: 'message', id: 'a' }, listener);
      await settle();
      display = 'opened';
      await drive(15_000, 1);
      expect(calls).to.have.length(2);
      expect(displays(heard)).to.deep.equal(['opened']);
      source.close();
    });
  });

  // Found by test/hardening/converge-stats.test.ts: a second <campaign-stats> of a campaign, put on the page just after
  // live figures came, joined the first one's read and showed that read's older figures for good.
  describe('a read of figures answered after live figures of its campaign', () => {
    it('answers the live figures to a read sent before them, and to one made after', async () => {
      const stats = (delivered: number, minute: number) => ({ campaign: { id: 'k', name: 'K', channel: 'email' }, counts: { sent: 100, delivered }, updatedAt: `2026-11-24T10:0${minute}:00Z` });
      const held: (() => void)[] = [];
      const { fetch, calls } = fakeFetch(async () => {
        const read = stats(50, 0); // as the server had them when asked
        await new Promise<void>((resolve) => held.push(resolve));
        return json(read);
      });
      const source = make({ fetch });
      source.subscribe({ kind: 'campaign', id: 'k' }, () => {}); // the first element follows, then reads
      await Promise.resolve();
      FakeEventSource.all[0]!.open();
      const first = source.getCampaignStats('k');
      await settle();
      FakeEventSource.all[0]!.emit('campaign-stats', stats(51, 1), '1');
      const second = source.getCampaignStats('k'); // the second element, put on the page now
      for (const release of held.splice(0)) release();
      expect([(await first).counts.delivered, (await second).counts.delivered]).to.deep.equal([51, 51]);
      expect(calls, 'one request').to.have.length(1);
      source.close();
    });
  });
});
