import { expect } from '../support/expect.js';
import { computeRates, EstafetteInputError, RATE_METRICS, type CampaignCounts, type Rate, type Thresholds } from '../../src/core/index.js';

const byMetric = (rates: Rate[]) => Object.fromEntries(rates.map((r) => [r.metric, r]));

describe('computeRates', () => {
  const counts: CampaignCounts = {
    sent: 1000, delivered: 900, opened: 400, openedAutomated: 100, clicked: 80,
    softBounced: 20, hardBounced: 15, bounced: 5, blocked: 10, dropped: 30,
    complained: 1, unsubscribed: 6, replied: 0,
  };

  it('uses the denominators of our first users\' documentation by default', () => {
    const r = byMetric(computeRates(counts));
    expect(r.delivered).to.include({ count: 900, denominator: 'sent', base: 1000, rate: 0.9 });
    expect(r.opened).to.include({ count: 400, denominator: 'delivered', base: 900 });
    expect(r.opened!.rate).to.be.closeTo(0.4444, 1e-4);
    expect(r.clicked).to.include({ count: 80, denominator: 'delivered' });
    expect(r['click-to-open']).to.include({ count: 80, denominator: 'opened', base: 400, rate: 0.2 });
    expect(r.unsubscribed).to.include({ count: 6, denominator: 'opened', rate: 0.015 });
    expect(r.complained).to.include({ count: 1, denominator: 'sent', rate: 0.001 });
    expect(r.bounced).to.include({ count: 40, denominator: 'sent', rate: 0.04 });
    expect(r['soft-bounced']).to.include({ count: 20, rate: 0.02 });
    expect(r['hard-bounced']).to.include({ count: 15, rate: 0.015 });
    expect(r.blocked).to.include({ count: 10, rate: 0.01 });
    expect(r.dropped).to.include({ count: 30, rate: 0.03 });
    expect(r.replied).to.include({ count: 0, denominator: 'delivered', rate: 0 });
  });

  it('returns every metric in order, or the ones asked for', () => {
    expect(computeRates(counts).map((r) => r.metric)).to.deep.equal([...RATE_METRICS]);
    expect(computeRates(counts, { metrics: ['bounced', 'delivered'] }).map((r) => r.metric)).to.deep.equal(['bounced', 'delivered']);
  });

  it('switches denominators by convention or per metric', () => {
    const perDelivered = byMetric(computeRates(counts, { convention: 'per-delivered' }));
    expect(perDelivered.unsubscribed).to.include({ denominator: 'delivered', base: 900 });
    expect(perDelivered.complained).to.include({ denominator: 'delivered', base: 900 });
    const clickToOpen = byMetric(computeRates(counts, { denominators: { clicked: 'opened' } }));
    expect(clickToOpen.clicked).to.include({ denominator: 'opened', rate: 0.2 });
  });

  it('leaves machine opens out on request', () => {
    const r = byMetric(computeRates(counts, { excludeAutomated: true }));
    expect(r.opened).to.include({ count: 300 });
    expect(r['click-to-open']).to.include({ base: 300 });
  });

  describe('levels', () => {
    const level = (c: CampaignCounts, metric: string, options = {}) => byMetric(computeRates(c, options))[metric]!.level;
    it('warns from 5 % of bounces and alarms from 8 %', () => {
      expect(level({ sent: 100, hardBounced: 1, softBounced: 3 }, 'bounced')).to.equal('ok');
      expect(level({ sent: 100, softBounced: 5 }, 'bounced')).to.equal('warning');
      expect(level({ sent: 100, softBounced: 7, bounced: 1 }, 'bounced')).to.equal('danger');
    });
    it('warns from 0.1 % of complaints and alarms from 0.3 %', () => {
      expect(level({ sent: 10000, complained: 9 }, 'complained')).to.equal('ok');
      expect(level({ sent: 10000, complained: 10 }, 'complained')).to.equal('warning');
      expect(level({ sent: 10000, complained: 30 }, 'complained')).to.equal('danger');
    });
    it('warns from 2 % of hard bounces and 1 % of unsubscribes', () => {
      expect(level({ sent: 100, hardBounced: 1 }, 'hard-bounced')).to.equal('ok');
      expect(level({ sent: 100, hardBounced: 2 }, 'hard-bounced')).to.equal('warning');
      expect(level({ opened: 100, unsubscribed: 1 }, 'unsubscribed')).to.equal('warning');
      expect(level({ opened: 1000, unsubscribed: 9 }, 'unsubscribed')).to.equal('ok');
    });
    it('takes overridden thresholds', () => {
      expect(level({ sent: 100, softBounced: 3 }, 'bounced', { thresholds: { bounced: { warning: 0.02, danger: 0.03 } } })).to.equal('danger');
      expect(level({ sent: 100, blocked: 50 }, 'blocked', { thresholds: { blocked: { warning: 0.1 } } })).to.equal('warning');
    });
    it('merges thresholds level by level: a warning given keeps the default danger level', () => {
      const thresholds = { bounced: { warning: 0.02 } };
      expect(level({ sent: 100, softBounced: 3 }, 'bounced', { thresholds })).to.equal('warning');
      // 8 % is the default danger level of bounces; the page only moved the warning.
      const rate = byMetric(computeRates({ sent: 100, softBounced: 20 }, { thresholds })).bounced!;
      expect(rate.level).to.equal('danger');
      expect(rate.limit).to.equal(0.08);
    });
    it('switches a level or a metric off with null', () => {
      expect(level({ sent: 100, softBounced: 20 }, 'bounced', { thresholds: { bounced: { danger: null } } })).to.equal('warning');
      expect(level({ sent: 100, softBounced: 20 }, 'bounced', { thresholds: { bounced: null } })).to.equal('ok');
      expect(level({ sent: 100, softBounced: 20 }, 'bounced', { thresholds: { bounced: { warning: null, danger: null } } })).to.equal('ok');
    });
    it('keeps a default level given as undefined (a form field left empty): only null switches it off', () => {
      const rate = byMetric(computeRates({ sent: 100, softBounced: 12 }, { thresholds: { bounced: { warning: 0.03, danger: undefined } } })).bounced!;
      expect([rate.level, rate.limit]).to.deep.equal(['danger', 0.08]);
    });
    it('is reached by the rate a threshold set by arithmetic means, not missed by the last bits of a double', () => {
      // 1.1 / 100 is 0.011000000000000001 and 0.7 / 100 is 0.006999999999999999 in JavaScript.
      expect(level({ sent: 1000, softBounced: 11 }, 'soft-bounced', { thresholds: { 'soft-bounced': { warning: 1.1 / 100 } } })).to.equal('warning');
      expect(level({ sent: 1000, softBounced: 10 }, 'soft-bounced', { thresholds: { 'soft-bounced': { warning: 1.1 / 100 } } })).to.equal('ok');
      expect(level({ sent: 1000, softBounced: 7 }, 'soft-bounced', { thresholds: { 'soft-bounced': { warning: 0.7 / 100 } } })).to.equal('warning');
      expect(level({ sent: 1000, softBounced: 6 }, 'soft-bounced', { thresholds: { 'soft-bounced': { warning: 0.7 / 100 } } })).to.equal('ok');
      const rate = byMetric(computeRates({ sent: 1000, softBounced: 11 }, { thresholds: { 'soft-bounced': { warning: 1.1 / 100 } } }))['soft-bounced']!;
      expect(rate.limit, 'the threshold it reached, as the decimal it was meant as').to.equal(0.011);
      // One in a billion short of the threshold is still short of it.
      expect(level({ sent: 1_000_000_000, softBounced: 10_999_999 }, 'soft-bounced', { thresholds: { 'soft-bounced': { warning: 0.011 } } })).to.equal('ok');
    });
    it('says which threshold a rate reached', () => {
      const r = byMetric(computeRates({ sent: 100, softBounced: 6, complained: 1 }));
      expect([r.bounced!.level, r.bounced!.limit]).to.deep.equal(['warning', 0.05]);
      expect([r.complained!.level, r.complained!.limit]).to.deep.equal(['danger', 0.003]);
      expect(r.delivered!).not.to.have.property('limit');
    });
    it('rejects thresholds that are not fractions between 0 and 1, or on a metric without a rate, saying where', () => {
      const bad: [unknown, string][] = [
        [{ bounced: { warning: '5%' } }, 'thresholds.bounced.warning'],
        [{ bounced: { danger: 8 } }, 'thresholds.bounced.danger'],
        [{ bounced: { warning: -0.1 } }, 'thresholds.bounced.warning'],
        [{ bounced: { warning: Number.NaN } }, 'thresholds.bounced.warning'],
        [{ bounced: 0.05 }, 'thresholds.bounced'],
        [{ bounced: { warn: 0.05 } }, 'thresholds.bounced.warn'],
        [{ sent: { warning: 0.5 } }, 'thresholds.sent'],
        // Above the default danger level (8 %) once merged, and above a danger given with it.
        [{ bounced: { warning: 0.1 } }, 'thresholds.bounced.warning'],
        [{ complained: { warning: 0.5, danger: 0.2 } }, 'thresholds.complained.warning'],
        ['high', 'thresholds'],
      ];
      for (const [thresholds, path] of bad) {
        const call = () => computeRates({ sent: 100 }, { thresholds: thresholds as Thresholds });
        expect(call, path).to.throw(EstafetteInputError).with.property('path', path);
      }
    });
  });

  it('gives no rate, never NaN or Infinity, when a denominator is zero', () => {
    for (const rate of computeRates({})) {
      expect(rate.rate, rate.metric).to.equal(null);
      expect(rate.count, rate.metric).to.equal(0);
      expect(rate.level, rate.metric).to.equal('ok');
    }
    const r = byMetric(computeRates({ sent: 10, delivered: 0, clicked: 0 }));
    expect(r.opened!.rate).to.equal(null);
    expect(r['click-to-open']!.rate).to.equal(null);
    expect(r.delivered!.rate).to.equal(0);
  });

  it('caps inconsistent counters at 100 %', () => {
    expect(byMetric(computeRates({ delivered: 10, opened: 12 })).opened!.rate).to.equal(1);
  });

  it('refuses negative, fractional and non-numeric counts with a typed error', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '12']) {
      expect(() => computeRates({ sent: bad as number }), String(bad)).to.throw(EstafetteInputError).with.property('path', 'counts.sent');
    }
    expect(() => computeRates(null as unknown as CampaignCounts)).to.throw(EstafetteInputError);
    expect(() => computeRates({}, { convention: 'nope' as 'default' })).to.throw(EstafetteInputError);
  });

  it('refuses an unknown metric or denominator with a typed error naming the option (it gave rates of nothing)', () => {
    expect(() => computeRates({ sent: 1 }, { metrics: ['opened', 'openness' as 'opened'] }))
      .to.throw(EstafetteInputError, /openness/).with.property('path', 'options.metrics[1]');
    expect(() => computeRates({ sent: 1 }, { denominators: { opened: 'clicks' as 'sent' } }))
      .to.throw(EstafetteInputError, /clicks/).with.property('path', 'options.denominators.opened');
    expect(() => computeRates({ sent: 1 }, { metrics: ['toString' as 'opened'] }), 'an inherited name').to.throw(EstafetteInputError);
  });
});
