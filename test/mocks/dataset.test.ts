import { expect } from '@open-wc/testing';
import { DISPLAY_STATUSES, FAILURE_REASONS, classifySmtp } from '../../src/core/index.js';
import {
  DEFAULT_ANCHOR, DEMO_CAMPAIGNS, contactFor, createDataset, messageIdsFor, mockApi, resetMockApi, sampleMessageId,
} from '../../src/mocks/index.js';

const HOUR = 3_600_000;
const campaigns = Object.values(DEMO_CAMPAIGNS);

describe('mock dataset', () => {
  beforeEach(() => resetMockApi());

  it('holds a 5,000-recipient newsletter, a 2,000-recipient SMS campaign and a transactional stream', () => {
    const { dataset } = mockApi();
    expect(dataset.campaign(DEMO_CAMPAIGNS.newsletter)!.messages).to.have.length(5_000);
    expect(dataset.campaign(DEMO_CAMPAIGNS.newsletter)!.info).to.deep.include({ name: 'Newsletter de novembre', channel: 'email' });
    expect(dataset.campaign(DEMO_CAMPAIGNS.sms)!.messages).to.have.length(2_000);
    expect(dataset.campaign(DEMO_CAMPAIGNS.sms)!.info.channel).to.equal('sms');
    expect(messageIdsFor(DEMO_CAMPAIGNS.transactional).length).to.be.greaterThan(500);
  });

  it('is the same for the same seed and differs for another one', () => {
    const sample = (seed: number) => {
      const dataset = createDataset({ seed });
      return campaigns.map((id) => dataset.campaign(id)!.messages.filter((_, i) => i % 97 === 0));
    };
    expect(JSON.stringify(sample(7))).to.equal(JSON.stringify(sample(7)));
    expect(JSON.stringify(sample(7))).to.not.equal(JSON.stringify(sample(8)));
  });

  it('places everything relative to its anchor: same messages and events, times shifted', () => {
    const here = createDataset();
    const later = createDataset({ anchor: DEFAULT_ANCHOR + 24 * HOUR });
    const a = here.message('nl-00042')!;
    const b = later.message('nl-00042')!;
    expect(b.events.map((e) => e.type)).to.deep.equal(a.events.map((e) => e.type));
    expect(b.times.map((t, i) => t - a.times[i]!)).to.deep.equal(a.times.map(() => 24 * HOUR));
  });

  it('has a showcase message for every display status, which keeps it while the demo runs', () => {
    const { store, clock } = mockApi();
    for (const display of DISPLAY_STATUSES) expect(store.status(sampleMessageId(display))?.display, display).to.equal(display);
    clock.advance(8 * HOUR);
    for (const display of DISPLAY_STATUSES) expect(store.status(sampleMessageId(display))?.display, `${display} 8 h later`).to.equal(display);
  });

  it('represents every display status and every failure reason among its messages at the anchor', () => {
    const displays = new Set<string>();
    const reasons = new Set<string>();
    for (const campaign of campaigns) {
      for (const id of messageIdsFor(campaign)) {
        const status = mockApi().store.status(id)!;
        displays.add(status.display);
        if (status.reason) reasons.add(status.reason);
      }
    }
    expect([...DISPLAY_STATUSES].filter((d) => !displays.has(d))).to.deep.equal([]);
    expect([...FAILURE_REASONS].filter((r) => !reasons.has(r))).to.deep.equal([]);
    for (const reason of FAILURE_REASONS) expect(mockApi().dataset.showcase.some((e) => e.reason === reason), reason).to.equal(true);
    const policy = sampleMessageId('blocked', 'policy');
    expect(mockApi().store.status(policy)).to.deep.include({ display: 'blocked', reason: 'policy' });
    expect(() => sampleMessageId('opened', 'landline')).to.throw();
  });

  it('finds messages by display status and failure reason', () => {
    const bounced = messageIdsFor(DEMO_CAMPAIGNS.newsletter, { status: 'hard-bounced', limit: 5 });
    expect(bounced).to.have.length(5);
    for (const id of bounced) expect(mockApi().store.status(id)!.display).to.equal('hard-bounced');
    const landlines = messageIdsFor(DEMO_CAMPAIGNS.sms, { reason: 'landline' });
    expect(landlines.length).to.be.greaterThan(5);
    for (const id of landlines) expect(mockApi().store.status(id)!.recipient).to.match(/^\+33199/);
  });

  it('has French and English contacts, accents included, with plain ASCII addresses', () => {
    const contacts = messageIdsFor(DEMO_CAMPAIGNS.newsletter).slice(0, 400).map((id) => contactFor(id)!);
    expect(contacts.some((c) => c.locale === 'fr')).to.equal(true);
    expect(contacts.some((c) => c.locale === 'en')).to.equal(true);
    expect(contacts.some((c) => /[éèëêïçô]/i.test(c.firstName + c.lastName))).to.equal(true);
    for (const c of contacts) expect(c.email).to.match(/^[a-z0-9._-]+@[a-z0-9.-]+$/);
  });

  it('uses 64-bit SMS ids that a number would round', () => {
    for (const id of messageIdsFor(DEMO_CAMPAIGNS.sms).slice(0, 50)) {
      expect(id).to.match(/^\d{19}$/);
      expect(String(Number(id))).to.not.equal(id);
    }
  });

  it('words SMTP diagnostics so that classifySmtp finds the reason each one illustrates', () => {
    const classifiable = new Set(['invalid-recipient', 'mailbox-full', 'message-too-large', 'domain-or-dns', 'timeout', 'content-block', 'reputation-block', 'policy', 'undetermined']);
    let checked = 0;
    for (const campaign of [DEMO_CAMPAIGNS.newsletter, DEMO_CAMPAIGNS.transactional]) {
      for (const message of mockApi().dataset.campaign(campaign)!.messages) {
        for (const event of message.events) {
          if (!event.reason || !event.detail?.code || !classifiable.has(event.reason)) continue;
          expect(classifySmtp(event.detail.code, event.detail.text).reason, `${event.detail.code} ${event.detail.text}`).to.equal(event.reason);
          checked++;
        }
      }
    }
    expect(checked).to.be.greaterThan(100);
  });

  it('tells the campaigns\' stories: a paused newsletter, a stream suspended for bounces, an SMS suspended for STOP replies', () => {
    const { store } = mockApi();
    expect(store.history(DEMO_CAMPAIGNS.newsletter)!.map((e) => e.action)).to.deep.equal(['created', 'scheduled', 'started', 'paused', 'resumed', 'sent']);
    expect(store.history(DEMO_CAMPAIGNS.transactional)!.find((e) => e.action === 'suspended')?.reason).to.equal('high-bounce-rate');
    expect(store.history(DEMO_CAMPAIGNS.sms)!.find((e) => e.action === 'suspended')?.reason).to.equal('high-unsubscribe-rate');
  });
});

describe('mock clock and store', () => {
  beforeEach(() => resetMockApi());

  it('makes messages progress as the clock moves', () => {
    const { store, clock } = mockApi();
    const before = store.stats(DEMO_CAMPAIGNS.newsletter)!;
    expect(before.sending).to.equal(true);
    clock.advance(2 * HOUR);
    const after = store.stats(DEMO_CAMPAIGNS.newsletter)!;
    expect(after.counts.opened!).to.be.greaterThan(before.counts.opened!);
    expect(after.sending).to.equal(false);
    expect(store.history(DEMO_CAMPAIGNS.newsletter)!.at(-1)!.action).to.equal('completed');
  });

  it('does not show a message before its first event', () => {
    const { store, clock, dataset } = mockApi();
    const future = dataset.campaign(DEMO_CAMPAIGNS.transactional)!.messages.find((m) => m.times[0]! > dataset.anchor)!;
    expect(store.status(future.id)).to.equal(undefined);
    expect(store.events(future.id)).to.deep.equal([]);
    clock.set(future.times[0]!);
    expect(store.status(future.id)?.messageId).to.equal(future.id);
  });

  it('logs what happened at each move: events, then statuses, then campaign stats', () => {
    const { store, clock } = mockApi();
    clock.advance(5 * 60_000);
    const entries = store.entriesAfter(0);
    expect(entries.length).to.be.greaterThan(3);
    expect(entries.map((e) => e.id)).to.deep.equal(entries.map((_, i) => i + 1));
    const kinds = entries.map((e) => e.type);
    expect(kinds.indexOf('message-status')).to.be.greaterThan(kinds.lastIndexOf('message-event'));
    expect(kinds.at(-1)).to.equal('campaign-stats');
    expect(store.entriesAfter(entries.at(-2)!.id)).to.deep.equal([entries.at(-1)]);
  });

  it('never goes back in time', () => {
    const { clock } = mockApi();
    const start = clock.now();
    clock.set(start - HOUR);
    clock.advance(-5);
    expect(clock.now()).to.equal(start);
  });
});
