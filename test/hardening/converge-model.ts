// The model behind the convergence properties (converge*.test.ts): a fake server the test controls, holding each
// message's latest status and its events, and each campaign's figures; random sequences of steps played against
// elements reading one RestDataSource; then everything settles and each element must show what the server knows.
//
// Steps: elements added, removed, put back, moved within one task, given another id, retried; the server's data
// changing (a message it did not know appearing; a message deleted), told on the stream as a status, an event or both
// (figures for a campaign); lookups answered in any order, read when they came or when they are answered, or
// failing; the stream opening, dropping, reconnecting; the tab hidden and shown; the clock moved.
import fc from 'fast-check';
import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { loadExplanations, loadPanelTexts } from '../../src/i18n/index.js';
import type { Clock } from '../../src/elements/shared/throttled-announcer.js';
import { propertyParams } from '../support/properties.js';
import { FakeEventSource, FakeVisibility, ManualTimers, fakeFetch, json, settleTasks, wireStatus, type Call } from '../data/helpers.js';

/** Cases per property: keeps each file under about 20 s per browser (8 times as many in `npm run test:explore`). */
export const RUNS = 150;
/** Set to a failure's reported seed (and `path`) to replay it. */
const SEED: number | undefined = undefined;
/** The property's parameters (test/support/properties.ts): `seed` replays a reported failure. */
export const params = (seed: number | undefined = SEED): fc.Parameters<unknown> => propertyParams(RUNS, seed);

/** Messages the server knows from the start; and one it knows only once its first change comes. */
export const IDS = ['a', 'b', 'c'] as const;
export const LATER = 'd';
/** Campaigns the server knows from the start; and one it knows only once its first figures come. */
export const CAMPAIGNS = ['k1', 'k2'] as const;
export const LATER_CAMPAIGN = 'k3';
/** The displays a message goes through, over and over, each at a later time; and what an element in English says of each. */
export const CYCLE = ['sent', 'delivered', 'opened', 'clicked'] as const;
export const LABEL: Record<(typeof CYCLE)[number], string> = { sent: 'Sent', delivered: 'Delivered', opened: 'Opened', clicked: 'Clicked' };
/** Events per page of `GET /messages/{id}/events`: small, so that timelines page. */
export const PAGE = 3;
export const BASE = Date.parse('2026-11-24T09:00:00Z');

export type Step =
  | { kind: 'add'; id: string; at: number }
  | { kind: 'remove'; which: number }
  | { kind: 'putBack'; which: number; at: number }
  | { kind: 'move'; which: number; at: number }
  | { kind: 'rename'; which: number; id: string }
  | { kind: 'retry'; which: number }
  | { kind: 'change'; id: string; via: 'status' | 'event' | 'both' }
  | { kind: 'delete'; id: string }
  | { kind: 'answer'; which: number; fail: boolean; late: boolean }
  | { kind: 'open' }
  | { kind: 'drop'; closed: boolean }
  | { kind: 'visibility'; hidden: boolean }
  | { kind: 'advance'; ms: number };
/** What runs before the next step: nothing (the same task), the microtasks, or a task turn. */
type Pause = 'none' | 'micro' | 'task';
export type Played = readonly (readonly [Step, Pause])[];

/**
 * Random step sequences about `ids` (with `deletes`: messages deleted on the server too; `via`: how the stream may tell
 * a message's change: its status, its event or both).
 */
export function stepsOf(ids: readonly string[], deletes = false, via: readonly ('status' | 'event' | 'both')[] = ['status', 'event', 'both']): fc.Arbitrary<Played> {
  const id = fc.constantFrom(...ids);
  const index = fc.nat(7);
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), id, at: index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), which: index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('putBack' as const), which: index, at: index }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), which: index, at: index }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), which: index, id }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), which: index }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('change' as const), id, via: fc.constantFrom(...via) }) },
    { weight: deletes ? 1 : 0, arbitrary: fc.record({ kind: fc.constant('delete' as const), id }) },
    { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), which: index, fail: fc.constantFrom(false, false, false, true), late: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), closed: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('visibility' as const), hidden: fc.boolean() }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 100, 500, 1_000, 6_000, 20_000) }) },
  );
  return fc.array(fc.tuple(step, fc.constantFrom<Pause>('none', 'micro', 'micro', 'task', 'task', 'task')), { minLength: 10, maxLength: 40, size: 'max' });
}

/** A message's status on the server: its place in CYCLE, and its time. */
export interface Version {
  readonly display: (typeof CYCLE)[number];
  readonly at: number;
}

/** A campaign's figures on the server: how many changes it had (its counts say it), and their time. */
export interface Figures {
  readonly n: number;
  readonly at: number;
}

export const wire = (messageId: string, v: Version) =>
  wireStatus(messageId, { display: v.display, delivery: v.display === 'sent' ? 'sent' : 'delivered', updatedAt: new Date(v.at).toISOString(), settled: v.display === 'clicked' });
const wireEvent = (messageId: string, v: Version, eventId: string) =>
  ({ provider: 'test', channel: 'email', messageId, type: v.display, at: new Date(v.at).toISOString(), raw: v.display, eventId });
/** A campaign's counts after `n` changes: what `<campaign-stats>` shows as delivered and opened. */
export const countsOf = (n: number) => ({ sent: 100, delivered: 50 + n, opened: n });
const wireStats = (campaignId: string, f: Figures) =>
  ({ campaign: { id: campaignId, name: `Campaign ${campaignId}`, channel: 'email' }, counts: countsOf(f.n), updatedAt: new Date(f.at).toISOString() });

const isCampaign = (id: string): boolean => id.startsWith('k');

/**
 * The server: each message's latest status and its events (oldest first), each campaign's latest figures; a log of the
 * live events it sent (a stream resuming after an event id gets those of its topics since); the requests it received,
 * answered when the test says, with the data as it was when the request came (`late`: when it is answered).
 */
export class Server {
  clock = BASE;
  readonly latest = new Map<string, Version>(IDS.map((id) => [id, { display: 'sent', at: BASE }]));
  readonly events = new Map<string, ReturnType<typeof wireEvent>[]>(IDS.map((id) => [id, [wireEvent(id, { display: 'sent', at: BASE }, `e-${id}-0`)]]));
  readonly figures = new Map<string, Figures>(CAMPAIGNS.map((id) => [id, { n: 0, at: BASE }]));
  /** Messages deleted (and not back since). */
  readonly deleted = new Set<string>();
  readonly log: { readonly id: number; readonly topic: string; readonly type: string; readonly data: unknown }[] = [];
  readonly pending: { readonly call: Call; readonly then: () => Response; now(): Response; answer(response: Response): void }[] = [];
  readonly problems: string[] = [];
  readonly fetch: typeof globalThis.fetch;
  readonly calls: Call[];

  constructor() {
    const fake = fakeFetch((call) => {
      const respond = this.route(call);
      if (!respond) {
        this.problems.push(`unexpected request ${call.method} ${call.url.pathname}`);
        return new Response('', { status: 404 });
      }
      if (new Set(call.ids).size !== call.ids.length) this.problems.push(`an id asked for twice in one request: ${call.ids.join(',')}`);
      const then = respond();
      return new Promise<Response>((answer) => this.pending.push({ call, then: () => then, now: respond, answer }));
    });
    this.fetch = fake.fetch;
    this.calls = fake.calls;
  }

  /** What answers `call`, computed when called (from the server's data then). */
  private route(call: Call): (() => Response) | undefined {
    const path = call.url.pathname;
    if (path.endsWith('/messages') || path.endsWith('/messages/batch')) {
      return () => json({ messages: call.ids.flatMap((id) => (this.latest.has(id) ? [wire(id, this.latest.get(id)!)] : [])) });
    }
    const events = /\/messages\/([^/]+)\/events$/.exec(path);
    if (events) {
      const id = decodeURIComponent(events[1]!);
      // Newest first, PAGE at a time; the cursor points before an entry (its index, oldest first), so that events
      // arriving meanwhile do not shift the next page. An unknown message has no events.
      return () => {
        const all = this.events.get(id) ?? [];
        const cursor = call.url.searchParams.get('cursor');
        const end = cursor === null ? all.length : Number(cursor);
        const start = Math.max(0, end - PAGE);
        return json({ events: all.slice(start, end).reverse(), ...(start > 0 && { nextCursor: String(start) }) });
      };
    }
    const stats = /\/campaigns\/([^/]+)\/stats$/.exec(path);
    if (stats) {
      const id = decodeURIComponent(stats[1]!);
      return () => {
        const f = this.figures.get(id);
        return f ? json(wireStats(id, f)) : json({ error: 'no such campaign' }, { status: 404 });
      };
    }
    return undefined;
  }

  /** Answers one pending request (one nobody waits for any more is dropped). */
  answer(which: number, fail: boolean, late: boolean): void {
    const open = this.pending.filter((p) => !p.call.signal?.aborted);
    this.pending.length = 0;
    this.pending.push(...open);
    if (open.length === 0) return;
    const [p] = this.pending.splice(which % open.length, 1);
    if (fail) return p!.answer(json({ error: 'unavailable' }, { status: 503 }));
    p!.answer(late ? p!.now() : p!.then());
  }

  /**
   * The message's status changes, at a later time, with its event; an open stream that carries its topic is told of
   * the event, the status or both. A campaign's figures change; the stream tells them.
   */
  change(id: string, via: 'status' | 'event' | 'both'): void {
    this.clock += 60_000;
    if (isCampaign(id)) {
      const next: Figures = { n: (this.figures.get(id)?.n ?? 0) + 1, at: this.clock };
      this.figures.set(id, next);
      return this.send({ id: this.log.length + 1, topic: `campaign:${id}`, type: 'campaign-stats', data: wireStats(id, next) });
    }
    const previous = this.latest.get(id);
    this.deleted.delete(id);
    const next: Version = { display: previous ? CYCLE[(CYCLE.indexOf(previous.display) + 1) % CYCLE.length]! : 'sent', at: this.clock };
    this.latest.set(id, next);
    const event = wireEvent(id, next, `e-${id}-${this.clock}`);
    this.events.set(id, [...(this.events.get(id) ?? []), event]);
    const topic = `message:${id}`;
    if (via !== 'status') this.send({ id: this.log.length + 1, topic, type: 'message-event', data: event });
    if (via !== 'event') this.send({ id: this.log.length + 1, topic, type: 'message-status', data: wire(id, next) });
  }

  /** The message is deleted: lookups leave it out, it has no events; an open stream that carries its topic says so. */
  delete(id: string): void {
    if (!this.latest.delete(id)) return;
    this.deleted.add(id);
    this.events.delete(id);
    this.send({ id: this.log.length + 1, topic: `message:${id}`, type: 'message-missing', data: { messageId: id } });
  }

  private send(entry: Server['log'][number]): void {
    this.log.push(entry);
    for (const stream of FakeEventSource.all) if (stream.readyState === 1 && !stream.closed && carries(stream, entry.topic)) stream.emit(entry.type, entry.data, String(entry.id));
  }

  /** Opens the connection being made, if any, then replays what its topics missed after the event id it resumes from. */
  open(): void {
    const stream = connecting();
    if (!stream) return;
    stream.open();
    const after = new URL(stream.url, location.href).searchParams.get('lastEventId');
    if (after === null) return;
    for (const entry of this.log) if (entry.id > Number(after) && carries(stream, entry.topic) && !stream.closed) stream.emit(entry.type, entry.data, String(entry.id));
  }
}

const topicsOf = (stream: FakeEventSource): string[] | undefined => new URL(stream.url, location.href).searchParams.get('topics')?.split(',');
const carries = (stream: FakeEventSource, topic: string): boolean => topicsOf(stream)?.includes(topic) ?? true;
const connecting = (): FakeEventSource | undefined => FakeEventSource.all.find((s) => !s.closed && s.readyState === 0);
const current = (): FakeEventSource | undefined => FakeEventSource.all.find((s) => !s.closed);

/** The elements a property plays with, and what each must show once settled. */
export interface Subject<E extends HTMLElement> {
  readonly tag: string;
  /** The attribute naming what it shows: `message-id`, `campaign-id`. */
  readonly attribute: string;
  /** Gives a new element its source (and clock). */
  setUp(el: E, source: RestDataSource, clock: Clock): void;
  /** What the user does to try again (a method, or the retry button). */
  retry(el: E): void;
  /** Once settled: what the element shows, and what it should show by the server (live `mode`), as two comparable texts. */
  check(el: E, server: Server, mode: 'sse' | 'poll'): Promise<{ shown: string; expected: string }>;
}

let errors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason?.stack ?? e.reason)}`);

const warn = console.warn;

/**
 * Loads the texts read on demand; listens for uncaught errors during a describe block; and keeps the console quiet: thousands of runs warn of the
 * failures they play (a campaign not found, a 503), each said once per element.
 */
export function catchUncaught(): void {
  // The texts that load on demand are there before the first run (an element waits for them, and settling does not).
  before(() => Promise.all([loadPanelTexts('en'), loadExplanations('en')]));
  beforeEach(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    console.warn = () => {};
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.warn = warn;
  });
}

/** Plays `played` on a page of `subject`'s elements reading one RestDataSource (live `mode`), settles, and checks each. */
export async function play<E extends HTMLElement>(subject: Subject<E>, mode: 'sse' | 'poll', played: Played): Promise<void> {
  errors = [];
  FakeEventSource.reset();
  const timers = new ManualTimers();
  const visibility = new FakeVisibility();
  const server = new Server();
  const clock: Clock = { now: () => BASE + timers.now, setTimeout: (fn, ms) => timers.setTimeout(fn, ms), clearTimeout: (handle) => timers.clearTimeout(handle) };
  const source = new RestDataSource({
    baseUrl: '/api', fetch: server.fetch, live: mode, EventSource: FakeEventSource, timers, visibility, now: clock.now,
    random: () => 0.5, timeout: 0, retry: { retries: 0 },
  });
  const page = document.createElement('div');
  page.lang = 'en';
  document.body.append(page);
  const all = () => [...page.querySelectorAll<E>(subject.tag)];
  const nth = (which: number) => all()[which % Math.max(1, all().length)];
  /** Elements taken off the page, to be put back (a panel closed, opened again). */
  const removed: E[] = [];
  try {
    for (const [s, pause] of played) {
      switch (s.kind) {
        case 'add': {
          const el = document.createElement(subject.tag) as E;
          subject.setUp(el, source, clock);
          el.setAttribute(subject.attribute, s.id);
          page.insertBefore(el, all()[s.at % (all().length + 1)] ?? null);
          break;
        }
        case 'remove': {
          const el = nth(s.which);
          if (el) removed.push(el);
          el?.remove();
          break;
        }
        case 'putBack': {
          const [el] = removed.splice(s.which % Math.max(1, removed.length), 1);
          if (el) page.insertBefore(el, all()[s.at % (all().length + 1)] ?? null);
          break;
        }
        case 'move': {
          const el = nth(s.which);
          if (el) page.insertBefore(el, all()[s.at % all().length] ?? null);
          break;
        }
        case 'rename':
          nth(s.which)?.setAttribute(subject.attribute, s.id);
          break;
        case 'retry': {
          const el = nth(s.which);
          if (el) subject.retry(el);
          break;
        }
        case 'change':
          server.change(s.id, s.via);
          break;
        case 'delete':
          server.delete(s.id);
          break;
        case 'answer':
          server.answer(s.which, s.fail, s.late);
          break;
        case 'open':
          server.open();
          break;
        case 'drop':
          current()?.fail(s.closed);
          break;
        case 'visibility':
          visibility.set(s.hidden);
          break;
        case 'advance':
          timers.advance(s.ms);
          break;
      }
      if (pause === 'micro') for (let i = 0; i < 5; i++) await Promise.resolve();
      else if (pause === 'task') await settleTasks(2);
    }
    // Everything settles: the tab shown, the stream open, every request answered, the elements' own retries run (as
    // when the browser is back online), the clock moved past reconnections, polls (settled statuses every fourth
    // round), the stream proving itself, a timeline's wait before catching up and cache lifetimes.
    if (visibility.hidden()) visibility.set(false);
    for (let round = 0; round < 100; round++) {
      window.dispatchEvent(new Event('online'));
      server.open();
      while (server.pending.length > 0) server.answer(0, false, true);
      await settleTasks(3);
      timers.advance(round < 5 ? 0 : 5_000);
      await settleTasks(3);
    }
    while (server.pending.length > 0) server.answer(0, false, true);
    await settleTasks(5);
    for (const el of all()) await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const checks = await Promise.all(all().map((el) => subject.check(el, server, mode)));
    expect(checks.map((c) => c.shown).join(' | '), 'what the elements show, against the server').to.equal(checks.map((c) => c.expected).join(' | '));
    expect(server.problems, 'requests').to.deep.equal([]);
    expect(errors, 'uncaught errors').to.deep.equal([]);
  } finally {
    page.remove();
    source.close();
  }
}
