// The mapping tables are data that code and docs both read: check that they are well-formed.
import { expect } from '../support/expect.js';
import { isDeliveryState, isDisplayStatus, isEngagementSignal, isFailureReason } from '../../src/core/index.js';
import { isProviderId, LABELS, PROVIDER_MAPPINGS, PROVIDERS, ProviderPayloadError } from '../../src/providers/index.js';

const FAILURES = new Set(['held', 'deferred', 'soft-bounced', 'hard-bounced', 'bounced', 'blocked', 'dropped', 'failed', 'expired']);

describe('provider mapping tables', () => {
  it('has one mapping per provider, under its own id', () => {
    expect(Object.keys(PROVIDER_MAPPINGS).sort()).to.deep.equal([...PROVIDERS].sort());
    for (const provider of PROVIDERS) expect(PROVIDER_MAPPINGS[provider].id).to.equal(provider);
    expect(PROVIDERS).to.have.length(11);
  });

  for (const provider of PROVIDERS) {
    it(`${provider}: rules use canonical ids only, and reasons only where they apply`, () => {
      const mapping = PROVIDER_MAPPINGS[provider];
      expect(mapping.sources.length).to.be.greaterThan(0);
      for (const source of mapping.sources) {
        const seen = new Set<string>();
        for (const rule of source.rules) {
          const where = `${provider} / ${source.name} / ${rule.raw} ${rule.when ?? ''}`;
          expect(isDeliveryState(rule.type) || isEngagementSignal(rule.type), where).to.equal(true);
          if (rule.reason !== undefined) {
            expect(isFailureReason(rule.reason), where).to.equal(true);
            expect(FAILURES.has(rule.type), `${where}: a reason on a type that carries none`).to.equal(true);
          }
          if (rule.implies !== undefined) expect(isDeliveryState(rule.implies), where).to.equal(true);
          if (rule.codes) expect(mapping.reasons.length, `${where}: codes without a reason table`).to.be.greaterThan(0);
          if (rule.automated) expect(['opened', 'clicked'], where).to.include(rule.type);
          for (const word of rule.code === undefined ? [rule.raw] : [rule.raw, rule.code]) {
            const key = `${word.toLowerCase()}|${(rule.when ?? '').toLowerCase()}`;
            expect(seen.has(key), `${where}: duplicate row (${word})`).to.equal(false);
            seen.add(key);
          }
        }
      }
      for (const status of mapping.statuses) expect(isDisplayStatus(status.status), `${provider} ${status.raw}`).to.equal(true);
      for (const table of mapping.reasons) for (const rule of table.rules) expect(isFailureReason(rule.reason), `${provider} ${rule.raw}`).to.equal(true);
    });
  }

  it('labels use canonical ids only', () => {
    for (const rule of LABELS) {
      expect(isDisplayStatus(rule.status), rule.labels.join()).to.equal(true);
      if (rule.reason !== undefined) expect(isFailureReason(rule.reason), rule.labels.join()).to.equal(true);
    }
  });

  it('exports the provider guard and the error class', () => {
    expect(isProviderId('amazon-ses')).to.equal(true);
    expect(isProviderId('ses')).to.equal(false);
    expect(isProviderId(undefined)).to.equal(false);
    const error = new ProviderPayloadError('twilio', '$.MessageSid', 'missing MessageSid');
    expect(error).to.be.instanceOf(Error);
    expect(error.message).to.equal('twilio: missing MessageSid (at $.MessageSid)');
  });
});
