import { expect } from '../support/expect.js';
import { aggregate, countStatuses, EstafetteInputError, reduceEvents, type CanonicalEvent } from '../../src/core/index.js';
import { normalize } from '../../src/providers/index.js';
import { PROVIDER_SAMPLES } from '../fixtures/provider-samples/index.js';
import { ev } from './event-factory.js';

const msg = (id: string, ...events: CanonicalEvent[]) => events.map((e) => ({ ...e, messageId: id }));

describe('aggregate', () => {
  const events = [
    ...msg('a', ev('queued', 0), ev('delivered', 1), ev('opened', 2), ev('opened', 3), ev('clicked', 4)),
    ...msg('b', ev('delivered', 1), ev('opened', 2, { automated: true })),
    ...msg('c', ev('delivered', 1), ev('clicked', 5)),
    ...msg('d', ev('soft-bounced', 1)),
    ...msg('e', ev('delivered', 1), ev('hard-bounced', 9)),
    ...msg('f', ev('dropped', 1)),
    ...msg('g', ev('scheduled', 1)),
    ...msg('h', ev('sent', 1)),
    ...msg('i', ev('delivered', 1), ev('complained', 4), ev('unsubscribed', 5)),
    ...msg('j', ev('delivered', 1), ev('unsubscribed', 2), ev('resubscribed', 3)),
    ...msg('k', ev('unknown', 1, { raw: 'mystery' })),
    ...msg('l', ev('canceled', 1)),
  ];

  it('counts each message once by its delivery state, and engagement apart', () => {
    expect(aggregate(events)).to.deep.equal({
      sent: 10, delivered: 5, opened: 3, openedTotal: 3, openedAutomated: 1, clicked: 2, clickedTotal: 2,
      softBounced: 1, hardBounced: 1, bounced: 0, blocked: 0, dropped: 1, deferred: 0, pending: 1, failed: 0,
      expired: 0, complained: 1, unsubscribed: 1, replied: 0, unknown: 1, scheduled: 1, canceled: 1,
    });
  });

  it('counts every delivery state under its counter', () => {
    const counter = {
      scheduled: 'scheduled', queued: 'pending', held: 'pending', sending: 'pending', sent: 'pending', deferred: 'deferred',
      delivered: 'delivered', 'soft-bounced': 'softBounced', 'hard-bounced': 'hardBounced', bounced: 'bounced',
      blocked: 'blocked', dropped: 'dropped', failed: 'failed', expired: 'expired', canceled: 'canceled', unknown: 'unknown',
    } as const;
    for (const [state, field] of Object.entries(counter)) {
      const counts = aggregate([ev(state as keyof typeof counter, 1)]);
      const nonZero = Object.entries(counts).filter(([, n]) => n > 0).map(([name]) => name);
      const sentOut = state !== 'scheduled' && state !== 'canceled';
      expect(nonZero, state).to.have.members(sentOut && field !== 'pending' ? ['sent', field] : sentOut ? ['sent', 'pending'] : [field]);
    }
  });

  it('gives the same counts from statuses as from events', () => {
    const ids = [...new Set(events.map((e) => e.messageId))];
    const statuses = ids.map((id) => reduceEvents(events.filter((e) => e.messageId === id)));
    expect(aggregate(statuses)).to.deep.equal(aggregate(events));
  });

  it('gives zero counts for nothing', () => {
    const counts = aggregate([]);
    expect(Object.values(counts).every((n) => n === 0)).to.equal(true);
    expect(counts.sent).to.equal(0);
  });

  it('refuses what is not a list, and statuses that are not statuses, with typed errors naming the place', () => {
    for (const bad of [null, undefined, 42, 'events']) {
      expect(() => aggregate(bad as never), String(bad)).to.throw(EstafetteInputError).with.property('path', 'items');
      expect(() => countStatuses(bad as never), String(bad)).to.throw(EstafetteInputError).with.property('path', 'statuses');
    }
    const ok = reduceEvents([ev('delivered', 1)]);
    expect(() => countStatuses([ok, null as never])).to.throw(EstafetteInputError).with.property('path', 'statuses[1]');
    expect(countStatuses(new Set([ok])).delivered, 'any iterable').to.equal(1);
  });

  it('counts a delivery state named like an inherited property (toString, __proto__) as unknown', () => {
    const odd = ['toString', '__proto__', 'constructor', 'bogus'].map((delivery) => ({ delivery, engagement: {} }) as never);
    for (const counts of [countStatuses(odd), aggregate(odd)]) {
      expect(counts.unknown).to.equal(4);
      expect(counts.sent).to.equal(4);
      expect(Object.keys(counts).sort()).to.deep.equal(Object.keys(aggregate([])).sort());
    }
  });

  it('refuses items that are neither statuses nor events', () => {
    expect(() => aggregate([{ hello: 1 } as unknown as CanonicalEvent])).to.throw(EstafetteInputError).with.property('path', 'items[0]');
  });

  it('handles 200,000 events of 20,000 messages', () => {
    const many: CanonicalEvent[] = [];
    for (let i = 0; i < 20_000; i++) {
      const id = `m-${i}`;
      many.push({ ...ev('queued', 0), messageId: id }, { ...ev(i % 10 === 0 ? 'hard-bounced' : 'delivered', 1), messageId: id });
      for (let k = 0; k < 8; k++) many.push({ ...ev('opened', 2 + k), messageId: id });
    }
    const counts = aggregate(many);
    expect(counts.sent).to.equal(20_000);
    expect(counts.hardBounced).to.equal(2_000);
    expect(counts.delivered).to.equal(18_000);
    expect(counts.openedTotal).to.equal(160_000);
  });

  describe('a send to several recipients (one provider message id)', () => {
    const sample = (name: keyof typeof PROVIDER_SAMPLES.mailgun.sampleTexts) => normalize('mailgun', PROVIDER_SAMPLES.mailgun.sampleTexts[name]);
    // Mailgun's samples: one message to alice, bob and carol. Alice: accepted, delivered, opened; bob: accepted
    // then a permanent bounce; carol: a delayed bounce (no other event).
    const mailgun = (['accepted', 'delivered', 'opened', 'failed_permanent_bounce', 'failed_permanent_delayed_bounce'] as const).flatMap((name) => sample(name));

    it('counts one delivery per recipient, as the separate messages they were', () => {
      expect(new Set(mailgun.map((e) => e.messageId)).size, 'one message id').to.equal(1);
      const counts = aggregate(mailgun);
      expect([counts.sent, counts.delivered, counts.hardBounced, counts.opened]).to.deep.equal([3, 1, 2, 1]);
    });

    it('gives the same counts in any order (grouped, or interleaved with other messages)', () => {
      const other = msg('other', ev('delivered', 1));
      const expected = aggregate([...mailgun, ...other]);
      expect(aggregate([...other, ...mailgun])).to.deep.equal(expected);
      expect(aggregate([mailgun[0]!, ...other, ...mailgun.slice(1)]), 'the message comes back after another one').to.deep.equal(expected);
      expect(aggregate([...mailgun].reverse().concat(other))).to.deep.equal(expected);
    });

    it('applies delivery states that name no recipient to every recipient, and tells recipients apart whatever the case', () => {
      const events = msg('m', ev('sent', 0, { recipient: undefined }), ev('delivered', 1, { recipient: 'A@x.org' }), ev('opened', 2, { recipient: 'a@x.org' }), ev('soft-bounced', 1, { recipient: 'b@x.org' }));
      const counts = aggregate(events);
      expect([counts.sent, counts.delivered, counts.opened, counts.softBounced]).to.deep.equal([2, 1, 1, 1]);
    });

    it('counts engagement that names no recipient once for the message, and never as proof of a recipient\'s delivery', () => {
      // Alice delivered; Bob soft-bounced; then an open, a click and an unsubscribe that say nobody's name (SES).
      const events = msg('m',
        ev('sent', 0), ev('delivered', 1, { recipient: 'alice@x.org' }), ev('soft-bounced', 2, { recipient: 'bob@x.org' }),
        ev('opened', 30), ev('opened', 31), ev('clicked', 32), ev('unsubscribed', 33));
      const bob = reduceEvents(events, { recipient: 'bob@x.org' });
      expect([bob.delivery, bob.display, bob.deliveryInferred, bob.engagement, bob.subscription]).to.deep.equal(['soft-bounced', 'soft-bounced', undefined, {}, undefined]);
      const alice = reduceEvents(events, { recipient: 'alice@x.org' });
      expect([alice.delivery, alice.display, alice.engagement]).to.deep.equal(['delivered', 'delivered', {}]);
      expect(aggregate(events)).to.include({ sent: 2, delivered: 1, softBounced: 1, opened: 1, openedTotal: 2, clicked: 1, clickedTotal: 1, unsubscribed: 1 });
      // Three recipients, all delivered, one open naming no one: one message opened, not three.
      const three = msg('t', ...['a', 'b', 'c'].map((who) => ev('delivered', 1, { recipient: `${who}@x.org` })), ev('opened', 5));
      expect(aggregate(three)).to.include({ delivered: 3, opened: 1, openedTotal: 1 });
      // A recipient's own open already counts the message: the one naming no one adds to the total only.
      const named = [...three, { ...ev('opened', 6, { recipient: 'b@x.org' }), messageId: 't' }];
      expect(aggregate(named)).to.include({ delivered: 3, opened: 1, openedTotal: 2 });
      // The same in any order, and interleaved with another message.
      const other = msg('o', ev('delivered', 1));
      expect(aggregate([...other, ...[...events].reverse()])).to.deep.equal(aggregate([...events, ...other]));
    });

    it('keeps a message to one person as before: engagement naming no one is theirs, and proves their delivery', () => {
      const events = msg('s', ev('sent', 0, { recipient: 'alice@x.org' }), ev('opened', 5));
      for (const status of [reduceEvents(events), reduceEvents(events, { recipient: 'alice@x.org' })])
        expect(status).to.include({ delivery: 'delivered', display: 'opened', deliveryInferred: true });
      expect(aggregate(events)).to.include({ delivered: 1, opened: 1, openedTotal: 1 });
    });

    it('reduceEvents gives one recipient\'s status when asked, and refuses to merge several with a typed error', () => {
      expect(reduceEvents(mailgun, { recipient: 'ALICE@example.com' })).to.include({ delivery: 'delivered', display: 'opened', recipient: 'alice@example.com' });
      expect(reduceEvents(mailgun, { recipient: 'bob@example.com' })).to.include({ delivery: 'hard-bounced' });
      expect(() => reduceEvents(mailgun)).to.throw(EstafetteInputError, /several recipients/).with.property('path').that.matches(/^events\[\d+\]\.recipient$/);
    });
  });
});
