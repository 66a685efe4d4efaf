// Printing a page of the kit's elements (the demo's campaign page, a back-office's): found by the reflow audit, a
// badge's tooltip or the timeline's explanation of its stages open when the page was printed (a badge focused, the
// ⓘ pressed, then Ctrl+P) was printed over the page, where nothing can close or scroll it; the stats' explanations
// were already left out. The print layout in Chromium only (print media is emulated through its DevTools protocol);
// what a long timeline draws around printing, in every engine.
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CampaignCounts } from '../../src/core/index.js';
import '../../src/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import { ev } from '../core/event-factory.js';
import { describeWithDevTools } from '../support/engine.js';
import '../support/axe.js';

// A contact's long history: 120 rows, of which a 600 px box windows about 20 into the page.
const HISTORY = Array.from({ length: 120 }, (_, i) => ev(i % 3 ? 'opened' : 'clicked', i));

/** The rows `timeline` has drawn, in the page's order: their positions in the list (1 = the top) and their boxes. */
const drawnRows = (timeline: Element) =>
  [...timeline.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].map((row) => ({ position: Number(row.getAttribute('aria-posinset')), box: row.getBoundingClientRect() }));

/** A timeline of {@link HISTORY}, its box scrolled to the middle: the page around it, and the timeline. */
async function scrolledHistory(): Promise<[HTMLElement, StatusTimelineElement]> {
  const page = await fixture<HTMLElement>(html`<div lang="en"><status-timeline .events=${HISTORY}></status-timeline></div>`);
  const timeline = page.querySelector<StatusTimelineElement>('status-timeline')!;
  await timeline.updateComplete;
  await nextFrame();
  timeline.scrollToIndex(60);
  await timeline.updateComplete;
  return [page, timeline];
}

/** Sends the window what a browser sends around printing (`window.print()`, Ctrl+P). */
async function printing(timeline: StatusTimelineElement, type: 'beforeprint' | 'afterprint'): Promise<void> {
  dispatchEvent(new Event(type));
  await timeline.updateComplete;
}

// Found by the reflow audit: a long timeline is windowed (only the rows in its scrolling box's view, and a few around,
// are in the page), so paper got those few rows, from wherever the box was scrolled, with no hint of the others.
describe('printing a long timeline', () => {
  it('draws every loaded row from the page’s beforeprint to its afterprint, then its window again', async () => {
    const [, timeline] = await scrolledHistory();
    const onScreen = drawnRows(timeline).map((row) => row.position);
    expect(onScreen.length, 'windowed on screen').to.be.below(40);
    expect(onScreen, 'scrolled to the middle').to.include(61);
    await printing(timeline, 'beforeprint');
    expect(drawnRows(timeline).map((row) => row.position)).to.deep.equal(HISTORY.map((_, i) => i + 1));
    await printing(timeline, 'afterprint');
    expect(drawnRows(timeline).map((row) => row.position)).to.deep.equal(onScreen);
  });
});

const COUNTS: CampaignCounts = { sent: 1000, delivered: 900, opened: 300, clicked: 40, unsubscribed: 12, complained: 4, softBounced: 30, hardBounced: 40 };

describeWithDevTools('print', () => {
  afterEach(() => emulateMedia({ media: 'screen' }));

  it('leaves out every tooltip and explanation open on screen: the badge’s, the timeline’s stages’, the stats’', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="en">
      <email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge>
      <campaign-stats channel="email" .counts=${COUNTS}></campaign-stats>
      <status-timeline .events=${[ev('queued', 0), ev('sent', 1), ev('delivered', 2)]}></status-timeline>
    </div>`);
    const badge = page.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    const stats = page.querySelector<CampaignStatsElement>('campaign-stats')!;
    const timeline = page.querySelector<StatusTimelineElement>('status-timeline')!;
    await Promise.all([badge.updateComplete, stats.updateComplete, timeline.updateComplete]);
    // One at a time: opening an explanation closes the others (popovers).
    const open: [string, () => Promise<unknown> | void][] = [
      ['email-status-badge', () => badge.showTooltip()],
      ['campaign-stats', () => stats.shadowRoot!.querySelector<HTMLButtonElement>('[part~="info-button"]')!.click()],
      ['status-timeline', () => timeline.shadowRoot!.querySelector<HTMLButtonElement>('[part~="info-button"]')!.click()],
    ];
    const printed: string[] = [];
    for (const [name, show] of open) {
      await show();
      await nextFrame();
      const tip = page.querySelector(name)!.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]:popover-open');
      expect(tip, `${name}: an open tooltip on screen`).to.not.equal(null);
      await emulateMedia({ media: 'print' });
      if (getComputedStyle(tip!).display !== 'none' && tip!.getBoundingClientRect().height > 0) printed.push(name);
      await emulateMedia({ media: 'screen' });
      expect(getComputedStyle(tip!).display, `${name}: back on screen`).to.not.equal('none');
    }
    expect(printed).to.deep.equal([]);
    // The timeline's ⓘ, which nobody can press on paper, is left out like the stats' (the stage names are printed).
    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(timeline.shadowRoot!.querySelector('[part~="info-button"]')!).display).to.equal('none');
    expect(timeline.shadowRoot!.querySelectorAll('[part~="stage"]').length).to.equal(4);
  });

  // Paper is white, and browsers leave backgrounds out by default: a dark page's light text would print pale grey on
  // white. The stats already printed in their light colors; the badge and the timeline now do too.
  it('prints the badge and the timeline of a dark page in their light colors, as the stats do', async () => {
    const page = await fixture<HTMLElement>(html`<div lang="en" style="color-scheme: dark; background: #111418; color: #e8eaed">
      <email-status-badge status="delivered"></email-status-badge>
      <status-timeline .events=${[ev('queued', 0), ev('delivered', 2)]}></status-timeline>
    </div>`);
    const badge = page.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    const timeline = page.querySelector<StatusTimelineElement>('status-timeline')!;
    await Promise.all([badge.updateComplete, timeline.updateComplete]);
    const light = await fixture<HTMLElement>(html`<div lang="en" style="color-scheme: light">
      <email-status-badge status="delivered"></email-status-badge>
      <status-timeline .events=${[ev('queued', 0), ev('delivered', 2)]}></status-timeline>
    </div>`);
    for (const el of light.querySelectorAll<EmailStatusBadgeElement | StatusTimelineElement>('*')) await el.updateComplete;
    const colors = (root: HTMLElement) => [
      getComputedStyle(root.querySelector('email-status-badge')!.shadowRoot!.querySelector('[part~="label"]')!).color,
      getComputedStyle(root.querySelector('status-timeline')!.shadowRoot!.querySelector('[part~="label"]')!).color,
    ];
    const lightColors = colors(light);
    expect(colors(page), 'light text on screen').to.not.deep.equal(lightColors);
    await emulateMedia({ media: 'print' });
    expect(colors(page)).to.deep.equal(lightColors);
  });

  it('prints every loaded row of a long timeline one under the other, none cut by its scrolling box, and scrolls as before once printed', async () => {
    const [page, timeline] = await scrolledHistory();
    const scroller = timeline.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
    const scrolled = scroller.scrollTop;
    const onScreen = drawnRows(timeline);
    await printing(timeline, 'beforeprint');
    await emulateMedia({ media: 'print' });
    const rows = drawnRows(timeline);
    expect(rows).to.have.length(HISTORY.length);
    const box = scroller.getBoundingClientRect();
    const misplaced = rows.flatMap(({ position, box: row }, i) =>
      (i > 0 && row.top < rows[i - 1]!.box.bottom - 0.5) || row.top < box.top - 0.5 || row.bottom > box.bottom + 0.5 ? [`row ${position}: ${Math.round(row.top)}–${Math.round(row.bottom)} px, the box ${Math.round(box.top)}–${Math.round(box.bottom)} px`] : []);
    expect(misplaced, 'each below the one before, inside the box').to.deep.equal([]);
    expect(scroller.scrollHeight, 'nothing left to scroll to').to.be.at.most(scroller.clientHeight + 1);
    await expect(page).to.be.accessible();
    await emulateMedia({ media: 'screen' });
    await printing(timeline, 'afterprint');
    // The rows are measured through a resize observer, then drawn: a frame or more after the switch on a busy machine.
    await waitUntil(() => drawnRows(timeline).length === onScreen.length, 'back to the rows of its window');
    expect(scroller.scrollTop, 'scrolled where it was').to.equal(scrolled);
    expect(drawnRows(timeline).map(({ position, box: row }) => [position, Math.round(row.top)])).to.deep.equal(onScreen.map(({ position, box: row }) => [position, Math.round(row.top)]));
  });
});
