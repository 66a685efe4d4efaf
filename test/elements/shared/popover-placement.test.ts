// Where the kit's three popovers open, measured (getBoundingClientRect of the trigger and of the popover) in every
// engine: the badge's tooltip, an indicator's explanation in <campaign-stats>, the stages' explanation (ⓘ) in
// <status-timeline>. Each opens beside its trigger, 6 px away (below it, or above it when there is more room there),
// and stays there: in a window with classic scrollbars (Firefox, Chromium on Windows), and when the page or a box
// scrolls while it is open, its trigger going out of sight (it goes with it, never left alone in the window).
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { LitElement, TemplateResult } from 'lit';
import type { CampaignCounts } from '../../../src/core/index.js';
import '../../../src/define.js';
import type { EmailStatusBadgeElement } from '../../../src/elements/email-status-badge/email-status-badge.js';
import { ev } from '../../core/event-factory.js';
import { itAtWidth, setViewport } from '../../support/engine.js';
import { floatingUiLoaded, inViewport, showing } from '../../support/placement.js';
import { hover } from './badge-helpers.js';
import '../../support/axe.js';

const COUNTS: CampaignCounts = {
  sent: 20_000, delivered: 17_900, opened: 3_200, clicked: 190, unsubscribed: 90, complained: 70,
  softBounced: 1_100, hardBounced: 800, blocked: 150, dropped: 50, deferred: 10, pending: 5,
};
const EVENTS = [ev('queued', 0), ev('sent', 1), ev('delivered', 3), ev('opened', 5)];

/** The three popovers: how to render their element, and how to open one (its trigger and itself). */
const POPOVERS: Record<string, { template: TemplateResult; open: (el: LitElement) => Promise<[HTMLElement, HTMLElement]> }> = {
  'the badge’s tooltip': {
    template: html`<email-status-badge status="soft-bounced" reason="mailbox-full" detail="Mailbox full"></email-status-badge>`,
    open: async (el) => {
      await (el as EmailStatusBadgeElement).showTooltip();
      return [el.shadowRoot!.querySelector<HTMLElement>('[part~="badge"]')!, el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!];
    },
  },
  'an indicator’s explanation': { template: html`<campaign-stats .counts=${COUNTS}></campaign-stats>`, open: async (el) => clickInfo(el) },
  'the stages’ explanation': { template: html`<status-timeline .events=${EVENTS}></status-timeline>`, open: async (el) => clickInfo(el) },
};

async function clickInfo(el: LitElement): Promise<[HTMLElement, HTMLElement]> {
  const info = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="info-button"]')!;
  info.click();
  return [info, info.popoverTargetElement as HTMLElement];
}

const kitElement = (page: Element): LitElement => page.querySelector<LitElement>('email-status-badge, campaign-stats, status-timeline')!;
const trigger = (el: LitElement): HTMLElement => el.shadowRoot!.querySelector<HTMLElement>('[part~="badge"], [part~="info-button"]')!;

/** Where `tip` is from `anchor`: `below 6`, `above 6`, or `over` when the two overlap. */
function side(tip: Element, anchor: Element): string {
  const [t, a] = [tip.getBoundingClientRect(), anchor.getBoundingClientRect()];
  if (t.top >= a.bottom - 0.5) return `below ${Math.round(t.top - a.bottom)}`;
  if (t.bottom <= a.top + 0.5) return `above ${Math.round(a.top - t.bottom)}`;
  return `over (${Math.round(t.top)}–${Math.round(t.bottom)} px, its trigger ${Math.round(a.top)}–${Math.round(a.bottom)} px)`;
}

/**
 * Waits until `tip` is 6 px below or above `anchor` (Floating UI places it a frame later), showing unless `where` is
 * 'placed only' (its trigger is out of sight); fails saying where it is.
 */
async function beside(tip: HTMLElement, anchor: Element, label: string, where: 'showing' | 'placed only' = 'showing'): Promise<void> {
  const placed = () => (where === 'placed only' || showing(tip)) && /^(below|above) [5-7]$/.test(side(tip, anchor));
  await floatingUiLoaded();
  await waitUntil(placed, `${label}: not 6 px beside its trigger but ${side(tip, anchor)}`).catch(() => undefined);
  expect(side(tip, anchor), label).to.match(/^(below|above) [5-7]$/);
  if (where === 'showing') expect(showing(tip), `${label}: hidden`).to.equal(true);
}

async function frames(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) await nextFrame();
}

describe('where the popovers open, measured', () => {
  // The badge's tooltip opens on hover too (after 300 ms), placed the same way as on focus.
  it('places the badge’s tooltip opened by the mouse beside the badge, in the page scrolled', async () => {
    const page = await fixture<HTMLElement>(html`<div style="padding: 700px 100px 1500px">${POPOVERS['the badge’s tooltip']!.template}</div>`);
    const el = kitElement(page) as EmailStatusBadgeElement;
    await el.updateComplete;
    const badge = trigger(el);
    badge.scrollIntoView({ block: 'center' });
    await frames();
    await hover(badge);
    const openTip = () => el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]:popover-open');
    await waitUntil(openTip, 'never opened');
    const tip = openTip()!;
    await beside(tip, badge, 'hovered');
    await sendMouse({ type: 'move', position: [0, 0] });
  });

  afterEach(async () => {
    window.scrollTo(0, 0);
    await setViewport({ width: 800, height: 600 });
  });

  for (const [name, { template, open }] of Object.entries(POPOVERS)) {
    describe(name, () => {
      // A page longer than the window: Firefox draws a classic scrollbar here (Chromium's and WebKit's headless windows
      // have overlay ones). 100vw counts the scrollbar: a popover 100vw wide less its margins fitted beside its trigger
      // in no placement, and Firefox showed it at the window's bottom edge, 12 to 100 px away from its trigger.
      itAtWidth(320)('opens 6 px from its trigger in a 320 px window with a classic scrollbar', async () => {
        await setViewport({ width: 320, height: 256 });
        const page = await fixture<HTMLElement>(html`<div style="padding: 300px 0 900px">${template}</div>`);
        const el = kitElement(page);
        await el.updateComplete;
        await frames();
        expect(document.documentElement.scrollHeight).to.be.above(innerHeight);
        trigger(el).scrollIntoView({ block: 'center' });
        const [anchor, tip] = await open(el);
        await beside(tip, anchor, name);
      });

      // Opened, then the page scrolled on until its trigger is far above the window: it goes up with its trigger.
      // The first placement (pushed a window's height down, so that it never fits) fitted below a trigger that far
      // up, and the explanation came back into the middle of the window, alone.
      it('goes with its trigger when the page scrolls it far out of the window', async () => {
        const page = await fixture<HTMLElement>(html`<div style="padding: 200px 100px 3000px">${template}</div>`);
        const el = kitElement(page);
        await el.updateComplete;
        const [anchor, tip] = await open(el);
        await beside(tip, anchor, `${name}, opened`);
        for (const by of [100, 600, 1500]) {
          window.scrollTo(0, by);
          await frames();
          await beside(tip, anchor, `${name}, the page scrolled by ${by} px`, by > 200 ? 'placed only' : 'showing');
        }
      });

      it('goes with its trigger when a scrolling box scrolls it out of sight', async () => {
        const page = await fixture<HTMLElement>(html`<div style="height: 300px; overflow: auto; margin-top: 100px">
          <div style="padding: 150px 50px 2000px">${template}</div></div>`);
        const el = kitElement(page);
        await el.updateComplete;
        const [anchor, tip] = await open(el);
        await beside(tip, anchor, `${name}, opened`);
        for (const by of [60, 500, 800, 1200]) {
          page.scrollTop = by;
          await frames();
          await beside(tip, anchor, `${name}, the box scrolled by ${by} px`, by > 100 ? 'placed only' : 'showing');
        }
      });

      // Its trigger scrolled out of the top of a box (a table's) but still in the window: the popover, in the top
      // layer, is not clipped by the box; it stayed over the rows below in Firefox 153 and WebKit (Chromium hides an
      // anchored popover whose anchor is clipped away). Hidden now while its trigger is out of sight, back with it.
      it('hides while a scrolling box has its trigger out of sight, and shows again when it is back', async () => {
        const page = await fixture<HTMLElement>(html`<div style="height: 300px; overflow: auto; margin-top: 150px">
          <div style="padding: 150px 50px 2000px">${template}</div></div>`);
        const el = kitElement(page);
        await el.updateComplete;
        const [anchor, tip] = await open(el);
        await beside(tip, anchor, `${name}, opened`);
        // Its trigger's top 40 px from the window's, above the box's (150 px): out of sight, under the window's top.
        page.scrollTop = anchor.getBoundingClientRect().top - 40;
        await frames();
        expect(anchor.getBoundingClientRect().bottom, 'the trigger above the box').to.be.below(page.getBoundingClientRect().top);
        await waitUntil(() => !showing(tip), `${name}: still showing, ${side(tip, anchor)}, its trigger out of sight`).catch(() => undefined);
        expect(showing(tip), `${name}: still showing, its trigger out of sight`).to.equal(false);
        expect(tip.matches(':popover-open'), 'still open').to.equal(true);
        page.scrollTop = 0;
        await frames();
        await beside(tip, anchor, `${name}, its trigger back in sight`);
      });

      // A drawer slid in, a card scaled up: CSS anchor positioning in Firefox 153 placed the popover by where its
      // trigger would be without the transform, over it (34 px up in a box moved 40 px down).
      for (const transform of ['transform: translate(30px, 40px)', 'translate: 0 40px', 'scale: 1.25']) {
        it(`opens beside its trigger inside a box moved by ${transform}`, async () => {
          const page = await fixture<HTMLElement>(html`<div style=${`${transform}; padding: 100px`}>${template}</div>`);
          const el = kitElement(page);
          await el.updateComplete;
          const [anchor, tip] = await open(el);
          await beside(tip, anchor, `${name} under ${transform}`);
        });
      }

      // Placed by Floating UI while in the moved box, then by CSS anchor positioning: Floating UI's inline position
      // must not stay behind (it held the popover where it had been, away from its trigger).
      it('opens beside its trigger again once the box that moved it is back in place', async () => {
        const page = await fixture<HTMLElement>(html`<div style="translate: 0 40px; padding: 100px">${template}</div>`);
        const el = kitElement(page);
        await el.updateComplete;
        let [anchor, tip] = await open(el);
        await beside(tip, anchor, `${name} in the moved box`);
        if (el.localName === 'email-status-badge') (el as EmailStatusBadgeElement).hideTooltip();
        else tip.hidePopover();
        page.style.translate = 'none';
        page.style.paddingTop = '300px';
        [anchor, tip] = await open(el);
        await beside(tip, anchor, `${name} once the box is back`);
      });

      // The window made smaller while it is open: still beside its trigger, inside the window.
      it('stays beside its trigger and inside the window when the window shrinks', async () => {
        const page = await fixture<HTMLElement>(html`<div style="display: flex; justify-content: center; padding-top: 200px">${template}</div>`);
        const el = kitElement(page);
        await el.updateComplete;
        const [anchor, tip] = await open(el);
        await beside(tip, anchor, `${name}, opened`);
        await setViewport({ width: 500, height: 400 });
        await frames();
        await beside(tip, anchor, `${name}, the window 500 × 400`);
        expect(inViewport(tip.getBoundingClientRect()), JSON.stringify(tip.getBoundingClientRect())).to.equal(true);
      });

      // Against each edge of the window, and in a right-to-left page.
      for (const [where, style, dir] of [
        ['the right edge', 'position: fixed; right: 0; top: 200px', 'ltr'],
        ['the left edge', 'position: fixed; left: 0; top: 200px', 'ltr'],
        ['the top edge', 'position: fixed; left: 300px; top: 0', 'ltr'],
        ['the left edge of a right-to-left page', 'position: fixed; left: 0; top: 200px', 'rtl'],
        ['the right edge of a right-to-left page', 'position: fixed; right: 0; top: 200px', 'rtl'],
      ] as const) {
        it(`opens beside its trigger, inside the window, at ${where}`, async () => {
          const page = await fixture<HTMLElement>(html`<div dir=${dir} style=${style}>${template}</div>`);
          const el = kitElement(page);
          await el.updateComplete;
          const [anchor, tip] = await open(el);
          await beside(tip, anchor, `${name} at ${where}`);
          expect(inViewport(tip.getBoundingClientRect()), JSON.stringify(tip.getBoundingClientRect())).to.equal(true);
        });
      }

      // In the top layer above a modal dialog (showModal), and staying by its trigger as the dialog scrolls.
      it('opens beside its trigger in a modal dialog, and stays there as the dialog scrolls', async () => {
        const page = await fixture<HTMLElement>(html`<div><dialog style="max-height: 300px; overflow: auto">
          <div style="padding: 150px 20px 600px">${template}</div></dialog></div>`);
        const dialog = page.querySelector('dialog')!;
        dialog.showModal();
        try {
          const el = kitElement(page);
          await el.updateComplete;
          const [anchor, tip] = await open(el);
          await beside(tip, anchor, `${name} in a dialog`);
          dialog.scrollTop = 60;
          await frames();
          await beside(tip, anchor, `${name} in a dialog scrolled by 60 px`);
        } finally {
          dialog.close();
        }
      });
    });
  }
});

// Left open by the placement audit: an explanation long enough to scroll is the Tab stop after its ⓘ; hidden while its
// trigger is out of sight (above), it took the keyboard focus with it, to the page's body, when the page scrolled
// (a wheel, a finger, the scroll chained on from the explanation's own end) with the focus inside it.
describe('the keyboard focus inside an explanation whose trigger scrolls out of sight', () => {
  afterEach(async () => {
    window.scrollTo(0, 0);
    await setViewport({ width: 800, height: 600 });
  });

  for (const name of ['an indicator’s explanation', 'the stages’ explanation']) {
    itAtWidth(320)(`stays in the element, on the ⓘ, and comes back with it (${name})`, async () => {
      await setViewport({ width: 320, height: 256 });
      const page = await fixture<HTMLElement>(html`<div style="padding: 100px 0 3000px"><button>before</button>${POPOVERS[name]!.template}</div>`);
      const el = kitElement(page);
      await el.updateComplete;
      const info = trigger(el) as HTMLButtonElement;
      info.scrollIntoView({ block: 'center' });
      info.focus();
      await sendKeys({ press: 'Enter' });
      const tip = info.popoverTargetElement as HTMLElement;
      await beside(tip, info, `${name}, opened`);
      expect(tip.scrollHeight, 'long enough to scroll in a 320 × 256 window').to.be.above(tip.clientHeight);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === tip, 'Tab moves into the explanation').to.equal(true);
      window.scrollBy(0, Math.ceil(info.getBoundingClientRect().bottom) + 100);
      const scrolled = scrollY;
      await waitUntil(() => !showing(tip), `${name}: still showing, its trigger out of sight`);
      await frames();
      expect(scrollY, 'the page left where it was scrolled').to.be.closeTo(scrolled, 1);
      // Compared by name: an element in a failed assertion sends the runner into serialising the whole page.
      expect(document.activeElement?.localName, 'the focus still in the element').to.equal(el.localName);
      expect(el.shadowRoot!.activeElement?.getAttribute('part'), 'on the ⓘ').to.equal('info-button');
      expect(tip.matches(':popover-open'), 'still open').to.equal(true);
      await expect(page).to.be.accessible();
      window.scrollTo(0, 0);
      info.scrollIntoView({ block: 'center' });
      await beside(tip, info, `${name}, its trigger back in sight`);
      // The focus goes on from there.
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === tip, 'Tab moves into the explanation again').to.equal(true);
    });
  }
});
