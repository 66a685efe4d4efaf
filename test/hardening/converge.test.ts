// Model-based, property-based: does what the page shows converge to what the server knows? Random sequences of steps
// (badges added, removed, put back, moved within one task, given another message-id, retried; the server's statuses
// changing, a message it did not know appearing, told on the stream as a status, an event or both; lookups answered
// in any order, read when they came or when they are answered, or failing; the stream opening, dropping,
// reconnecting; the tab hidden and shown; the clock moved) run against <email-status-badge message-id> elements
// reading one RestDataSource, with a fake server the test controls. Then everything settles (every answer given, the
// stream open, the tab shown, the clock moved past polls, reconnections and cache lifetimes), and every badge must
// show its message's latest status on the server. Also: no request names an id twice, nothing is thrown uncaught. A
// failure prints fast-check's seed, path, shrunk counterexample and the assertion it broke (includeErrorInReport);
// replay one by setting SEED below.
import fc from 'fast-check';
import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { FakeEventSource, FakeVisibility, ManualTimers, fakeFetch, json, settleTasks, wireStatus, type Call } from '../data/helpers.js';
import { labelOf, nameOf } from '../elements/shared/badge-helpers.js';

/** Runs per property: keeps the file well under a minute per browser. */
const RUNS = 150;
/** Set to a failure's reported seed (and `path`) to replay it. */
const SEED: number | undefined = undefined;
const params = (): fc.Parameters<unknown> => ({ numRuns: RUNS, verbose: 0, includeErrorInReport: true, ...(SEED === undefined ? {} : { seed: SEED }) });

/** Messages the server knows from the start; and one it knows only once its first change comes. */
const IDS = ['a', 'b', 'c'] as const;
const LATER = 'd';
/** The displays a message goes through, over and over, each at a later time; and what a badge in English says of each. */
const CYCLE = ['sent', 'delivered', 'opened', 'clicked'] as const;
const LABEL: Record<(typeof CYCLE)[number], string> = { sent: 'Sent', delivered: 'Delivered', opened: 'Opened', clicked: 'Clicked' };
const NOT_FOUND = 'Unavailable. No message was found with this identifier.';
const BASE = Date.parse('2026-11-24T09:00:00Z');

type Step =
  | { kind: 'add'; id: string; at: number }
  | { kind: 'remove'; which: number }
  | { kind: 'putBack'; which: number; at: number }
  | { kind: 'move'; which: number; at: number }
  | { kind: 'rename'; which: number; id: string }
  | { kind: 'retry'; which: number }
  | { kind: 'change'; id: string; via: 'status' | 'event' | 'both' }
  | { kind: 'answer'; which: number; fail: boolean; late: boolean }
  | { kind: 'open' }
  | { kind: 'drop'; closed: boolean }
  | { kind: 'visibility'; hidden: boolean }
  | { kind: 'advance'; ms: number };
/** What runs before the next step: nothing (the same task), the microtasks, or a task turn. */
type Pause = 'none' | 'micro' | 'task';

const id = fc.constantFrom(...IDS, LATER);
const index = fc.nat(7);
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), id, at: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), which: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('putBack' as const), which: index, at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), which: index, at: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), which: index, id }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retry' as const), which: index }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('change' as const), id, via: fc.constantFrom('status' as const, 'event' as const, 'both' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('answer' as const), which: index, fail: fc.constantFrom(false, false, false, true), late: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('open' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), closed: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('visibility' as const), hidden: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.constantFrom(0, 100, 500, 1_000, 6_000, 20_000) }) },
);
const steps = fc.array(fc.tuple(step, fc.constantFrom<Pause>('none', 'micro', 'micro', 'task', 'task', 'task')), { minLength: 10, maxLength: 40, size: 'max' });

/** A message's status on the server: its place in CYCLE, and its time. */
interface Version {
  readonly display: (typeof CYCLE)[number];
  readonly at: number;
}

const wire = (messageId: string, v: Version) =>
  wireStatus(messageId, { display: v.display, delivery: v.display === 'sent' ? 'sent' : 'delivered', updatedAt: new Date(v.at).toISOString(), settled: v.display === 'clicked' });

/**
 * The server: each message's latest status; a log of the live events it sent (a stream resuming after an event id gets
 * those of its topics since); the lookups it received, answered when the test says, with the statuses as they were when
 * the lookup came (`late`: when it is answered).
 */
class Server {
  clock = BASE;
  readonly latest = new Map<string, Version>(IDS.map((id) => [id, { display: 'sent', at: BASE }]));
  readonly log: { readonly id: number; readonly topic: string; readonly type: string; readonly data: unknown }[] = [];
  readonly pending: { readonly call: Call; readonly read: Map<string, Version>; answer(response: Response): void }[] = [];
  readonly problems: string[] = [];
  readonly fetch: typeof globalThis.fetch;
  readonly calls: Call[];

  constructor() {
    const fake = fakeFetch((call) => {
      if (!call.url.pathname.endsWith('/messages') && !call.url.pathname.endsWith('/messages/batch')) {
        this.problems.push(`unexpected request ${call.method} ${call.url.pathname}`);
        return new Response('', { status: 404 });
      }
      if (new Set(call.ids).size !== call.ids.length) this.problems.push(`an id asked for twice in one request: ${call.ids.join(',')}`);
      const read = new Map(call.ids.flatMap((id) => (this.latest.has(id) ? [[id, this.latest.get(id)!] as const] : [])));
      return new Promise<Response>((answer) => this.pending.push({ call, read, answer }));
    });
    this.fetch = fake.fetch;
    this.calls = fake.calls;
  }

  /** Answers one pending lookup (one nobody waits for any more is dropped). */
  answer(which: number, fail: boolean, late: boolean): void {
    const open = this.pending.filter((p) => !p.call.signal?.aborted);
    this.pending.length = 0;
    this.pending.push(...open);
    if (open.length === 0) return;
    const [p] = this.pending.splice(which % open.length, 1);
    if (fail) return p!.answer(json({ error: 'unavailable' }, { status: 503 }));
    const read = late ? new Map(p!.call.ids.flatMap((id) => (this.latest.has(id) ? [[id, this.latest.get(id)!] as const] : []))) : p!.read;
    p!.answer(json({ messages: [...read].map(([id, v]) => wire(id, v)) }));
  }

  /** The message's status changes, at a later time; an open stream that carries its topic is told. */
  change(messageId: string, via: 'status' | 'event' | 'both'): void {
    const previous = this.latest.get(messageId);
    this.clock += 60_000;
    const next: Version = { display: previous ? CYCLE[(CYCLE.indexOf(previous.display) + 1) % CYCLE.length]! : 'sent', at: this.clock };
    this.latest.set(messageId, next);
    const topic = `message:${messageId}`;
    if (via !== 'status') {
      const event = { provider: 'test', channel: 'email', messageId, type: next.display, at: new Date(next.at).toISOString(), raw: next.display, eventId: `e-${this.log.length + 1}` };
      this.send({ id: this.log.length + 1, topic, type: 'message-event', data: event });
    }
    if (via !== 'event') this.send({ id: this.log.length + 1, topic, type: 'message-status', data: wire(messageId, next) });
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

let errors: string[] = [];
const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason?.stack ?? e.reason)}`);

/** Plays `steps` on a page of badges reading one RestDataSource (live `mode`), settles, and checks what the badges show. */
async function play(mode: 'sse' | 'poll', played: readonly (readonly [Step, Pause])[]): Promise<void> {
  errors = [];
  FakeEventSource.reset();
  const timers = new ManualTimers();
  const visibility = new FakeVisibility();
  const server = new Server();
  const source = new RestDataSource({
    baseUrl: '/api', fetch: server.fetch, live: mode, EventSource: FakeEventSource, timers, visibility, now: () => BASE + timers.now,
    random: () => 0.5, timeout: 0, retry: { retries: 0 },
  });
  const page = document.createElement('div');
  page.lang = 'en';
  document.body.append(page);
  const badges = () => [...page.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
  const nth = (which: number) => badges()[which % Math.max(1, badges().length)];
  /** Badges taken off the page, to be put back (a panel closed, opened again). */
  const removed: EmailStatusBadgeElement[] = [];
  try {
    for (const [s, pause] of played) {
      switch (s.kind) {
        case 'add': {
          const badge = document.createElement('email-status-badge');
          badge.source = source;
          badge.setAttribute('message-id', s.id);
          page.insertBefore(badge, badges()[s.at % (badges().length + 1)] ?? null);
          break;
        }
        case 'remove': {
          const badge = nth(s.which);
          if (badge) removed.push(badge);
          badge?.remove();
          break;
        }
        case 'putBack': {
          const [badge] = removed.splice(s.which % Math.max(1, removed.length), 1);
          if (badge) page.insertBefore(badge, badges()[s.at % (badges().length + 1)] ?? null);
          break;
        }
        case 'move': {
          const badge = nth(s.which);
          if (badge) page.insertBefore(badge, badges()[s.at % badges().length] ?? null);
          break;
        }
        case 'rename':
          nth(s.which)?.setAttribute('message-id', s.id);
          break;
        case 'retry':
          nth(s.which)?.retry();
          break;
        case 'change':
          server.change(s.id, s.via);
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
    // Everything settles: the tab shown, the stream open, every lookup answered, the badges' own retries run (as when the
    // browser is back online), the clock moved past reconnections, polls (settled statuses every fourth round), the
    // stream proving itself and cache lifetimes.
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
    for (const badge of badges()) await badge.updateComplete;
    // An unavailable badge by its accessible name: not found, or an error (which settling must have cleared).
    const shown = badges().map((b) => `${b.getAttribute('message-id')}: ${labelOf(b) === 'Unavailable' ? nameOf(b) : labelOf(b)}`);
    const expected = badges().map((b) => {
      const known = server.latest.get(b.getAttribute('message-id')!);
      return `${b.getAttribute('message-id')}: ${known ? LABEL[known.display] : NOT_FOUND}`;
    });
    expect(shown.join(', '), 'what the badges show, against the server').to.equal(expected.join(', '));
    for (const badge of badges()) expect(nameOf(badge), 'accessible name').to.match(new RegExp(`^${labelOf(badge)}\\b`));
    expect(server.problems, 'requests').to.deep.equal([]);
    expect(errors, 'uncaught errors').to.deep.equal([]);
  } finally {
    page.remove();
    source.close();
  }
}

describe('what badges show converges to what the server knows (property-based)', function () {
  this.timeout(120_000);
  beforeEach(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  afterEach(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  });

  it('over a stream that drops and reconnects (polling filling in)', async () => {
    await fc.assert(fc.asyncProperty(steps, (played) => play('sse', played)), params());
  });

  it('while polling', async () => {
    await fc.assert(fc.asyncProperty(steps, (played) => play('poll', played)), params());
  });
});
