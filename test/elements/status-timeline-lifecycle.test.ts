import { expect } from '@open-wc/testing';
import { reduceEvents, type CanonicalEvent, type MessageStatus } from '../../src/core/index.js';
import { computeLifecycle } from '../../src/elements/status-timeline/lifecycle.js';
import { ev } from '../core/event-factory.js';

/** Stage states in order received, processed, delivered, engaged. */
const statesOf = (events: CanonicalEvent[]): string[] => computeLifecycle(reduceEvents(events), events).stages.map((s) => s.state);

describe('status-timeline lifecycle', () => {
  const table: [string, CanonicalEvent[], string[], { reached?: string; stoppedAt?: string; failure?: string; asyncBounce?: boolean }][] = [
    ['no event at all', [], ['upcoming', 'upcoming', 'upcoming', 'upcoming'], {}],
    ['scheduled', [ev('scheduled', 0)], ['current', 'upcoming', 'upcoming', 'upcoming'], { reached: 'received' }],
    ['queued', [ev('queued', 0)], ['current', 'upcoming', 'upcoming', 'upcoming'], { reached: 'received' }],
    ['held for moderation', [ev('queued', 0), ev('held', 1)], ['current', 'upcoming', 'upcoming', 'upcoming'], { reached: 'received' }],
    ['sending', [ev('sending', 0)], ['done', 'current', 'upcoming', 'upcoming'], { reached: 'processed' }],
    ['sent', [ev('queued', 0), ev('sent', 1)], ['done', 'current', 'upcoming', 'upcoming'], { reached: 'processed' }],
    ['deferred', [ev('sent', 0), ev('deferred', 1)], ['done', 'current', 'upcoming', 'upcoming'], { reached: 'processed' }],
    ['delivered', [ev('queued', 0), ev('sent', 1), ev('delivered', 2)], ['done', 'done', 'current', 'upcoming'], { reached: 'delivered' }],
    ['opened by a person', [ev('delivered', 0), ev('opened', 5)], ['done', 'done', 'done', 'current'], { reached: 'engaged' }],
    ['clicked', [ev('delivered', 0), ev('clicked', 5)], ['done', 'done', 'done', 'current'], { reached: 'engaged' }],
    ['opened by an image proxy only', [ev('delivered', 0), ev('opened', 1, { automated: true })], ['done', 'done', 'current', 'upcoming'], { reached: 'delivered' }],
    ['opened with no delivery event (inferred)', [ev('sent', 0), ev('opened', 5)], ['done', 'done', 'done', 'current'], { reached: 'engaged' }],
    ['an SMS replied to', [ev('sent', 0, { channel: 'sms' }), ev('delivered', 1, { channel: 'sms' }), ev('replied', 9, { channel: 'sms' })], ['done', 'done', 'done', 'current'], { reached: 'engaged' }],
    ['dropped', [ev('queued', 0), ev('dropped', 0)], ['done', 'stopped', 'upcoming', 'upcoming'], { reached: 'received', stoppedAt: 'processed', failure: 'dropped' }],
    ['failed', [ev('queued', 0), ev('failed', 1)], ['done', 'stopped', 'upcoming', 'upcoming'], { stoppedAt: 'processed', failure: 'failed' }],
    ['canceled', [ev('scheduled', 0), ev('canceled', 1)], ['done', 'stopped', 'upcoming', 'upcoming'], { stoppedAt: 'processed', failure: 'canceled' }],
    ['hard bounce', [ev('queued', 0), ev('sent', 1), ev('hard-bounced', 2)], ['done', 'done', 'stopped', 'upcoming'], { reached: 'processed', stoppedAt: 'delivered', failure: 'hard-bounced' }],
    ['soft bounce not retried yet', [ev('sent', 0), ev('soft-bounced', 2)], ['done', 'done', 'stopped', 'upcoming'], { stoppedAt: 'delivered', failure: 'soft-bounced' }],
    ['soft bounce retried then delivered', [ev('sent', 0), ev('soft-bounced', 2), ev('deferred', 30), ev('delivered', 90)], ['done', 'done', 'current', 'upcoming'], { reached: 'delivered' }],
    ['blocked', [ev('sent', 0), ev('blocked', 1)], ['done', 'done', 'stopped', 'upcoming'], { failure: 'blocked' }],
    ['bounced (no kind given)', [ev('sent', 0), ev('bounced', 1)], ['done', 'done', 'stopped', 'upcoming'], { failure: 'bounced' }],
    ['expired', [ev('sent', 0), ev('expired', 600)], ['done', 'done', 'stopped', 'upcoming'], { failure: 'expired' }],
    ['bounce after delivery', [ev('sent', 0), ev('delivered', 1), ev('hard-bounced', 120)], ['done', 'done', 'stopped', 'upcoming'], { reached: 'delivered', stoppedAt: 'delivered', failure: 'hard-bounced', asyncBounce: true }],
    ['opened, then bounced after delivery', [ev('delivered', 1), ev('opened', 3), ev('bounced', 120)], ['done', 'done', 'stopped', 'done'], { reached: 'engaged', stoppedAt: 'delivered', asyncBounce: true }],
    ['opened although dropped (an anomaly)', [ev('dropped', 0), ev('opened', 3)], ['done', 'stopped', 'upcoming', 'upcoming'], { reached: 'received', stoppedAt: 'processed' }],
    ['delivery arriving before its queued event', [ev('delivered', 2), ev('queued', 0)], ['done', 'done', 'current', 'upcoming'], { reached: 'delivered' }],
    ['an unknown provider word', [ev('unknown', 0)], ['current', 'upcoming', 'upcoming', 'upcoming'], { reached: 'received' }],
  ];

  for (const [name, events, states, expected] of table) {
    it(`places a message that was ${name}`, () => {
      const lifecycle = computeLifecycle(reduceEvents(events), events);
      expect(lifecycle.stages.map((s) => s.stage)).to.deep.equal(['received', 'processed', 'delivered', 'engaged']);
      expect(lifecycle.stages.map((s) => s.state)).to.deep.equal(states);
      if ('reached' in expected) expect(lifecycle.reached).to.equal(expected.reached);
      if ('stoppedAt' in expected) expect(lifecycle.stoppedAt).to.equal(expected.stoppedAt);
      if ('failure' in expected) expect(lifecycle.failure).to.equal(expected.failure);
      expect(lifecycle.asyncBounce).to.equal(expected.asyncBounce ?? false);
    });
  }

  it('has no reached stage before any event', () => {
    const lifecycle = computeLifecycle(reduceEvents([], { messageId: 'm-1' }), []);
    expect(lifecycle.reached).to.equal(undefined);
    expect(lifecycle.stoppedAt).to.equal(undefined);
  });

  it('places a message from a status alone (a live update before any event)', () => {
    const status: MessageStatus = {
      messageId: 'm-1',
      channel: 'email',
      delivery: 'sent',
      display: 'sent',
      engagement: {},
      updatedAt: '2026-11-02T09:00:00.000Z',
      settled: false,
    };
    expect(computeLifecycle(status, []).stages.map((s) => s.state)).to.deep.equal(['done', 'current', 'upcoming', 'upcoming']);
  });

  it('does not depend on the order the events arrived in', () => {
    const events = [ev('queued', 0), ev('sent', 1), ev('delivered', 2), ev('opened', 9)];
    expect(statesOf([...events].reverse())).to.deep.equal(['done', 'done', 'done', 'current']);
  });
});
