import { expect } from '@open-wc/testing';
import type { Channel, EventType } from '../../src/core/index.js';
import { createDataset, DEMO_CAMPAIGNS } from '../../src/mocks/index.js';
import { RAW } from '../../src/mocks/script.js';
import { isProviderId, mapStatus, normalize, PROVIDER_MAPPINGS, statusRules, type ProviderId } from '../../src/providers/index.js';

// The mock's provider words go through the kit's own provider tables, the ones its adapters run on: a word must
// mean there what the mock shows with it, so that the demo never explains a status its adapters would not give.

/** As `mapStatus` compares words: case, spaces, `_` and `-` aside. */
const fold = (word: string) => word.trim().toLowerCase().replace(/[\s_-]+/g, '');

/**
 * Every type the provider's tables give `word` on `channel`: the rules with a condition on other fields included,
 * and the hard and soft bounces a bounce of unknown kind becomes when its error code says which.
 */
function meanings(provider: ProviderId, word: string, channel: Channel): Set<string> {
  const out = new Set<string>([mapStatus(provider, word, channel)]);
  const { sources, reasons } = PROVIDER_MAPPINGS[provider];
  for (const source of sources) {
    if (source.channel !== channel) continue;
    for (const rule of source.rules) {
      if (fold(rule.raw) !== fold(word)) continue;
      out.add(rule.type);
      if (rule.codes && rule.type === 'bounced') {
        for (const code of reasons.flatMap((table) => table.rules)) if (code.permanence) out.add(`${code.permanence}-bounced`);
      }
    }
  }
  return out;
}

/** Whether the provider's tables know `word` at all (as an event or a status, whatever they map it to). */
const known = (provider: ProviderId, word: string, channel: Channel) =>
  statusRules(provider).some((rule) => fold(rule.raw) === fold(word)) ||
  PROVIDER_MAPPINGS[provider].sources.some((source) => source.channel === channel && source.rules.some((rule) => fold(rule.raw) === fold(word)));

/** Whether `word` of `provider` means `type`; the mock's "unknown" word must be one the tables do not know. */
const means = (provider: ProviderId, word: string, channel: Channel, type: EventType) =>
  type === 'unknown' ? !known(provider, word, channel) : meanings(provider, word, channel).has(type);

/**
 * Signals Twilio reports outside the status callback its adapter reads (link-shortening clicks, inbound messages,
 * opt-out keywords): a host records them itself, and no status word means them.
 */
const OTHER_FEEDS = new Set(['twilio clicked', 'twilio replied', 'twilio unsubscribed']);

/**
 * Email states the mock shows that its provider has no word for: Brevo's `request` is queued (not sent), its blocks
 * are hard or soft bounces and it has no bounce of unknown kind; SendGrid's only soft failure is `deferred` and its
 * expiry a `bounce`. Known and left to fix (the newsletter would move to other providers' words or other states):
 * listed exactly, so that a fix shortens the list and nothing joins it.
 */
const KNOWN_GAPS = ['brevo blocked', 'brevo bounced', 'brevo sent', 'sendgrid expired', 'sendgrid soft-bounced'];

/** The channel the mock uses each provider on. */
const CHANNEL: Readonly<Record<string, Channel>> = { brevo: 'email', sendgrid: 'email', twilio: 'sms' };

describe('the mock API’s provider words', () => {
  it('are those of providers the kit has tables for, besides the host’s own outbox', () => {
    expect(Object.keys(RAW).filter((provider) => !isProviderId(provider))).to.deep.equal(['outbox']);
  });

  it('mean, in the kit’s provider tables, the status the mock shows with them (table of words)', () => {
    const contradictions: string[] = [];
    for (const [provider, words] of Object.entries(RAW)) {
      if (!isProviderId(provider)) continue;
      for (const [type, word] of Object.entries(words) as [EventType, string][]) {
        const key = `${provider} ${type}`;
        if (OTHER_FEEDS.has(key)) continue;
        if (!means(provider, word, CHANNEL[provider]!, type)) contradictions.push(key);
      }
    }
    expect(contradictions.sort(), 'contradictions besides the known gaps').to.deep.equal(KNOWN_GAPS);
  });

  it('mean what every event of the dataset shows, the words a generator picks itself included', () => {
    const dataset = createDataset();
    const contradictions = new Map<string, string>();
    for (const id of dataset.campaignIds) {
      for (const message of dataset.campaign(id)!.messages) {
        for (const event of message.events) {
          const provider = event.provider;
          if (!isProviderId(provider) || OTHER_FEEDS.has(`${provider} ${event.type}`)) continue;
          if (!means(provider, event.raw, event.channel, event.type)) contradictions.set(`${provider} ${event.type}`, event.raw);
        }
      }
    }
    expect([...contradictions.keys()].sort(), [...contradictions].join(', ')).to.deep.equal(KNOWN_GAPS);
  });

  it('give the SMS campaign Twilio’s own story: carrier refusals bounce or are blocked after `sent`, Twilio’s failures were never sent', () => {
    const sms = createDataset().campaign(DEMO_CAMPAIGNS.sms)!;
    let bounced = 0;
    let blocked = 0;
    let failed = 0;
    for (const message of sms.messages) {
      const types = message.events.map((e) => e.type);
      // Blocked: filtered as spam (error 30007), the only block Twilio reports.
      const refusal = message.events.find((e) => e.type === 'bounced' || e.type === 'hard-bounced' || e.type === 'soft-bounced' || e.type === 'blocked');
      if (refusal) {
        if (refusal.type === 'blocked') blocked++;
        else bounced++;
        expect(types, message.id).to.include('sent');
        expect(refusal.raw).to.equal('undelivered');
      }
      // Twilio's own failures, an expiry in its queue (error 30036) among them: its word is `failed`.
      const failure = message.events.find((e) => e.type === 'failed' || e.type === 'expired');
      if (failure) {
        failed++;
        expect(types, message.id).not.to.include('sent');
        expect(failure.raw).to.equal('failed');
      }
    }
    expect(bounced).to.be.greaterThan(50);
    expect(blocked).to.be.greaterThan(5);
    expect(failed).to.be.greaterThan(10);
  });

  it('give each SMS failure the type and reason the kit’s Twilio adapter reads from its error code', () => {
    const sms = createDataset().campaign(DEMO_CAMPAIGNS.sms)!;
    const shown = new Map<string, string>();
    for (const message of sms.messages) {
      for (const event of message.events) {
        if (event.reason === undefined || event.detail?.code === undefined) continue;
        const body = `MessageSid=${message.id}&MessageStatus=${event.raw}&ErrorCode=${event.detail.code}`;
        const [read] = normalize('twilio', body);
        shown.set(`${event.detail.code} ${event.type} ${event.reason}`, `${event.detail.code} ${read?.type} ${read?.reason}`);
      }
    }
    expect(shown.size, 'every kind of failure the mock makes').to.be.greaterThan(5);
    for (const [mock, adapter] of shown) expect(adapter).to.equal(mock);
  });
});
