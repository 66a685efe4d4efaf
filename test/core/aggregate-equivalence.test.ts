// aggregate() takes shortcuts (no status objects, times read without Date.parse, no sort for events in order):
// whatever the events, its counts must be those of the straightforward way, kept here as the reference.
import fc from 'fast-check';
import { expect } from '../support/expect.js';
import {
  aggregate,
  CHANNELS,
  DELIVERY_STATES,
  ENGAGEMENT_SIGNALS,
  EstafetteInputError,
  FAILURE_REASONS,
  reduceEvents,
  type CampaignCounts,
  type CanonicalEvent,
  type MessageStatus,
} from '../../src/core/index.js';
import { canonicalTime } from '../../src/core/canonical-time.js';
import { addStatus, emptyCounts } from '../../src/core/count-statuses.js';
import { tallyMessage } from '../../src/core/message-tally.js';

// ---------------------------------------------------------------------------------------------------------------
// The reference: aggregate() as it was before it was made fast. Group by message id, reduceEvents, addStatus.

function referenceAggregate(items: readonly (MessageStatus | CanonicalEvent)[]): Required<CampaignCounts> {
  // Counting one status is shared (aggregate.test.ts checks it by hand); what is compared here is the way to the
  // statuses: grouping, reduceEvents, time reading.
  const counts = emptyCounts();
  const byMessage = new Map<string, CanonicalEvent[]>();
  items.forEach((item, index) => {
    if (item == null || typeof item !== 'object') throw new EstafetteInputError('not a message status nor an event', `items[${index}]`);
    if (typeof (item as MessageStatus).delivery === 'string' && typeof (item as MessageStatus).engagement === 'object') addStatus(counts, item as MessageStatus);
    else if (typeof item.messageId === 'string' && typeof (item as CanonicalEvent).type === 'string') {
      const event = item as CanonicalEvent;
      const list = byMessage.get(event.messageId);
      if (list) list.push(event);
      else byMessage.set(event.messageId, [event]);
    } else throw new EstafetteInputError('not a message status nor an event', `items[${index}]`);
  });
  for (const events of byMessage.values()) addStatus(counts, reduceEvents(events));
  return counts;
}

/** The counts, or the error thrown: both ways must agree on either. */
function outcome(run: () => Required<CampaignCounts>): Required<CampaignCounts> | { error: string; message: string; path: string } {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof EstafetteInputError)) throw error;
    return { error: error.name, message: error.message, path: error.path };
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Events of many messages: frequent equal times, several spellings of one instant, unreadable times, copies.

const DAY = Date.UTC(2026, 10, 2, 9, 0, 0);

/** One instant as a host may spell it: mostly `toISOString()`, else "+00:00", no milliseconds, lower case. */
const spell = (ms: number, style: number): string => {
  const iso = new Date(ms).toISOString();
  if (style === 1) return iso.replace('Z', '+00:00');
  if (style === 2) return iso.replace(/\.\d{3}Z$/, 'Z');
  if (style === 3) return iso.toLowerCase();
  return iso;
};
const instantArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 5 }).map((minute) => DAY + minute * 60_000) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 3 }).map((ms) => DAY + ms) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 86_399_999 }).map((ms) => DAY + ms) },
  { weight: 1, arbitrary: fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }) },
);
const atArb = fc.oneof(
  { weight: 30, arbitrary: instantArb.map((ms) => spell(ms, 0)) },
  { weight: 3, arbitrary: fc.tuple(instantArb, fc.integer({ min: 1, max: 3 })).map(([ms, style]) => spell(ms, style)) },
  { weight: 1, arbitrary: fc.constantFrom('not a date', '', '2026-02-30T09:00:00.000Z', '2026-11-02T24:00:00.000Z') },
);
const typeArb = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...DELIVERY_STATES, ...ENGAGEMENT_SIGNALS) },
  { weight: 6, arbitrary: fc.constantFrom('queued', 'sent', 'delivered', 'opened', 'clicked', 'hard-bounced', 'soft-bounced') },
  { weight: 1, arbitrary: fc.constantFrom('bogus', 'Delivered') },
);

// Dense messages: few types, two instants, two words, so that near-copies (one field apart) are frequent.
const denseTypeArb = fc.constantFrom('sent', 'delivered', 'soft-bounced', 'hard-bounced', 'opened', 'clicked', 'unsubscribed', 'resubscribed');
const denseAtArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(spell(DAY, 0), spell(DAY + 60_000, 0)) },
  { weight: 1, arbitrary: fc.constantFrom(spell(DAY, 1), spell(DAY, 2), 'not a date') },
);

const NO_ID = Symbol('no event id');
const eventArb = (messageId: string, channel: CanonicalEvent['channel'], dense = false): fc.Arbitrary<CanonicalEvent> =>
  fc
    .record(
      {
        // 'send' + 'grid\0e-1' and 'send\0grid' + 'e-1' make the same duplicate key.
        provider: fc.constantFrom('sendgrid', 'host', 'send', 'send\u0000grid'),
        type: dense ? denseTypeArb : typeArb,
        at: dense ? denseAtArb : atArb,
        raw: dense ? fc.constantFrom('x', 'y') : fc.constantFrom('x', 'y', 'Delivered', ''),
        // Absent half the time: copies without an id are then told apart by type, time and raw word.
        eventId: fc.oneof(fc.constant(NO_ID), fc.constantFrom('e-1', 'e-2', 'e-3', '', 'grid\u0000e-1')),
        recipient: fc.constantFrom('a@example.com', ''),
        reason: fc.constantFrom(...FAILURE_REASONS),
        detail: fc.record({ code: fc.constantFrom('5.1.1', ''), text: fc.constantFrom('user unknown', '') }, { requiredKeys: [] }),
        automated: fc.boolean(),
        async: fc.boolean(),
      },
      { requiredKeys: ['provider', 'type', 'at', 'raw'] },
    )
    .map(({ eventId, ...fields }) => ({
      ...fields,
      ...(typeof eventId === 'string' && { eventId }),
      type: fields.type as CanonicalEvent['type'],
      channel,
      messageId,
    }));

/** One message's events, some of them delivered again (as copies, sometimes with `automated` flipped). */
const messageArb = (messageId: string) =>
  fc
    .tuple(fc.constantFrom(...CHANNELS), fc.integer({ min: 1, max: 14 }), fc.boolean())
    .chain(([channel, size, dense]) => fc.array(eventArb(messageId, channel, dense), { minLength: 1, maxLength: size }))
    .chain((events) =>
      fc
        .array(fc.tuple(fc.nat(events.length - 1), fc.nat(5)), { maxLength: 4 })
        .map((picks) => [
          ...events,
          ...picks.map(([pick, flip]) => {
            const copy = structuredClone(events[pick]!);
            return flip === 0 ? { ...copy, automated: !copy.automated } : copy;
          }),
        ]),
    );

/** Events of up to 30 messages: grouped by message (in order, or reversed), or all shuffled together. */
const campaignArb = fc
  .integer({ min: 1, max: 30 })
  .chain((messages) => fc.tuple(...Array.from({ length: messages }, (_, m) => messageArb(`m-${m}`))))
  .chain((lists) =>
    fc.oneof(
      fc.constant(lists.flat()),
      fc.constant(lists.flatMap((list) => [...list].reverse())),
      fc.shuffledSubarray(lists.flat(), { minLength: lists.flat().length, maxLength: lists.flat().length }),
    ),
  );

describe('aggregate: the same counts as reducing each message and adding up its status', function () {
  this.timeout(60_000);

  it('counts any events of many messages as the reference does, or fails the same way', () => {
    fc.assert(
      fc.property(campaignArb, (events) => {
        expect(outcome(() => aggregate(events))).to.deep.equal(outcome(() => referenceAggregate(events)));
      }),
      { numRuns: 1_500 },
    );
  });

  it('fails on the same item as the reference when the list also holds things that are not events', () => {
    const withBadItems = campaignArb.chain((events) =>
      fc
        .array(fc.tuple(fc.nat(events.length), fc.constantFrom<unknown>(null, 7, { hello: 1 }, { messageId: 'm-0' })), { minLength: 1, maxLength: 2 })
        .map((bad) => {
          const items: unknown[] = [...events];
          for (const [at, item] of bad) items.splice(at, 0, item);
          return items as CanonicalEvent[];
        }),
    );
    fc.assert(
      fc.property(withBadItems, (items) => {
        expect(outcome(() => aggregate(items))).to.deep.equal(outcome(() => referenceAggregate(items)));
      }),
      { numRuns: 300 },
    );
  });

  it('counts a mix of statuses and events as the reference does', () => {
    const mixed = fc.tuple(campaignArb, campaignArb).map(([statusEvents, events]) => {
      const ids = [...new Set(statusEvents.map((e) => `s-${e.messageId}`))];
      const statuses = ids.flatMap((id) => {
        const own = statusEvents.filter((e) => `s-${e.messageId}` === id).map((e) => ({ ...e, messageId: id }));
        try {
          return [reduceEvents(own)];
        } catch {
          return [];
        }
      });
      return [...statuses, ...events].sort((a, b) => a.messageId.localeCompare(b.messageId));
    });
    fc.assert(
      fc.property(mixed, (items) => {
        // aggregate() takes statuses and events mixed, though its type says one or the other.
        expect(outcome(() => aggregate(items as CanonicalEvent[]))).to.deep.equal(outcome(() => referenceAggregate(items)));
      }),
      { numRuns: 300 },
    );
  });

  it('counts messages of 40 to 120 events, in order and shuffled, as the reference does', () => {
    const big = fc
      .array(eventArb('big', 'email'), { minLength: 40, maxLength: 120 })
      .chain((events) => fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }));
    fc.assert(
      fc.property(big, (events) => {
        const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
        expect(outcome(() => aggregate(sorted))).to.deep.equal(outcome(() => referenceAggregate(sorted)));
        expect(outcome(() => aggregate(events))).to.deep.equal(outcome(() => referenceAggregate(events)));
      }),
      { numRuns: 100 },
    );
  });

  it('takes events for copies exactly when their duplicate keys are equal, NUL characters included', () => {
    const base: CanonicalEvent = { provider: 'send', channel: 'email', messageId: 'm', type: 'opened', at: '2026-11-02T09:00:00.000Z', raw: 'x\u0000y' };
    const lists: CanonicalEvent[][] = [
      [base, { ...base, at: `${base.at}\u0000x`, raw: 'y' }],
      [{ ...base, eventId: 'grid\u0000e-1' }, { ...base, provider: 'send\u0000grid', eventId: 'e-1' }],
      [{ ...base, eventId: 'e-1' }, { ...base, provider: 'sendgrid', eventId: 'e-1' }],
    ];
    for (const events of lists) expect(outcome(() => aggregate(events))).to.deep.equal(outcome(() => referenceAggregate(events)));
    // A readable time followed by more text is no time: refused, whatever the raw words.
    expect(() => aggregate(lists[0]!)).to.throw(EstafetteInputError).with.property('path', 'events[1].at');
    expect(aggregate(lists[1]!).openedTotal).to.equal(1);
    expect(aggregate(lists[2]!).openedTotal).to.equal(2);
  });

  it('agrees with the reference on the bench campaign of 10,000 messages in reverse order', () => {
    const events: CanonicalEvent[] = [];
    const types = ['queued', 'sent', 'delivered', 'opened', 'opened', 'clicked', 'opened', 'opened', 'clicked', 'opened'] as const;
    for (let m = 0; m < 10_000; m++)
      for (let j = 9; j >= 0; j--)
        events.push({
          provider: 'p', channel: 'email', messageId: `m-${m}`, raw: String(j),
          type: m % 20 === 0 && j === 2 ? 'hard-bounced' : types[j]!, at: new Date(DAY + m * 1000 + j * 60_000).toISOString(),
        });
    const counts = aggregate(events);
    expect(counts).to.deep.equal(referenceAggregate(events));
    expect(counts.hardBounced).to.equal(500);
    expect(counts.openedTotal).to.equal(50_000);
  });
});

describe('tallyMessage', () => {
  it('reports what reduceEvents does of a message, for counting, and answers for most messages', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(messageArb('m-1'), (events) => {
        runs++;
        const tally = tallyMessage(events);
        if (!tally) return;
        answered++;
        const status = reduceEvents(events);
        const { opened, clicked, complained, replied } = status.engagement;
        expect({
          delivery: tally.delivery, subscription: tally.subscription, opened: tally.engagement.opened && { ...tally.engagement.opened },
          clicked: tally.engagement.clicked?.count, complained: !!tally.engagement.complained, replied: !!tally.engagement.replied,
        }).to.deep.equal({
          delivery: status.delivery, subscription: status.subscription, opened: opened && { count: opened.count, automated: opened.automated },
          clicked: clicked?.count, complained: !!complained, replied: !!replied,
        });
      }),
      { numRuns: 2_000 },
    );
    // About a third of these messages (odd times, unknown types, differing copies send the rest to reduceEvents):
    // enough for the properties above to test the short way, not reduceEvents against itself.
    expect(answered / runs).to.be.greaterThan(0.25);
  });
});

describe('canonicalTime', () => {
  it('reads every toISOString() of years 0 to 9999 as Date.parse does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => {
        expect(canonicalTime(new Date(ms).toISOString())).to.equal(ms);
      }),
      { numRuns: 5_000 },
    );
  });

  it('refuses every other spelling, and dates Date.parse would roll over', () => {
    for (const at of [
      '2026-11-02T09:00:00Z', '2026-11-02T09:00:00.000+00:00', '2026-11-02t09:00:00.000z', '2026-11-02 09:00:00.000Z',
      '2026-02-29T09:00:00.000Z', '2026-04-31T09:00:00.000Z', '2026-11-02T24:00:00.000Z', '2026-11-02T09:60:00.000Z',
      '2026-13-02T09:00:00.000Z', '2026-11-00T09:00:00.000Z', '2026-11-02T09:00:00.0a0Z', '+02026-11-02T09:00:00.000Z', '',
    ])
      expect(canonicalTime(at), at).to.be.NaN;
    expect(canonicalTime('2024-02-29T09:00:00.000Z')).to.equal(Date.parse('2024-02-29T09:00:00.000Z'));
  });

  it('never disagrees with Date.parse on a string it reads', () => {
    const chars = fc.constantFrom(...'0123456789-T:.Z+z '.split(''));
    const nearIso = fc.tuple(fc.integer({ min: 0, max: 253_402_300_799_999 }), fc.nat(23), chars).map(([ms, at, c]) => {
      const iso = new Date(ms).toISOString();
      return [iso, iso.slice(0, at) + c + iso.slice(at + 1)] as const;
    });
    fc.assert(
      fc.property(nearIso, ([iso, at]) => {
        // The original first: its date is then the one canonicalTime remembers, and must not vouch for the other.
        canonicalTime(iso);
        const time = canonicalTime(at);
        if (!Number.isNaN(time)) expect(time).to.equal(Date.parse(at));
      }),
      { numRuns: 5_000 },
    );
  });
});
