import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { render } from 'lit';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { loadExplanations } from '../../src/i18n/index.js';
import { DISPLAY_STATUSES, statusInfo } from '../../src/core/index.js';
import { descriptionOf, fadedIn, hover, isOpen, part, tooltipOf } from './shared/badge-helpers.js';
import { asIfBrowser, inFirefox, itWithDevTools, setViewport, shiftTab } from '../support/engine.js';
import { inViewport, placedBeside } from '../support/placement.js';
import '../support/axe.js';

const tap = (target: Element) => {
  target.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true, composed: true }));
  target.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'touch', bubbles: true, composed: true }));
  target.dispatchEvent(new PointerEvent('click', { pointerType: 'touch', bubbles: true, composed: true }));
};


async function badgeIn(template: ReturnType<typeof html>): Promise<EmailStatusBadgeElement> {
  const root = await fixture(template);
  return root.localName === 'email-status-badge' ? (root as EmailStatusBadgeElement) : root.querySelector('email-status-badge')!;
}

describe('<email-status-badge> tooltip', () => {
  // A tooltip opens once the explanations it shows have loaded (badges fetch them when the page is idle; the
  // French test below sees that wait). Loaded up front here, so that focus and hover tests do not depend on
  // whether the page was idle before them.
  before(() => loadExplanations('en'));

  afterEach(async () => {
    await resetMouse();
    (document.activeElement as HTMLElement | null)?.blur();
  });

  it('creates no tooltip before it is needed', async () => {
    const root = await fixture(html`<div lang="en">${Array.from({ length: 50 }, () => html`<email-status-badge status="delivered"></email-status-badge>`)}</div>`);
    const badges = [...root.querySelectorAll('email-status-badge')];
    expect(badges.filter((b) => tooltipOf(b) !== null).length).to.equal(0);
    await hover(badges[3]!);
    await waitUntil(() => isOpen(badges[3]!), 'hover did not open it');
    expect(badges.filter((b) => tooltipOf(b) !== null)).to.deep.equal([badges[3]]);
  });

  it('opens on hover after a short delay, in the top layer, as the badge’s description', async () => {
    const el = await badgeIn(html`<div lang="en" style="padding: 40px"><email-status-badge status="delivered"></email-status-badge></div>`);
    // From cold: a badge hovered within 300 ms of a tooltip closing on hover-out opens at once (moving along a row), and
    // the previous test's tooltip closes as its pointer leaves, later on a busy machine.
    await aTimeout(400);
    // Checked by a timer started when the pointer arrives: it runs before the 300 ms show delay, however busy the machine.
    let openAfter100ms: boolean | undefined;
    el.addEventListener('pointerover', () => setTimeout(() => (openAfter100ms ??= isOpen(el)), 100), { once: true });
    await hover(el);
    await waitUntil(() => isOpen(el), 'hover did not open it');
    expect(openAfter100ms).to.equal(false);
    const tip = tooltipOf(el)!;
    expect(tip.getAttribute('role')).to.equal('tooltip');
    expect(tip.getAttribute('popover')).to.equal('manual');
    // Described by the tooltip, but for the status name at its start, which is the badge's own name already.
    expect(descriptionOf(el)).to.match(/^Email\. What it means:\s*The recipient’s mail server accepted the message\./);
    expect(tip.textContent).to.include('The recipient’s mail server accepted the message.');
    expect(tip.textContent).to.include('an email may have been filed in spam or promotions');
  });

  it('stays open while the pointer moves onto it, and closes once the pointer leaves both', async () => {
    const el = await badgeIn(html`<div lang="en" style="padding: 40px"><email-status-badge status="soft-bounced"></email-status-badge></div>`);
    await hover(el);
    await waitUntil(() => isOpen(el));
    await hover(tooltipOf(el)!);
    await aTimeout(300);
    expect(isOpen(el)).to.equal(true);
    await sendMouse({ type: 'move', position: [innerWidth - 2, innerHeight - 2] });
    await waitUntil(() => !isOpen(el), 'did not close after the pointer left');
  });

  it('opens on keyboard focus and closes when focus leaves', async () => {
    const root = await fixture(html`<div lang="en"><button>before</button><email-status-badge status="hard-bounced"></email-status-badge><button>after</button></div>`);
    const el = root.querySelector('email-status-badge')!;
    root.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'badge'));
    await waitUntil(() => isOpen(el), 'focus did not open it');
    expect(tooltipOf(el)!.textContent).to.include('will be excluded from future sends');
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => !isOpen(el), 'blur did not close it');
  });

  it('leaves the Tab order with tabindex="-1" on it, and still opens its tooltip when the page focuses it (a table with one tab stop per row)', async () => {
    const root = await fixture(html`<div lang="en"><button>before</button><email-status-badge status="hard-bounced" tabindex="-1"></email-status-badge><button>after</button></div>`);
    const el = root.querySelector('email-status-badge')!;
    const [before, after] = root.querySelectorAll('button');
    before!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement, 'Tab skips the badge').to.equal(after);
    expect(isOpen(el)).to.equal(false);
    el.focus();
    expect(el.shadowRoot!.activeElement, 'focus() reaches the badge inside').to.equal(part(el, 'badge'));
    await waitUntil(() => isOpen(el), 'focus() did not open the tooltip');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !isOpen(el), 'Escape did not close it');
  });

  describe('inside a page\'s own shadow root (an app built of custom elements)', () => {
    /** A host whose shadow root holds a cell, two badges and a button, as a Lit app's table would. */
    async function appWithBadges() {
      const host = await fixture<HTMLElement>(html`<div lang="en"></div>`);
      const shadow = host.attachShadow({ mode: 'open' });
      render(html`
        <div style="padding: 40px; display: flex; gap: 40px">
          <span class="cell" style="padding: 10px">cell</span>
          <email-status-badge status="hard-bounced"></email-status-badge>
          <email-status-badge status="delivered"></email-status-badge>
          <button>after</button>
        </div>`, shadow);
      const [first, second] = [...shadow.querySelectorAll('email-status-badge')];
      await first!.updateComplete;
      await second!.updateComplete;
      return { shadow, first: first!, second: second!, cell: shadow.querySelector('.cell')!, button: shadow.querySelector('button')! };
    }

    it('opens on hover coming from a cell of the same shadow root, and closes when the pointer moves back', async () => {
      const { first, cell } = await appWithBadges();
      await hover(cell);
      await hover(first);
      await waitUntil(() => isOpen(first), 'hover from a sibling did not open it');
      await hover(cell);
      await waitUntil(() => !isOpen(first), 'moving back to the cell did not close it');
    });

    it('moves from one badge to the next under the pointer', async () => {
      const { first, second } = await appWithBadges();
      await hover(first);
      await waitUntil(() => isOpen(first));
      await hover(second);
      await waitUntil(() => isOpen(second) && !isOpen(first), 'the next badge did not take over');
    });

    it('opens on keyboard focus from a sibling, follows Tab, and closes on Escape', async () => {
      const { shadow, first, second, button } = await appWithBadges();
      shadow.querySelector<HTMLElement>('.cell')!.tabIndex = 0;
      shadow.querySelector<HTMLElement>('.cell')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(first.shadowRoot!.activeElement).to.equal(part(first, 'badge'));
      await waitUntil(() => isOpen(first), 'focus from a sibling did not open it');
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => isOpen(second) && !isOpen(first), 'Tab to the next badge did not move the tooltip');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !isOpen(second), 'Escape did not close it');
      await sendKeys({ press: 'Tab' });
      expect(shadow.activeElement).to.equal(button);
    });
  });

  it('is the description from the first focus, even one that does not show it (mouse, script)', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="opened"></email-status-badge>`);
    part(el, 'badge').focus();
    const tip = tooltipOf(el)!;
    expect(descriptionOf(el)).to.include('no legal proof');
    expect(descriptionOf(el)).not.to.include('Opened');
    expect(tip.textContent).to.include('no legal proof');
  });

  it('closes on Escape without closing the dialog around it; the next Escape closes the dialog', async () => {
    const dialog = (await fixture(html`<dialog lang="en"><button>first</button><email-status-badge status="delivered"></email-status-badge></dialog>`)) as HTMLDialogElement;
    dialog.showModal();
    const el = dialog.querySelector('email-status-badge')!;
    dialog.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await waitUntil(() => isOpen(el), 'focus did not open it');
    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);
    expect(dialog.open).to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open, 'the second Escape did not close the dialog');
  });

  it('lets Escape through untouched while it is closed', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="delivered"></email-status-badge>`);
    part(el, 'badge').focus();
    el.hideTooltip();
    expect(isOpen(el)).to.equal(false);
    let prevented: boolean | undefined;
    const listener = (event: Event) => (prevented = event.defaultPrevented);
    document.addEventListener('keydown', listener);
    try {
      await sendKeys({ press: 'Escape' });
    } finally {
      document.removeEventListener('keydown', listener);
    }
    expect(prevented).to.equal(false);
  });

  describe('placement where CSS anchor positioning is missing or unsafe', () => {
    const frames = async () => {
      await nextFrame();
      await nextFrame();
    };

    for (const browser of ['no-anchor-positioning', 'webkit'] as const) {
      it(`places it below its badge, or above it at the window's bottom, as ${browser === 'webkit' ? 'WebKit' : 'a browser without anchor positioning'} (Floating UI, no position fallbacks)`, async () => {
        await asIfBrowser(browser, async () => {
          for (const where of ['top: 10px; left: 10px', 'bottom: 4px; right: 4px']) {
            const el = await badgeIn(html`<div lang="en" style=${`position: fixed; ${where}`}><email-status-badge status="soft-bounced"></email-status-badge></div>`);
            await el.showTooltip();
            await placedBeside(tooltipOf(el)!, el, where);
            expect(getComputedStyle(tooltipOf(el)!).getPropertyValue('position-try-fallbacks'), where).to.equal('none');
            el.hideTooltip();
          }
        });
      });
    }

    it('keeps the page running when the page hides a badge whose tooltip was shown, open or closed (a tab, a dialog)', async () => {
      const wrapper = await fixture<HTMLElement>(html`<div lang="en" style="padding: 40px"><email-status-badge status="delivered"></email-status-badge></div>`);
      const el = wrapper.querySelector('email-status-badge')!;
      // In WebKit 2.50 with position fallbacks, hiding it froze the page (npm run test:webkit); elsewhere it always worked.
      await el.showTooltip();
      el.hideTooltip();
      wrapper.hidden = true;
      await frames();
      wrapper.hidden = false;
      await el.showTooltip();
      await placedBeside(tooltipOf(el)!, el, 'shown again');
      wrapper.hidden = true;
      await frames();
      wrapper.hidden = false;
      await placedBeside(tooltipOf(el)!, el, 'shown again while open');
      el.hideTooltip();
    });
  });

  it('closes a hovered tooltip on Escape, wherever the focus is', async () => {
    const el = await badgeIn(html`<div lang="en" style="padding: 40px"><email-status-badge status="queued"></email-status-badge></div>`);
    await hover(el);
    await waitUntil(() => isOpen(el));
    await sendKeys({ press: 'Escape' });
    expect(isOpen(el)).to.equal(false);
  });

  it('toggles on tap, and closes on a tap elsewhere', async () => {
    const root = await fixture(html`<div lang="en"><email-status-badge status="deferred"></email-status-badge><p>elsewhere</p></div>`);
    const el = root.querySelector('email-status-badge')!;
    tap(part(el, 'badge'));
    expect(isOpen(el)).to.equal(true);
    tap(part(el, 'badge'));
    expect(isOpen(el)).to.equal(false);
    tap(part(el, 'badge'));
    expect(isOpen(el)).to.equal(true);
    tap(root.querySelector('p')!);
    expect(isOpen(el)).to.equal(false);
  });

  it('is not clipped by an overflow: hidden, contain: paint, transformed 20 px box', async () => {
    const el = await badgeIn(
      html`<div lang="en" style="margin: 30px; width: 20px; height: 20px; overflow: hidden; contain: paint; transform: translateX(1px)"><email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge></div>`,
    );
    await el.showTooltip();
    const tip = tooltipOf(el)!;
    expect(tip.matches(':popover-open')).to.equal(true);
    const rect = tip.getBoundingClientRect();
    expect(rect.width).to.be.greaterThan(100);
    expect(rect.height).to.be.greaterThan(50);
    expect(inViewport(rect), JSON.stringify(rect)).to.equal(true);
    // What is painted at its center is the tooltip itself, not whatever lies under the clipped box.
    const hit = el.shadowRoot!.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    expect(hit && tip.contains(hit)).to.equal(true);
  });

  it('stays inside the viewport next to a badge in the bottom-right corner, above it', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="complained" style="position: fixed; right: 0; bottom: 0"></email-status-badge>`);
    await el.showTooltip();
    const rect = tooltipOf(el)!.getBoundingClientRect();
    expect(inViewport(rect), JSON.stringify(rect)).to.equal(true);
    expect(rect.bottom).to.be.at.most(part(el, 'badge').getBoundingClientRect().top);
  });

  // Firefox 153 kept a tooltip below a badge 60 px off the window's bottom, squeezed into that room and scrolling,
  // when the first placement could shrink (see tooltipPlacementStyles).
  it('shows a tooltip whole above a badge near the window\'s bottom, rather than squeezed into the room below', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="soft-bounced" reason="mailbox-full"
      style="position: fixed; left: 40%; bottom: 60px"></email-status-badge>`);
    await el.showTooltip();
    const tip = tooltipOf(el)!;
    await placedBeside(tip, part(el, 'badge'), '60 px off the bottom');
    const rect = tip.getBoundingClientRect();
    expect(rect.height, 'taller than the room below').to.be.greaterThan(60);
    expect(rect.bottom, JSON.stringify(rect)).to.be.at.most(part(el, 'badge').getBoundingClientRect().top);
    expect(tip.scrollHeight, 'nothing to scroll').to.be.at.most(tip.clientHeight);
    el.hideTooltip();
  });

  // In this browser, and as the browsers placed by Floating UI (WebKit, and those without anchor positioning).
  for (const browser of [undefined, 'no-anchor-positioning', 'webkit'] as const) {
    const as = browser === undefined ? '' : browser === 'webkit' ? ' (as WebKit)' : ' (as a browser without anchor positioning)';
    it(`never covers its badge when neither side has room for it: it takes the larger side and scrolls${as}`, async () => {
      const run = async () => {
        const el = await badgeIn(html`<email-status-badge lang="fr" status="complained" reason="spam-complaint" code="550 5.7.1"
          detail="The message was reported as spam by the recipient; this long diagnostic makes the tooltip taller than either side of the badge."
          style="position: fixed; left: 40%; top: 110px"></email-status-badge>`);
        await el.showTooltip();
        const tip = tooltipOf(el)!;
        // Beside the badge and inside the window (in a later frame with Floating UI).
        await placedBeside(tip, part(el, 'badge'), 'a 300 px tall window');
        const rect = tip.getBoundingClientRect();
        const badge = part(el, 'badge').getBoundingClientRect();
        expect(tip.scrollHeight, 'the explanation is taller than either side').to.be.greaterThan(badge.top);
        // Below the badge (190 px of room) rather than above it (110 px), and not over it.
        expect(rect.top, JSON.stringify(rect)).to.be.at.least(badge.bottom);
        expect(tip.scrollHeight).to.be.greaterThan(tip.clientHeight);
        expect(getComputedStyle(tip).overflowY).to.equal('auto');
        el.hideTooltip();
      };
      await setViewport({ width: 800, height: 300 });
      try {
        await (browser === undefined ? run() : asIfBrowser(browser, run));
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });
  }

  it('scrolls with the arrow keys, Page Up/Down, Home and End while its badge has focus, when it is too long for the room it has (high zoom)', async () => {
    await setViewport({ width: 800, height: 300 });
    const seen: { key: string; taken: boolean }[] = [];
    // Registered after the kit's own window listener (which runs once the page has had the key): it sees whether
    // the kit took the key.
    const watch = (event: KeyboardEvent) => seen.push({ key: event.key, taken: event.defaultPrevented });
    addEventListener('keydown', watch);
    try {
      const root = await fixture(html`<div lang="en"><button>before</button><email-status-badge status="complained" reason="spam-complaint" code="550 5.7.1"
        detail=${'A long diagnostic from the provider, repeated so that the tooltip is much taller than the room on either side of the badge. '.repeat(6)}
        style="position: fixed; left: 40%; top: 110px"></email-status-badge></div>`);
      const el = root.querySelector('email-status-badge')!;
      root.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => isOpen(el), 'focus did not open it');
      const tip = tooltipOf(el)!;
      const max = tip.scrollHeight - tip.clientHeight;
      expect(max, 'the tooltip overflows').to.be.greaterThan(100);
      expect(tip.scrollTop).to.equal(0);
      await sendKeys({ press: 'ArrowDown' });
      const afterLine = tip.scrollTop;
      expect(afterLine, 'ArrowDown scrolls a line').to.be.within(10, 60);
      await sendKeys({ press: 'PageDown' });
      expect(tip.scrollTop - afterLine, 'PageDown scrolls most of a page').to.be.greaterThan(tip.clientHeight / 2);
      await sendKeys({ press: 'End' });
      expect(Math.abs(tip.scrollTop - max)).to.be.below(1);
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Home' });
      expect(tip.scrollTop).to.equal(0);
      await sendKeys({ press: 'ArrowUp' });
      expect(seen.map((k) => `${k.key}:${k.taken}`)).to.deep.equal([
        'Tab:false',
        'ArrowDown:true',
        'PageDown:true',
        'End:true',
        // At the end, and at the start: nothing left to scroll that way, so the page has the key.
        'ArrowDown:false',
        'Home:true',
        'ArrowUp:false',
      ]);
      expect(isOpen(el), 'scrolling keeps it open').to.equal(true);
      // The tooltip pattern: focus stays on the badge, whose keys scroll the tooltip (checked above); axe's rule wants
      // a scrolling box to be a Tab stop itself, which would let Shift+Tab fall into the tooltip and close it.
      await fadedIn(el);
      await expect(root).to.be.accessible({ ignoredRules: ['scrollable-region-focusable'] });
      expect(el.shadowRoot!.activeElement === part(el, 'badge'), 'focus stays on the badge').to.equal(true);
      await shiftTab();
      const focused = document.activeElement === el ? `inside the badge: ${el.shadowRoot!.activeElement?.className}` : document.activeElement?.localName;
      expect(focused, 'Shift+Tab goes back to the page, not into the tooltip').to.equal('button');
    } finally {
      removeEventListener('keydown', watch);
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('leaves the arrow keys to a grid that moves its focus with them, and scrolls with the keys the grid leaves', async () => {
    await setViewport({ width: 800, height: 300 });
    try {
      const detail = 'A long diagnostic from the provider, repeated so that the tooltip is much taller than the room on either side of the badge. '.repeat(6);
      const root = await fixture(html`<div lang="en"><button>before</button><div role="grid" @keydown=${(event: KeyboardEvent) => {
        // A page's own roving focus, one badge per row (README: tabindex="-1" and focus()).
        const badges = [...(event.currentTarget as HTMLElement).querySelectorAll('email-status-badge')];
        const at = badges.findIndex((badge) => badge.matches(':focus-within'));
        const next = badges[at + (event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : NaN)];
        if (!next) return;
        next.focus();
        event.preventDefault();
      }}>
        <div role="row"><div role="gridcell"><email-status-badge status="complained" code="550 5.7.1" detail=${detail}
          style="position: fixed; left: 10%; top: 110px"></email-status-badge></div></div>
        <div role="row"><div role="gridcell"><email-status-badge tabindex="-1" status="complained" code="550 5.7.1" detail=${detail}
          style="position: fixed; left: 60%; top: 110px"></email-status-badge></div></div>
      </div></div>`);
      const [first, second] = [...root.querySelectorAll('email-status-badge')];
      root.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => isOpen(first!), 'focus did not open it');
      expect(tooltipOf(first!)!.scrollHeight - tooltipOf(first!)!.clientHeight, 'the tooltip overflows').to.be.greaterThan(100);
      await sendKeys({ press: 'ArrowDown' });
      expect(second!.matches(':focus-within'), 'the grid moved to the next row').to.equal(true);
      expect(tooltipOf(first!)!.scrollTop, 'the first tooltip did not take the key').to.equal(0);
      await waitUntil(() => isOpen(second!), 'focus did not open the next one');
      await sendKeys({ press: 'PageDown' });
      expect(tooltipOf(second!)!.scrollTop, 'a key the grid does not use scrolls').to.be.greaterThan(0);
      expect(second!.matches(':focus-within'), 'focus stays put').to.equal(true);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('leaves the arrow keys to the page when the open tooltip fits, or when its badge does not have focus', async () => {
    const seen: boolean[] = [];
    const watch = (event: KeyboardEvent) => event.key === 'ArrowDown' && seen.push(event.defaultPrevented);
    addEventListener('keydown', watch);
    try {
      const root = await fixture(html`<div lang="en"><button>before</button><email-status-badge status="delivered"></email-status-badge></div>`);
      const el = root.querySelector('email-status-badge')!;
      root.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      await waitUntil(() => isOpen(el), 'focus did not open it');
      await sendKeys({ press: 'ArrowDown' });
      // Open on hover, too long for its room, with the focus on the page's button.
      await setViewport({ width: 800, height: 300 });
      const long = await badgeIn(html`<email-status-badge lang="en" status="complained" style="position: fixed; left: 40%; top: 110px"
        detail=${'A long diagnostic. '.repeat(60)}></email-status-badge>`);
      root.querySelector('button')!.focus();
      await hover(long);
      await waitUntil(() => isOpen(long), 'hover did not open it');
      const tip = tooltipOf(long)!;
      expect(tip.scrollHeight).to.be.greaterThan(tip.clientHeight);
      await sendKeys({ press: 'ArrowDown' });
      expect(tip.scrollTop).to.equal(0);
      expect(seen).to.deep.equal([false, false]);
    } finally {
      removeEventListener('keydown', watch);
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('sits below a badge that has room under it', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="sent" style="position: fixed; left: 0; top: 0"></email-status-badge>`);
    await el.showTooltip();
    const rect = tooltipOf(el)!.getBoundingClientRect();
    expect(inViewport(rect), JSON.stringify(rect)).to.equal(true);
    expect(rect.top).to.be.at.least(part(el, 'badge').getBoundingClientRect().bottom);
  });

  it('shows one tooltip at a time', async () => {
    const root = await fixture(html`<div lang="en"><email-status-badge status="sent"></email-status-badge><email-status-badge status="failed"></email-status-badge></div>`);
    const [a, b] = [...root.querySelectorAll('email-status-badge')];
    await a!.showTooltip();
    await b!.showTooltip();
    expect([isOpen(a!), isOpen(b!)]).to.deep.equal([false, true]);
  });

  it('says when the status last changed, relative and absolute, computed when it opens', async () => {
    const fiveMinutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
    const el = await badgeIn(html`<email-status-badge lang="en" status="delivered" updated-at=${fiveMinutesAgo}></email-status-badge>`);
    await el.showTooltip();
    expect(tooltipOf(el)!.textContent).to.include('Last update: 5 minutes ago (');
  });

  it('says "now" for a last update a server clock dated a few minutes ahead of the browser\'s', async () => {
    const ahead = new Date(Date.now() + 2 * 60_000).toISOString();
    const el = await badgeIn(html`<email-status-badge lang="fr" status="delivered" updated-at=${ahead}></email-status-badge>`);
    await el.showTooltip();
    expect(tooltipOf(el)!.textContent).to.include('Dernière mise à jour\u00a0: maintenant (');
  });

  it('reads an updated-at or a status time written as PostgreSQL writes times (+01, which Date.parse does not read) as the instant it is', async () => {
    const status = { messageId: 'm', channel: 'email', delivery: 'delivered', display: 'delivered', engagement: {}, settled: true };
    const root = await fixture(html`<div lang="en">
      <email-status-badge status="delivered" updated-at="2026-11-23T10:12:00+01"></email-status-badge>
      <email-status-badge .value=${{ ...status, updatedAt: '2026-11-23T10:12:00.5+01' }}></email-status-badge>
      <email-status-badge status="delivered" updated-at="2026-11-23T09:12:00Z"></email-status-badge>
    </div>`);
    const [attribute, value, utc] = [...root.querySelectorAll('email-status-badge')];
    const said = [];
    for (const el of [attribute!, value!, utc!]) {
      await el.showTooltip();
      said.push(descriptionOf(el).replace(/^.*Last update: /, ''));
    }
    expect(said[0]).to.match(/Nov 2[23], 2026/).and.not.to.include('unknown date');
    expect(said).to.deep.equal([said[2], said[2], said[2]]);
  });

  it('says the last update is of an unknown date when updated-at is not a date, as the stats do, rather than leaving it out', async () => {
    const root = await fixture(html`<div><email-status-badge lang="en" status="delivered" updated-at="yesterday"></email-status-badge
      ><email-status-badge lang="fr" status="delivered" updated-at="2026-13-45"></email-status-badge></div>`);
    const [en, fr] = [...root.querySelectorAll('email-status-badge')];
    await en!.showTooltip();
    expect(tooltipOf(en!)!.textContent!.replace(/\s+/g, ' ')).to.include('Last update: unknown date');
    expect(descriptionOf(en!)).to.include('Last update: unknown date');
    await fr!.showTooltip();
    expect(tooltipOf(fr!)!.textContent!.replace(/[\t\n ]+/g, ' ')).to.include('Dernière mise à jour\u00a0: date inconnue');
    await expect(fr).to.be.accessible();
  });

  it('says a status that is not final may still change', async () => {
    const root = await fixture(html`<div lang="en"><email-status-badge status="sent"></email-status-badge><email-status-badge status="delivered"></email-status-badge></div>`);
    const [pending, settled] = [...root.querySelectorAll('email-status-badge')];
    await pending!.showTooltip();
    expect(tooltipOf(pending!)!.textContent).to.include('Not final yet: a status can take up to an hour to settle, and up to 72 hours when the platform retries or for some SMS.');
    await settled!.showTooltip();
    expect(tooltipOf(settled!)!.textContent).not.to.include('Not final yet');
  });

  it('explains an SMS soft bounce as final, after the carrier’s attempts, never as a usable number still retried', async () => {
    const el = await badgeIn(html`<email-status-badge lang="fr" channel="sms" status="soft-bounced" reason="landline"></email-status-badge>`);
    await el.showTooltip();
    const text = tooltipOf(el)!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.include('il ne sera plus délivré');
    expect(text).to.include('Numéro de téléphone fixe');
    expect(text).not.to.include('peut encore être délivré');
    expect(text).not.to.include('reste utilisable');
    expect(text, 'no "not final yet" under it').not.to.include('Pas encore définitif');
    const email = await badgeIn(html`<email-status-badge lang="fr" status="soft-bounced"></email-status-badge>`);
    await email.showTooltip();
    expect(tooltipOf(email)!.textContent).to.include('peut encore être délivré').and.include('Pas encore définitif');
    await expect(el).to.be.accessible();
  });

  it('speaks of the number too, never of e-mails, when explaining a blocked, bounced or dropped SMS in French', async () => {
    for (const status of ['blocked', 'bounced', 'dropped']) {
      const el = await badgeIn(html`<email-status-badge lang="fr" channel="sms" status=${status} reason="suppressed"></email-status-badge>`);
      await el.showTooltip();
      const text = tooltipOf(el)!.textContent!.replace(/\s+/g, ' ');
      expect(text, status).to.match(/numéro/);
      expect(text, status).not.to.match(/e-mail/i);
    }
  });

  it('explains a soft bounce is retried and a reason in words, with the raw code as text', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="soft-bounced" reason="mailbox-full" code="452 4.2.2"></email-status-badge>`);
    await el.showTooltip();
    const tip = tooltipOf(el)!;
    expect(tip.textContent).to.include('The platform often retries by itself');
    expect(tip.textContent).to.include('Mailbox full — The recipient’s mailbox, or phone memory, has no room left for new messages.');
    expect(tip.querySelector('code')!.textContent).to.equal('452 4.2.2');
  });

  it('labels a badge given no status "No status" and says none was given, rather than that a provider reported an unknown one', async () => {
    for (const template of [html`<email-status-badge lang="en"></email-status-badge>`, html`<email-status-badge lang="en" status="  "></email-status-badge>`]) {
      const el = await badgeIn(template);
      const badge = el.shadowRoot!.querySelector('[part~="badge"]')!;
      expect(badge.querySelector('[part~="label"]')!.textContent, 'label').to.equal('No status');
      expect(badge.getAttribute('aria-label'), 'accessible name').to.equal('No status');
      await el.showTooltip();
      const text = tooltipOf(el)!.textContent!;
      expect(text).to.include('No status was given for this message yet.');
      expect(text).not.to.include('The provider reported');
    }
    const french = await badgeIn(html`<email-status-badge lang="fr"></email-status-badge>`);
    expect(french.shadowRoot!.querySelector('[part~="label"]')!.textContent).to.equal('Aucun statut');
    const unknown = await badgeIn(html`<email-status-badge lang="en" status="partially delivered"></email-status-badge>`);
    await unknown.showTooltip();
    expect(tooltipOf(unknown)!.textContent, 'a word we do not know is still said to come from the provider').to.include('The provider reported');
  });

  it('explains a delivered SMS without speaking of email: its caveat is written for SMS', async () => {
    const email = await badgeIn(html`<email-status-badge lang="en" status="delivered"></email-status-badge>`);
    await email.showTooltip();
    expect(tooltipOf(email)!.textContent).to.include('an email may have been filed in spam');
    const sms = await badgeIn(html`<email-status-badge lang="en" status="delivered" channel="sms"></email-status-badge>`);
    await sms.showTooltip();
    const text = tooltipOf(sms)!.textContent!;
    expect(text).to.include('the mobile carrier or the phone confirmed receipt');
    expect(text).not.to.match(/email|spam|inbox/i);
  });

  it('explains every SMS status without speaking of email, in English and French: meaning and caveat are written for SMS', async () => {
    const emailWords = /e-?mail|mail server|serveur de messagerie|inbox|boîte de réception|images?\b/i;
    const spoken: string[] = [];
    for (const lang of ['en', 'fr']) {
      for (const status of DISPLAY_STATUSES.filter((s) => statusInfo(s).channels.includes('sms'))) {
        const el = await badgeIn(html`<email-status-badge lang=${lang} status=${status} channel="sms"></email-status-badge>`);
        await el.showTooltip();
        const text = tooltipOf(el)!.textContent!.replace(/\s+/g, ' ');
        if (emailWords.test(text)) spoken.push(`${lang} ${status}: ${text.match(emailWords)![0]}`);
      }
    }
    expect(spoken).to.deep.equal([]);
  });

  it('says what a read receipt is on an SMS, and what "read" means for an email', async () => {
    const sms = await badgeIn(html`<email-status-badge lang="en" status="read" channel="sms"></email-status-badge>`);
    await sms.showTooltip();
    expect(tooltipOf(sms)!.textContent).to.include('The phone sent back a read receipt.');
    const email = await badgeIn(html`<email-status-badge lang="en" status="read"></email-status-badge>`);
    await email.showTooltip();
    const text = tooltipOf(email)!.textContent!;
    expect(text).to.include('Some platforms call an email read when it stayed open for more than a few seconds.');
    expect(text).not.to.match(/RCS|WhatsApp|phone/);
    await expect(email).to.be.accessible();
  });

  it('writes its English explanation left to right, as English, inside an Arabic page', async () => {
    const el = await badgeIn(html`<div lang="ar" dir="rtl" style="padding: 40px"><email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge></div>`);
    await el.showTooltip();
    const tip = tooltipOf(el)!;
    expect([tip.lang, getComputedStyle(tip).direction]).to.deep.equal(['en', 'ltr']);
  });

  it('explains in French inside a French page', async () => {
    const el = await badgeIn(html`<div lang="fr"><email-status-badge status="complained"></email-status-badge></div>`);
    await el.showTooltip();
    expect(tooltipOf(el)!.textContent).to.include('L’adresse sera exclue des prochains envois.');
  });

  it('renders hostile reason, code and diagnostic strings as text', async () => {
    const reason = '<img src=x onerror="window.__pwned=1">';
    const detail = '</code><script>window.__pwned=1</script>';
    const code = '"><svg onload="window.__pwned=1">';
    const el = await badgeIn(html`<email-status-badge lang="en" status="blocked" reason=${reason} detail=${detail} code=${code}></email-status-badge>`);
    await el.showTooltip();
    const tip = tooltipOf(el)!;
    expect(tip.querySelector('img, script, svg, b')).to.equal(null);
    expect(tip.textContent).to.include(reason);
    expect(tip.textContent).to.include(detail);
    expect(tip.textContent).to.include(code);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps its description current when the status changes', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="sent"></email-status-badge>`);
    part(el, 'badge').focus();
    el.status = 'delivered';
    await el.updateComplete;
    expect(tooltipOf(el)!.textContent).to.include('The recipient’s mail server accepted the message.');
  });

  it('resolves showTooltip() once the tooltip has faded in, so what is checked then is what stays', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="delivered"></email-status-badge>`);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'motion allowed here').to.equal(false);
    await el.showTooltip();
    expect(tooltipOf(el)!.getAnimations().filter((a) => a.playState === 'running')).to.have.length(0);
    // Firefox 153 draws it opaque, but its computed style of a tooltip placed by a position fallback stays that of the
    // moment it was placed, the fade's first frame (see tooltipPlacementStyles): read where it is current.
    if (!inFirefox) expect(getComputedStyle(tooltipOf(el)!).opacity).to.equal('1');
  });

  itWithDevTools('appears without motion when motion is reduced', async () => {
    const el = await badgeIn(html`<email-status-badge lang="en" status="sent"></email-status-badge>`);
    await el.showTooltip();
    expect(getComputedStyle(tooltipOf(el)!).animationName).not.to.equal('none');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(tooltipOf(el)!).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('showTooltip() on a badge just created and not rendered yet opens it once rendered', async () => {
    await loadExplanations('en'); // already there: the case where an early call opened nothing
    const el = document.createElement('email-status-badge') as EmailStatusBadgeElement;
    el.lang = 'en';
    el.status = 'delivered';
    document.body.append(el);
    try {
      await el.showTooltip();
      expect(isOpen(el)).to.equal(true);
    } finally {
      el.remove();
    }
  });
});
