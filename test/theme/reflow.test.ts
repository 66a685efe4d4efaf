// Low vision and odd viewports (WCAG 2.2 AA 1.4.4 resize text, 1.4.10 reflow, 1.4.12 text spacing), found by the reflow
// audit: the elements in a narrow column with the page's text at 200 %, or with a reader's text spacing, keep every
// text inside its element and whole (or cut with an ellipsis where the design gives way on purpose, the full text
// being in the details or the tooltip); tooltips and explanations stay inside a 320 × 256 px window (400 % zoom).
import { expect, html, nextFrame } from '@open-wc/testing';
import { render, type LitElement } from 'lit';
import type { CampaignCounts } from '../../src/core/index.js';
import '../../src/define.js';

// Bounces, spam reports and unsubscribes past their lines: the warnings are drawn too.
const COUNTS: CampaignCounts = {
  sent: 20_000, delivered: 17_900, opened: 3_200, clicked: 190, unsubscribed: 90, complained: 70,
  softBounced: 1_100, hardBounced: 800, blocked: 150, dropped: 50, deferred: 10, pending: 5,
};

const describeNode = (el: Element): string =>
  `${(el.getRootNode() as ShadowRoot).host?.localName} ${el.localName}.${el.getAttribute('part') ?? el.getAttribute('class')} "${(el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40)}"`;

/** Every box of `el`'s shadow tree that shows something and reaches past `el`'s left or right edge. */
function outside(el: Element): string[] {
  const box = el.getBoundingClientRect();
  const out: string[] = [];
  for (const node of el.shadowRoot!.querySelectorAll('*')) {
    const rect = node.getBoundingClientRect();
    if (!rect.width || !rect.height || node.closest('[popover]') || getComputedStyle(node).clipPath === 'inset(50%)') continue;
    if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) out.push(`${describeNode(node)}: ${Math.round(rect.left)}–${Math.round(rect.right)} px, the element ${Math.round(box.left)}–${Math.round(box.right)} px`);
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
