// A <status-timeline> on a RestDataSource catching up with events it missed: back on the page after a while, or after a
// stream that opened with nothing to resume from. Two counterexamples of converge-timeline.test.ts, written out:
// a catch-up load that fails is tried again, and a first page shared with an older request of another timeline's is
// read again once the stream opened.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import '../../src/elements/status-timeline/define.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import type { Clock } from '../../src/elements/shared/throttled-announcer.js';
import { FakeEventSource, FakeVisibility, ManualTimers, fakeFetch, json, settleTasks, turns, until, wireStatus } from '../data/helpers.js';

const textOf = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The rows' labels, top first (the newest). */
const labels = (el: StatusTimelineElement): string[] =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')]
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((row) => textOf(row.querySelector('[part~="label"]')));

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString();
const wireEvent = (type: string, minute: number) => ({ provider: 'test', channel: 'email', messageId: 'm-1', type, at: at(minute), raw: type, eventId: `e-${minute}` });

/**
 * An API of one message, m-1: its events (oldest first) and its status, the latest event's. Each answer is what the
 * data was when the request came. `failEvents`: the next requests of its events answer 503. `hold`: requests wait
 * for `release()`.
 */
function api() {
  const events = [wireEvent('sent', 0)];
  const state = { failEvents: 0, hold: false };
  const held: (() => void)[] = [];
  const { fetch, calls } = fakeFetch(async (call) => {
    const latest = events.at(-1)!;
    let answer: Response;
    if (call.url.pathname.endsWith('/events')) {
      answer = state.failEvents > 0 ? (state.failEvents--, json({ error: 'unavailable' }, { status: 503 })) : json({ events: [...events].reverse() });
    } else {
      answer = json({ messages: call.ids.map((id) => wireStatus(id, { display: latest.type, delivery: 'delivered', updatedAt: latest.at, settled: false })) });
    }
    if (state.hold) await new Promise<void>((resolve) => held.push(resolve));
    return answer;
  });
  return {
    fetch,
    state,
    eventCalls: () => calls.filter((call) => call.url.pathname.endsWith('/events')).length,
    /** The message changes: a new event, and its status. */
    change: (type: string, minute: number) => void events.push(wireEvent(type, minute)),
    release: () => {
      state.hold = false;
      for (const resolve of held.splice(0)) resolve();
    },
  };
}

describe('<status-timeline> catching up with what it missed (RestDataSource)', () => {
  let source: RestDataSource | undefined;
  afterEach(() => {
    fixtureCleanup();
    source?.close();
    source = undefined;
    FakeEventSource.reset();
  });

  it('back on the page, tries its load of the latest events again when it failed, and shows them', async () => {
    const server = api();
    const timers = new ManualTimers(); // polls never come: only the timeline's own retry can load the events
    source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'poll', timers, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 } });
    const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
    await until(() => labels(el).join() === 'Sent', 3_000, 'the first page');
    const parent = el.parentElement!;
    el.remove();
    await settleTasks();
    server.change('delivered', 1);
    server.state.failEvents = 1;
    parent.append(el);
    // Its status says events came while it was away; the latest page is asked for, and fails.
    await turns(timers, 0, () => server.state.failEvents === 0);
    await settleTasks();
    expect(server.eventCalls(), 'the latest page asked for').to.equal(2);
    expect(labels(el), 'its rows stay meanwhile').to.deep.equal(['Sent']);
    // The browser back online runs the retries waiting (as their time would).
    window.dispatchEvent(new Event('online'));
    await until(() => labels(el).join() === 'Delivered,Sent', 3_000, `the events that came while it was away, not ${labels(el).join()}`);
    expect(textOf(el.shadowRoot!.querySelector('[part~="error"]')), 'no error shown').to.equal('');
  });

  it('after a status newer than its rows, tries its load of the latest events again when it failed, and shows them', async () => {
    const server = api();
    const timers = new ManualTimers();
    const clock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => timers.setTimeout(fn, ms), clearTimeout: (handle) => timers.clearTimeout(handle) };
    source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'poll', pollInterval: 5_000, timers, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 } });
    const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source} .clock=${clock}></status-timeline>`);
    await until(() => labels(el).join() === 'Sent', 3_000, 'the first page');
    server.change('delivered', 1);
    server.state.failEvents = 1;
    // A poll brings the new status; a second later, the timeline loads the latest page, which fails.
    await turns(timers, 1_000, () => server.state.failEvents === 0);
    await settleTasks();
    expect(server.eventCalls(), 'the latest page asked for').to.equal(2);
    expect(labels(el), 'its rows stay meanwhile').to.deep.equal(['Sent']);
    window.dispatchEvent(new Event('online'));
    await until(() => labels(el).join() === 'Delivered,Sent', 3_000, `the event of the status, not ${labels(el).join()}`);
  });

  /**
   * A stream source, its requests held; a first timeline of m-1 whose first page is on its way; `meanwhile` (the stream
   * opens, the message changes); then a second timeline of m-1 comes (its first page shares that request) and the first
   * one leaves; the request is answered. Returns the second one, and the timers.
   */
  async function shareAndLeave(server: ReturnType<typeof api>, meanwhile: () => void): Promise<{ second: StatusTimelineElement; timers: ManualTimers }> {
    const timers = new ManualTimers();
    const clock: Clock = { now: () => Date.now(), setTimeout: (fn, ms) => timers.setTimeout(fn, ms), clearTimeout: (handle) => timers.clearTimeout(handle) };
    source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'sse', EventSource: FakeEventSource, timers, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 } });
    server.state.hold = true;
    const page = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const make = () => Object.assign(document.createElement('status-timeline'), { source, clock, messageId: 'm-1' });
    const first = make();
    page.append(first);
    await until(() => server.eventCalls() === 1, 3_000, 'its first page asked for');
    meanwhile();
    const second = make();
    page.append(second);
    await second.updateComplete;
    first.remove();
    await settleTasks();
    server.release();
    await until(() => labels(second).join() !== '', 3_000, 'the page asked for before the change');
    return { second, timers };
  }

  it('put on the page beside a timeline of the same message whose first page is on its way, as a stream opens with nothing to resume from, and that one leaves: shows what changed before the opening', async () => {
    const server = api();
    const { second, timers } = await shareAndLeave(server, () => {
      // The message changes before the stream opens: the stream will never send it.
      server.change('delivered', 1);
      FakeEventSource.last!.open();
    });
    expect(labels(second)).to.deep.equal(['Sent']);
    // The source reads the message once more (a read sent before the opening), then the timeline its latest page.
    await turns(timers, 1_000, () => labels(second).length > 1);
    expect(labels(second)).to.deep.equal(['Delivered', 'Sent']);
  });

  it('put on the page beside a timeline of the same message whose first page is on its way, after the stream told that one of a change, and that one leaves: shows the change', async () => {
    const server = api();
    const { second, timers } = await shareAndLeave(server, () => {
      FakeEventSource.last!.open();
      // The message changes: the stream tells the first timeline, the only one then, its event and its status.
      server.change('delivered', 1);
      const delivered = wireEvent('delivered', 1);
      FakeEventSource.last!.emit('message-event', delivered, '1');
      FakeEventSource.last!.emit('message-status', wireStatus('m-1', { display: 'delivered', updatedAt: delivered.at, settled: false }), '2');
    });
    expect(labels(second)).to.deep.equal(['Sent']);
    // The status heard while that page was on its way is told; a second later, the timeline loads its latest page.
    await turns(timers, 1_000, () => labels(second).length > 1);
    expect(labels(second)).to.deep.equal(['Delivered', 'Sent']);
  });
});
