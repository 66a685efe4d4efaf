import { expect } from '@open-wc/testing';
import { StatusChangeEvent } from '../../../src/elements/shared/events.js';
import { statusOf } from './badge-helpers.js';

describe('StatusChangeEvent', () => {
  it('is a bubbling, composed "status-change" with the old and new statuses', () => {
    const before = statusOf('m-1', 'delivered');
    const after = statusOf('m-1', 'opened');
    const event = new StatusChangeEvent(before, after);
    expect([event.type, event.bubbles, event.composed, event.cancelable]).to.deep.equal(['status-change', true, true, false]);
    expect([event.messageId, event.oldStatus, event.newStatus]).to.deep.equal(['m-1', 'delivered', 'opened']);
    expect(event.previous).to.equal(before);
    expect(event.status).to.equal(after);
  });
});
