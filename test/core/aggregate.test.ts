import { expect } from '../support/expect.js';
import { aggregate, EstafetteInputError, reduceEvents, type CanonicalEvent } from '../../src/core/index.js';
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
});
