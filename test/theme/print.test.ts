// Printing a page of the kit's elements (the demo's campaign page, a back-office's): found by the reflow audit, a
// badge's tooltip or the timeline's explanation of its stages open when the page was printed (a badge focused, the
// ⓘ pressed, then Ctrl+P) was printed over the page, where nothing can close or scroll it; the stats' explanations
// were already left out. Chromium only: print media is emulated through its DevTools protocol.
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { CampaignCounts } from '../../src/core/index.js';
import '../../src/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import { ev } from '../core/event-factory.js';
import { describeWithDevTools } from '../support/engine.js';

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
});
