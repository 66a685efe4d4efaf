import { expect } from '../support/expect.js';
import {
  DELIVERY_STATES, DISPLAY_STATUSES, ENGAGEMENT_SIGNALS, FAILURE_REASONS, STATUS_CATALOGUE, STATUS_CATEGORIES,
  isDisplayStatus, statusInfo,
} from '../../src/core/index.js';

describe('status catalogue', () => {
  it('names the delivery states, signals and reasons of the model exactly', () => {
    expect([...DELIVERY_STATES]).to.deep.equal([
      'scheduled', 'queued', 'held', 'sending', 'sent', 'deferred', 'delivered', 'soft-bounced', 'hard-bounced',
      'bounced', 'blocked', 'dropped', 'failed', 'expired', 'canceled', 'unknown',
    ]);
    expect([...ENGAGEMENT_SIGNALS]).to.deep.equal(['opened', 'clicked', 'read', 'replied', 'unsubscribed', 'resubscribed', 'complained']);
    expect(DISPLAY_STATUSES.slice(DELIVERY_STATES.length)).to.deep.equal(['opened', 'clicked', 'read', 'replied', 'unsubscribed', 'complained']);
    expect(FAILURE_REASONS).to.have.length(16);
  });

  it('has one entry per display status with its message keys', () => {
    expect(Object.keys(STATUS_CATALOGUE).sort()).to.deep.equal([...DISPLAY_STATUSES].sort());
    for (const id of DISPLAY_STATUSES) {
      const info = STATUS_CATALOGUE[id];
      expect(info.id).to.equal(id);
      expect(STATUS_CATEGORIES).to.include(info.category);
      expect(info.keys).to.deep.equal({ label: `status.${id}.label`, meaning: `status.${id}.meaning`, caveat: `status.${id}.caveat` });
      expect(info.channels.length, id).to.be.greaterThan(0);
    }
  });

  it('marks pending statuses as not final and failures as final', () => {
    for (const id of ['scheduled', 'queued', 'held', 'sending', 'sent', 'deferred', 'soft-bounced', 'unknown'] as const) {
      expect(STATUS_CATALOGUE[id].final, id).to.equal(false);
    }
    for (const id of ['delivered', 'hard-bounced', 'blocked', 'dropped', 'failed', 'expired', 'canceled'] as const) {
      expect(STATUS_CATALOGUE[id].final, id).to.equal(true);
    }
  });

  it('gives every display status its own icon, so that no two statuses differ by color alone', () => {
    const icons = DISPLAY_STATUSES.map((id) => STATUS_CATALOGUE[id].icon);
    const duplicates = icons.filter((icon, i) => icons.indexOf(icon) !== i);
    expect(duplicates).to.deep.equal([]);
  });

  it('falls back to unknown for anything outside the catalogue', () => {
    expect(isDisplayStatus('resubscribed')).to.equal(false);
    expect(statusInfo('nonsense').id).to.equal('unknown');
    expect(statusInfo(undefined).id).to.equal('unknown');
  });
});
