import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { addMessages, removeAddedMessages } from '../../src/i18n/index.js';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CampaignCounts, CampaignStats, DisplayStatus, MessageStatus } from '../../src/core/index.js';
import { DataSourceError, RestDataSource, type LiveListener, type StatusDataSource } from '../../src/data/index.js';
import { FakeEventSource, FakeVisibility, ManualTimers, fakeFetch, json } from '../data/helpers.js';
import '../../src/elements/campaign-stats/define.js';
import '../../src/elements/status-source/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import { MetricSelectEvent } from '../../src/elements/campaign-stats/metric-select-event.js';
import { CAMPAIGN_METRICS, metricFitsChannel } from '../../src/elements/campaign-stats/metrics.js';
import { statusOf } from './shared/badge-helpers.js';
import { fakeClock } from './shared/fake-clock.js';
import '../support/axe.js';
import { asIfBrowser, inWebKit, itAtWidth, itWithDevTools, setViewport } from '../support/engine.js';
import { placedBeside } from '../support/placement.js';

// What Chromium's ICU prints in French: a narrow no-break space between digit groups, a no-break space before %.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** 10 000 sent, 9 000 delivered, 4 000 opened (400 automatic), 400 clicked... */
const EMAIL: CampaignCounts = {
  sent: 10_000,
  delivered: 9_000,
  opened: 4_000,
  openedTotal: 6_500,
  openedAutomated: 400,
  clicked: 400,
  unsubscribed: 20,
  complained: 5,
  softBounced: 300,
  hardBounced: 100,
  blocked: 50,
  dropped: 30,
  deferred: 10,
  pending: 110,
};

const root = (el: CampaignStatsElement): ShadowRoot => el.shadowRoot!;
const metricEl = (el: CampaignStatsElement, metric: string): HTMLElement =>
  root(el).querySelector<HTMLElement>(`[part~="metric"][data-metric="${metric}"]`)!;
const part = (el: CampaignStatsElement, metric: string, name: string): string =>
  metricEl(el, metric).querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? '';
const shownMetrics = (el: CampaignStatsElement): string[] =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="metric"]')].map((li) => li.dataset.metric!);
const textOf = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function statsFixture(counts: CampaignCounts, attrs: { lang?: string; channel?: string } = {}) {
  const el = await fixture<CampaignStatsElement>(
    html`<campaign-stats lang=${attrs.lang ?? 'en'} channel=${attrs.channel ?? 'email'} .counts=${counts}></campaign-stats>`,
  );
  await el.updateComplete;
  return el;
}

/** A data source whose answers the test controls. */
function fakeSource() {
  const listeners = new Set<LiveListener>();
  const calls: string[] = [];
  let next: () => Promise<CampaignStats> = () => new Promise(() => {});
  const source: StatusDataSource = {
    getMessages: async () => new Map(),
    getMessageEvents: async () => ({ events: [] }),
    getCampaignHistory: async () => ({ items: [] }),
    getCampaignStats: (id) => {
      calls.push(id);
      return next();
    },
    subscribe: (_topic, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    calls,
    listeners,
    answer(result: () => Promise<CampaignStats>) {
      next = result;
    },
    push(stats: CampaignStats) {
      for (const listener of listeners) listener({ type: 'campaign-stats', stats });
    },
  };
}

const stats = (counts: CampaignCounts, extra: Partial<CampaignStats> = {}): CampaignStats => ({
  campaign: { id: 'c1', name: 'Spring <b>sale</b>', channel: 'email' },
  counts,
  updatedAt: '2024-03-05T14:30:00Z',
  ...extra,
});

describe('<campaign-stats>', () => {
  describe('rates and denominators', () => {
    it('shows each indicator with its count, rate and denominator in words (default convention)', async () => {
      const el = await statsFixture(EMAIL);
      expect(part(el, 'delivered', 'count')).to.equal('9,000');
      expect(part(el, 'delivered', 'rate')).to.equal('90%');
      expect(part(el, 'delivered', 'denominator')).to.equal('of messages taken on');
      expect(part(el, 'opened', 'rate')).to.equal('44.4%');
      expect(part(el, 'opened', 'denominator')).to.equal('of delivered messages');
      expect(part(el, 'click-to-open', 'rate')).to.equal('10%');
      expect(part(el, 'click-to-open', 'denominator')).to.equal('of opened emails');
      expect(part(el, 'unsubscribed', 'rate')).to.equal('0.5%');
      expect(part(el, 'unsubscribed', 'denominator')).to.equal('of opened emails');
      expect(part(el, 'complained', 'rate')).to.equal('0.05%');
      expect(part(el, 'complained', 'denominator')).to.equal('of messages taken on');
      expect(part(el, 'bounced', 'count')).to.equal('400');
      expect(part(el, 'bounced', 'rate')).to.equal('4%');
    });

    it('names the rates over "Sent" by what it counts, not "all messages", while most of the campaign is still scheduled', async () => {
      // 200 of 5,000 taken on so far: 134 delivered is 67% of those 200, not of the campaign's 5,000 messages.
      const counts: CampaignCounts = { sent: 200, delivered: 134, pending: 47, bounced: 11, dropped: 1, scheduled: 4800 };
      const en = await statsFixture(counts);
      expect(part(en, 'delivered', 'rate')).to.equal('67%');
      expect(part(en, 'delivered', 'denominator')).to.equal('of messages taken on');
      expect(part(en, 'dropped', 'denominator'), 'not sent, yet taken on: no contradiction').to.equal('of messages taken on');
      const fr = await statsFixture(counts, { lang: 'fr' });
      expect(part(fr, 'delivered', 'rate')).to.equal(`67${NBSP}%`);
      expect(part(fr, 'delivered', 'denominator')).to.equal('des messages pris en charge');
    });

    it('divides engagement and complaints by delivered messages with the per-delivered convention', async () => {
      const el = await statsFixture(EMAIL);
      el.convention = 'per-delivered';
      await el.updateComplete;
      expect(part(el, 'unsubscribed', 'rate')).to.equal('0.22%');
      expect(part(el, 'unsubscribed', 'denominator')).to.equal('of delivered messages');
      expect(part(el, 'complained', 'rate'), '5 / 9,000 = 0.0555…%, cut').to.equal('0.05%');
      expect(part(el, 'complained', 'denominator')).to.equal('of delivered messages');
      expect(part(el, 'delivered', 'denominator')).to.equal('of messages taken on');
    });

    it('shows sent, deferred and in progress as counts without a rate', async () => {
      const el = await statsFixture(EMAIL);
      expect(part(el, 'sent', 'count')).to.equal('10,000');
      expect(part(el, 'sent', 'rate')).to.equal('');
      expect(part(el, 'pending', 'count')).to.equal('110');
      expect(part(el, 'deferred', 'denominator')).to.equal('');
    });

    it('shows the email indicators by default, in reading order', async () => {
      const el = await statsFixture(EMAIL);
      expect(shownMetrics(el)).to.deep.equal([
        'sent', 'delivered', 'opened', 'clicked', 'click-to-open', 'unsubscribed', 'complained', 'bounced',
        'soft-bounced', 'hard-bounced', 'blocked', 'dropped', 'deferred', 'pending',
      ]);
    });

    it('shows the SMS indicators by default, without opens or spam reports', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 950, replied: 12 }, { channel: 'sms' });
      expect(shownMetrics(el)).to.deep.equal([
        'sent', 'delivered', 'soft-bounced', 'hard-bounced', 'pending', 'replied', 'unsubscribed',
      ]);
      expect(part(el, 'replied', 'rate'), '12 / 950 = 1.26…%, cut').to.equal('1.2%');
      expect(part(el, 'replied', 'denominator')).to.equal('of delivered messages');
    });

    it('adds the outcome counters a provider reports, so that an SMS campaign adds up', async () => {
      const el = await statsFixture(
        { sent: 2000, delivered: 1841, clicked: 142, blocked: 8, failed: 88, expired: 2, pending: 60, replied: 13, unsubscribed: 21 },
        { channel: 'sms' },
      );
      expect(shownMetrics(el)).to.deep.equal([
        'sent', 'delivered', 'clicked', 'soft-bounced', 'hard-bounced', 'blocked', 'failed', 'expired', 'pending', 'replied',
        'unsubscribed',
      ]);
      expect(part(el, 'failed', 'count')).to.equal('88');
      expect(part(el, 'clicked', 'rate')).to.equal('7.7%');
      expect(part(el, 'clicked', 'denominator')).to.equal('of delivered messages');
    });

    // Messages not sent out: counted apart, as a count without a rate, while there are some; placed where a reader
    // looks for them (scheduled: right after what is in progress; canceled: among the failures, before it).
    for (const { metric, story, counts, en, fr, frChannel, placed } of [
      {
        metric: 'scheduled', en: 'Scheduled', fr: 'Programmés', frChannel: 'email',
        // The newsletter being sent: 1,960 of 5,000 out, 60 on their way, 3,000 still scheduled.
        story: 'scheduled for later', counts: { sent: 1960, delivered: 1900, pending: 60, scheduled: 3000 },
        placed: (shown: string[]) => expect(shown.indexOf('scheduled'), 'right after in progress').to.equal(shown.indexOf('pending') + 1),
      },
      {
        metric: 'canceled', en: 'Canceled', fr: 'Annulés', frChannel: 'sms',
        // Canceled midway: 2,000 went out, 3,000 never will.
        story: 'canceled before they went out', counts: { sent: 2000, delivered: 1950, softBounced: 30, hardBounced: 20, canceled: 3000 },
        placed: (shown: string[]) => expect(shown.indexOf('canceled'), 'after the failures, before what is still on its way').to.be.lessThan(shown.indexOf('pending')),
      },
    ] as const) {
      it(`shows the messages ${story}, not in the sent count, as a count without a rate while there are some`, async () => {
        for (const channel of ['email', 'sms'] as const) {
          const el = await statsFixture(counts, { channel });
          const shown = shownMetrics(el);
          expect(shown, channel).to.include(metric);
          placed(shown);
          expect(part(el, metric, 'label')).to.equal(en);
          expect(part(el, metric, 'count')).to.equal('3,000');
          expect(part(el, metric, 'rate')).to.equal('');
          expect(part(el, metric, 'denominator')).to.equal('');
          await expect(el).to.be.accessible();
          const none = await statsFixture({ ...counts, [metric]: 0 }, { channel });
          expect(shownMetrics(none), `${channel}: none ${metric}`).not.to.include(metric);
        }
        const french = await statsFixture(counts, { lang: 'fr', channel: frChannel });
        expect(part(french, metric, 'label')).to.equal(fr);
        expect(part(french, metric, 'count')).to.equal(`3${NNBSP}000`);
      });
    }

    it('shows scheduled and canceled messages when the metrics attribute asks for them, and lists them on metric-select', async () => {
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" channel="sms" metrics="scheduled canceled" .counts=${{ sent: 0, scheduled: 5000 }}></campaign-stats>`,
      );
      await el.updateComplete;
      expect(shownMetrics(el)).to.deep.equal(['scheduled', 'canceled']);
      expect(part(el, 'scheduled', 'count')).to.equal('5,000');
      expect(part(el, 'canceled', 'count')).to.equal('0');
      const button = metricEl(el, 'scheduled').querySelector<HTMLButtonElement>('[part~="metric-button"]')!;
      setTimeout(() => button.click());
      const event = (await oneEvent(el, 'metric-select')) as unknown as MetricSelectEvent;
      expect(event.detail).to.deep.equal({ metric: 'scheduled', statuses: ['scheduled'], count: 5000, rate: null });
      expect(event.matches(statusOf('m', 'scheduled', { delivery: 'scheduled' })), 'a scheduled message').to.equal(true);
      expect(event.matches(statusOf('m', 'delivered', { delivery: 'delivered' })), 'a delivered one').to.equal(false);
    });

    it('adds the total of bounces to an SMS campaign that has soft or hard ones, and warns on it', async () => {
      // 90 soft + 15 hard of 1,000: 10.5 % in all, over the 8 % danger level, though 1.5 % hard is under its own 2 %.
      const el = await statsFixture({ sent: 1000, delivered: 880, softBounced: 90, hardBounced: 15, pending: 15 }, { channel: 'sms' });
      expect(shownMetrics(el)).to.deep.equal([
        'sent', 'delivered', 'soft-bounced', 'hard-bounced', 'bounced', 'pending', 'replied', 'unsubscribed',
      ]);
      expect(part(el, 'bounced', 'count')).to.equal('105');
      expect(metricEl(el, 'bounced').dataset.level).to.equal('danger');
      const note = textOf(root(el).querySelector('.flag[data-metric="bounced"] .note'));
      expect(note).to.contain('10.5%').and.contain('carriers');
      expect(note, 'an SMS has no spam folder').not.to.match(/spam|mailbox|email/i);
      expect(root(el).querySelectorAll('[part~="warnings"] .suspension')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('shows by default, on either channel, every indicator that fits it once its counter is above zero', async () => {
      const counterOf = (metric: string) => metric.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()) as keyof CampaignCounts;
      for (const channel of ['email', 'sms'] as const) {
        for (const metric of CAMPAIGN_METRICS.filter((m) => m !== 'click-to-open' && metricFitsChannel(m, channel))) {
          const el = await statsFixture({ sent: 100, [counterOf(metric)]: 3 }, { channel });
          expect(shownMetrics(el), `${channel}: ${metric}`).to.include(metric);
        }
      }
    });

    it('explains delivered SMS without speaking of inboxes or spam, in French too', async () => {
      const help = (el: CampaignStatsElement) => metricEl(el, 'delivered').querySelector('[part~="tooltip"]')!.textContent!;
      const email = await statsFixture({ sent: 100, delivered: 90 }, { lang: 'fr' });
      await waitUntil(() => help(email).includes('spams'), 'the email help never came');
      for (const lang of ['fr', 'en']) {
        const sms = await statsFixture({ sent: 100, delivered: 90 }, { lang, channel: 'sms' });
        await waitUntil(() => help(sms).trim() !== '', 'no help');
        expect(help(sms)).to.include(lang === 'fr' ? 'l’opérateur mobile ou le téléphone' : 'the mobile carrier or the phone');
        expect(help(sms)).not.to.match(/spam|inbox|boîte de réception|e-mail|email/i);
      }
    });

    it('counts the messages in a status Estafette does not know, so that nothing sent goes missing', async () => {
      // 2,000 sent = 1,836 delivered + 8 blocked + 88 failed + 1 expired + 66 in progress + 1 unknown.
      const el = await statsFixture(
        { sent: 2000, delivered: 1836, blocked: 8, failed: 88, expired: 1, pending: 66, unknown: 1 },
        { channel: 'sms' },
      );
      expect(shownMetrics(el)).to.include('unknown');
      expect(part(el, 'unknown', 'label')).to.equal('Unknown status');
      expect(part(el, 'unknown', 'count')).to.equal('1');
      const outcomes = ['delivered', 'blocked', 'failed', 'expired', 'pending', 'unknown'].map((m) => Number(part(el, m, 'count').replace(/\D/g, '')));
      expect(outcomes.reduce((a, b) => a + b)).to.equal(2000);
      const none = await statsFixture({ sent: 10, delivered: 10 }, { channel: 'sms' });
      expect(shownMetrics(none), 'only when counted').not.to.include('unknown');
      await expect(el).to.be.accessible();
    });

    it('writes its text left to right, marked with its language, in a right-to-left page; right to left for a language added that is', async () => {
      const box = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"><campaign-stats channel="email" .counts=${EMAIL}></campaign-stats></div>`);
      const el = box.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      const base = root(el).querySelector<HTMLElement>('[part~="base"]')!;
      expect([base.lang, getComputedStyle(base).direction]).to.deep.equal(['en', 'ltr']);
      addMessages('ar', { 'stats.title': 'نتائج الحملة' });
      try {
        await waitUntil(() => root(el).querySelector<HTMLElement>('[part~="base"]')!.lang === 'ar', 'an added Arabic catalogue is not used');
        expect(getComputedStyle(root(el).querySelector('[part~="base"]')!).direction).to.equal('rtl');
      } finally {
        removeAddedMessages('ar');
      }
    });

    it('warns about unknown indicator ids and shows the defaults when none is usable, never an empty card', async () => {
      const warned: unknown[][] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warned.push(args);
      try {
        const el = await fixture<CampaignStatsElement>(
          html`<campaign-stats lang="en" channel="email" metrics="delivered;opened" .counts=${EMAIL}></campaign-stats>`,
        );
        expect(shownMetrics(el)).to.include.members(['sent', 'delivered', 'opened', 'clicked']);
        expect(String(warned[0]?.[0])).to.include('"delivered;opened"');
      } finally {
        console.warn = warn;
      }
    });

    it('shows the requested indicators in the requested order, dropping those the channel lacks', async () => {
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" channel="sms" metrics="hard-bounced, opened delivered nonsense" .counts=${EMAIL}></campaign-stats>`,
      );
      expect(shownMetrics(el)).to.deep.equal(['hard-bounced', 'delivered']);
    });

    it('counts human opens only with exclude-automated, and says how many were left out', async () => {
      const el = await statsFixture(EMAIL);
      el.excludeAutomated = true;
      el.totalOpens = true;
      await el.updateComplete;
      expect(part(el, 'opened', 'count')).to.equal('3,600');
      expect(part(el, 'opened', 'rate')).to.equal('40%');
      expect(part(el, 'click-to-open', 'rate')).to.equal('11.1%');
      const extras = [...metricEl(el, 'opened').querySelectorAll('.extra')].map(textOf);
      expect(extras).to.deep.equal(['6,500 opens in total', '400 automatic opens left out']);
    });

    it('writes the counts of its sentences as its figures, in the regional conventions of its lang (fr-LU, en-IN)', async () => {
      const counts = { ...EMAIL, opened: 1_234_567, openedTotal: 2_345_678, openedAutomated: 12_345 };
      for (const [lang, opened, lines] of [
        ['fr-LU', '1.222.222', ['2.345.678 ouvertures au total', '12.345 ouvertures automatiques écartées']],
        ['en-IN', '12,22,222', ['23,45,678 opens in total', '12,345 automatic opens left out']],
      ] as const) {
        const el = await statsFixture(counts, { lang });
        el.excludeAutomated = true;
        el.totalOpens = true;
        await el.updateComplete;
        expect(part(el, 'opened', 'count'), '1,234,567 opens, 12,345 of them automatic').to.equal(opened);
        expect([...metricEl(el, 'opened').querySelectorAll('.extra')].map(textOf)).to.deep.equal(lines);
      }
    });
  });

  describe('a name for static figures (campaign-name)', () => {
    it('shows it under the title and names each panel by it, so that two panels are told apart', async () => {
      const el = await fixture(html`<div lang="fr">
        <campaign-stats campaign-name="Soldes d'hiver" .counts=${{ sent: 10, delivered: 9 }}></campaign-stats>
        <campaign-stats campaign-name="<b>Relance</b>" .counts=${{ sent: 20, delivered: 18 }}></campaign-stats>
      </div>`);
      const [first, second] = [...el.querySelectorAll<CampaignStatsElement>('campaign-stats')];
      await first!.updateComplete;
      await second!.updateComplete;
      expect(textOf(root(first!).querySelector('.campaign-name'))).to.equal("Soldes d'hiver");
      // Untrusted text, shown as text.
      expect(textOf(root(second!).querySelector('.campaign-name'))).to.equal('<b>Relance</b>');
      expect(root(second!).querySelector('.campaign-name b')).to.equal(null);
      const named = (stats: CampaignStatsElement) =>
        root(stats).querySelector('section')!.getAttribute('aria-labelledby')!.split(' ').map((id) => textOf(root(stats).getElementById(id))).join(' ');
      expect(named(first!)).to.include("Soldes d'hiver");
      expect(named(second!)).to.include('<b>Relance</b>');
      await expect(el).to.be.accessible(); // axe's landmark-unique among its rules
    });
  });

  describe('zero denominators', () => {
    it('shows zeros and "No rate yet" for an empty campaign, never NaN or Infinity', async () => {
      const el = await statsFixture({});
      expect(textOf(root(el).querySelector('.empty'))).to.equal('Nothing has been sent yet.');
      expect(part(el, 'delivered', 'count')).to.equal('0');
      expect(part(el, 'delivered', 'rate')).to.equal('No rate yet');
      expect(part(el, 'click-to-open', 'rate')).to.equal('No rate yet');
      expect(root(el).textContent).not.to.match(/NaN|Infinity|∞/);
      expect(root(el).querySelector('[part~="warnings"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says the number sent is missing, not that nothing was sent, for figures with deliveries but no sent count', async () => {
      const el = await statsFixture({ delivered: 50 });
      expect(textOf(root(el).querySelector('.empty'))).to.equal('These figures do not say how many messages were sent: the rates over them cannot be worked out.');
      expect(part(el, 'delivered', 'count')).to.equal('50');
      await expect(el).to.be.accessible();
    });

    it('says nothing was sent yet, not that the sent count is missing, for a campaign whose messages are all scheduled or canceled', async () => {
      for (const counts of [{ sent: 0, scheduled: 5000 }, { scheduled: 4000, canceled: 1000 }] as CampaignCounts[]) {
        const el = await statsFixture(counts);
        expect(textOf(root(el).querySelector('.empty')), JSON.stringify(counts)).to.equal('Nothing has been sent yet.');
      }
      const el = await statsFixture({ sent: 0, scheduled: 5000 }, { lang: 'fr' });
      expect(textOf(root(el).querySelector('.empty'))).to.equal('Rien n’a encore été envoyé.');
      expect(part(el, 'scheduled', 'count')).to.equal(`5${NNBSP}000`);
      await expect(el).to.be.accessible();
    });

    it('gives a rate on sent even when nothing was delivered', async () => {
      const el = await statsFixture({ sent: 200, hardBounced: 200 });
      expect(part(el, 'hard-bounced', 'rate')).to.equal('100%');
      expect(part(el, 'opened', 'rate')).to.equal('No rate yet');
    });
  });

  describe('threshold levels', () => {
    it('puts its title at heading-level, its warnings one below, within 1 to 6', async () => {
      const counts = { sent: 1000, delivered: 500, softBounced: 500 };
      const headings = (el: CampaignStatsElement) => [...root(el).querySelectorAll('[role="heading"]')].map((h) => `${h.getAttribute('aria-level')} ${textOf(h)}`);
      const box = await fixture(html`<div lang="en">
        <campaign-stats metrics="delivered bounced" .counts=${counts}></campaign-stats>
        <campaign-stats heading-level="4" metrics="delivered bounced" .counts=${counts}></campaign-stats>
        <campaign-stats heading-level="9" metrics="delivered bounced" .counts=${counts}></campaign-stats>
      </div>`);
      const [plain, four, nine] = [...box.querySelectorAll<CampaignStatsElement>('campaign-stats')];
      const levels = (el: CampaignStatsElement) => headings(el).map((h) => h.split(' ')[0]);
      expect(levels(plain!)).to.deep.equal(['2', '3']);
      expect(levels(four!)).to.deep.equal(['4', '5']);
      expect(levels(nine!)).to.deep.equal(['6', '6']);
      expect(headings(four!)[0]).to.equal(headings(plain!)[0]!.replace(/^2/, '4'));
      await expect(four).to.be.accessible();
    });

    it('names flagged indicators as parts of their level, for pages to style', async () => {
      const el = await statsFixture({ ...EMAIL, complained: 40, hardBounced: 250 });
      const parts = (name: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${name}"]`)].map((li) => li.dataset.metric);
      const levels = [...root(el).querySelectorAll<HTMLElement>('[part~="metric"]')].filter((li) => li.dataset.level !== 'ok');
      expect(levels.length, 'the fixture flags some indicators').to.be.greaterThan(1);
      expect(parts('metric-danger')).to.deep.equal(levels.filter((li) => li.dataset.level === 'danger').map((li) => li.dataset.metric));
      expect(parts('metric-warning')).to.deep.equal(levels.filter((li) => li.dataset.level === 'warning').map((li) => li.dataset.metric));
      expect(parts('metric-danger')).to.include('complained');
      expect(parts('metric')).to.have.length(shownMetrics(el).length);
      expect(parts('metric-ok')).to.have.length(shownMetrics(el).length - levels.length);
    });

    it('marks a bounce rate above 8 % as critical with an icon, a word and an explanation', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 900, softBounced: 60, hardBounced: 30 });
      expect(metricEl(el, 'bounced').dataset.level).to.equal('danger');
      expect(part(el, 'bounced', 'level')).to.equal('Critical');
      expect(metricEl(el, 'bounced').querySelector('[part~="level"] svg')).to.exist;
      const warning = root(el).querySelector('.flag[data-metric="bounced"]');
      expect(textOf(warning)).to.equal(
        'Critical Bounce rate 9% has reached the 8% threshold: this hurts your sender reputation, and more of your messages may be filtered out or end up in spam.',
      );
      expect(metricEl(el, 'hard-bounced').dataset.level).to.equal('warning');
      await expect(el).to.be.accessible();
    });

    it('never shows a rate that reads as a threshold its mark says it has not reached', async () => {
      const below = await statsFixture({ sent: 10_000, delivered: 9_204, hardBounced: 796 });
      expect(part(below, 'bounced', 'rate')).to.equal('7.9%');
      expect(metricEl(below, 'bounced').dataset.level, '7.96 % is under the 8 % danger level').to.equal('warning');
      expect(textOf(root(below).querySelector('.flag[data-metric="bounced"]'))).to.contain('Bounce rate 7.9% has reached the 5% threshold');
      const at = await statsFixture({ sent: 10_000, delivered: 9_200, hardBounced: 800 });
      expect(part(at, 'bounced', 'rate')).to.equal('8%');
      expect(metricEl(at, 'bounced').dataset.level).to.equal('danger');
      const almost = await statsFixture({ sent: 10_000, delivered: 9_996, hardBounced: 4 });
      expect(part(almost, 'delivered', 'rate'), 'not all delivered').to.equal('99.9%');
    });

    it('warns about a bounce rate between 5 % and 8 %', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 940, softBounced: 60 });
      expect(metricEl(el, 'bounced').dataset.level).to.equal('warning');
      expect(part(el, 'bounced', 'level')).to.equal('Warning');
      expect(textOf(root(el).querySelector('.flag[data-metric="bounced"] .note'))).to.equal(
        'Bounce rate 6% has reached the 5% threshold, where mailbox providers and sending platforms start watching a sender closely. Clean your contact list before the next send.',
      );
      await expect(el).to.be.accessible();
    });

    it('keeps a bounce rate under 5 % unmarked', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 960, softBounced: 40 });
      expect(metricEl(el, 'bounced').dataset.level).to.equal('ok');
      expect(part(el, 'bounced', 'level')).to.equal('');
    });

    it('aims complaints under 0.1 % and never at 0.3 %', async () => {
      const warn = await statsFixture({ sent: 10_000, delivered: 10_000, complained: 15 });
      expect(metricEl(warn, 'complained').dataset.level).to.equal('warning');
      expect(textOf(root(warn).querySelector('.flag[data-metric="complained"] .note'))).to.equal(
        'Spam report rate 0.15% has reached 0.1%, the recommended maximum. Make sure every recipient asked for your emails and can unsubscribe easily.',
      );
      const danger = await statsFixture({ sent: 10_000, delivered: 10_000, complained: 30 });
      expect(metricEl(danger, 'complained').dataset.level).to.equal('danger');
      expect(textOf(root(danger).querySelector('.flag[data-metric="complained"] .note'))).to.equal(
        'Spam report rate 0.3% has reached 0.3%, the level at which mailbox providers may filter or refuse your emails.',
      );
    });

    it('says an SMS campaign can be suspended when unsubscribes or bounces run high', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 900, hardBounced: 40, unsubscribed: 20 }, { channel: 'sms' });
      expect(textOf(root(el).querySelector('.flag[data-metric="hard-bounced"] .note'))).to.equal(
        'Hard bounce rate 4% has reached the 2% threshold: many addresses or numbers in your list no longer exist. Check where they came from.',
      );
      const suspension = root(el).querySelectorAll('[part~="warnings"] .suspension');
      expect(suspension, 'said once for the whole campaign').to.have.length(1);
      expect(textOf(suspension[0])).to.equal(
        'When too many recipients unsubscribe or too many SMS bounce (soft or hard), the platform can suspend the campaign by itself.',
      );
      expect(textOf(metricEl(el, 'unsubscribed').querySelector('[part~="tooltip"]'))).to.contain('the platform can suspend');
      expect(metricEl(el, 'unsubscribed').dataset.level).to.equal('warning');
      expect(part(el, 'unsubscribed', 'rate')).to.equal('2.2%');
      expect(part(el, 'unsubscribed', 'denominator'), 'an SMS has no opens').to.equal('of delivered messages');
      await expect(el).to.be.accessible();
    });

    it('applies thresholds given by the host over the defaults', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 900, softBounced: 30 });
      el.thresholds = { 'soft-bounced': { warning: 0.02, danger: 0.025 } };
      await el.updateComplete;
      expect(metricEl(el, 'soft-bounced').dataset.level).to.equal('danger');
      expect(textOf(root(el).querySelector('.flag[data-metric="soft-bounced"] .note'))).to.equal(
        'Soft bounces: rate 3% has reached 2.5%, a critical level.',
      );
    });

    it('writes a threshold finer than a rate\'s digits whole, and the rate that reached it to as many digits, in French and English', async () => {
      const thresholds = { 'soft-bounced': { warning: 0.0125 } };
      for (const [lang, at, under, note] of [
        ['en', '1.25%', '1.2%', 'Soft bounces: rate 1.25% has reached the 1.25% threshold.'],
        ['fr', `1,25${NBSP}%`, `1,2${NBSP}%`, 'Rebonds temporaires : le taux (1,25 %) a atteint le seuil de 1,25 %.'],
      ] as const) {
        const reached = await statsFixture({ sent: 10_000, delivered: 9_875, softBounced: 125 }, { lang });
        reached.thresholds = thresholds;
        await reached.updateComplete;
        expect(metricEl(reached, 'soft-bounced').dataset.level).to.equal('warning');
        expect(part(reached, 'soft-bounced', 'rate'), 'not "1.2 %", which a rate under the threshold reads too').to.equal(at);
        expect(textOf(root(reached).querySelector('.flag[data-metric="soft-bounced"] .note'))).to.equal(note);
        const below = await statsFixture({ sent: 10_000, delivered: 9_878, softBounced: 122 }, { lang });
        below.thresholds = thresholds;
        await below.updateComplete;
        expect(metricEl(below, 'soft-bounced').dataset.level).to.equal('ok');
        expect(part(below, 'soft-bounced', 'rate')).to.equal(under);
      }
    });

    it('writes a threshold under 0.0001 % and the rate that reached it to their digits, not as "0 %"', async () => {
      // 0.00005 %: one message in two million.
      const thresholds = { 'soft-bounced': { warning: 0.0000005 } };
      for (const [lang, softBounced, level, rate, note] of [
        ['en', 7, 'warning', '0.00007%', 'Soft bounces: rate 0.00007% has reached the 0.00005% threshold.'],
        ['en', 5, 'warning', '0.00005%', 'Soft bounces: rate 0.00005% has reached the 0.00005% threshold.'],
        ['fr', 7, 'warning', `0,00007${NBSP}%`, 'Rebonds temporaires : le taux (0,00007 %) a atteint le seuil de 0,00005 %.'],
        ['en', 4, 'ok', '<\u00a00.01%', undefined],
      ] as const) {
        const el = await statsFixture({ sent: 10_000_000, delivered: 10_000_000 - softBounced, softBounced }, { lang });
        el.thresholds = thresholds;
        await el.updateComplete;
        expect(metricEl(el, 'soft-bounced').dataset.level, `${softBounced}`).to.equal(level);
        expect(part(el, 'soft-bounced', 'rate')).to.equal(rate);
        if (note) expect(textOf(root(el).querySelector('.flag[data-metric="soft-bounced"] .note'))).to.equal(note);
      }
    });

    it('reads a threshold set by arithmetic (1.1 / 100, 0.35 / 100) to the digits it means, not as JavaScript writes the result', async () => {
      // 1.1 / 100 is 0.011000000000000001 and 0.35 / 100 is 0.0034999999999999996 in JavaScript.
      for (const [warning, counts, at, note] of [
        [1.1 / 100, { sent: 1000, delivered: 989, softBounced: 11 }, '1.1%', 'Soft bounces: rate 1.1% has reached the 1.1% threshold.'],
        [0.35 / 100, { sent: 10_000, delivered: 9_965, softBounced: 35 }, '0.35%', 'Soft bounces: rate 0.35% has reached the 0.35% threshold.'],
      ] as const) {
        const el = await statsFixture(counts, { lang: 'en' });
        el.thresholds = { 'soft-bounced': { warning } };
        await el.updateComplete;
        expect(metricEl(el, 'soft-bounced').dataset.level, String(warning)).to.equal('warning');
        expect(part(el, 'soft-bounced', 'rate')).to.equal(at);
        expect(textOf(root(el).querySelector('.flag[data-metric="soft-bounced"] .note'))).to.equal(note);
      }
    });

    it('keeps the default danger level of a metric whose warning alone the host moved', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 800, softBounced: 200 });
      el.thresholds = { bounced: { warning: 0.02 } };
      await el.updateComplete;
      expect(metricEl(el, 'bounced').dataset.level).to.equal('danger');
      expect(textOf(root(el).querySelector('.flag[data-metric="bounced"] .note'))).to.contain('has reached the 8% threshold');
      el.thresholds = { bounced: { warning: 0.02, danger: null } };
      await el.updateComplete;
      expect(metricEl(el, 'bounced').dataset.level, 'danger switched off').to.equal('warning');
      el.thresholds = { bounced: null };
      await el.updateComplete;
      expect(metricEl(el, 'bounced').dataset.level, 'bounces unmarked').to.equal('ok');
    });

    it('says thresholds that are not fractions between 0 and 1 are not valid, in place of the figures', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 900, softBounced: 30 });
      el.thresholds = { bounced: { warning: 5 } };
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.error-message'))).to.equal(
        'The thresholds given are not valid: each level is a fraction between 0 and 1, on an indicator with a rate, the warning not above the danger level.',
      );
      expect(root(el).querySelector('.retry'), 'nothing to retry').to.equal(null);
      await expect(el).to.be.accessible();
      el.thresholds = { bounced: { warning: 0.05 } };
      await el.updateComplete;
      expect(root(el).querySelector('.error-message')).to.equal(null);
      expect(metricEl(el, 'bounced').dataset.level).to.equal('ok');
    });

    it('describes each indicator button with its explanation and threshold note', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 900, softBounced: 60, hardBounced: 30 });
      const button = metricEl(el, 'bounced').querySelector('[part~="metric-button"]')!;
      const ids = button.getAttribute('aria-describedby')!.split(' ');
      const described = ids.map((id) => textOf(root(el).getElementById(id))).join(' ');
      expect(described).to.equal(
        'See the recipients. Messages the recipient’s server or carrier sent back, temporary and permanent together, and those whose kind the provider does not say. Not counted: messages the platform never attempted. ' +
          'Bounce rate 9% has reached the 8% threshold: this hurts your sender reputation, and more of your messages may be filtered out or end up in spam.',
      );
    });
  });

  describe('interaction', () => {
    it('fires metric-select with the metric and its statuses when an indicator is clicked', async () => {
      const el = await statsFixture(EMAIL);
      const button = metricEl(el, 'bounced').querySelector<HTMLButtonElement>('[part~="metric-button"]')!;
      setTimeout(() => button.click());
      const event = await oneEvent(el, 'metric-select');
      expect(event).to.be.instanceOf(MetricSelectEvent);
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail).to.deep.equal({
        metric: 'bounced',
        statuses: ['soft-bounced', 'hard-bounced', 'bounced'],
        count: 400,
        rate: 0.04,
        denominator: 'sent',
      });
    });

    it('names with metric-select the display statuses behind each indicator', async () => {
      const expected: Record<string, string[]> = {
        sent: ['queued', 'held', 'sending', 'sent', 'deferred', 'delivered', 'soft-bounced', 'hard-bounced', 'bounced', 'blocked', 'dropped', 'failed', 'expired', 'unknown', 'opened', 'clicked', 'read', 'replied', 'unsubscribed', 'complained'],
        delivered: ['delivered', 'opened', 'clicked', 'read', 'replied', 'unsubscribed', 'complained'],
        opened: ['opened', 'clicked', 'read'],
        clicked: ['clicked'],
        'click-to-open': ['clicked'],
        unsubscribed: ['unsubscribed'],
        complained: ['complained'],
        bounced: ['soft-bounced', 'hard-bounced', 'bounced'],
        'soft-bounced': ['soft-bounced'],
        'hard-bounced': ['hard-bounced'],
        blocked: ['blocked'],
        dropped: ['dropped'],
        deferred: ['deferred'],
        pending: ['queued', 'held', 'sending', 'sent'],
        replied: ['replied'],
        failed: ['failed'],
        expired: ['expired'],
        unknown: ['unknown'],
        scheduled: ['scheduled'],
        canceled: ['canceled'],
      };
      const el = await statsFixture({ ...EMAIL, replied: 3 });
      el.metrics = Object.keys(expected);
      await el.updateComplete;
      const seen: Record<string, readonly string[]> = {};
      el.addEventListener('metric-select', (event) => (seen[event.metric] = event.statuses));
      for (const button of root(el).querySelectorAll<HTMLButtonElement>('[part~="metric-button"]')) button.click();
      // replied is an SMS indicator: shown on an SMS card.
      el.channel = 'sms';
      await el.updateComplete;
      metricEl(el, 'replied').querySelector<HTMLButtonElement>('[part~="metric-button"]')!.click();
      expect(seen).to.deep.equal(expected);
    });

    it('says with matches() exactly which messages the indicator counted, statuses that show something else included', async () => {
      const message = (display: DisplayStatus, extra: Partial<MessageStatus> = {}) => statusOf('m', display, extra);
      const openedThenUnsubscribed = message('unsubscribed', { engagement: { opened: { count: 1, automated: 0, first: '2026-11-02T08:00:00Z', last: '2026-11-02T08:00:00Z' } }, subscription: 'unsubscribed' });
      const machineOpen = message('opened', { engagement: { opened: { count: 1, automated: 1, first: '2026-11-02T08:00:00Z', last: '2026-11-02T08:00:00Z' } } });
      const bounced = message('soft-bounced', { delivery: 'soft-bounced' });
      const select = async (el: CampaignStatsElement, metric: string) => {
        const button = metricEl(el, metric).querySelector<HTMLButtonElement>('[part~="metric-button"]')!;
        setTimeout(() => button.click());
        return (await oneEvent(el, 'metric-select')) as unknown as MetricSelectEvent;
      };
      const el = await statsFixture(EMAIL);
      const opened = await select(el, 'opened');
      expect(opened.statuses, 'the display statuses miss it').not.to.include('unsubscribed');
      expect(opened.matches(openedThenUnsubscribed), 'opened, then unsubscribed').to.equal(true);
      expect(opened.matches(machineOpen), 'a machine open counts by default').to.equal(true);
      expect(opened.matches(bounced)).to.equal(false);
      expect((await select(el, 'delivered')).matches(openedThenUnsubscribed)).to.equal(true);
      expect((await select(el, 'bounced')).matches(bounced)).to.equal(true);

      el.excludeAutomated = true;
      await el.updateComplete;
      const human = await select(el, 'opened');
      expect(human.matches(machineOpen), 'left out like the count').to.equal(false);
      expect(human.matches(openedThenUnsubscribed)).to.equal(true);

      const built = new MetricSelectEvent({ metric: 'opened', statuses: ['opened', 'clicked'], count: 1, rate: null });
      expect(built.matches(openedThenUnsubscribed), 'without counting: the statuses').to.equal(false);
      expect(built.matches(machineOpen)).to.equal(true);
    });

    it('fires metric-select from the keyboard, with Enter and with Space', async () => {
      const el = await statsFixture(EMAIL);
      const seen: MetricSelectEvent[] = [];
      document.addEventListener('metric-select', (e) => seen.push(e));
      metricEl(el, 'opened').querySelector<HTMLButtonElement>('[part~="metric-button"]')!.focus();
      await sendKeys({ press: 'Enter' });
      metricEl(el, 'pending').querySelector<HTMLButtonElement>('[part~="metric-button"]')!.focus();
      await sendKeys({ press: ' ' });
      expect(seen.map((e) => e.metric)).to.deep.equal(['opened', 'pending']);
      expect(seen[0]!.statuses).to.deep.equal(['opened', 'clicked', 'read']);
      expect(seen[1]!.detail).to.deep.equal({
        metric: 'pending',
        statuses: ['queued', 'held', 'sending', 'sent'],
        count: 110,
        rate: null,
      });
    });

    it('keeps keyboard focus on the same indicator when new figures add one before it', async () => {
      const el = await statsFixture(EMAIL);
      const focusedMetric = () => (root(el).activeElement as HTMLElement | null)?.closest<HTMLElement>('[part~="metric"]')?.dataset.metric;
      metricEl(el, 'deferred').querySelector<HTMLButtonElement>('[part~="metric-button"]')!.focus();
      el.counts = { ...EMAIL, failed: 7 }; // "Failed" shows once counted, before "Delayed"
      await el.updateComplete;
      expect(shownMetrics(el).indexOf('failed')).to.be.lessThan(shownMetrics(el).indexOf('deferred'));
      expect(focusedMetric()).to.equal('deferred');
      const seen: string[] = [];
      el.addEventListener('metric-select', (e) => seen.push(e.metric));
      await sendKeys({ press: 'Enter' });
      expect(seen, 'Enter drills into the indicator the user was on').to.deep.equal(['deferred']);
    });

    describe('the selected indicator', () => {
      const current = (el: CampaignStatsElement) =>
        [...root(el).querySelectorAll<HTMLElement>('[part~="metric-button"][aria-pressed="true"]')].map((b) => b.closest<HTMLElement>('[part~="metric"]')!.dataset.metric);
      const bar = (el: CampaignStatsElement, metric: string) =>
        getComputedStyle(metricEl(el, metric).querySelector('[part~="metric-button"]')!, '::after');
      const button = (el: CampaignStatsElement, metric: string) => metricEl(el, metric).querySelector<HTMLElement>('[part~="metric-button"]')!;

      it('marks the one the page selected, for assistive technologies and with a bar along its bottom edge', async () => {
        const el = await statsFixture(EMAIL);
        expect(current(el), 'none before the page says').to.deep.equal([]);
        expect(button(el, 'bounced').hasAttribute('aria-pressed'), 'plain buttons while the page marks none').to.equal(false);
        const plainBorder = getComputedStyle(button(el, 'bounced')).borderTopColor;
        el.selected = 'bounced';
        await el.updateComplete;
        expect(current(el)).to.deep.equal(['bounced']);
        expect(button(el, 'opened').getAttribute('aria-pressed'), 'the others: toggles not pressed').to.equal('false');
        expect(el.getAttribute('selected'), 'reflected, for CSS of the page').to.equal('bounced');
        const parts = [...root(el).querySelectorAll<HTMLElement>('[part~="selected"]')];
        expect(parts.map((b) => b.closest<HTMLElement>('[part~="metric"]')!.dataset.metric), 'the part pages style').to.deep.equal(['bounced']);
        expect(parts[0]!.getAttribute('part')).to.equal('metric-button selected');
        expect(bar(el, 'opened').content, 'no bar on the others').to.equal('none');
        // A 4 px bar, full width, along the bottom edge of the button, in the border's accent color.
        const box = button(el, 'bounced').getBoundingClientRect();
        const style = bar(el, 'bounced');
        expect(style.height).to.equal('4px');
        expect(parseFloat(style.width)).to.be.closeTo(box.width, 1);
        expect(parseFloat(style.bottom)).to.equal(0);
        expect(getComputedStyle(button(el, 'bounced')).borderTopColor).to.equal(style.backgroundColor);
        expect(style.backgroundColor).to.not.equal(plainBorder);
        // Told apart from keyboard focus by its shape: focus draws an outline around the button, the bar stays inside.
        button(el, 'opened').focus();
        expect(getComputedStyle(button(el, 'bounced')).outlineStyle).to.equal('none');
        await expect(el).to.be.accessible();
      });

      it('moves with the attribute, in every layout, and marks nothing for an id not shown', async () => {
        const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" channel="sms" layout="compact" selected="delivered" .counts=${EMAIL}></campaign-stats>`);
        expect(current(el)).to.deep.equal(['delivered']);
        for (const layout of ['list', 'grid'] as const) {
          el.layout = layout;
          el.setAttribute('selected', 'pending');
          await el.updateComplete;
          expect(current(el), layout).to.deep.equal(['pending']);
          expect(bar(el, 'pending').height, layout).to.equal('4px');
        }
        el.setAttribute('selected', 'opened'); // an SMS has no opens
        await el.updateComplete;
        expect(current(el)).to.deep.equal([]);
        el.setAttribute('selected', '<img src=x onerror=alert(1)>');
        await el.updateComplete;
        expect(current(el)).to.deep.equal([]);
        expect(root(el).querySelector('img')).to.equal(null);
        el.removeAttribute('selected');
        await el.updateComplete;
        expect(current(el)).to.deep.equal([]);
      });

      it('is the page\'s to set: a click fires metric-select and leaves the selection as it was', async () => {
        const el = await statsFixture(EMAIL);
        el.selected = 'delivered';
        await el.updateComplete;
        const button = metricEl(el, 'opened').querySelector<HTMLButtonElement>('[part~="metric-button"]')!;
        setTimeout(() => button.click());
        const event = (await oneEvent(el, 'metric-select')) as unknown as MetricSelectEvent;
        expect(event.metric).to.equal('opened');
        expect(event.detail.unselect, 'another indicator: picked, not unselected').to.equal(undefined);
        await el.updateComplete;
        expect(current(el)).to.deep.equal(['delivered']);
      });

      it('asks the page to unselect it when it is pressed again, and says it is pressed', async () => {
        const el = await statsFixture(EMAIL);
        el.addEventListener('metric-select', (e) => {
          el.selected = e.detail.unselect ? undefined : e.metric;
        });
        button(el, 'bounced').focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(current(el)).to.deep.equal(['bounced']);
        expect(button(el, 'bounced').getAttribute('aria-describedby'), 'no "see the recipients" hint: it lists them already').to.equal('help-bounced');
        await expect(el).to.be.accessible();
        const fired = oneEvent(el, 'metric-select');
        button(el, 'bounced').focus();
        await sendKeys({ press: ' ' });
        const again = (await fired) as unknown as MetricSelectEvent;
        expect([again.metric, again.detail.unselect]).to.deep.equal(['bounced', true]);
        await el.updateComplete;
        expect(current(el), 'unselected by the page').to.deep.equal([]);
        expect(button(el, 'bounced').hasAttribute('aria-pressed')).to.equal(false);
        expect(button(el, 'bounced').getAttribute('aria-describedby')).to.equal('drill-hint help-bounced');
      });
    });

    it('does not ask for the contacts when the info button is used', async () => {
      const el = await statsFixture(EMAIL);
      let fired = 0;
      el.addEventListener('metric-select', () => fired++);
      metricEl(el, 'opened').querySelector<HTMLButtonElement>('[part~="info-button"]')!.click();
      expect(fired).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('closes an open explanation when Tab moves on, so that it does not cover the next indicator; not on a click inside it', async () => {
      const el = await statsFixture(EMAIL);
      const info = metricEl(el, 'delivered').querySelector<HTMLButtonElement>('[part~="info-button"]')!;
      const tip = metricEl(el, 'delivered').querySelector<HTMLElement>('[part~="tooltip"]')!;
      info.focus();
      await sendKeys({ press: 'Enter' });
      expect(tip.matches(':popover-open')).to.equal(true);
      // Where it shows: at once with CSS anchor positioning, a frame later with Floating UI (WebKit).
      await placedBeside(tip, info, 'the explanation of delivered');
      const box = tip.getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + 10), Math.round(box.top + 10)] });
      expect(tip.matches(':popover-open'), 'a click inside keeps it').to.equal(true);
      info.focus();
      await sendKeys({ press: 'Tab' });
      expect(tip.matches(':popover-open'), 'Tab closes it').to.equal(false);
      expect(root(el).activeElement).to.equal(metricEl(el, 'opened').querySelector('[part~="metric-button"]'));
      await resetMouse();
    });

    it('styles the explanations with the tooltip tokens the badge reads', async () => {
      const el = await statsFixture(EMAIL);
      el.style.cssText = '--estafette-tooltip-bg: rgb(1, 2, 3); --estafette-tooltip-fg: rgb(250, 250, 250); --estafette-tooltip-border: rgb(4, 5, 6); --estafette-tooltip-radius: 3px; --estafette-tooltip-font-size: 15px';
      const tip = getComputedStyle(metricEl(el, 'opened').querySelector('[part~="tooltip"]')!);
      expect([tip.backgroundColor, tip.color, tip.borderTopColor, tip.borderTopLeftRadius, tip.fontSize]).to.deep.equal(['rgb(1, 2, 3)', 'rgb(250, 250, 250)', 'rgb(4, 5, 6)', '3px', '15px']);
    });

    it('opens the explanation from its info button and closes it with Escape', async () => {
      const el = await statsFixture(EMAIL);
      const info = metricEl(el, 'opened').querySelector<HTMLButtonElement>('[part~="info-button"]')!;
      const tip = metricEl(el, 'opened').querySelector<HTMLElement>('[part~="tooltip"]')!;
      expect(info.getAttribute('aria-label')).to.equal('About “Opened”');
      info.focus();
      await sendKeys({ press: 'Enter' });
      expect(tip.matches(':popover-open')).to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      expect(tip.matches(':popover-open')).to.equal(false);
    });
  });

  describe('explanation placement', () => {
    /** Opens each explanation of a card pressed against one side of the window; checks where it sits. */
    async function checkEachExplanation(side: 'left' | 'right', layout: string, cardWidth: string): Promise<void> {
      const wrapper = await fixture(html`<div style=${`position: absolute; top: 0; ${side}: 0; width: min(100%, ${cardWidth})`}>
        <campaign-stats lang="en" layout=${layout} .counts=${EMAIL}></campaign-stats>
      </div>`);
      const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      const infos = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="info-button"]')];
      expect(infos.length).to.be.greaterThan(3);
      for (const info of infos) {
        info.scrollIntoView({ block: 'center' });
        info.click();
        const tip = info.closest('[part~="metric"]')!.querySelector<HTMLElement>('[part~="tooltip"]')!;
        expect(tip.matches(':popover-open')).to.equal(true);
        const label = `${layout} ${cardWidth}, ${info.getAttribute('aria-label')}`;
        await placedBeside(tip, info, label);
        const box = tip.getBoundingClientRect();
        expect(box.left, `${label}: left edge`).to.be.at.least(4);
        expect(box.right, `${label}: right edge`).to.be.at.most(innerWidth - 4);
        expect(box.top, `${label}: top edge`).to.be.at.least(0);
        expect(box.bottom, `${label}: bottom edge`).to.be.at.most(innerHeight);
        info.click();
        expect(tip.matches(':popover-open')).to.equal(false);
      }
    }

    // Every info button of four cards pressed against each side of the window, at a phone's width and a desktop's.
    for (const [width, side] of [[360, 'left'], [360, 'right'], [1024, 'left'], [1024, 'right']] as const) {
      itAtWidth(width)(`keeps each explanation on screen, off its edges and beside its button (${width} px window, card on the ${side})`, async () => {
        await setViewport({ width, height: 800 });
        try {
          await checkEachExplanation(side, 'grid', '22rem');
          await checkEachExplanation(side, 'grid', '100%');
          await checkEachExplanation(side, 'list', '100%');
          await checkEachExplanation(side, 'compact', '16rem');
        } finally {
          await setViewport({ width: 800, height: 600 });
        }
      });
    }

    itAtWidth(320)('keeps each explanation on screen at 400% zoom (a 320 × 256 px window), scrolling inside when it is longer than the room', async () => {
      await setViewport({ width: 320, height: 256 });
      try {
        const wrapper = await fixture(html`<div><campaign-stats lang="fr" layout="list" .counts=${EMAIL}></campaign-stats></div>`);
        const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
        await el.updateComplete;
        const infos = [...root(el).querySelectorAll<HTMLButtonElement>('[part~="info-button"]')];
        const scrolling: HTMLButtonElement[] = [];
        for (const info of infos) {
          info.scrollIntoView({ block: 'center' });
          info.click();
          const tip = info.closest('[part~="metric"]')!.querySelector<HTMLElement>('[part~="tooltip"]')!;
          const box = tip.getBoundingClientRect();
          const label = info.getAttribute('aria-label');
          expect(box.top, `${label}: top edge`).to.be.at.least(0);
          expect(box.bottom, `${label}: bottom edge`).to.be.at.most(innerHeight);
          if (tip.scrollHeight > tip.clientHeight) scrolling.push(info);
          info.click();
        }
        // French help texts at this size: several are longer than the room on either side of their button.
        expect(scrolling.length, 'explanations that scroll').to.be.greaterThan(0);
        // From the keyboard: Enter opens it, Tab reaches the scrolling box (it stays open), the arrow keys scroll it.
        const info = scrolling[0]!;
        const tip = info.closest('[part~="metric"]')!.querySelector<HTMLElement>('[part~="tooltip"]')!;
        info.focus();
        await sendKeys({ press: 'Enter' });
        expect(tip.matches(':popover-open')).to.equal(true);
        await sendKeys({ press: 'Tab' });
        expect(root(el).activeElement, 'Tab reaches the explanation').to.equal(tip);
        // A screen reader says what it reached: a group named as its button ("À propos de « Rebonds »"), not a bare stop.
        expect(tip.getAttribute('role')).to.equal('group');
        expect(tip.getAttribute('aria-label')).to.match(/^À propos de «\s.+\s»$/).and.to.equal(info.getAttribute('aria-label'));
        await sendKeys({ press: 'ArrowDown' });
        // The browser's own keyboard scrolling, smooth: waited for.
        await waitUntil(() => tip.scrollTop > 0, 'ArrowDown did not scroll it');
        expect(tip.matches(':popover-open')).to.equal(true);
        await expect(el).to.be.accessible();
        // Tab again: on to the next control, and the explanation closes (it would cover the next indicator).
        await sendKeys({ press: 'Tab' });
        expect(root(el).activeElement === tip, 'focus left the explanation').to.equal(false);
        expect(root(el).activeElement === info.closest('[part~="metric"]')!.nextElementSibling!.querySelector('[part~="metric-button"]'), 'on to the next indicator').to.equal(true);
        expect(tip.matches(':popover-open')).to.equal(false);
        // Escape from inside a scrolling explanation closes it and gives the focus back to its button, not to the page.
        info.focus();
        await sendKeys({ press: 'Enter' });
        await sendKeys({ press: 'Tab' });
        expect(root(el).activeElement, 'Tab reaches the explanation again').to.equal(tip);
        await sendKeys({ press: 'Escape' });
        expect(tip.matches(':popover-open'), 'Escape closes it').to.equal(false);
        // (Compared as a boolean: a failing comparison of two elements would print the whole page.)
        expect(root(el).activeElement === info, 'focus back on its button').to.equal(true);
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    // Playing another browser: one without CSS anchor positioning, and WebKit, whose anchor positioning with fallbacks
    // freezes a page that hides the card (next tests). Both get Floating UI: the same place, in a later frame.
    for (const browser of ['no-anchor-positioning', 'webkit'] as const) {
      itAtWidth(360)(`keeps each explanation on screen and beside its button as ${browser === 'webkit' ? 'WebKit' : 'a browser without anchor positioning'} (Floating UI)`, async () => {
        await asIfBrowser(browser, async () => {
          await setViewport({ width: 360, height: 800 });
          try {
            await checkEachExplanation('left', 'grid', '100%');
            await checkEachExplanation('right', 'compact', '16rem');
          } finally {
            await setViewport({ width: 800, height: 600 });
          }
        });
      });
    }

    // Firefox 153 kept the explanation below a button near the window's bottom, squeezed into the few pixels left
    // and scrolling, where Chromium flipped it (see tooltipPlacementStyles).
    for (const browser of [undefined, 'no-anchor-positioning'] as const) {
      it(`shows an explanation whole above its button near the window's bottom${browser ? ' (as a browser without anchor positioning)' : ''}`, async () => {
        const run = async () => {
          const wrapper = await fixture(html`<div style="padding-block: 1000px">
            <campaign-stats lang="en" layout="list" .counts=${EMAIL}></campaign-stats>
          </div>`);
          const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
          await el.updateComplete;
          const info = metricEl(el, 'delivered').querySelector<HTMLButtonElement>('[part~="info-button"]')!;
          const tip = metricEl(el, 'delivered').querySelector<HTMLElement>('[part~="tooltip"]')!;
          // The button's bottom 40 px off the window's: some room below, much less than the explanation needs.
          scrollBy(0, info.getBoundingClientRect().bottom - (innerHeight - 40));
          info.click();
          await placedBeside(tip, info, '40 px off the bottom');
          const rect = tip.getBoundingClientRect();
          expect(rect.height, 'taller than the room below').to.be.greaterThan(40);
          expect(rect.bottom, JSON.stringify(rect)).to.be.at.most(info.getBoundingClientRect().top);
          expect(tip.scrollHeight, 'nothing to scroll').to.be.at.most(tip.clientHeight);
          info.click();
        };
        try {
          await (browser === undefined ? run() : asIfBrowser(browser, run));
        } finally {
          scrollTo(0, 0);
        }
      });
    }

    it('gives WebKit no position fallbacks (they freeze it when the page hides an ancestor), elsewhere places by them', async () => {
      const el = await statsFixture(EMAIL);
      const info = metricEl(el, 'delivered').querySelector<HTMLButtonElement>('[part~="info-button"]')!;
      const tip = metricEl(el, 'delivered').querySelector<HTMLElement>('[part~="tooltip"]')!;
      const fallbacks = () => getComputedStyle(tip).getPropertyValue('position-try-fallbacks');
      await asIfBrowser('webkit', async () => {
        expect(fallbacks(), 'before any opening').to.equal('none');
        info.scrollIntoView({ block: 'center' });
        info.click();
        await placedBeside(tip, info, 'as WebKit');
        expect(fallbacks(), 'open').to.equal('none');
        info.click();
      });
      // This browser, in a card of its own (this run may be WebKit itself, told by its user agent here).
      const own = await statsFixture(EMAIL);
      const ownInfo = metricEl(own, 'delivered').querySelector<HTMLButtonElement>('[part~="info-button"]')!;
      const ownTip = metricEl(own, 'delivered').querySelector<HTMLElement>('[part~="tooltip"]')!;
      ownInfo.scrollIntoView({ block: 'center' });
      ownInfo.click();
      await placedBeside(ownTip, ownInfo, 'this browser');
      const ownFallbacks = getComputedStyle(ownTip).getPropertyValue('position-try-fallbacks');
      if (inWebKit) expect(ownFallbacks).to.equal('none');
      else expect(ownFallbacks).to.equal('--estafette-tip-below, --estafette-tip-above');
      ownInfo.click();
    });

    it('keeps the page running when the page hides it (a tab, a closed dialog), and opens its explanations once shown again', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div><campaign-stats lang="en" .counts=${EMAIL}></campaign-stats></div>`);
      const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      const info = metricEl(el, 'delivered').querySelector<HTMLButtonElement>('[part~="info-button"]')!;
      const tip = metricEl(el, 'delivered').querySelector<HTMLElement>('[part~="tooltip"]')!;
      const frames = async () => {
        await nextFrame();
        await nextFrame();
      };
      // Hidden with no explanation ever opened, then after one was open, then while one is open. In WebKit 2.50
      // with position fallbacks, each of these froze the page (npm run test:webkit); elsewhere they always worked.
      wrapper.hidden = true;
      await frames();
      wrapper.hidden = false;
      info.click();
      await placedBeside(tip, info, 'after a first hiding');
      info.click();
      wrapper.hidden = true;
      await frames();
      wrapper.hidden = false;
      info.click();
      await placedBeside(tip, info, 'after a second hiding');
      wrapper.hidden = true;
      await frames();
      wrapper.hidden = false;
      expect(tip.matches(':popover-open'), 'still open').to.equal(true);
      await placedBeside(tip, info, 'shown again while open');
      info.click();
    });
  });

  describe('CSV export', () => {
    it('hides its download button with no-export, while exportCsv() still works', async () => {
      const counts = { sent: 1000, delivered: 900 };
      const box = await fixture(html`<div lang="en"><campaign-stats metrics="delivered" .counts=${counts}></campaign-stats><campaign-stats no-export metrics="delivered" .counts=${counts}></campaign-stats></div>`);
      const [shown, hidden] = [...box.querySelectorAll<CampaignStatsElement>('campaign-stats')];
      const download = (el: CampaignStatsElement) => [...root(el).querySelectorAll('button')].filter((b) => textOf(b) === 'Download as CSV');
      expect(download(shown!)).to.have.length(1);
      expect(download(hidden!)).to.have.length(0);
      expect(hidden!.exportCsv()).to.equal(shown!.exportCsv());
      expect(hidden!.exportCsv()).to.contain('delivered,Delivered,900');
    });

    it('exports counts, rates and denominators, machine values next to the text shown', async () => {
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="fr" metrics="sent delivered opened complained" .counts=${{ sent: 1000, delivered: 900, opened: 400, complained: 4 }}></campaign-stats>`,
      );
      expect(el.exportCsv()).to.equal(
        'metric,label,count,rate,rate_text,denominator,denominator_label,base,level\r\n' +
          'sent,Envoyés,1000,,,,,,ok\r\n' +
          `delivered,Délivrés,900,0.9,90${NBSP}%,sent,des messages pris en charge,1000,ok\r\n` +
          `opened,Ouverts,400,0.444444,"44,4${NBSP}%",delivered,des messages délivrés,900,ok\r\n` +
          `complained,Signalements de spam,4,0.004,"0,4${NBSP}%",sent,des messages pris en charge,1000,danger\r\n`,
      );
    });

    it('downloads for the spreadsheets of its language: ";" where decimals take a comma, "," elsewhere, with a BOM', async () => {
      const downloaded = async (lang: string): Promise<string> => {
        const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang=${lang} metrics="sent opened" .counts=${{ sent: 1000, delivered: 900, opened: 400 }}></campaign-stats>`);
        const original = URL.createObjectURL;
        let blob: Blob | undefined;
        URL.createObjectURL = (object: Blob | MediaSource) => ((blob = object as Blob), 'blob:estafette-test');
        try {
          el.downloadCsv('stats.csv');
        } finally {
          URL.createObjectURL = original;
        }
        return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob!.arrayBuffer());
      };
      const fr = await downloaded('fr');
      expect(fr.startsWith('\uFEFFmetric;label;count;rate;'), fr.slice(0, 40)).to.equal(true);
      expect(fr).to.include(`opened;Ouverts;400;0.444444;"44,4${NBSP}%";delivered;`);
      const en = await downloaded('en');
      expect(en.startsWith('\uFEFFmetric,label,count,rate,'), en.slice(0, 40)).to.equal(true);
      expect(en).to.include('opened,Opened,400,0.444444,44.4%,delivered,');
    });

    it('exports rates cut to six decimals, as the rate text is cut: never 1 beside "99.9 %"', async () => {
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" metrics="delivered opened" .counts=${{ sent: 2_500_000, delivered: 2_499_999, opened: 724_999 }}></campaign-stats>`,
      );
      const csv = el.exportCsv();
      expect(csv).to.include('delivered,Delivered,2499999,0.999999,99.9%,');
      // 724,999 / 2,499,999 = 0.28999971…: 0.289999, where Math.round would say 0.29.
      expect(csv).to.include('opened,Opened,724999,0.289999,28.9%,');
    });

    it('exports each rate text as the card shows it, to the digits of the threshold it reached', async () => {
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="fr" metrics="sent soft-bounced" .thresholds=${{ 'soft-bounced': { warning: 0.0125 } }} .counts=${{ sent: 10_000, delivered: 9_875, softBounced: 125 }}></campaign-stats>`,
      );
      expect(part(el, 'soft-bounced', 'rate')).to.equal(`1,25${NBSP}%`);
      expect(el.exportCsv()).to.include(`soft-bounced,Rebonds temporaires,125,0.0125,"1,25${NBSP}%",sent,`);
    });

    it('exports an empty rate for a zero denominator', async () => {
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" metrics="delivered" .counts=${{}}></campaign-stats>`,
      );
      expect(el.exportCsv()).to.equal(
        'metric,label,count,rate,rate_text,denominator,denominator_label,base,level\r\ndelivered,Delivered,0,,,sent,of messages taken on,0,ok\r\n',
      );
    });
  });

  describe('locale formatting', () => {
    it('formats rates in French with a comma and a no-break space before the percent sign', async () => {
      const el = await statsFixture({ sent: 1000, delivered: 900, opened: 400 }, { lang: 'fr' });
      expect(part(el, 'opened', 'rate')).to.equal(`44,4${NBSP}%`);
      expect(part(el, 'opened', 'denominator')).to.equal('des messages délivrés');
      expect(part(el, 'delivered', 'label')).to.equal('Délivrés');
    });

    it('formats huge counts with the locale grouping (narrow no-break spaces in French)', async () => {
      const counts = { sent: 10_000_000, delivered: 9_876_543 };
      const fr = await statsFixture(counts, { lang: 'fr' });
      expect(part(fr, 'sent', 'count')).to.equal(`10${NNBSP}000${NNBSP}000`);
      expect(part(fr, 'delivered', 'rate'), '98.765…%, cut').to.equal(`98,7${NBSP}%`);
      const en = await statsFixture(counts, { lang: 'en' });
      expect(part(en, 'sent', 'count')).to.equal('10,000,000');
      await expect(fr).to.be.accessible();
    });

    it('takes its language from the closest [lang] and follows its own lang attribute', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="fr"><campaign-stats channel="email" .counts=${{ sent: 1000, delivered: 900, opened: 400 }}></campaign-stats></div>`,
      );
      const el = wrapper.querySelector('campaign-stats')!;
      await el.updateComplete;
      expect(part(el, 'opened', 'rate')).to.equal(`44,4${NBSP}%`);
      el.setAttribute('lang', 'en');
      await el.updateComplete;
      expect(part(el, 'opened', 'rate')).to.equal('44.4%');
    });

    it('formats numbers, dates and the CSV with the region of its lang, in the words of its language', async () => {
      const counts = { sent: 12_345, delivered: 12_000, opened: 4_000 };
      const swiss = await statsFixture(counts, { lang: 'de-CH' });
      expect(part(swiss, 'sent', 'count')).to.match(/^12['’]345$/); // an apostrophe, typographic or not by engine
      expect(part(swiss, 'delivered', 'label')).to.equal('Zugestellt');
      const german = await statsFixture(counts, { lang: 'de' });
      expect(part(german, 'sent', 'count')).to.equal('12.345');
      // Mexico writes decimals with a point, Spain with a comma.
      const mexico = await statsFixture(counts, { lang: 'es-MX' });
      expect(part(mexico, 'opened', 'rate')).to.match(/^33\.3\s?%$/);
      expect(mexico.exportCsv()).to.match(/\r\nopened,Abiertos,4000,0\.333333,33\.3\s?%,/);
      const british = await fixture<CampaignStatsElement>(
        html`<div lang="en-GB"><campaign-stats metrics="sent" updated-at="2026-11-23T09:12:00Z" time-zone="UTC" .counts=${counts}></campaign-stats></div>`,
      );
      const gb = british.querySelector<CampaignStatsElement>('campaign-stats')!;
      await gb.updateComplete;
      expect(textOf(root(gb).querySelector('[part~="header"]'))).to.contain('23 Nov 2026, 09:12');
      const spanish = await statsFixture(counts, { lang: 'es' });
      expect(part(spanish, 'opened', 'rate')).to.match(/^33,3\s?%$/);
    });

    it('says "unknown date" for an updated-at that is not a date, as the badge and the timeline do', async () => {
      const wrapper = await fixture(html`<div lang="en"><campaign-stats metrics="sent" updated-at="yesterday" .counts=${{ sent: 10 }}></campaign-stats></div>`);
      const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      expect(textOf(root(el).querySelector('[part~="status"]'))).to.equal('Last update: unknown date');
      // Nor is the value handed to software reading the page as a machine-readable date.
      expect(root(el).querySelector('time')!.hasAttribute('datetime')).to.equal(false);
      el.updatedAt = '2026-11-24T09:00:00Z';
      await el.updateComplete;
      expect(root(el).querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-24T09:00:00Z');
    });

    it('reads an updated-at written as PostgreSQL or Python write times (+01, +0100, a space for the T) as the instant it is', async () => {
      for (const at of ['2026-11-23T10:12:00+01', '2026-11-23 10:12:00+0100']) {
        const wrapper = await fixture(html`<div lang="en"><campaign-stats metrics="sent" time-zone="UTC" updated-at=${at} .counts=${{ sent: 10 }}></campaign-stats></div>`);
        const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
        await el.updateComplete;
        expect(textOf(root(el).querySelector('[part~="status"]')), at).to.equal('Last update: Nov 23, 2026, 9:12 AM');
        expect(root(el).querySelector('time')!.getAttribute('datetime'), at).to.equal('2026-11-23T10:12:00+01:00');
      }
    });

    it('formats with the language alone when the lang tag is not one Intl accepts', async () => {
      const el = await statsFixture({ sent: 12_345 }, { lang: 'en-x-' });
      expect(part(el, 'sent', 'count')).to.equal('12,345');
    });
  });

  describe('layouts', () => {
    itWithDevTools('prints without controls', async () => {
      const el = await statsFixture(EMAIL);
      try {
        await emulateMedia({ media: 'print' });
        const display = (selector: string) => getComputedStyle(root(el).querySelector(selector)!).display;
        expect(display('[part~="info-button"]')).to.equal('none');
        expect(display('[part~="actions"]')).to.equal('none');
        expect(display('[part~="metrics"]')).to.equal('grid');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });

    itWithDevTools('prints black on white in a dark page', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="color-scheme: dark; background: #111418; color: #e8eaed"><campaign-stats lang="en" .counts=${EMAIL}></campaign-stats></div>`);
      const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      const countColor = () => getComputedStyle(metricEl(el, 'delivered').querySelector('[part~="count"]')!).color;
      expect(countColor(), 'light text on screen').to.not.equal('rgb(0, 0, 0)');
      try {
        await emulateMedia({ media: 'print' });
        expect(countColor()).to.equal('rgb(0, 0, 0)');
        expect(getComputedStyle(el).backgroundColor, 'its own white under the cards').to.equal('rgb(255, 255, 255)');
        expect(getComputedStyle(metricEl(el, 'delivered').querySelector('[part~="label"]')!).color).to.equal('rgb(0, 0, 0)');
      } finally {
        await emulateMedia({ media: 'screen' });
      }
    });

    // Seen side by side in three browsers (Storybook, the list at 1280 px): "Envoyés", "Différés" and "En cours", which
    // have a count and no rate, stood 2 px taller than the other rows, their name and count 2 px lower than their ⓘ.
    it('gives every row of a wide list the same height and the same place for its name, count-only rows too', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 900px"><campaign-stats lang="fr" channel="email" layout="list" .counts=${EMAIL}></campaign-stats></div>`);
      const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      const rows = shownMetrics(el)
        .map((metric) => metricEl(el, metric))
        .filter((li) => li.dataset.level === 'ok' && !li.querySelector('.extra'))
        .map((li) => {
          // Inside its borders (the first row has a top border of its own).
          const button = li.querySelector<HTMLElement>('[part~="metric-button"]')!;
          const label = li.querySelector('[part~="label"]')!.getBoundingClientRect();
          const top = button.getBoundingClientRect().top + button.clientTop;
          return { metric: li.dataset.metric!, rate: li.querySelector('[part~="rate"]') !== null, height: button.clientHeight, name: label.top - top };
        });
      const withRate = rows.find((row) => row.rate)!;
      expect(rows.filter((row) => !row.rate).length, 'count-only rows').to.be.greaterThan(0);
      for (const row of rows) {
        expect(Math.abs(row.height - withRate.height), `the height of ${row.metric}'s row`).to.be.below(0.5);
        expect(Math.abs(row.name - withRate.name), `the place of ${row.metric}'s name`).to.be.below(0.5);
      }
    });

    // Seen side by side in three browsers (Storybook, the list after Tab): the focus ring of a row, drawn outside it, ran
    // under the next row, which covered its bottom edge (and the element's edge cut its right one in a tight column).
    it('draws the focus ring of a list row where no other row covers it', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div style="width: 700px"><campaign-stats lang="fr" channel="email" layout="list" .counts=${EMAIL}></campaign-stats></div>`);
      const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      metricEl(el, 'sent').querySelector<HTMLButtonElement>('[part~="info-button"]')!.focus();
      await sendKeys({ press: 'Tab' });
      const button = metricEl(el, 'delivered').querySelector<HTMLElement>('[part~="metric-button"]')!;
      expect(root(el).activeElement, 'the row of delivered has the focus').to.equal(button);
      expect(button.matches(':focus-visible')).to.equal(true);
      const style = getComputedStyle(button);
      const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth);
      expect(parseFloat(style.outlineWidth), 'a focus ring').to.be.greaterThan(0);
      const box = button.getBoundingClientRect();
      const ring = { top: box.top - out, bottom: box.bottom + out, left: box.left - out, right: box.right + out };
      for (const metric of ['sent', 'opened']) {
        const other = metricEl(el, metric).getBoundingClientRect();
        const covered = ring.top < other.bottom - 0.5 && other.top < ring.bottom - 0.5 && ring.left < other.right - 0.5 && other.left < ring.right - 0.5;
        expect(covered, `the row of ${metric} over the ring`).to.equal(false);
      }
      const host = el.getBoundingClientRect();
      expect(ring.left >= host.left - 0.5 && ring.right <= host.right + 0.5, 'the ring inside the element').to.equal(true);
    });

    it('keeps names, counts and rates apart in a list as narrow as a phone, with ten-million counts in French', async () => {
      const huge = { sent: 10_000_000, delivered: 9_712_345, opened: 3_904_221, clicked: 912_345, unsubscribed: 9_876, complained: 1_234, softBounced: 150_000, hardBounced: 87_655 };
      for (const width of [300, 360, 700]) {
        const wrapper = await fixture<HTMLElement>(html`<div style="width: ${width}px"><campaign-stats lang="fr" channel="email" layout="list" .counts=${huge}></campaign-stats></div>`);
        const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
        await el.updateComplete;
        for (const metric of shownMetrics(el)) {
          const boxes = ['label', 'count', 'rate', 'denominator']
            .map((name) => metricEl(el, metric).querySelector(`[part~="${name}"]`)?.getBoundingClientRect())
            .filter((box): box is DOMRect => box !== undefined && box.width > 0);
          for (const [i, a] of boxes.entries()) {
            for (const b of boxes.slice(i + 1)) {
              const overlap = a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
              expect(overlap, `${width}px, ${metric}: ${JSON.stringify(a)} ${JSON.stringify(b)}`).to.equal(false);
            }
          }
          // Nor does any text run out of its own box (over its neighbour's).
          for (const name of ['metric-button', 'label', 'count', 'rate-line']) {
            const box = metricEl(el, metric).querySelector<HTMLElement>(`[part~="${name}"], .${name}`)!;
            expect(box.scrollWidth, `${width}px, ${metric}: the ${name}'s text overflows it`).to.be.at.most(box.clientWidth);
          }
        }
      }
    });

    // Found by the narrow-box audit: a narrow list had two columns, the name's shrinking below its words, broken
    // mid-word beside the count ("Versende|t 20.000", "Désabonneme|nts 90" at 390 px with text at 200 %; "Entrega|dos",
    // "Afgelever|d" at 200 px).
    describe('a narrow list: names whole, the count under the name when both do not fit one line', () => {
      const zoom = Object.assign(document.createElement('style'), { textContent: 'html { font-size: 200% }' });
      afterEach(() => zoom.remove());

      /** The words of `text` drawn on more than one line, but for a break after a hyphen ("Soft-|Bounces"). */
      const brokenWords = (text: Text): string[] =>
        [...text.data.matchAll(/\S+/g)].filter((word) => {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          return !word[0].includes('-') && new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1;
        }).map((word) => word[0]);

      for (const [text, widths] of [['100 %', [200, 240, 288, 320, 390]], ['200 %', [390]]] as const) {
        it(`in every language, text at ${text}, ${widths.join(', ')} px`, async () => {
          if (text === '200 %') document.head.append(zoom);
          const broken: string[] = [];
          let under = 0;
          for (const lang of ['fr', 'en', 'de', 'es', 'it', 'nl']) {
            const page = await fixture<HTMLElement>(html`<div lang=${lang}>${widths.map((width) => html`<campaign-stats style=${`width: ${width}px`} channel="email" layout="list" .counts=${EMAIL}></campaign-stats>`)}</div>`);
            for (const [index, el] of [...page.querySelectorAll<CampaignStatsElement>('campaign-stats')].entries()) {
              await el.updateComplete;
              for (const metric of shownMetrics(el)) {
                const label = metricEl(el, metric).querySelector('[part~="label"]')!;
                const count = metricEl(el, metric).querySelector('[part~="count"]')!.getBoundingClientRect();
                const button = metricEl(el, metric).querySelector('[part~="metric-button"]')!.getBoundingClientRect();
                const words = brokenWords([...label.childNodes].find((node): node is Text => node instanceof Text && node.data.trim() !== '')!);
                if (words.length) broken.push(`${lang}, ${widths[index]} px: ${words.join(', ')} broken`);
                if (count.left < button.left - 0.5 || count.right > button.right + 0.5) broken.push(`${lang}, ${widths[index]} px: the count of ${metric} outside its button`);
                if (count.top >= label.getBoundingClientRect().bottom - 0.5) under++;
              }
            }
            page.remove();
          }
          expect(broken).to.deep.equal([]);
          if (text === '200 %') expect(under, 'counts under their name').to.be.greaterThan(0);
        });
      }
    });

    it('grid: a name on two lines does not lower its card\'s figures under those of its row', async () => {
      for (const width of [420, 640]) {
        const wrapper = await fixture<HTMLElement>(html`<div style="width: ${width}px"><campaign-stats lang="fr" channel="email" .counts=${EMAIL}></campaign-stats></div>`);
        const el = wrapper.querySelector<CampaignStatsElement>('campaign-stats')!;
        await el.updateComplete;
        const top = (metric: string, name: string) => metricEl(el, metric).querySelector(`[part~="${name}"]`)!.getBoundingClientRect().top;
        const lineHeight = parseFloat(getComputedStyle(metricEl(el, 'sent').querySelector('[part~="label"]')!).lineHeight);
        const twoLines = shownMetrics(el).filter((m) => metricEl(el, m).querySelector('[part~="label"]')!.getBoundingClientRect().height > lineHeight * 1.5);
        expect(twoLines, `${width}px: names on two lines`).to.not.deep.equal([]);
        const rows = new Map<number, string[]>();
        for (const m of shownMetrics(el)) rows.set(Math.round(top(m, 'metric-button')), [...(rows.get(Math.round(top(m, 'metric-button'))) ?? []), m]);
        expect(rows.size, `${width}px: rows of cards`).to.be.greaterThan(2);
        for (const metrics of rows.values()) {
          const counts = metrics.map((m) => top(m, 'count'));
          expect(Math.max(...counts) - Math.min(...counts), `${width}px: counts of ${metrics.join(', ')}`).to.be.at.most(0.5);
        }
      }
    });

    it('compact: count-only chips keep their name on the line of their neighbours, and the info button off the name in both directions', async () => {
      addMessages('ar', { 'stats.title': 'نتائج الحملة' });
      try {
        for (const lang of ['en', 'ar']) {
          const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang=${lang} layout="compact" .counts=${EMAIL}></campaign-stats>`);
          expect(root(el).querySelector('[part~="base"]')!.getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
          for (const metric of shownMetrics(el)) {
            const label = metricEl(el, metric).querySelector('[part~="label"]')!.getBoundingClientRect();
            const info = metricEl(el, metric).querySelector('[part~="info-button"]')!.getBoundingClientRect();
            const apart = label.right <= info.left + 0.5 || info.right <= label.left + 0.5;
            expect(apart, `${lang} ${metric}: the info button covers the name`).to.equal(true);
          }
          // "sent" has no rate: its name sits where the name of "delivered" (with a rate) sits.
          const top = (metric: string) => metricEl(el, metric).querySelector('[part~="label"]')!.getBoundingClientRect().top -
            metricEl(el, metric).querySelector('[part~="metric-button"]')!.getBoundingClientRect().top;
          expect(top('sent'), lang).to.be.closeTo(top('delivered'), 0.5);
        }
      } finally {
        removeAddedMessages('ar');
      }
    });

    // Seen side by side in three browsers (Storybook, compact, 1280 px): a flagged chip stood 5 px taller than the
    // others, its text 3 px lower, and stretched the plain chips of its line with it (their text then off their middle).
    // Its level's icon sat on the line's baseline, the word beside it lower still.
    it('compact: a flagged chip is as tall as the others but for its thicker border, its text at the same height', async () => {
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="fr" layout="compact" .counts=${{ ...EMAIL, unsubscribed: 60, complained: 20 }}></campaign-stats>`);
      await el.updateComplete;
      const chips = shownMetrics(el).map((metric) => {
        const button = metricEl(el, metric).querySelector<HTMLElement>('[part~="metric-button"]')!;
        const label = metricEl(el, metric).querySelector('[part~="label"]')!.getBoundingClientRect();
        return { metric, flagged: metricEl(el, metric).dataset.level !== 'ok', inside: button.clientHeight, name: label.top - button.getBoundingClientRect().top - button.clientTop };
      });
      const plain = chips.filter((chip) => !chip.flagged);
      const flagged = chips.filter((chip) => chip.flagged);
      expect(flagged.length, 'flagged chips').to.be.greaterThan(0);
      const height = Math.min(...plain.map((chip) => chip.inside));
      for (const chip of flagged) {
        expect(chip.inside, `the height of ${chip.metric}'s chip inside its border`).to.be.at.most(height + 0.5);
        expect(Math.abs(chip.name - plain[0]!.name), `the place of ${chip.metric}'s name`).to.be.below(0.5);
      }
    });

    for (const layout of ['grid', 'list', 'compact'] as const) {
      it(`is accessible in the ${layout} layout, warnings included`, async () => {
        const el = await fixture<CampaignStatsElement>(
          html`<campaign-stats lang="en" layout=${layout} .counts=${{ ...EMAIL, complained: 40 }}></campaign-stats>`,
        );
        expect(root(el).querySelector(`.layout-${layout}`)).to.exist;
        expect(shownMetrics(el)).to.have.length(14);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('loading through a data source', () => {
    it('shows a skeleton with as many cells as indicators while loading, then the figures', async () => {
      const fake = fakeSource();
      let resolve!: (s: CampaignStats) => void;
      fake.answer(() => new Promise((r) => (resolve = r)));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" channel="email" campaign-id="c1" style="width: 60rem" .source=${fake.source}></campaign-stats>`,
      );
      const skeleton = root(el).querySelector('.metrics.skeleton')!;
      expect(skeleton.querySelectorAll('li')).to.have.length(14);
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(textOf(root(el).querySelector('[role="status"]'))).to.equal('Loading the results…');
      const skeletonHeight = skeleton.getBoundingClientRect().height;
      // The bones are seen: three per cell, each with a width and a color of its own.
      const bones = [...skeleton.querySelectorAll<HTMLElement>('.bone')];
      expect(bones).to.have.length(14 * 3);
      for (const bone of bones) {
        expect(bone.getBoundingClientRect().width, 'bone width').to.be.greaterThan(10);
        expect(getComputedStyle(bone).backgroundColor, 'bone color').not.to.equal('rgba(0, 0, 0, 0)');
      }
      await expect(el).to.be.accessible();

      resolve(stats(EMAIL));
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(fake.calls).to.deep.equal(['c1']);
      expect(part(el, 'delivered', 'rate')).to.equal('90%');
      expect(textOf(root(el).querySelector('.campaign-name'))).to.equal('Spring <b>sale</b>');
      expect(root(el).querySelector('.campaign-name b')).to.equal(null);
      expect(root(el).querySelector('[part~="metrics"]')!.getBoundingClientRect().height).to.equal(skeletonHeight);
      await expect(el).to.be.accessible();
    });

    // A low-vision user saw an empty-looking card for as long as a slow network took: the words were for screen
    // readers only.
    for (const [lang, words, updated] of [['en', 'Loading the results…', 'Last update'], ['fr', 'Chargement des résultats…', 'Dernière mise à jour']] as const) {
      it(`says it is loading in a line that can be seen, where the last update then goes (${lang})`, async () => {
        const fake = fakeSource();
        let resolve!: (s: CampaignStats) => void;
        fake.answer(() => new Promise((r) => (resolve = r)));
        const el = await fixture<CampaignStatsElement>(
          html`<campaign-stats lang=${lang} channel="email" campaign-id="c1" style="width: 60rem" .source=${fake.source}></campaign-stats>`,
        );
        const line = root(el).querySelector<HTMLElement>('[part~="header"] [part~="status"]')!;
        expect(textOf(line)).to.equal(words);
        const box = line.getBoundingClientRect();
        const style = getComputedStyle(line);
        expect(box.width, 'as wide as its words').to.be.greaterThan(80);
        expect(box.height, 'a line high').to.be.at.least(parseFloat(style.lineHeight));
        expect(style.clipPath, 'not clipped away').to.equal('none');
        // Still the one region that says so, as before: not heard twice.
        expect(root(el).querySelectorAll('[role="status"]')).to.have.length(1);
        expect(line.getAttribute('role')).to.equal('status');
        const top = root(el).querySelector('[part~="metrics"]')!.getBoundingClientRect().top;
        await expect(el).to.be.accessible();

        resolve(stats(EMAIL));
        await waitUntil(() => !root(el).querySelector('.skeleton'), 'the figures did not come');
        expect(textOf(root(el).querySelector('[part~="status"]'))).to.include(updated);
        expect(root(el).querySelector('[part~="metrics"]')!.getBoundingClientRect().top, 'the figures where the bones were').to.equal(top);
      });
    }

    itWithDevTools('stops the bones\' pulse when motion is reduced', async () => {
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c1" .source=${fakeSource().source}></campaign-stats>`);
      const bone = root(el).querySelector('.bone')!;
      expect(bone.getAnimations(), 'a pulse where motion is allowed').to.not.have.length(0);
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        expect(bone.getAnimations()).to.have.length(0);
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    // Two panels on a page, or one whose campaign the page just switched: while the figures load, or once they fail,
    // the panel said "Campaign results" alone, though the page had given the campaign's name.
    it('names the campaign with the host’s campaign-name while its figures load and when they fail', async () => {
      const fake = fakeSource();
      let fail!: (error: Error) => void;
      fake.answer(() => new Promise((_resolve, reject) => (fail = reject)));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" channel="sms" campaign-id="c1" campaign-name="Black Friday SMS" .source=${fake.source}></campaign-stats>`,
      );
      const region = root(el).querySelector('[part~="base"]')!;
      const named = () => (region.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => textOf(root(el).getElementById(id))).filter(Boolean).join(' ');
      expect(textOf(root(el).querySelector('[role="status"]'))).to.equal('Loading the results…');
      expect(textOf(root(el).querySelector('.campaign-name'))).to.equal('Black Friday SMS');
      expect(named()).to.equal('Campaign results Black Friday SMS SMS');
      await expect(el).to.be.accessible();
      fail(new DataSourceError('GET /api/campaigns/c1/stats answered HTTP 500', { kind: 'http', status: 500 }));
      await waitUntil(() => root(el).querySelector('[role="alert"]'), 'no error said');
      expect(textOf(root(el).querySelector('.campaign-name'))).to.equal('Black Friday SMS');
      expect(named()).to.equal('Campaign results Black Friday SMS SMS');
      await expect(el).to.be.accessible();
    });

    it('names the campaign with the host’s campaign-name over the API’s (in the page’s language)', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.resolve(stats(EMAIL)));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" campaign-id="c1" campaign-name="Spring sale" .source=${fake.source}></campaign-stats>`,
      );
      await waitUntil(() => !root(el).querySelector('.skeleton'), 'the figures did not come');
      expect(textOf(root(el).querySelector('.campaign-name'))).to.equal('Spring sale');
      expect(part(el, 'delivered', 'rate')).to.equal('90%');
      el.removeAttribute('campaign-name');
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.campaign-name')), 'without it, the API’s').to.equal('Spring <b>sale</b>');
      await expect(el).to.be.accessible();
    });

    it('keeps its error while it tries again, instead of flashing the skeleton at each attempt', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.reject(new DataSourceError('down', { kind: 'network', retryable: true })));
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c1" .source=${fake.source}></campaign-stats>`);
      await waitUntil(() => root(el).querySelector('.error-message'), 'no error');
      let resolve!: (value: CampaignStats) => void;
      fake.answer(() => new Promise((r) => (resolve = r)));
      root(el).querySelector<HTMLButtonElement>('.retry')!.click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(fake.calls).to.deep.equal(['c1', 'c1']);
      expect(root(el).querySelector('.error-message'), 'still the error while the attempt runs').to.exist;
      expect(root(el).querySelector('.skeleton'), 'no skeleton').to.equal(null);
      resolve(stats(EMAIL));
      await waitUntil(() => !root(el).querySelector('.error'), 'the answer did not replace the error');
      el.campaignId = 'c2';
      await el.updateComplete;
      expect(root(el).querySelector('.skeleton'), 'another campaign loads with its skeleton').to.exist;
    });

    it('says no campaign was found for an unknown id, in French too, with no retry that could not help', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.reject(new DataSourceError('GET /campaigns/nope/stats answered HTTP 404', { kind: 'http', status: 404 })));
      for (const [lang, said] of [['en', 'No campaign was found with this identifier.'], ['fr', 'Aucune campagne trouvée avec cet identifiant.']] as const) {
        const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang=${lang} campaign-id="nope" .source=${fake.source}></campaign-stats>`);
        await waitUntil(() => root(el).querySelector('.error'), 'no error shown');
        expect(textOf(root(el).querySelector('[role="alert"]'))).to.equal(said);
        expect(root(el).querySelector('.retry'), 'nothing to retry').to.equal(null);
        await expect(el).to.be.accessible();
      }
    });

    it('shows an error with a retry button that loads again', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.reject(new DataSourceError('down', { kind: 'network', retryable: true })));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" campaign-id="c1" .source=${fake.source}></campaign-stats>`,
      );
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.error-message'))).to.equal(
        'Couldn’t load the results: the server is unreachable',
      );
      // Said when it appears: an alert (a status region inserted already filled is not read out).
      expect(textOf(root(el).querySelector('[role="alert"]'))).to.contain('Couldn’t load the results');
      await expect(el).to.be.accessible();

      fake.answer(() => Promise.resolve(stats(EMAIL)));
      root(el).querySelector<HTMLButtonElement>('.retry')!.click();
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(fake.calls).to.deep.equal(['c1', 'c1']);
      expect(root(el).querySelector('.error')).to.equal(null);
      expect(part(el, 'sent', 'count')).to.equal('10,000');
    });

    it('hands keyboard focus to the first indicator when the figures replace the error and its retry button', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.reject(new DataSourceError('down', { kind: 'network', retryable: true })));
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c1" .source=${fake.source}></campaign-stats>`);
      await waitUntil(() => root(el).querySelector('.retry'), 'no retry button');
      fake.answer(() => Promise.resolve(stats(EMAIL)));
      root(el).querySelector<HTMLButtonElement>('.retry')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !root(el).querySelector('.error'), 'the figures did not replace the error');
      await el.updateComplete;
      const focused = root(el).activeElement;
      expect(focused?.closest<HTMLElement>('[part~="metric"]')?.dataset.metric, 'not lost to the page').to.equal('sent');
      expect(focused?.getAttribute('part')).to.equal('metric-button');
    });

    it('loads through the nearest <status-source> when it has no source of its own', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.resolve(stats(EMAIL)));
      const wrapper = await fixture<HTMLElement>(
        html`<status-source .source=${fake.source}><campaign-stats lang="en" campaign-id="c1"></campaign-stats></status-source>`,
      );
      const el = wrapper.querySelector('campaign-stats')!;
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(fake.calls).to.deep.equal(['c1']);
      expect(part(el, 'delivered', 'count')).to.equal('9,000');
    });

    it('says no data source is connected when there is none, without a retry', async () => {
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c1"></campaign-stats>`);
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      expect(textOf(root(el).querySelector('.error-message'))).to.equal('Data unavailable: no data source is connected.');
      expect(root(el).querySelector('.retry')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the sending state with the time of the last update, and follows live updates', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.resolve(stats({ sent: 1000, delivered: 500, pending: 500 }, { sending: true })));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="fr" time-zone="Europe/Paris" campaign-id="c1" .source=${fake.source}></campaign-stats>`,
      );
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      const status = root(el).querySelector('[part~="status"]');
      expect(textOf(status)).to.equal('Résultats provisoires Dernière mise à jour : 5 mars 2024, 15:30');
      expect(status!.querySelector('time')!.getAttribute('datetime')).to.equal('2024-03-05T14:30:00Z');
      await expect(el).to.be.accessible();

      fake.push(stats({ sent: 1000, delivered: 990, pending: 0 }, { updatedAt: '2024-03-05T14:45:00Z' }));
      await el.updateComplete;
      expect(part(el, 'delivered', 'rate')).to.equal(`99${NBSP}%`);
      expect(textOf(root(el).querySelector('[part~="status"]'))).to.equal('Dernière mise à jour : 5 mars 2024, 15:45');
    });

    it('ignores a live update older than the figures it shows', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.resolve(stats({ sent: 1000, delivered: 900 })));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" campaign-id="c1" .source=${fake.source}></campaign-stats>`,
      );
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      fake.push(stats({ sent: 1000, delivered: 100 }, { updatedAt: '2024-03-05T14:00:00Z' }));
      await el.updateComplete;
      expect(part(el, 'delivered', 'count')).to.equal('900');
    });

    it('stops following live updates when it leaves the page', async () => {
      const fake = fakeSource();
      fake.answer(() => Promise.resolve(stats(EMAIL)));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" campaign-id="c1" .source=${fake.source}></campaign-stats>`,
      );
      expect(fake.listeners.size).to.equal(1);
      el.remove();
      await Promise.resolve(); // once the task's microtasks ran: a move within the task keeps following
      expect(fake.listeners.size).to.equal(0);
    });

    /** A polling source whose server knows campaign "c9" only once `create()` is called (404 before). */
    function campaignCreatedLater() {
      const timers = new ManualTimers();
      let created = false;
      const { fetch, calls } = fakeFetch(() =>
        created
          ? json({ campaign: { id: 'c9', name: 'Spring sale', channel: 'email' }, counts: { sent: 100, delivered: 90 }, updatedAt: '2026-11-24T10:00:00Z' })
          : json({ error: 'no such campaign' }, { status: 404 }),
      );
      const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'poll', timers, visibility: new FakeVisibility(), timeout: 0, random: () => 0.5 });
      return { timers, calls, source, create: () => void (created = true) };
    }

    // Found by test/hardening/converge-stats.test.ts.
    it('shows the figures polls read of a campaign that was not found at first (created after the page opened)', async () => {
      const { timers, calls, source, create } = campaignCreatedLater();
      const warn = console.warn;
      console.warn = () => {};
      try {
        const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c9" .source=${source}></campaign-stats>`);
        await waitUntil(() => calls.length === 1 && root(el).querySelector('[role="alert"]'), 'its first read answered');
        await el.updateComplete;
        expect(textOf(root(el).querySelector('[role="alert"]'))).to.equal('No campaign was found with this identifier.');
        create();
        timers.advance(15_000); // the next poll
        await waitUntil(() => calls.length === 2, 'the poll');
        await waitUntil(() => root(el).querySelector('[data-metric="delivered"] [part~="count"]'), 'the figures shown');
        expect(part(el, 'delivered', 'count')).to.equal('90');
        expect(root(el).querySelector('[role="alert"]')).to.equal(null);
        await expect(el).to.be.accessible();
      } finally {
        console.warn = warn;
        source.close();
      }
    });

    // Found by test/hardening/converge-stats.test.ts.
    it('shows the figures another element read of a campaign not found at first, as its polls find them', async () => {
      const { timers, calls, source, create } = campaignCreatedLater();
      const warn = console.warn;
      console.warn = () => {};
      try {
        const page = await fixture<HTMLElement>(html`<div><campaign-stats lang="en" campaign-id="c9" .source=${source}></campaign-stats></div>`);
        const first = page.querySelector<CampaignStatsElement>('campaign-stats')!;
        await waitUntil(() => root(first).querySelector('[role="alert"]'), 'its read answered: not found');
        create();
        // A second panel of the same campaign, opened once it exists.
        const second = Object.assign(document.createElement('campaign-stats'), { source });
        second.lang = 'en';
        second.campaignId = 'c9';
        page.append(second);
        const delivered = (el: CampaignStatsElement) => textOf(root(el).querySelector('[data-metric="delivered"] [part~="count"]'));
        await waitUntil(() => delivered(second) === '90', 'the second one\'s figures');
        timers.advance(15_000); // the next poll: the same figures
        await waitUntil(() => calls.length === 3, 'the poll');
        await waitUntil(() => delivered(first) === '90', 'the first one\'s figures');
        expect(root(first).querySelector('[role="alert"]')).to.equal(null);
      } finally {
        console.warn = warn;
        source.close();
      }
    });

    // Found by test/hardening/converge-stats.test.ts.
    it('moved within the page, still has its figures read again when the stream opens with nothing to resume from', async () => {
      FakeEventSource.reset();
      const timers = new ManualTimers();
      let delivered = 80;
      const { fetch, calls } = fakeFetch(() => json({ campaign: { id: 'c9', name: 'Spring sale', channel: 'email' }, counts: { sent: 100, delivered }, updatedAt: `2026-11-24T10:${delivered - 50}:00Z` }));
      const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timers, visibility: new FakeVisibility(), timeout: 0, random: () => 0.5 });
      try {
        const page = await fixture<HTMLElement>(html`<div><campaign-stats lang="en" campaign-id="c9" .source=${source}></campaign-stats><p>Other panel</p></div>`);
        const el = page.querySelector<CampaignStatsElement>('campaign-stats')!;
        await waitUntil(() => part(el, 'delivered', 'count') === '80', 'its figures read');
        // A dashboard reordered: the element moves after the other panel, in one task.
        page.append(el);
        await el.updateComplete;
        delivered = 85; // while the stream is still connecting: it will not send this
        FakeEventSource.last!.open(); // no event id to resume from
        for (let i = 0; i < 5 && part(el, 'delivered', 'count') !== '85'; i++) {
          timers.advance(0);
          await new Promise((resolve) => setTimeout(resolve));
          await el.updateComplete;
        }
        expect(calls, 'read once more after the opening').to.have.length(2);
        expect(part(el, 'delivered', 'count')).to.equal('85');
      } finally {
        source.close();
      }
    });
  });

  describe('announcements', () => {
    it('announces at most one polite summary every 30 seconds, the latest one', async () => {
      const fake = fakeSource();
      const time = fakeClock();
      fake.answer(() => Promise.resolve(stats({ sent: 1000, delivered: 500 }, { sending: true })));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" announce metrics="delivered bounced" campaign-id="c1"
          .clock=${time.clock} .source=${fake.source}></campaign-stats>`,
      );
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      const region = () => textOf(root(el).querySelector('[aria-live="polite"]'));
      expect(region(), 'nothing on first load').to.equal('');

      const tick = async (delivered: number, minute: number, sending = true) => {
        fake.push(stats({ sent: 1000, delivered, softBounced: 1000 - delivered }, {
          sending, updatedAt: `2024-03-05T15:${String(minute).padStart(2, '0')}:00Z`,
        }));
        await el.updateComplete;
      };
      await tick(600, 1);
      expect(region()).to.equal(
        'Results updated. Provisional results. Bounces: 400, 40% of messages taken on (Critical). Delivered: 600, 60% of messages taken on',
      );
      time.advance(10_000);
      await tick(700, 2);
      await tick(800, 3);
      expect(region(), 'still the first summary').to.contain('Delivered: 600');
      time.advance(19_999);
      await el.updateComplete;
      expect(region(), 'still the first summary, 1 ms before 30 s').to.contain('Delivered: 600');
      time.advance(1);
      await el.updateComplete;
      expect(region()).to.equal(
        'Results updated. Provisional results. Bounces: 200, 20% of messages taken on (Critical). Delivered: 800, 80% of messages taken on',
      );
      await expect(el).to.be.accessible();
    });

    it('says nothing for a live update that repeats the figures (a stream\'s first message after the load)', async () => {
      const fake = fakeSource();
      const time = fakeClock();
      fake.answer(() => Promise.resolve(stats({ sent: 1000, delivered: 500 })));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" announce campaign-id="c1" .clock=${time.clock} .source=${fake.source}></campaign-stats>`,
      );
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      const region = () => textOf(root(el).querySelector('[aria-live="polite"]'));
      fake.push(stats({ sent: 1000, delivered: 500, bounced: 0 }, { updatedAt: '2024-03-05T15:01:00Z' }));
      await el.updateComplete;
      time.advance(60_000);
      await el.updateComplete;
      expect(region(), 'the same figures, a later time').to.equal('');
      fake.push(stats({ sent: 1000, delivered: 600 }, { updatedAt: '2024-03-05T15:02:00Z' }));
      await el.updateComplete;
      expect(region()).to.include('Delivered: 600');
    });

    it('announces figures that become final, counts unchanged', async () => {
      const fake = fakeSource();
      const time = fakeClock();
      fake.answer(() => Promise.resolve(stats({ sent: 1000, delivered: 500 }, { sending: true })));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang="en" announce campaign-id="c1" .clock=${time.clock} .source=${fake.source}></campaign-stats>`,
      );
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      const region = () => textOf(root(el).querySelector('[aria-live="polite"]'));
      fake.push(stats({ sent: 1000, delivered: 500 }, { sending: false, updatedAt: '2024-03-05T15:01:00Z' }));
      await el.updateComplete;
      expect(region()).to.match(/^Results updated\. Delivered: 500/);
    });

    /** Stats of campaign c1 that announce, once loaded and after one live update (announced at once). */
    async function announcedOnce(lang: string) {
      const fake = fakeSource();
      const time = fakeClock();
      fake.answer(() => Promise.resolve(stats({ sent: 1000, delivered: 500 }, { sending: true })));
      const el = await fixture<CampaignStatsElement>(
        html`<campaign-stats lang=${lang} announce metrics="delivered" campaign-id="c1" .clock=${time.clock} .source=${fake.source}></campaign-stats>`,
      );
      await new Promise((r) => setTimeout(r));
      await el.updateComplete;
      fake.push(stats({ sent: 1000, delivered: 600 }, { sending: true, updatedAt: '2024-03-05T15:01:00Z' }));
      await el.updateComplete;
      return { el, fake, time, region: () => textOf(root(el).querySelector('[aria-live="polite"]')) };
    }

    it('leaves no summary in the old language in its live region after a switch of language', async () => {
      const { el, fake, time, region } = await announcedOnce('fr');
      expect(region()).to.match(/^Résultats mis à jour/);
      el.lang = 'en';
      await el.updateComplete;
      expect(region()).to.equal('');
      el.lang = 'fr';
      await el.updateComplete;
      expect(region(), 'the old French summary is not shown again on a switch back').to.equal('');
      el.lang = 'en';
      await el.updateComplete;
      time.advance(60_000);
      fake.push(stats({ sent: 1000, delivered: 700 }, { sending: true, updatedAt: '2024-03-05T15:02:00Z' }));
      await el.updateComplete;
      expect(region()).to.match(/^Results updated/);
    });

    it('says a summary that waited for the quiet period in the new language after a switch, not in the old one', async () => {
      const { el, fake, time, region } = await announcedOnce('fr');
      expect(region()).to.match(/^Résultats mis à jour/);
      fake.push(stats({ sent: 1000, delivered: 700 }, { sending: true, updatedAt: '2024-03-05T15:02:00Z' }));
      await el.updateComplete;
      expect(region(), 'the second update waits').to.match(/600/);
      el.lang = 'en';
      await el.updateComplete;
      expect(region(), 'no French left, and the quiet period still runs').to.equal('');
      time.advance(60_000);
      await el.updateComplete;
      expect(region()).to.match(/^Results updated\..*Delivered: 700, 70% of messages taken on$/);
    });

    it('leaves no summary of the previous campaign in its live region, nor one waiting, after a switch of campaign', async () => {
      const { el, fake, time, region } = await announcedOnce('en');
      expect(region()).to.contain('Delivered: 600');
      // A second update waits out the quiet period, then the campaign changes.
      fake.push(stats({ sent: 1000, delivered: 700 }, { sending: true, updatedAt: '2024-03-05T15:02:00Z' }));
      await el.updateComplete;
      el.campaignId = 'c2';
      await el.updateComplete;
      expect(region()).to.equal('');
      time.advance(60_000);
      await el.updateComplete;
      expect(region(), 'the previous campaign\'s waiting summary is not said').to.equal('');
    });

    it('announces nothing when the same campaign comes from another source, and says nothing the previous one left waiting', async () => {
      const { el, fake, time, region } = await announcedOnce('en');
      expect(region()).to.contain('Delivered: 600');
      fake.push(stats({ sent: 1000, delivered: 700 }, { sending: true, updatedAt: '2024-03-05T15:02:00Z' }));
      await el.updateComplete;
      // Another tenant's API: the same campaign id, other figures. Its first figures are news, not an update.
      const other = fakeSource();
      other.answer(() => Promise.resolve(stats({ sent: 50, delivered: 20 }, { sending: true })));
      el.source = other.source;
      await waitUntil(() => part(el, 'delivered', 'count') === '20', 'the other source\'s figures are not shown');
      expect(region()).to.equal('');
      time.advance(60_000);
      await el.updateComplete;
      expect(region(), 'the previous source\'s waiting summary is not said').to.equal('');
      // Its own updates are announced.
      other.push(stats({ sent: 50, delivered: 30 }, { sending: true, updatedAt: '2024-03-05T15:03:00Z' }));
      await el.updateComplete;
      expect(region()).to.contain('Delivered: 30');
    });

    it('has no live region unless asked to announce', async () => {
      const el = await statsFixture(EMAIL);
      expect(root(el).querySelector('[aria-live]')).to.equal(null);
    });
  });

  it('shows invalid counts as an error rather than throwing', async () => {
    const el = await statsFixture({ sent: -3 });
    expect(textOf(root(el).querySelector('.error-message'))).to.equal('Some figures are not valid counts.');
    await expect(el).to.be.accessible();
    // A counter behind an indicator shown only when it counts something is read too: not hidden as if it were 0.
    const optional = await statsFixture({ sent: 100, delivered: 90, failed: -1 });
    expect(textOf(root(optional).querySelector('.error-message'))).to.equal('Some figures are not valid counts.');
  });

  // Seen side by side in three browsers (Storybook, error state, 360 px): the icon of a message on three lines stood
  // beside the second, in the middle of the paragraph, instead of beside its first line as in the one-line message.
  it('puts the icon of an error beside its first line when the message wraps', async () => {
    const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="fr" style="width: 150px" .counts=${{ sent: -3 }}></campaign-stats>`);
    await el.updateComplete;
    const text = root(el).querySelector('.error-message > span')!;
    const range = document.createRange();
    range.selectNodeContents(text);
    const lines = [...new Set([...range.getClientRects()].map((r) => Math.round(r.top)))];
    expect(lines.length, 'a message on several lines').to.be.greaterThan(1);
    const first = range.getClientRects()[0]!;
    const icon = root(el).querySelector('.error-message > svg')!.getBoundingClientRect();
    const middle = icon.top + icon.height / 2;
    expect(middle, 'the icon beside the first line').to.be.within(first.top, first.bottom);
    expect(Math.abs(middle - (first.top + first.height / 2)), 'the icon on the middle of the first line').to.be.at.most(1.5);
  });
});
