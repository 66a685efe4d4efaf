// Low vision and odd viewports (WCAG 2.2 AA 1.4.4 resize text, 1.4.10 reflow, 1.4.12 text spacing), found by the reflow
// audit: the elements in a narrow column with the page's text at 200 %, or with a reader's text spacing, keep every
// text inside its element and whole (or cut with an ellipsis where the design gives way on purpose, the full text
// being in the details or the tooltip); tooltips and explanations stay inside a 320 × 256 px window (400 % zoom).
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import { render, type LitElement } from 'lit';
import type { CampaignCounts, CanonicalEvent } from '../../src/core/index.js';
import '../../src/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { setTickerClock } from '../../src/elements/status-timeline/ticker.js';
import { ev } from '../core/event-factory.js';
import { itAtWidth, setViewport } from '../support/engine.js';
import { placedBeside } from '../support/placement.js';
import '../support/axe.js';

// Bounces, spam reports and unsubscribes past their lines: the warnings are drawn too.
const COUNTS: CampaignCounts = {
  sent: 20_000, delivered: 17_900, opened: 3_200, clicked: 190, unsubscribed: 90, complained: 70,
  softBounced: 1_100, hardBounced: 800, blocked: 150, dropped: 50, deferred: 10, pending: 5,
};

// A bounce with a long diagnostic, a click on a long URL: the timeline's long free texts.
const EVENTS: CanonicalEvent[] = [
  ev('queued', 0),
  ev('sent', 1),
  ev('soft-bounced', 2, { reason: 'mailbox-full', detail: { code: '452 4.2.2', text: 'Mailbox full: the recipient has exceeded their storage quota, please retry later' } }),
  ev('delivered', 3),
  ev('opened', 5, { automated: true }),
  ev('clicked', 6, { detail: { url: 'https://shop.example.com/offers/november/garden-furniture?utm_source=newsletter&utm_medium=email' } }),
];
// WCAG 1.4.12's values, as a reader's bookmarklet or extension applies them: to every element, !important.
const SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important } p { margin-block-end: 2em !important }';

const describeNode = (el: Element): string =>
  `${(el.getRootNode() as ShadowRoot).host?.localName} ${el.localName}.${el.getAttribute('part') ?? el.getAttribute('class')} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;

/** Whether a box between `node` and its shadow root clips what overflows it (checked by `cutWithoutEllipsis`). */
const clipped = (node: Element): boolean => {
  for (let box = node.parentElement; box; box = box.parentElement) if (getComputedStyle(box).overflowX !== 'visible') return true;
  return false;
};

/** Every box of `el`'s shadow tree that shows something and reaches past `el`'s left or right edge. */
function outside(el: Element): string[] {
  const box = el.getBoundingClientRect();
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    const rect = node.getBoundingClientRect();
    if (!rect.width || !rect.height || node.closest('[popover]') || getComputedStyle(node).clipPath === 'inset(50%)' || clipped(node)) continue;
    if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) out.push(`${describeNode(node)}: ${Math.round(rect.left)}–${Math.round(rect.right)} px, the element ${Math.round(box.left)}–${Math.round(box.right)} px`);
  }
  return out;
}

/** Every text box of `el`'s shadow tree that cuts its text without an ellipsis (a box that clips on purpose aside). */
function cutWithoutEllipsis(el: Element): string[] {
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll<HTMLElement>('*')) {
    const style = getComputedStyle(node);
    if (!/hidden|clip/.test(style.overflowX + style.overflowY) || !node.textContent!.trim() || node.closest('[popover]') || style.clipPath === 'inset(50%)') continue;
    // Lines that give way with their fields' ellipses, and a list or a row (their own boxes are checked).
    if (node.matches('.line, .list, .row, .time-group')) continue;
    const cutWide = node.scrollWidth > node.clientWidth + 1 && style.textOverflow !== 'ellipsis';
    const cutHigh = node.scrollHeight > node.clientHeight + 1;
    if (cutWide || cutHigh) out.push(`${describeNode(node)}: ${node.scrollWidth}×${node.scrollHeight} px of text in ${node.clientWidth}×${node.clientHeight}`);
  }
  return out;
}

/** Mounts `template` in a `width` px column with `lang`, once every element has rendered and measured itself. */
async function column(width: number, lang: string, template: ReturnType<typeof html>): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.style.width = `${width}px`;
  host.lang = lang;
  document.body.append(host);
  render(template, host);
  for (const el of host.querySelectorAll<LitElement>('email-status-badge, campaign-stats, status-timeline')) await el.updateComplete;
  for (let i = 0; i < 3; i++) await nextFrame();
  return host;
}

describe('the page’s text at 200 % (browser text zoom, WCAG 1.4.4)', () => {
  let host: HTMLElement | undefined;
  const zoom = document.createElement('style');
  zoom.textContent = 'html { font-size: 200% }';
  beforeEach(() => document.head.append(zoom));
  afterEach(() => {
    zoom.remove();
    host?.remove();
  });

  for (const lang of ['en', 'fr', 'de']) {
    it(`keeps the indicators, their names and the warnings of <campaign-stats> inside a 320 px column (${lang}), in every layout`, async () => {
      host = await column(320, lang, html`
        <campaign-stats channel="email" campaign-name="Spring sale" .counts=${COUNTS}></campaign-stats>
        <campaign-stats channel="email" layout="list" .counts=${COUNTS}></campaign-stats>
        <campaign-stats channel="email" layout="compact" .counts=${COUNTS}></campaign-stats>`);
      const stats = [...host.querySelectorAll('campaign-stats')];
      expect(parseFloat(getComputedStyle(stats[0]!).fontSize), 'the stats\' text, twice its 14 px').to.equal(28);
      expect(stats.flatMap(outside)).to.deep.equal([]);
    });
  }
});

describe('the timeline with the page’s text at 200 % in a narrow column (WCAG 1.4.4, 1.4.10)', () => {
  // Found by the reflow audit: at 28 px, a relative time alone ("24 days ago", "il y a 29 minutes") is wider than a
  // row's line in a 288 px column; the time ran past the line's end, cut, and the label shrank to nothing.
  const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
  const ago = (minutes: number) => new Date(NOW - minutes * 60_000).toISOString();
  const AGES: CanonicalEvent[] = [
    { ...ev('queued', 0), at: ago(11 * 30.44 * 24 * 60) },
    { ...ev('soft-bounced', 0), at: ago(24 * 24 * 60), reason: 'mailbox-full', detail: { code: '452 4.2.2', text: 'Mailbox full' } },
    { ...ev('delivered', 0), at: ago(23 * 60) },
    { ...ev('opened', 0), at: ago(29), automated: true },
    { ...ev('opened', 0), at: ago(29), automated: true },
  ];
  let host: HTMLElement | undefined;
  const zoom = document.createElement('style');
  zoom.textContent = 'html { font-size: 200% }';
  beforeEach(() => {
    document.head.append(zoom);
    setTickerClock({ now: () => NOW, setInterval: () => 0, clearInterval: () => {} });
  });
  afterEach(() => {
    zoom.remove();
    setTickerClock();
    host?.remove();
  });

  /** Each row whose time is not whole inside its row, or whose label shows nothing, with why. */
  const rowProblems = (timeline: Element): string[] =>
    [...timeline.shadowRoot!.querySelectorAll('[part~="row"]')].flatMap((row) => {
      const box = row.getBoundingClientRect();
      const time = row.querySelector('[part~="time"]')!;
      const rect = time.getBoundingClientRect();
      const label = row.querySelector('[part~="label"]')!;
      const out: string[] = [];
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5 || rect.top < box.top - 0.5 || rect.bottom > box.bottom + 0.5) {
        out.push(`the time of ${describeNode(row)}: ${Math.round(rect.left)}–${Math.round(rect.right)} × ${Math.round(rect.top)}–${Math.round(rect.bottom)} px, its row ${Math.round(box.left)}–${Math.round(box.right)} × ${Math.round(box.top)}–${Math.round(box.bottom)}`);
      }
      // Its own box, and the line around it (which clips): cut nowhere.
      for (let at: Element | null = time; at && at !== row; at = at.parentElement) {
        const r = at.getBoundingClientRect();
        if (at !== time && (rect.left < r.left - 0.5 || rect.right > r.right + 0.5 || rect.top < r.top - 0.5 || rect.bottom > r.bottom + 0.5) && getComputedStyle(at).overflow !== 'visible') {
          out.push(`the time of ${describeNode(row)} cut by ${at.className}`);
        }
      }
      if (time.scrollWidth > time.clientWidth + 1) out.push(`the time of ${describeNode(row)}: ${time.scrollWidth} px of text in ${time.clientWidth}`);
      if (label.getBoundingClientRect().width < parseFloat(getComputedStyle(label).fontSize)) out.push(`the label of ${describeNode(row)}: ${Math.round(label.getBoundingClientRect().width)} px wide`);
      return out;
    });

  // And at 240 px, a time alone took three lines ("29 / minutes / ago"): with the label, four in a row of three, the
  // last one cut off.
  for (const lang of ['en', 'fr', 'de', 'nl']) {
    it(`keeps each row's time whole and its label shown, with no sideways scrolling (${lang}, 288, 256 and 240 px, normal and compact)`, async () => {
      for (const width of [288, 256, 240]) {
        host = await column(width, lang, html`<status-timeline .events=${AGES}></status-timeline><status-timeline compact .events=${AGES}></status-timeline>`);
        const timelines = [...host.querySelectorAll('status-timeline')];
        expect(parseFloat(getComputedStyle(timelines[0]!).fontSize), 'the timeline\'s text, twice its 14 px').to.equal(28);
        for (const timeline of timelines) {
          expect(timeline.shadowRoot!.querySelectorAll('[part~="row"]').length, 'every row drawn').to.equal(4);
          const scroller = timeline.shadowRoot!.querySelector('[part~="scroller"]')!;
          expect(scroller.scrollWidth, `${width} px: no sideways scrolling`).to.be.at.most(scroller.clientWidth);
          expect([...outside(timeline), ...cutWithoutEllipsis(timeline), ...rowProblems(timeline)], `${width} px${timeline.hasAttribute('compact') ? ', compact' : ''}`).to.deep.equal([]);
        }
        await expect(host).to.be.accessible();
        host.remove();
      }
    });
  }
});

describe('a reader’s text spacing (WCAG 1.4.12)', () => {
  let host: HTMLElement | undefined;
  let restore: (() => void) | undefined;
  afterEach(() => {
    restore?.();
    restore = undefined;
    host?.remove();
  });

  const template = html`
    <p>${['delivered', 'soft-bounced', 'hard-bounced', 'complained', 'unsubscribed', 'opened', 'deferred'].map((s) => html`<email-status-badge status=${s}></email-status-badge> `)}
      <email-status-badge status="soft-bounced" size="small"></email-status-badge> <email-status-badge status="opened" appearance="dot"></email-status-badge></p>
    <campaign-stats channel="email" campaign-name="Spring sale" .counts=${COUNTS}></campaign-stats>
    <campaign-stats channel="email" layout="list" .counts=${COUNTS}></campaign-stats>
    <campaign-stats channel="email" layout="compact" .counts=${COUNTS}></campaign-stats>
    <status-timeline .events=${EVENTS}></status-timeline>
    <status-timeline compact .events=${EVENTS}></status-timeline>`;

  /** The elements' problems in a `width` px column, the first timeline entry selected (its details shown). */
  async function problems(width: number, lang: string, prepare?: (elements: Element[]) => void): Promise<string[]> {
    host = await column(width, lang, template);
    prepare?.([...host.querySelectorAll('email-status-badge, campaign-stats, status-timeline')]);
    for (const timeline of host.querySelectorAll<LitElement>('status-timeline')) {
      timeline.shadowRoot!.querySelector<HTMLElement>('[part~="row"]')!.click();
      await timeline.updateComplete;
    }
    for (let i = 0; i < 3; i++) await nextFrame();
    // A row's time is never cut: the rest of its line gives way around it.
    const cutTimes = [...host.querySelectorAll('status-timeline')].flatMap((el) => [...el.shadowRoot!.querySelectorAll('[part~="row"]')]).flatMap((row) => {
      const time = row.querySelector('[part~="time"]')!.getBoundingClientRect();
      const line = row.querySelector('.line')!.getBoundingClientRect();
      return time.left < line.left - 0.5 || time.right > line.right + 0.5 ? [`the time of ${describeNode(row)}: ${Math.round(time.left)}–${Math.round(time.right)} px, its line ${Math.round(line.left)}–${Math.round(line.right)} px`] : [];
    });
    return [...host.querySelectorAll('email-status-badge, campaign-stats, status-timeline')].flatMap((el) => [...outside(el), ...cutWithoutEllipsis(el)]).concat(cutTimes);
  }

  for (const lang of ['en', 'fr', 'de']) {
    // A page's stylesheet does not reach into shadow roots, but its `*` matches the elements themselves, and a page's
    // rule on an element wins over the element's own :host rules: the spacing is inherited from there.
    it(`reaches inside from the page’s own stylesheet, and cuts no text (${lang}, 288 px, a 320 px screen, 440 and 700 px)`, async () => {
      const sheet = Object.assign(document.createElement('style'), { textContent: SPACING });
      document.head.append(sheet);
      restore = () => sheet.remove();
      for (const width of [288, 440, 700]) {
        expect(await problems(width, lang), `${width} px`).to.deep.equal([]);
        const label = host!.querySelector('email-status-badge')!.shadowRoot!.querySelector('[part~="label"]')!;
        // 0.12em of the host's font size, inherited as a length: a little more than 0.12em of the badge's smaller text.
        expect(parseFloat(getComputedStyle(label).letterSpacing), 'the badge label\'s letter spacing').to.be.at.least(0.12 * parseFloat(getComputedStyle(label).fontSize));
        host!.remove();
      }
    });

    // An extension that reaches into shadow roots also overrides the line heights the elements set themselves.
    it(`cuts no text either when it is applied inside the elements too (${lang}, 288 and 700 px)`, async () => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(SPACING);
      for (const width of [288, 700]) {
        const found = await problems(width, lang, (elements) => {
          const roots = elements.map((el) => el.shadowRoot!);
          for (const root of roots) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
          restore = () => {
            for (const root of roots) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
          };
        });
        const label = host!.querySelector('status-timeline')!.shadowRoot!.querySelector('[part~="label"]')!;
        expect(getComputedStyle(label).lineHeight, 'applied inside').to.equal(`${1.5 * parseFloat(getComputedStyle(label).fontSize)}px`);
        expect(found, `${width} px`).to.deep.equal([]);
        host!.remove();
      }
    });
  }
});

describe('a 320 × 256 px window (400 % zoom)', () => {
  // Set in each test: WebKit's runner cannot make its window that small, and skips them (itAtWidth).
  afterEach(() => setViewport({ width: 800, height: 600 }));

  itAtWidth(320)('shows a badge’s long tooltip inside the window wherever the badge is, in each corner and the middle', async () => {
    await setViewport({ width: 320, height: 256 });
    const detail = 'Mailbox full: the recipient has exceeded their storage quota, the provider retries later. '.repeat(3);
    for (const place of ['left: 0; top: 0', 'right: 0; top: 0', 'left: 0; bottom: 0', 'right: 0; bottom: 0', 'left: 40%; top: 110px']) {
      const page = await fixture<HTMLElement>(html`<div lang="fr"><email-status-badge status="soft-bounced" reason="mailbox-full" code="452 4.2.2"
        detail=${detail} style=${`position: fixed; ${place}`}></email-status-badge></div>`);
      const badge = page.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
      await badge.showTooltip();
      const tip = badge.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
      await placedBeside(tip, badge.shadowRoot!.querySelector('[part~="badge"]')!, place);
      expect(tip.scrollWidth, `${place}: no sideways scrolling in the tooltip`).to.be.at.most(tip.clientWidth);
      badge.hideTooltip();
    }
  });

  itAtWidth(320)('shows the timeline’s explanation of its stages inside the window, in French and German', async () => {
    await setViewport({ width: 320, height: 256 });
    for (const lang of ['fr', 'de']) {
      const page = await fixture<HTMLElement>(html`<div lang=${lang}><status-timeline .events=${EVENTS}></status-timeline></div>`);
      const timeline = page.querySelector<LitElement>('status-timeline')!;
      await timeline.updateComplete;
      const info = timeline.shadowRoot!.querySelector<HTMLButtonElement>('[part~="info-button"]')!;
      info.scrollIntoView({ block: 'center' });
      info.click();
      const tip = timeline.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
      await placedBeside(tip, info, lang);
      expect(tip.scrollWidth, `${lang}: no sideways scrolling in the explanation`).to.be.at.most(tip.clientWidth);
      info.click();
    }
  });
});
