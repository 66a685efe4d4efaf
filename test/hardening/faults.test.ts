// Every element against the mock API's injected faults: what the user sees (an error that says why, a Retry that
// keyboard users reach), that transient faults heal by themselves, that a late answer never overwrites a newer
// one, and that none of it leaks an unhandled rejection or more than one console message per failure.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { LitElement } from 'lit';
import { RestDataSource, type RestDataSourceOptions, type StatusDataSource } from '../../src/data/index.js';
import { reduceEvents } from '../../src/core/index.js';
import { DEMO_CAMPAIGNS, happenedCount, mockApi, resetMockApi, type Fault, type MockMessage } from '../../src/mocks/index.js';
import { TrackedEventSource, fastTimers, settle, startWorker } from '../data/helpers.js';
import {
  PATH_OF, badge, callsTo, campaignTimeline, hasLabel, messageTimeline, pause, stats, trackedFetch, until, watchPage,
  type PageWatch, type TrackedCall,
} from './harness.js';
import { itWithMockStream } from '../support/engine.js';

/** Per-attempt time limit of the sources under test; latency faults go beyond it. */
// Generous enough that a loaded CI machine never times out a request by accident (an extra call fails the counts).
const TIMEOUT = 1_000;

const REASONS = {
  http500: 'the server answered with an error (500)',
  timeout: 'the server took too long to answer',
  malformed: 'the server’s answer is unreadable',
  network: 'the server is unreachable',
};

/** A REST source on the mock API: short time limit, two quick retries, no live updates unless asked. */
const restSource = (fetch: typeof globalThis.fetch, extra: Partial<RestDataSourceOptions> = {}) =>
  new RestDataSource({ baseUrl: '/api', fetch, live: 'off', timeout: TIMEOUT, retry: { retries: 2, baseDelay: 10, maxDelay: 40 }, ...extra });

/**
 * A newsletter message with two events to come, its display status changing at the second (so a badge shows the
 * change), found in the mock server's dataset without moving its clock (which never goes back).
 */
function messageChangingTwice(): { id: string; t1: number; t2: number } {
  const { dataset, clock } = mockApi();
  const now = clock.now();
  const displayAt = (message: MockMessage, t: number) => reduceEvents(message.events.slice(0, happenedCount(message.times, t))).display;
  for (const message of dataset.campaign(DEMO_CAMPAIGNS.newsletter)!.messages) {
    const [t1, t2] = message.times.filter((t) => t > now);
    if (message.times[0]! > now || t1 === undefined || t2 === undefined || t2 - now > 3_600_000) continue;
    if (displayAt(message, t1) !== displayAt(message, t2) && hasLabel(displayAt(message, t2))) return { id: message.id, t1, t2 };
  }
  throw new Error('the dataset has no message changing status in the next hour');
}

/** Tabs from the button before the element to its Retry button, checks it has the focus, and presses Enter. */
async function retryWithKeyboard(el: LitElement, button: HTMLButtonElement): Promise<void> {
  el.parentElement!.querySelector<HTMLButtonElement>('button.before')!.focus();
  await sendKeys({ press: 'Tab' });
  expect(el.shadowRoot!.activeElement, 'the Retry button has the focus after one Tab').to.equal(button);
  await sendKeys({ press: 'Enter' });
}

describe('hardening: faults, per element', () => {
  let msw: { stop(): void };
  let watch: PageWatch;
  let sources: RestDataSource[] = [];
  let tracked: { fetch: typeof fetch; calls: TrackedCall[] };

  before(async () => {
    msw = await startWorker();
    // One mock API for the whole file, its statuses and stats computed once: a cold store takes longer to answer
    // than the sources' time limit. Only the stream tests move its clock, and only forward.
    resetMockApi({ sseRetry: 20 });
    for (const id of Object.values(DEMO_CAMPAIGNS)) mockApi().store.stats(id);
  });
  after(() => msw.stop());
  beforeEach(() => {
    mockApi().faults.clear();
    mockApi().requests.length = 0;
    tracked = trackedFetch();
    TrackedEventSource.all = [];
    watch = watchPage();
  });
  afterEach(() => {
    watch.stop();
    for (const source of sources) source.close();
    sources = [];
    for (const es of TrackedEventSource.all) es.close();
  });

  const source = (extra: Partial<RestDataSourceOptions> = {}) => {
    const made = restSource(tracked.fetch, extra);
    sources.push(made);
    return made;
  };

  /** No unhandled rejection, and at most `failures` console messages, each one saying it comes from Estafette. */
  async function expectQuietPage(failures: number): Promise<void> {
    await pause(0); // unhandledrejection fires in a later task
    expect(watch.rejections, 'unhandled rejections').to.deep.equal([]);
    expect(watch.logged.length, `console messages: ${JSON.stringify(watch.logged)}`).to.be.at.most(failures);
    for (const entry of watch.logged) expect(entry.text).to.match(/^estafette: /);
  }

  for (const subject of [badge, stats, messageTimeline]) {
    describe(subject.name, () => {
      const calls = () => callsTo(tracked.calls, PATH_OF[subject.endpoint]);
      const inject = (fault: Fault) => mockApi().faults.set(subject.endpoint, fault);
      const showsData = (el: LitElement, id: string) => until(() => subject.shown(el) === subject.expected(id), `${subject.name} to show ${subject.expected(id)} (shows "${subject.shown(el)}")`);
      const showsError = (el: LitElement, reason: string) => until(() => subject.error(el)?.text.includes(reason), `an error saying "${reason}"`);

      /** Expects the error state on screen: a role that assistive technology announces, the reason in words. */
      function expectError(el: LitElement, reason: string): void {
        const shown = subject.error(el)!;
        expect(shown.text).to.include(reason);
        expect(shown.role).to.be.oneOf(subject === badge ? ['img'] : ['alert', 'status']);
        expect(subject.shown(el)).to.equal('');
      }

      /** Fixes the server, then tries again the way a user would: the Retry button by keyboard (the badge: its `retry()`). */
      async function retryAfterFix(el: LitElement): Promise<void> {
        mockApi().faults.clear();
        const button = subject.retryButton(el);
        if (subject === badge) {
          expect(button).to.equal(null);
          (el as LitElement & { retry(): void }).retry();
        } else {
          expect(button, 'a Retry button').to.be.instanceOf(HTMLButtonElement);
          expect(button!.disabled).to.equal(false);
          await retryWithKeyboard(el, button!);
        }
      }

      it('shows why it failed under lasting 500s, then shows the data once the server is back', async () => {
        const [id] = subject.ids();
        inject({ status: 500 });
        const el = await subject.mount(source(), id);
        await showsError(el, REASONS.http500);
        expectError(el, REASONS.http500);
        expect(calls()).to.have.length(3); // the first try and the source's two retries
        if (subject === badge) {
          // A badge has no button (it sits in table cells by the thousand): it says so and tries again by itself.
          el.shadowRoot!.querySelector<HTMLElement>('[part~="badge"]')!.focus();
          await until(() => el.shadowRoot!.querySelector('[part~="tooltip"]')?.textContent?.includes('Trying again automatically.'), 'the tooltip');
          mockApi().faults.clear();
          await until(() => subject.shown(el) === subject.expected(id), 'the badge to recover by itself', 4_000);
        } else {
          await retryAfterFix(el);
          await showsData(el, id);
        }
        await expectQuietPage(1);
      });

      it('gets through a 503 followed by a good answer without showing an error', async () => {
        const [id] = subject.ids();
        inject({ status: 503, times: 1 });
        const el = await subject.mount(source(), id);
        let sawError = false;
        await until(() => {
          sawError ||= subject.error(el) !== undefined;
          return subject.shown(el) === subject.expected(id);
        }, 'the data');
        expect(sawError).to.equal(false);
        expect(calls()).to.have.length(2);
        await expectQuietPage(0);
      });

      it('waits the seconds a 429 Retry-After asks for, then shows the data', async () => {
        const [id] = subject.ids();
        inject({ status: 429, retryAfter: 1, times: 1 });
        const el = await subject.mount(source(), id);
        await showsData(el, id);
        const [first, second] = calls();
        expect(calls()).to.have.length(2);
        expect(second!.at - first!.at).to.be.at.least(990);
        await expectQuietPage(0);
      });

      it('waits until the HTTP date a 429 Retry-After gives, then shows the data', async () => {
        const [id] = subject.ids();
        const date = new Date(Date.now() + 1_500).toUTCString();
        inject({ status: 429, retryAfter: date, times: 1 });
        const el = await subject.mount(source(), id);
        await showsData(el, id);
        expect(calls()).to.have.length(2);
        expect(calls()[1]!.at).to.be.at.least(Date.parse(date) - 10);
        await expectQuietPage(0);
      });

      // The time-out is said at once (not after three more tries of as long), and tried again in the background.
      it('says the server took too long after an answer slower than its time limit, tries again by itself, and shows the data', async () => {
        const [id] = subject.ids();
        inject({ latency: TIMEOUT + 400, times: 1 });
        const el = await subject.mount(source(), id);
        await showsError(el, REASONS.timeout);
        expect(calls(), 'one request before the error').to.have.length(1);
        expect(calls()[0]!.signal!.aborted, 'the slow request was abandoned').to.equal(true);
        await until(() => subject.shown(el) === subject.expected(id), 'the data, from the retry in the background', 6_000);
        expect(calls()).to.have.length(2);
        await expectQuietPage(1);
      });

      it('says the server took too long when every try times out, and recovers on retry', async () => {
        const [id] = subject.ids();
        inject({ latency: 500 });
        const el = await subject.mount(source({ timeout: 250 }), id);
        await showsError(el, REASONS.timeout);
        expectError(el, REASONS.timeout);
        await retryAfterFix(el);
        await showsData(el, id);
        await expectQuietPage(1);
      });

      for (const malformed of ['json', 'shape'] as const) {
        it(`shows a final error for a ${malformed === 'json' ? 'body that is not JSON' : 'body of the wrong shape'}, with a retry that works once the server is fixed`, async () => {
          const [id] = subject.ids();
          inject({ malformed });
          const el = await subject.mount(source(), id);
          await showsError(el, REASONS.malformed);
          expectError(el, REASONS.malformed);
          window.dispatchEvent(new Event('online')); // runs at once any retry waiting (2 s away at the soonest)
          await pause(50);
          expect(calls(), 'a malformed answer is not retried by itself').to.have.length(1);
          await retryAfterFix(el);
          await showsData(el, id);
          await expectQuietPage(1);
        });
      }

      it('says the server cannot be reached while offline, and recovers as soon as the browser is back online', async () => {
        const [id] = subject.ids();
        mockApi().faults.set('*', { network: true });
        const el = await subject.mount(source(), id);
        await showsError(el, REASONS.network);
        expectError(el, REASONS.network);
        mockApi().faults.clear();
        const before = calls().length;
        window.dispatchEvent(new Event('online'));
        // The element tries again at once, not when its own retry falls due (2 s after the failure at the soonest):
        // a few task turns, no waiting on the clock.
        await settle();
        expect(calls(), 'a request right after the online event').to.have.length(before + 1);
        await showsData(el, id);
        await expectQuietPage(1);
      });

      itWithMockStream('keeps showing live values after the stream dropped mid-way', async () => {
        const { id: messageId, t1, t2 } = messageChangingTwice();
        const id = subject.topic === 'message' ? messageId : DEMO_CAMPAIGNS.newsletter;
        mockApi().faults.set('stream', { dropAfter: 1, times: 1 });
        const live = source({ live: 'sse', EventSource: TrackedEventSource, timers: fastTimers, timeout: 0 });
        const el = await subject.mount(live, id);
        await showsData(el, id);
        const streams = () => mockApi().requests.filter((r) => r.endpoint === 'stream');
        const openStreams = () => TrackedEventSource.all.filter((es) => es.readyState === EventSource.OPEN);
        await until(() => openStreams().length === 1, 'the stream to open');

        mockApi().clock.set(t1); // the stream carries one event, then drops
        await until(() => streams().length === 2 && openStreams().length === 1, 'the stream to reconnect');
        expect(new URL(TrackedEventSource.all[1]!.url).searchParams.get('lastEventId'), 'the reconnection resumes').to.match(/^\d+$/);
        const before = subject.shown(el);
        mockApi().clock.set(t2);
        expect(subject.expected(id)).not.to.equal(before);
        await showsData(el, id);
        expect(live.polling).to.equal(false);
        await expectQuietPage(0);
      });
    });
  }

  for (const subject of [badge, stats, messageTimeline, campaignTimeline]) {
    describe(`${subject.name}, changed while loading`, () => {
      const calls = () => callsTo(tracked.calls, PATH_OF[subject.endpoint]);

      it('abandons the request for the previous id when given a new one', async () => {
        const [first, second] = subject.ids();
        mockApi().faults.set(subject.endpoint, { latency: 2_000, times: 1 });
        const el = await subject.mount(source({ timeout: 0 }), first);
        await until(() => calls().length === 1, 'the first request');
        subject.setId(el, second);
        await until(() => subject.shown(el) === subject.expected(second), 'the second id');
        expect(calls()[0]!.signal!.aborted).to.equal(true);
        await expectQuietPage(0);
      });

      it('keeps the newer id on screen when the answer for the previous one arrives later', async () => {
        const [first, second] = subject.ids();
        mockApi().faults.set(subject.endpoint, { latency: 400, times: 1 });
        // A source that does not hear aborts: the slow answer really arrives, after the fast one.
        const { source: deaf, pending } = ignoringAborts(source({ timeout: 0 }));
        const el = await subject.mount(deaf, first);
        await until(() => calls().length === 1, 'the first request');
        subject.setId(el, second);
        await until(() => subject.shown(el) === subject.expected(second), 'the second id');
        await until(() => pending() === 0, 'the slow answer', 2_000);
        await el.updateComplete;
        await pause(20);
        expect(calls()).to.have.length(2);
        expect(subject.shown(el)).to.equal(subject.expected(second));
        expect(subject.expected(first)).not.to.equal(subject.expected(second));
        await expectQuietPage(0);
      });
    });
  }
});

/** Wraps a source so that calls ignore their abort signal; `pending()` counts calls not settled yet. */
function ignoringAborts(inner: StatusDataSource): { source: StatusDataSource; pending(): number } {
  let pending = 0;
  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending++;
    return promise.finally(() => pending--);
  };
  const source: StatusDataSource = {
    getMessages: (ids) => track(inner.getMessages(ids)),
    getMessageEvents: (id, options = {}) => track(inner.getMessageEvents(id, options.cursor === undefined ? {} : { cursor: options.cursor })),
    getCampaignStats: (id) => track(inner.getCampaignStats(id)),
    getCampaignHistory: (id, options = {}) => track(inner.getCampaignHistory(id, options.cursor === undefined ? {} : { cursor: options.cursor })),
    subscribe: (topic, listener) => inner.subscribe!(topic, listener),
  };
  return { source, pending: () => pending };
}
