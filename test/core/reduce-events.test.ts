import fc from 'fast-check';
import { expect } from '../support/expect.js';
import {
  aggregate,
  DELIVERY_STATES,
  DISPLAY_STATUSES,
  ENGAGEMENT_SIGNALS,
  EstafetteInputError,
  reduceEvents,
  reduceOrderedEvents,
  type CanonicalEvent,
} from '../../src/core/index.js';
import { ev } from './event-factory.js';

describe('reduceEvents: delivery state', () => {
  it('takes each delivery state on its own as the message state', () => {
    for (const state of DELIVERY_STATES) {
      const status = reduceEvents([ev(state, 1)]);
      expect(status.delivery, state).to.equal(state);
      expect(status.display, state).to.equal(state);
    }
  });

  it('follows the lifecycle in event-time order, whatever the arrival order', () => {
    const status = reduceEvents([ev('delivered', 3), ev('queued', 1), ev('sending', 2)]);
    expect(status.delivery).to.equal('delivered');
    expect(status.updatedAt).to.equal('2026-11-02T09:03:00.000Z');
  });

  it('never goes back: a late "queued" after "sent" is ignored', () => {
    expect(reduceEvents([ev('sent', 1), ev('queued', 2)]).delivery).to.equal('sent');
    expect(reduceEvents([ev('delivered', 1), ev('sending', 2), ev('deferred', 3)]).delivery).to.equal('delivered');
  });

  it('lets a terminal failure override pending states', () => {
    for (const failure of ['hard-bounced', 'bounced', 'blocked', 'dropped', 'failed', 'expired', 'canceled'] as const) {
      expect(reduceEvents([ev('queued', 1), ev('deferred', 2), ev(failure, 3)]).delivery, failure).to.equal(failure);
    }
  });

  it('keeps the failure reason and provider detail of the event that set the state', () => {
    const status = reduceEvents([
      ev('deferred', 1, { reason: 'mailbox-full', detail: { code: '4.2.2', text: 'over quota' } }),
      ev('hard-bounced', 2, { reason: 'invalid-recipient', detail: { code: '5.1.1', text: 'user unknown' }, raw: 'bounce' }),
    ]);
    expect(status.reason).to.equal('invalid-recipient');
    expect(status.detail).to.deep.equal({ code: '5.1.1', text: 'user unknown' });
    expect(status.raw).to.equal('bounce');
    expect(status.settled).to.equal(true);
  });

  it('names the provider whose event set the state, not the first one heard from', () => {
    // The host's own outbox scheduled it; Brevo sent and delivered it: the word "delivered" is Brevo's.
    const scheduledFirst = reduceEvents([
      ev('scheduled', 1, { provider: 'outbox', raw: 'scheduled' }),
      ev('sent', 30, { provider: 'brevo', raw: 'request' }),
      ev('delivered', 31, { provider: 'brevo', raw: 'delivered' }),
      ev('opened', 40, { provider: 'brevo', raw: 'opened' }),
    ]);
    expect([scheduledFirst.provider, scheduledFirst.raw]).to.deep.equal(['brevo', 'delivered']);
    // A fail-over: SendGrid deferred it, Mailgun delivered it.
    const failover = reduceEvents([
      ev('deferred', 1, { provider: 'sendgrid', raw: 'deferred' }),
      ev('delivered', 9, { provider: 'mailgun', raw: 'delivered' }),
    ]);
    expect(failover.provider).to.equal('mailgun');
    // Only engagement heard (no event set a delivery state): the first provider heard from is all there is.
    expect(reduceEvents([ev('opened', 5, { provider: 'brevo' })]).provider).to.equal('brevo');
  });

  it('treats a delivery after a deferral or a soft bounce as a successful retry', () => {
    const afterSoft = reduceEvents([ev('soft-bounced', 1, { reason: 'mailbox-full' }), ev('delivered', 5)]);
    expect(afterSoft.delivery).to.equal('delivered');
    expect(afterSoft.reason).to.equal(undefined);
    expect(afterSoft.asyncBounce).to.equal(undefined);
    expect(reduceEvents([ev('deferred', 1), ev('delivered', 5)]).delivery).to.equal('delivered');
  });

  it('takes an open after a soft bounce that followed the delivery as the retry getting through, not a bounce after delivery', () => {
    const status = reduceEvents([ev('delivered', 1), ev('soft-bounced', 5, { reason: 'mailbox-full' }), ev('opened', 10)]);
    expect([status.delivery, status.display, status.asyncBounce, status.reason]).to.deep.equal(['delivered', 'opened', undefined, undefined]);
    expect(status.deliveredAt).to.equal('2026-11-02T09:01:00.000Z');
    // A hard bounce stays one: the open does not undo it.
    const hard = reduceEvents([ev('delivered', 1), ev('hard-bounced', 5), ev('opened', 10)]);
    expect([hard.delivery, hard.asyncBounce]).to.deep.equal(['hard-bounced', true]);
  });

  it('keeps a soft bounce while the provider is still retrying', () => {
    const status = reduceEvents([ev('soft-bounced', 1), ev('deferred', 2), ev('sent', 3)]);
    expect(status.delivery).to.equal('soft-bounced');
    expect(status.settled).to.equal(false);
  });

  it('makes a bounce or block after a delivery an asynchronous bounce, keeping when it was delivered', () => {
    for (const bounce of ['hard-bounced', 'bounced', 'blocked', 'soft-bounced'] as const) {
      const status = reduceEvents([ev('delivered', 1), ev(bounce, 30)]);
      expect(status.delivery, bounce).to.equal(bounce);
      expect(status.asyncBounce, bounce).to.equal(true);
      expect(status.deliveredAt, bounce).to.equal('2026-11-02T09:01:00.000Z');
    }
  });

  it('marks a bounce the provider flags as asynchronous even without the delivery event', () => {
    expect(reduceEvents([ev('hard-bounced', 1, { async: true })]).asyncBounce).to.equal(true);
  });

  it('does not let dropped, failed, expired or canceled undo an acceptance', () => {
    for (const late of ['dropped', 'failed', 'expired', 'canceled'] as const) {
      expect(reduceEvents([ev('delivered', 1), ev(late, 2)]).delivery, late).to.equal('delivered');
    }
  });

  it('lets the later of two outcomes win', () => {
    expect(reduceEvents([ev('bounced', 1), ev('hard-bounced', 2)]).delivery).to.equal('hard-bounced');
    expect(reduceEvents([ev('hard-bounced', 1), ev('bounced', 2)]).delivery).to.equal('bounced');
    expect(reduceEvents([ev('hard-bounced', 1), ev('delivered', 2)]).delivery).to.equal('hard-bounced');
  });

  it('shows an unknown provider word only when nothing better is known', () => {
    const alone = reduceEvents([ev('unknown', 1, { raw: 'weird_event' })]);
    expect(alone.delivery).to.equal('unknown');
    expect(alone.raw).to.equal('weird_event');
    expect(alone.settled).to.equal(false);
    expect(reduceEvents([ev('queued', 1), ev('unknown', 2)]).delivery).to.equal('queued');
    expect(reduceEvents([ev('unknown', 1), ev('queued', 2)]).delivery).to.equal('queued');
  });
});

describe('reduceEvents: engagement', () => {
  it('never changes a delivered state, and counts each signal with its first and last time', () => {
    const status = reduceEvents([ev('delivered', 1), ev('opened', 2), ev('opened', 7, { raw: 'open-again' })]);
    expect(status.delivery).to.equal('delivered');
    expect(status.engagement.opened).to.deep.equal({
      count: 2, automated: 0, first: '2026-11-02T09:02:00.000Z', last: '2026-11-02T09:07:00.000Z',
    });
  });

  it('infers the delivery of a still-pending message from an open, click, read or reply', () => {
    for (const signal of ['opened', 'clicked', 'read', 'replied'] as const) {
      const status = reduceEvents([ev('sent', 1), ev(signal, 2)]);
      expect(status.delivery, signal).to.equal('delivered');
      expect(status.deliveryInferred, signal).to.equal(true);
      expect(status.deliveredAt, signal).to.equal('2026-11-02T09:02:00.000Z');
    }
  });

  it('drops the inference when the provider confirms the delivery', () => {
    const status = reduceEvents([ev('sent', 1), ev('opened', 2), ev('delivered', 3)]);
    expect(status.deliveryInferred).to.equal(undefined);
    expect(status.deliveredAt).to.equal('2026-11-02T09:02:00.000Z');
  });

  it('keeps an open on a hard-bounced message as an anomaly without changing the state', () => {
    const status = reduceEvents([ev('hard-bounced', 1), ev('opened', 2)]);
    expect(status.delivery).to.equal('hard-bounced');
    expect(status.display).to.equal('hard-bounced');
    expect(status.anomaly).to.equal('engagement-after-failure');
    expect(status.engagement.opened?.count).to.equal(1);
  });

  it('counts automated opens apart', () => {
    const status = reduceEvents([ev('delivered', 1), ev('opened', 2, { automated: true }), ev('opened', 3)]);
    expect(status.engagement.opened).to.include({ count: 2, automated: 1 });
  });

  it('lets the latest of unsubscribed and resubscribed win', () => {
    const back = reduceEvents([ev('delivered', 1), ev('unsubscribed', 2), ev('resubscribed', 3)]);
    expect(back.subscription).to.equal('resubscribed');
    expect(back.display).to.equal('delivered');
    const gone = reduceEvents([ev('delivered', 1), ev('resubscribed', 2), ev('unsubscribed', 3)]);
    expect(gone.subscription).to.equal('unsubscribed');
    expect(gone.display).to.equal('unsubscribed');
  });
});

describe('reduceEvents: display precedence', () => {
  const delivered = ev('delivered', 1);
  const cases: [CanonicalEvent[], string][] = [
    [[delivered, ev('opened', 2), ev('clicked', 3), ev('complained', 4), ev('unsubscribed', 5)], 'complained'],
    [[delivered, ev('opened', 2), ev('clicked', 3), ev('unsubscribed', 4)], 'unsubscribed'],
    [[delivered, ev('read', 2), ev('clicked', 3), ev('replied', 4)], 'replied'],
    [[delivered, ev('opened', 2), ev('read', 3), ev('clicked', 4)], 'clicked'],
    [[delivered, ev('opened', 2), ev('read', 3)], 'read'],
    [[delivered, ev('opened', 2)], 'opened'],
    [[delivered], 'delivered'],
  ];
  for (const [events, expected] of cases) {
    it(`shows ${expected} over weaker signals`, () => {
      expect(reduceEvents(events).display).to.equal(expected);
      expect(reduceEvents([...events].reverse()).display).to.equal(expected);
    });
  }

  it('shows clicks and replies only on delivered messages, but complaints on any', () => {
    expect(reduceEvents([ev('delivered', 1), ev('clicked', 2), ev('hard-bounced', 3)]).display).to.equal('hard-bounced');
    expect(reduceEvents([ev('blocked', 1), ev('complained', 2)]).display).to.equal('complained');
  });

  it('is settled only when both the display and the delivery state are final', () => {
    expect(reduceEvents([ev('delivered', 1), ev('opened', 2)]).settled).to.equal(true);
    expect(reduceEvents([ev('queued', 1)]).settled).to.equal(false);
    expect(reduceEvents([ev('deferred', 1)]).settled).to.equal(false);
  });

  it('settles an SMS soft bounce, which comes after the carrier’s own attempts, but not an email one', () => {
    expect(reduceEvents([ev('sent', 1, { channel: 'sms' }), ev('soft-bounced', 2, { channel: 'sms' })]).settled).to.equal(true);
    expect(reduceEvents([ev('sent', 1), ev('soft-bounced', 2)]).settled).to.equal(false);
  });
});

describe('reduceEvents: duplicates and bad input', () => {
  it('collapses the same provider event delivered twice', () => {
    const open = ev('opened', 2, { eventId: 'e-9' });
    const status = reduceEvents([ev('delivered', 1), open, { ...open }, { ...open, at: '2026-11-02T09:09:00.000Z' }]);
    expect(status.engagement.opened?.count).to.equal(1);
  });

  it('collapses events without id that have the same type, time and raw word', () => {
    const status = reduceEvents([ev('delivered', 1), ev('clicked', 2), ev('clicked', 2), ev('clicked', 3)]);
    expect(status.engagement.clicked?.count).to.equal(2);
  });

  it('returns an unknown status for no events', () => {
    const status = reduceEvents([], { messageId: 'm-0', channel: 'sms' });
    expect(status).to.include({ messageId: 'm-0', channel: 'sms', delivery: 'unknown', display: 'unknown', settled: false });
  });

  it('gives a status of no events a time, so that it is a valid answer of the REST contract', async () => {
    const { parseMessageStatus } = await import('../../src/data/validate.js');
    expect(reduceEvents([], { messageId: 'm-0', at: '2026-11-02T09:00:00.000Z' }).updatedAt).to.equal('2026-11-02T09:00:00.000Z');
    const before = Date.now();
    const status = reduceEvents([], { messageId: 'm-0' });
    expect(Date.parse(status.updatedAt), 'now by default').to.be.within(before, Date.now());
    expect(parseMessageStatus(status, '$')).to.deep.equal(status);
  });

  it('refuses events of different messages with a typed error naming the field', () => {
    expect(() => reduceEvents([ev('queued', 1), ev('sent', 2, { messageId: 'm-2' })]))
      .to.throw(EstafetteInputError)
      .with.property('path', 'events[1].messageId');
  });

  it('refuses an event type outside the model', () => {
    const bad = { ...ev('queued', 1), type: 'teleported' } as unknown as CanonicalEvent;
    expect(() => reduceEvents([bad])).to.throw(EstafetteInputError, /teleported/);
  });

  // Times that cannot be ordered against the others: missing, Unix times (numbers or text), no time zone (read in
  // the machine's zone by Date.parse), anything else Date.parse happens to read.
  const BAD_TIMES: readonly unknown[] = [
    undefined, null, 1718010000000, '1718010000000', '1', 'June 5', 'not a date', '',
    '2024-06-10 09:30:00', '2024-06-10T09:30:00', '2024-06-10T09:30:00.000', '2024-06-10', '2024-06-10T09:30Z',
    '2024-06-10 09:30:00 +0200', '2024-06-10T09:30:00,5Z', '2024-06-10T09:30:00.000Z (retried)',
    'Mon, 10 Jun 2024 09:30:00 GMT', { toString: () => '2024-06-10T09:30:00Z' },
  ];

  it('refuses an event time that is missing, a number, not a date, or without a time zone, naming events[i].at', () => {
    for (const at of BAD_TIMES) {
      const events = [ev('soft-bounced', 0), { ...ev('delivered', 1), at } as unknown as CanonicalEvent];
      const label = typeof at === 'string' ? JSON.stringify(at) : String(at);
      expect(() => reduceEvents(events), label).to.throw(EstafetteInputError, /not an ISO 8601 date-time with a time zone/).with.property('path', 'events[1].at');
      expect(() => reduceOrderedEvents(events), label).to.throw(EstafetteInputError).with.property('path', 'events[1].at');
      expect(() => aggregate(events), label).to.throw(EstafetteInputError).with.property('path', 'events[1].at');
      expect(() => aggregate([ev('delivered', 0, { messageId: 'other' }), ...events]), label).to.throw(EstafetteInputError);
    }
  });

  it('keeps a time of the right layout whose fields make no instant (Feb 30th, 24:00), ordered first, in reduceEvents and aggregate alike', () => {
    for (const odd of ['2024-02-30T09:00:00.000Z', '2024-06-10T24:00:00.000Z', '2024-06-10T09:60:00Z', '2024-06-10T09:30:00.Z', '2024-06-10T09:30:00+24:00']) {
      // Before the soft bounce, whatever the text says: the bounce stands, where Date.parse's roll-over would have put the delivery after it.
      const events = [ev('soft-bounced', 0, { at: '2024-06-10T09:00:00.000Z' }), ev('delivered', 0, { at: odd })];
      expect(reduceEvents(events).delivery, odd).to.equal('soft-bounced');
      expect(aggregate(events).softBounced, odd).to.equal(1);
    }
  });

  it('reads ISO 8601 times with Z or an offset (with or without its colon or minutes), a space for the T, a fraction of any length, and a leap second as :59, whatever the machine zone', () => {
    const at = (text: string) => reduceEvents([ev('soft-bounced', 0, { at: '2024-06-10T09:00:00.000Z' }), ev('delivered', 0, { at: text })]);
    // After the 09:00Z soft bounce: the retry got through.
    for (const text of ['2024-06-10T09:30:00Z', '2024-06-10T11:30:00+02:00', '2024-06-10T04:30:00.1234567-04:30', '2024-06-10t09:30:00.5z', '2024-06-10T23:59:60Z', '2024-06-10 11:30:00+0200', '2024-06-10 11:30:00.5+02'])
      expect(at(text).delivery, text).to.equal('delivered');
    // Before it, once the offset is applied: the bounce stands.
    for (const text of ['2024-06-10T10:30:00+02:00', '2024-06-10T08:59:59.999Z', '2024-06-10T04:30:00-04:00', '2024-06-10 10:30:00+02', '2024-06-10T04:30:00-0400'])
      expect(at(text).delivery, text).to.equal('soft-bounced');
    // A leap second is the second before it: after 23:59:59.000, before the next day.
    const leap = reduceEvents([ev('delivered', 0, { at: '2016-12-31T23:59:59.000Z' }), ev('opened', 0, { at: '2016-12-31T23:59:60Z' })]);
    expect(leap.updatedAt).to.equal('2016-12-31T23:59:60Z');
    expect(aggregate([ev('soft-bounced', 0, { at: '2024-06-10T09:00:00.000Z' }), ev('delivered', 0, { at: '2024-06-10T11:30:00+02:00' })]).delivered).to.equal(1);
    expect(aggregate([ev('soft-bounced', 0, { at: '2024-06-10T09:00:00.000Z' }), ev('delivered', 0, { at: '2024-06-10 10:30:00+02' })]).delivered).to.equal(0);
  });
});

describe('reduceEvents: properties', () => {
  const types = [...DELIVERY_STATES, ...ENGAGEMENT_SIGNALS];
  const eventArb = fc.record({
    type: fc.constantFrom(...types),
    minute: fc.integer({ min: 0, max: 20 }),
    eventId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    reason: fc.option(fc.constantFrom('mailbox-full', 'invalid-recipient', 'policy'), { nil: undefined }),
    automated: fc.option(fc.boolean(), { nil: undefined }),
    async: fc.option(fc.boolean(), { nil: undefined }),
    raw: fc.constantFrom('x', 'y'),
  }).map(({ type, minute, ...rest }) => {
    const extra: Partial<CanonicalEvent> = { raw: rest.raw };
    if (rest.eventId !== undefined) Object.assign(extra, { eventId: rest.eventId });
    if (rest.reason !== undefined) Object.assign(extra, { reason: rest.reason });
    if (rest.automated !== undefined) Object.assign(extra, { automated: rest.automated });
    if (rest.async !== undefined) Object.assign(extra, { async: rest.async });
    return ev(type, minute, extra);
  });

  it('does not depend on the order of events', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 25 }).chain((events) => fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }))),
        ([events, shuffled]) => {
          // `at`: the time an empty list reports (now, by default).
          const options = { messageId: 'm-1', at: '2026-11-02T09:00:00.000Z' };
          expect(reduceEvents(shuffled, options)).to.deep.equal(reduceEvents(events, options));
        }),
      { numRuns: 300 },
    );
  });

  it('does not depend on duplicates', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 25 }), fc.array(fc.nat()), (events, picks) => {
        const doubled = [...events, ...picks.map((p) => ({ ...events[p % events.length]! }))];
        expect(reduceEvents(doubled)).to.deep.equal(reduceEvents(events));
      }),
      { numRuns: 300 },
    );
  });

  it('always gives a display status and never an empty update time for dated events', () => {
    fc.assert(
      fc.property(fc.array(eventArb, { minLength: 1, maxLength: 25 }), (events) => {
        const status = reduceEvents(events);
        expect(status.updatedAt).to.match(/^2026-11-02T09:\d\d:00\.000Z$/);
        expect(DISPLAY_STATUSES, 'a display status of the catalogue').to.include(status.display);
      }),
    );
  });
});
