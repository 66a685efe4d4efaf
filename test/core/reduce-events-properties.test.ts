// reduceEvents does not depend on the order of its events nor on duplicates in them: the properties of
// reduce-events.test.ts, over richer lists of one message's events. Every field varies (type, reason, detail,
// recipient, provider, event id, empty strings), and timestamps collide: the same instant, written the ways
// ISO 8601 allows; times that cannot be ordered are refused.
import fc from 'fast-check';
import { createEventStore } from '../../src/elements/status-timeline/row-store.js';
import { expect } from '../support/expect.js';
import {
  CHANNELS,
  DELIVERY_STATES,
  ENGAGEMENT_SIGNALS,
  EstafetteInputError,
  FAILURE_REASONS,
  reduceEvents,
  reduceOrderedEvents,
  sortAndDedupe,
  type CanonicalEvent,
  type Channel,
} from '../../src/core/index.js';

const MESSAGE = 'm-1';
const DAY = Date.UTC(2026, 10, 2, 9, 0, 0);

/** One instant in the spellings a host's API may use for it: all ISO 8601, all UTC. */
const spell = (ms: number, style: number): string => {
  const iso = new Date(ms).toISOString();
  if (style === 1) return iso.replace('Z', '+00:00');
  if (style === 2 && ms % 1000 === 0) return iso.replace('.000Z', 'Z');
  return iso;
};

/**
 * Mostly a handful of instants, so that ties are frequent; sometimes any millisecond of the day; rarely a leap
 * second or another zone. (Unreadable times are refused: see the last property.)
 */
const atArb = (instants: fc.Arbitrary<number>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 10, arbitrary: fc.tuple(instants, fc.nat(2)).map(([ms, style]) => spell(ms, style)) },
    { weight: 1, arbitrary: fc.constantFrom('2026-11-02T09:00:60Z', '2026-11-02T10:01:00.5+01:00', '2026-11-02t09:02:00z') },
  );
const fewInstants = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 4 }).map((minute) => DAY + minute * 60_000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 86_399_999 }).map((ms) => DAY + ms) },
);

const eventArb = (channel: Channel, at: fc.Arbitrary<string>): fc.Arbitrary<CanonicalEvent> =>
  fc
    .record(
      {
        provider: fc.constantFrom('sendgrid', 'host'),
        type: fc.constantFrom(...DELIVERY_STATES, ...ENGAGEMENT_SIGNALS),
        at,
        raw: fc.constantFrom('x', 'y', 'Delivered', ''),
        eventId: fc.constantFrom('e-1', 'e-2', ''),
        // One message, one recipient (several recipients are several statuses), spelt in other cases or not given.
        recipient: fc.constantFrom('a@example.com', 'A@Example.com', ''),
        reason: fc.constantFrom(...FAILURE_REASONS),
        detail: fc.record(
          { code: fc.constantFrom('5.1.1', '4.2.2', ''), text: fc.constantFrom('user unknown', ''), url: fc.constantFrom('https://example.org/a', '') },
          { requiredKeys: [] },
        ),
        automated: fc.boolean(),
        async: fc.boolean(),
      },
      { requiredKeys: ['provider', 'type', 'at', 'raw'] },
    )
    .map((fields) => ({ ...fields, channel, messageId: MESSAGE }));

/** A message's events: one channel, up to 30 events, with frequent equal timestamps. */
const eventsArb = (at: fc.Arbitrary<string> = atArb(fewInstants)) =>
  fc.constantFrom(...CHANNELS).chain((channel) => fc.array(eventArb(channel, at), { maxLength: 30 }));

/** `events` with its order shuffled. */
const shuffled = <T>(events: readonly T[]) => fc.shuffledSubarray([...events], { minLength: events.length, maxLength: events.length });

// `at`: the time an empty list reports (now, by default).
const EMPTY_AT = '2026-11-02T09:00:00.000Z';
const reduce = (events: readonly CanonicalEvent[]) => reduceEvents(events, { messageId: MESSAGE, at: EMPTY_AT });

describe('reduceEvents: properties over any events of one message', function () {
  // Hundreds of runs each: generous, for a machine shared with other test runs.
  this.timeout(30_000);

  it('gives the same status for every order of the same events', () => {
    fc.assert(
      fc.property(eventsArb().chain((events) => fc.tuple(fc.constant(events), shuffled(events))), ([events, reordered]) => {
        expect(reduce(reordered)).to.deep.equal(reduce(events));
      }),
      { numRuns: 600 },
    );
  });

  it('breaks ties between events of the same instant the same way, whatever the order and the spelling of the instant', () => {
    const sameInstant = fc.nat(2).map((style) => spell(DAY, style));
    fc.assert(
      fc.property(eventsArb(sameInstant).chain((events) => fc.tuple(fc.constant(events), shuffled(events))), ([events, reordered]) => {
        expect(reduce(reordered)).to.deep.equal(reduce(events));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same status for every order when events come again with their instant spelled another way', () => {
    const respelled = eventsArb()
      .filter((events) => events.length > 0)
      .chain((events) =>
        fc.array(fc.tuple(fc.nat(events.length - 1), fc.nat(2)), { minLength: 1, maxLength: 10 }).chain((picks) => {
          const again = picks.map(([pick, style]) => {
            const event = events[pick]!;
            const ms = Date.parse(event.at);
            return Number.isNaN(ms) ? { ...event } : { ...event, at: spell(ms, style) };
          });
          const all = [...events, ...again];
          return fc.tuple(fc.constant(all), shuffled(all));
        }),
      );
    fc.assert(
      fc.property(respelled, ([events, reordered]) => {
        expect(reduce(reordered)).to.deep.equal(reduce(events));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same status when events are delivered again, in any order', () => {
    const withRepeats = eventsArb()
      .filter((events) => events.length > 0)
      .chain((events) =>
        fc.tuple(
          fc.constant(events),
          fc.array(fc.nat(events.length - 1), { minLength: 1, maxLength: 30 }).chain((picks) => {
            // Copies, not the same objects: a webhook delivered twice is parsed twice.
            const repeated = [...events, ...picks.map((pick) => structuredClone(events[pick]!))];
            return shuffled(repeated);
          }),
        ),
      );
    fc.assert(
      fc.property(withRepeats, ([events, repeated]) => {
        expect(reduce(repeated)).to.deep.equal(reduce(events));
      }),
      { numRuns: 600 },
    );
  });
  it('refuses any events holding a time it cannot order, naming the first such event, in any order', () => {
    const BAD: readonly unknown[] = [undefined, 1_762_074_000_000, '', 'not a date', '2026-11-02 09:00:00', '2026-11-02T09:00:00', '2026-11-02T09:00:00.000'];
    const bad = fc.constantFrom(...BAD);
    const withBad = eventsArb().chain((events) =>
      fc.tuple(fc.array(fc.tuple(fc.nat(events.length), bad), { minLength: 1, maxLength: 3 }), fc.constant(events)).map(([picks, list]) => {
        const out: CanonicalEvent[] = [...list];
        for (const [index, at] of picks) out.splice(index, 0, { ...(list[0] ?? { provider: 'host', channel: 'email', messageId: MESSAGE, type: 'sent', raw: 'x' }), at } as CanonicalEvent);
        return out;
      }),
    );
    fc.assert(
      fc.property(withBad, (events) => {
        const first = events.findIndex((event) => BAD.includes(event.at));
        expect(() => reduce(events)).to.throw(EstafetteInputError).with.property('path', `events[${first}].at`);
      }),
      { numRuns: 300 },
    );
  });
});

describe('reduceOrderedEvents: reduceEvents without the sort, for events kept in its order', function () {
  this.timeout(30_000);

  it('gives what reduceEvents gives, for the events in the order sortAndDedupe puts them', () => {
    fc.assert(
      fc.property(eventsArb(), (events) => {
        expect(reduceOrderedEvents(sortAndDedupe(events), { messageId: MESSAGE, at: EMPTY_AT })).to.deep.equal(reduce(events));
      }),
      { numRuns: 600 },
    );
  });

  it('checks its events as reduceEvents does', () => {
    const event: CanonicalEvent = { provider: 'host', channel: 'email', messageId: MESSAGE, type: 'sent', at: '2026-11-02T09:00:00.000Z', raw: 'sent' };
    expect(() => reduceOrderedEvents([event, { ...event, messageId: 'm-2' }])).to.throw('events of different messages');
    expect(() => reduceOrderedEvents([{ ...event, type: 'teleported' as CanonicalEvent['type'] }])).to.throw('unknown canonical event type');
    expect(() => reduceOrderedEvents('not a list' as unknown as CanonicalEvent[])).to.throw('expects an array');
  });

  it("gives what reduceEvents gives for the timeline's rows, whatever the order and repeats the events came in", () => {
    const arrivals = eventsArb()
      .filter((events) => events.length > 0)
      .chain((events) => fc.array(fc.nat(events.length - 1), { maxLength: 20 }).chain((picks) => shuffled([...events, ...picks.map((pick) => structuredClone(events[pick]!))])));
    fc.assert(
      fc.property(arrivals, fc.nat(3), (events, pages) => {
        // Delivered in a few pages, as the timeline loads them.
        const store = createEventStore();
        const size = Math.ceil(events.length / (pages + 1));
        for (let i = 0; i < events.length; i += size) store.add(events.slice(i, i + size), 'page');
        const rows = store.rows.map((row) => row.item);
        expect(reduceOrderedEvents(rows, { messageId: MESSAGE, at: EMPTY_AT })).to.deep.equal(reduce(rows));
      }),
      { numRuns: 400 },
    );
  });
});

describe('reduceEvents: counterexamples found by the properties', () => {
  const at = '2026-11-02T09:00:00.000Z';
  const base: CanonicalEvent = { provider: 'host', channel: 'email', messageId: MESSAGE, type: 'complained', at, raw: 'spam' };
  const bothOrders = (a: CanonicalEvent, b: CanonicalEvent) => [reduce([a, b]), reduce([b, a])] as const;

  it('keeps the same one of two duplicates whether the empty event id comes first or last', () => {
    // '' and an absent id both sorted first, so the input order chose which duplicate (automated or not) was kept.
    const [ab, ba] = bothOrders({ ...base, eventId: '', automated: true }, base);
    expect(ba).to.deep.equal(ab);
    expect(ab.engagement.complained?.count).to.equal(1);
  });

  it('reports the same time whatever the order of one instant spelled "Z", ".000Z" or "+00:00"', () => {
    const [ab, ba] = bothOrders({ ...base, type: 'opened', raw: 'open' }, { ...base, type: 'opened', raw: 'open', at: '2026-11-02T09:00:00+00:00' });
    expect(ba).to.deep.equal(ab);
    expect(Date.parse(ab.updatedAt)).to.equal(Date.parse(at));
  });

  it('keeps the same failure detail whether the event with an empty detail comes first or last', () => {
    const [ab, ba] = bothOrders({ ...base, type: 'failed', raw: 'failed', detail: {} }, { ...base, type: 'failed', raw: 'failed' });
    expect(ba).to.deep.equal(ab);
    expect(ab.delivery).to.equal('failed');
  });

  it('reports the same channel whatever the order of events that disagree about it', () => {
    const [ab, ba] = bothOrders({ ...base, channel: 'sms' }, base);
    expect(ba.channel).to.equal(ab.channel);
  });
});
