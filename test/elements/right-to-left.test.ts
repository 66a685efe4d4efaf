// The three elements for a right-to-left reader: a language added by the page (`addMessages`, here a partial Arabic
// catalogue, as a host would add one), inside a `dir="rtl"` page. What is checked is what such a reader meets:
// where things are drawn, which way the text runs, where the tooltips open, what the arrow keys do.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { CampaignCounts } from '../../src/core/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { addMessages, removeAddedMessages } from '../../src/i18n/index.js';
import { ev } from '../core/event-factory.js';
import { asIfBrowser } from '../support/engine.js';
import { inViewport } from '../support/placement.js';
import '../support/axe.js';

const ARABIC = {
  'status.queued.label': 'في قائمة الانتظار',
  'status.sent.label': 'مُرسَل',
  'status.delivered.label': 'تم التسليم',
  'status.soft-bounced.label': 'ارتداد مؤقت',
  'channel.email': 'بريد إلكتروني',
  'badge.meaning': 'ما يعنيه',
  'badge.caveat': 'من المفيد معرفته',
  'badge.reason': 'السبب',
  'badge.heading-end': ':',
  'badge.line-end': '.',
  'stats.title': 'نتائج الحملة',
  'metric.sent.label': 'المُرسَلة',
  'metric.delivered.label': 'المُسلَّمة',
  'metric.bounced.label': 'الارتدادات',
  'stats.level.warning': 'تحذير',
  'timeline.title': 'سجل التسليم',
  'timeline.stage.received': 'مُستلَم',
  'timeline.stage.processed': 'مُعالَج',
  'timeline.stage.delivered': 'مُسلَّم',
  'timeline.stage.engaged': 'تفاعل',
};

const box = (el: Element): DOMRect => el.getBoundingClientRect();
/** The box of an element's text itself, not of the block holding it. */
const textBox = (el: Element): DOMRect => {
  const range = document.createRange();
  range.selectNodeContents(el);
  return range.getBoundingClientRect();
};
/** Two boxes share some horizontal stretch. */
const overlapX = (a: DOMRect, b: DOMRect): boolean => a.left < b.right && b.left < a.right;

async function frames(el: { updateComplete: Promise<boolean> }, count = 3): Promise<void> {
  for (let i = 0; i < count; i++) {
    await el.updateComplete;
    await nextFrame();
  }
}

describe('right to left: an Arabic catalogue added by the page, in a dir="rtl" page', () => {
  beforeEach(() => addMessages('ar', ARABIC));
  afterEach(() => removeAddedMessages('ar'));

  describe('<email-status-badge>', () => {
    for (const placement of ['anchor positioning', 'Floating UI'] as const) {
      it(`opens its tooltip under the badge and inside the window, its text running from the right (${placement})`, async () => {
        // The badge at the start of the line (the right), in its middle, at its end (the left).
        const run = async (align: string) => {
          const page = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl" style="padding: 40px 8px; text-align: ${align}"><email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge></div>`);
          const el = page.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
          await el.updateComplete;
          const badge = el.shadowRoot!.querySelector<HTMLElement>('[part~="badge"]')!;
          if (align === 'start') expect(box(badge).right, 'the badge at the right').to.be.greaterThan(innerWidth / 2);
          await el.showTooltip();
          const tip = el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
          await waitUntil(() => getComputedStyle(tip).visibility !== 'hidden', 'not placed');
          expect([tip.lang, getComputedStyle(tip).direction]).to.deep.equal(['ar', 'rtl']);
          const rect = box(tip);
          expect(inViewport(rect), `${align}: ${JSON.stringify(rect)}`).to.equal(true);
          expect(rect.top, 'under the badge').to.be.at.least(box(badge).bottom);
          expect(overlapX(rect, box(badge)), 'beside the badge').to.equal(true);
          // Each line starts at the tooltip's right: the title, a heading.
          const inner = rect.right - parseFloat(getComputedStyle(tip).paddingRight) - parseFloat(getComputedStyle(tip).borderRightWidth);
          for (const line of [tip.querySelector('.title')!, tip.querySelector('dt')!]) {
            expect(textBox(line).right, line.textContent!).to.be.closeTo(inner, 1.5);
          }
          await expect(el).to.be.accessible();
          el.hideTooltip();
          page.remove();
        };
        const each = async () => {
          for (const align of ['start', 'center', 'end']) await run(align);
        };
        if (placement === 'Floating UI') await asIfBrowser('no-anchor-positioning', each);
        else await each();
      });
    }
  });

  describe('<status-timeline>', () => {
    const events = [ev('queued', 0), ev('sent', 1), ev('delivered', 2)];

    async function timeline(): Promise<StatusTimelineElement> {
      const page = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl"><status-timeline style="width: 720px" .events=${events}></status-timeline></div>`);
      const el = page.querySelector<StatusTimelineElement>('status-timeline')!;
      await frames(el);
      return el;
    }
    const rowsOf = (el: StatusTimelineElement): HTMLElement[] =>
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));

    it('draws its stages from the right, and each row with its icon at the right and its time at the left', async () => {
      const el = await timeline();
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect([base.lang, getComputedStyle(base).direction]).to.deep.equal(['ar', 'rtl']);
      const stages = [...el.shadowRoot!.querySelectorAll('[part~="stage"]')].map(box);
      for (let i = 1; i < stages.length; i++) expect(stages[i]!.right, `stage ${i} left of stage ${i - 1}`).to.be.at.most(stages[i - 1]!.left + 1);
      for (const row of rowsOf(el)) {
        const [icon, label, time] = ['[part~="icon-box"]', '[part~="label"]', '[part~="time"]'].map((selector) => box(row.querySelector(selector)!));
        expect(icon!.left, 'icon right of the label').to.be.at.least(label!.right);
        expect(time!.right, 'time left of the label').to.be.at.most(label!.left);
      }
    });

    it('moves down and up its rows with the arrow keys, as in a left-to-right page; left and right arrows move nothing', async () => {
      const el = await timeline();
      const rows = rowsOf(el);
      rows[0]!.focus();
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.index;
      await sendKeys({ press: 'ArrowDown' });
      expect(focused()).to.equal('1');
      expect(box(rows[1]!).top, 'the next row is below').to.be.greaterThan(box(rows[0]!).top);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(), 'left and right keep the row').to.equal('1');
      await sendKeys({ press: 'End' });
      expect(focused()).to.equal(String(rows.length - 1));
      await sendKeys({ press: 'ArrowUp' });
      expect(focused()).to.equal(String(rows.length - 2));
      await sendKeys({ press: 'Home' });
      expect(focused()).to.equal('0');
      // The selected row's bar is at its start: the right edge.
      await sendKeys({ press: 'Enter' });
      await frames(el, 1);
      expect(rows[0]!.getAttribute('aria-selected')).to.equal('true');
      expect(getComputedStyle(rows[0]!).boxShadow).to.match(/-3px 0px 0px 0px inset|inset -3px 0px 0px/);
      await expect(el).to.be.accessible();
    });
  });

  describe('<campaign-stats>', () => {
    // 6 % of bounces: a warning.
    const counts: CampaignCounts = { sent: 1000, delivered: 940, softBounced: 40, hardBounced: 20 };

    async function stats(layout: string): Promise<CampaignStatsElement> {
      const page = await fixture<HTMLElement>(html`<div lang="ar" dir="rtl" style="width: 760px"><campaign-stats channel="email" layout=${layout} metrics="sent delivered bounced" .counts=${counts}></campaign-stats></div>`);
      const el = page.querySelector<CampaignStatsElement>('campaign-stats')!;
      await el.updateComplete;
      return el;
    }
    const metric = (el: CampaignStatsElement, id: string): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>(`[data-metric="${id}"]`)!;

    it('lays its indicators out from the right, each with its explanation button at its left end and its warning bar at its right edge', async () => {
      const el = await stats('grid');
      const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]')!;
      expect([base.lang, getComputedStyle(base).direction]).to.deep.equal(['ar', 'rtl']);
      const [sent, delivered, bounced] = ['sent', 'delivered', 'bounced'].map((id) => box(metric(el, id)));
      expect(sent!.left, 'the first indicator at the right').to.be.at.least(delivered!.right);
      expect(delivered!.left).to.be.at.least(bounced!.right);
      const title = el.shadowRoot!.querySelector('[part~="title"]') ?? el.shadowRoot!.querySelector('h2, h3, [role="heading"]')!;
      expect(textBox(title).right, 'the title at the right').to.be.closeTo(box(base).right - parseFloat(getComputedStyle(base).paddingRight) - parseFloat(getComputedStyle(base).borderRightWidth), 2);
      const flagged = metric(el, 'bounced');
      expect(flagged.dataset.level).to.equal('warning');
      const button = flagged.querySelector<HTMLElement>('[part~="metric-button"]')!;
      const info = flagged.querySelector<HTMLElement>('[part~="info-button"]')!;
      const label = flagged.querySelector<HTMLElement>('[part~="label"]')!;
      expect(box(info).right, 'the info button left of the name').to.be.at.most(textBox(label).left);
      expect(textBox(label).right, 'the name from the right').to.be.closeTo(box(label).right, 1);
      expect(getComputedStyle(button).boxShadow).to.match(/-4px 0px 0px 0px inset|inset -4px 0px 0px/);
      await expect(el).to.be.accessible();
    });

    for (const placement of ['anchor positioning', 'Floating UI'] as const) {
      it(`opens each explanation beside its button, inside the window, its text running from the right (${placement})`, async () => {
        const run = async () => {
          const el = await stats('grid');
          for (const id of ['sent', 'delivered', 'bounced']) {
            const info = metric(el, id).querySelector<HTMLButtonElement>('[part~="info-button"]')!;
            info.click();
            const tip = metric(el, id).querySelector<HTMLElement>('[part~="tooltip"]')!;
            await waitUntil(() => tip.matches(':popover-open') && getComputedStyle(tip).visibility !== 'hidden', `${id}: did not open`);
            expect(getComputedStyle(tip).direction).to.equal('rtl');
            const rect = box(tip);
            expect(inViewport(rect), `${id}: ${JSON.stringify(rect)}`).to.equal(true);
            expect(overlapX(rect, box(info)), `${id}: beside its button`).to.equal(true);
            const line = tip.querySelector('.tip-line')!;
            const inner = rect.right - parseFloat(getComputedStyle(tip).paddingRight) - parseFloat(getComputedStyle(tip).borderRightWidth);
            expect(textBox(line).right, `${id}: the text from the right`).to.be.closeTo(inner, 1.5);
            info.click();
          }
        };
        if (placement === 'Floating UI') await asIfBrowser('no-anchor-positioning', run);
        else await run();
      });
    }

    it('in a list, writes names at the right and figures at the left', async () => {
      const el = await stats('list');
      const delivered = metric(el, 'delivered');
      const label = delivered.querySelector<HTMLElement>('[part~="label"]')!;
      const count = delivered.querySelector<HTMLElement>('[part~="count"]')!;
      expect(textBox(count).right, 'the count left of the name').to.be.at.most(textBox(label).left);
      await expect(el).to.be.accessible();
    });
  });
});
