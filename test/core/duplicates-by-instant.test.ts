// A webhook delivered twice is one event, even when the copies write its time differently: duplicates (events
// without a provider event id) are the same type, raw word and instant, not the same text of `at`.
import { expect } from '../support/expect.js';
import { aggregate, dedupeKey, EstafetteInputError, reduceEvents, sortAndDedupe, type CanonicalEvent } from '../../src/core/index.js';
import { createEventStore } from '../../src/elements/status-timeline/row-store.js';
import { ev } from './event-factory.js';

// One instant, three spellings.
const SPELLINGS = ['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.000Z', '2026-03-01T11:00:00+01:00'];
const opens = (ats: readonly string[], messageId = 'm-1'): CanonicalEvent[] => ats.map((at) => ev('opened', 0, { at, raw: 'open', messageId }));
const delivered = (messageId = 'm-1') => ev('delivered', 0, { at: '2026-03-01T09:00:00.000Z', messageId });

describe('duplicates: one instant, however its time is written', () => {
  it('reduceEvents counts one open for copies of an open whose times are spelt three ways', () => {
    const status = reduceEvents([delivered(), ...opens(SPELLINGS)]);
    expect(status.engagement.opened?.count).to.equal(1);
    expect(Date.parse(status.engagement.opened!.first)).to.equal(Date.parse(SPELLINGS[0]!));
  });

  it('still counts opens at different instants, or with different raw words, apart', () => {
    const status = reduceEvents([delivered(), ...opens(['2026-03-01T10:00:00Z', '2026-03-01T10:00:00.001Z', '2026-03-01T10:00:00+01:00'])]);
    expect(status.engagement.opened?.count).to.equal(3);
    const words = reduceEvents([delivered(), ev('opened', 0, { at: SPELLINGS[0], raw: 'open' }), ev('opened', 0, { at: SPELLINGS[1], raw: 'opened' })]);
    expect(words.engagement.opened?.count).to.equal(2);
  });

  it('gives the copies one duplicate key, and keeps one of them in sortAndDedupe, whatever their order', () => {
    const events = opens(SPELLINGS);
    expect(new Set(events.map(dedupeKey)).size).to.equal(1);
    expect(sortAndDedupe(events)).to.have.length(1);
    expect(sortAndDedupe([...events].reverse())).to.deep.equal(sortAndDedupe(events));
  });

  it('aggregate counts one open per message, for events grouped by message and for events interleaved', () => {
    const grouped = [delivered('a'), ...opens(SPELLINGS, 'a'), delivered('b'), ...opens([SPELLINGS[1]!, SPELLINGS[1]!], 'b')];
    const interleaved = [grouped[0]!, grouped[4]!, grouped[1]!, grouped[5]!, grouped[2]!, grouped[6]!, grouped[3]!];
    for (const events of [grouped, interleaved]) {
      const counts = aggregate(events);
      expect(counts.openedTotal).to.equal(2);
      expect(counts.opened).to.equal(2);
    }
  });

  it('aggregate counts one open when only the milliseconds are written differently, with the message in order', () => {
    // Two spellings in toISOString() length and one without milliseconds, in time order as an export gives them.
    const events = [delivered(), ev('opened', 0, { at: '2026-03-01T10:00:00.000Z', raw: 'open' }), ev('opened', 0, { at: '2026-03-01T10:00:00Z', raw: 'open' })];
    expect(aggregate(events).openedTotal).to.equal(1);
  });

  it('counts one open for copies written as SQL stacks write times, even in toISOString()\'s length (a space or a t for the T)', () => {
    // 24 characters ending in Z, as toISOString() writes, but not its spelling: the same instant all the same.
    const sql = ['2026-03-01T10:00:00.000Z', '2026-03-01 10:00:00.000Z', '2026-03-01t10:00:00.000Z', '2026-03-01 11:00:00+0100', '2026-03-01 11:00:00+01'];
    for (const spellings of [sql, [...sql].reverse(), sql.slice(0, 2), sql.slice(1, 3)]) {
      expect(reduceEvents([delivered(), ...opens(spellings)]).engagement.opened?.count, spellings.join()).to.equal(1);
      expect(aggregate([delivered(), ...opens(spellings)]).openedTotal, spellings.join()).to.equal(1);
      expect(new Set(opens(spellings).map(dedupeKey)).size, spellings.join()).to.equal(1);
    }
  });

  it('shows one timeline row for the copies, counted three times', () => {
    const store = createEventStore();
    store.add(opens(SPELLINGS), 'page');
    expect(store.rows.map((row) => row.count)).to.deep.equal([3]);
  });
});

describe('duplicates: times that cannot be read', () => {
  it('reduceEvents and aggregate refuse a time that is not laid out as an ISO 8601 time with its zone', () => {
    for (const odd of ['not a date', 'no date', `${SPELLINGS[1]!} (retried)`]) {
      const events = [delivered(), ...opens([SPELLINGS[0]!, odd])];
      expect(() => reduceEvents(events), odd).to.throw(EstafetteInputError).with.property('path', 'events[2].at');
      expect(() => aggregate(events), odd).to.throw(EstafetteInputError).with.property('path', 'events[2].at');
    }
  });

  it('sortAndDedupe (the timeline\'s rows) keeps them, ordered first, and collapses them only when their texts are equal', () => {
    const kept = sortAndDedupe([delivered(), ...opens(['not a date', 'not a date', 'no date', SPELLINGS[0]!])]);
    expect(kept.map((event) => event.at)).to.deep.equal(['no date', 'not a date', delivered().at, SPELLINGS[0]]);
  });

  it('keeps as text a date that toISOString() cannot write, in its layout (Feb 30th, 24:00, a stray bracket), in reduceEvents and aggregate alike', () => {
    // V8 rolls these over onto the instant of the text after each, and reads a bracket as a comment; the core reads
    // none of them (they have the layout of a time, so they are kept, first, as times that cannot be read).
    for (const [odd, plain] of [
      ['2026-02-30T00:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['2026-03-01T24:00:00.000Z', '2026-03-02T00:00:00.000Z'],
      ['2026-03-(1T10:20:30.456Z', '2026-03-(1T10:20:31.456Z'],
    ] as const) {
      const events = [delivered(), ...opens([odd, plain])];
      expect(reduceEvents(events).engagement.opened?.count, odd).to.equal(2);
      expect(aggregate(events).openedTotal, odd).to.equal(2);
      expect(dedupeKey(opens([odd])[0]!), odd).to.not.equal(dedupeKey(opens([plain])[0]!));
    }
    // A real instant in that layout still joins its other spellings: the copy without milliseconds.
    expect(aggregate([delivered(), ...opens(['2026-03-02T00:00:00.000Z', '2026-03-02T00:00:00Z'])]).openedTotal).to.equal(1);
  });
});
