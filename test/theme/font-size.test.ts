// --estafette-font-size, "base text size of stats and timeline", set larger than its 0.875rem default. Found by audit
// F: line heights were fixed (1.25rem and others), so from about 1.1rem on the lines of a wrapped name or status
// overlapped, and the timeline's rows (3.5rem) clipped their second line.
import { expect, html, nextFrame } from '@open-wc/testing';
import { render, type LitElement } from 'lit';
import type { CampaignCounts, CampaignStats } from '../../src/core/index.js';
import type { StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import { ev } from '../core/event-factory.js';

const COUNTS: CampaignCounts = { sent: 1000, delivered: 900, opened: 300, clicked: 40, unsubscribed: 12, complained: 4, softBounced: 30, hardBounced: 40 };
const EVENTS = [ev('queued', 0), ev('sent', 1), ev('delivered', 2, { reason: 'mailbox-full' }), ev('opened', 5)];
const LONG_NAME = 'Spring sale for every customer who bought a garden chair last year and the year before';

/** Stats and a timeline (normal and compact) under a `width` px wide ancestor with `style`. */
async function mount(width: number, style: string): Promise<HTMLElement> {
  const host = document.createElement('div');
  host.setAttribute('style', `width: ${width}px; ${style}`);
  host.lang = 'en';
  document.body.append(host);
  render(
    html`<campaign-stats channel="email" campaign-name=${LONG_NAME} .counts=${COUNTS}></campaign-stats>
      <campaign-stats layout="list" channel="email" .counts=${COUNTS}></campaign-stats>
      <campaign-stats layout="compact" channel="email" .counts=${COUNTS}></campaign-stats>
      <status-timeline .events=${EVENTS}></status-timeline>
      <status-timeline compact .events=${EVENTS}></status-timeline>`,
    host,
  );
  for (const el of host.querySelectorAll<LitElement>('campaign-stats, status-timeline')) await el.updateComplete;
  await nextFrame();
  await nextFrame();
  return host;
}

/** The text nodes of every shadow root under `host` that show something. */
function shownTexts(host: HTMLElement): Text[] {
  const texts: Text[] = [];
  for (const el of host.querySelectorAll('campaign-stats, status-timeline')) {
    const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.textContent!.trim()) texts.push(node as Text);
  }
  return texts;
}

const describeText = (text: Text) => `${(text.getRootNode() as ShadowRoot).host.localName} "${text.textContent!.trim().slice(0, 30)}"`;

describe('--estafette-font-size set larger', () => {
  let host: HTMLElement;
  afterEach(() => host?.remove());

  it('gives every text a line at least as tall as its font, shown or not (explanations, hidden labels)', async () => {
    host = await mount(700, '--estafette-font-size: 1.5rem; --estafette-tooltip-font-size: 1.5rem');
    const short: string[] = [];
    for (const text of shownTexts(host)) {
      const style = getComputedStyle(text.parentElement!);
      const lineHeight = parseFloat(style.lineHeight);
      if (lineHeight < parseFloat(style.fontSize)) short.push(`${describeText(text)}: ${style.fontSize} text on ${style.lineHeight} lines`);
    }
    expect(short).to.deep.equal([]);
  });

  it('puts the wrapped lines of a text at least a font size apart, so that they never overlap', async () => {
    host = await mount(320, '--estafette-font-size: 1.5rem');
    const crowded: string[] = [];
    let wrapped = 0;
    for (const text of shownTexts(host)) {
      const range = document.createRange();
      range.selectNodeContents(text);
      const tops = [...new Set([...range.getClientRects()].map((r) => Math.round(r.top)))].sort((a, b) => a - b);
      if (tops.length < 2) continue;
      wrapped++;
      const size = parseFloat(getComputedStyle(text.parentElement!).fontSize);
      for (let i = 1; i < tops.length; i++) {
        if (tops[i]! - tops[i - 1]! < size - 0.5) crowded.push(`${describeText(text)}: lines ${tops[i]! - tops[i - 1]!} px apart for ${size} px text`);
      }
    }
    expect(wrapped, 'texts that wrap at 320 px').to.be.greaterThan(0);
    expect(crowded).to.deep.equal([]);
  });

  it('grows the timeline rows with their lines: neither overlaps the other or leaves its row', async () => {
    host = await mount(700, '--estafette-font-size: 1.5rem');
    const rows = [...host.querySelectorAll('status-timeline')].flatMap((el) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.row')]);
    expect(rows.length).to.be.greaterThan(0);
    const wrong: string[] = [];
    for (const row of rows) {
      const box = row.getBoundingClientRect();
      const lines = [...row.querySelectorAll('.line')].map((line) => line.getBoundingClientRect());
      lines.forEach((line, i) => {
        if (i > 0 && line.top < lines[i - 1]!.bottom - 0.5) wrong.push(`${row.textContent!.trim().slice(0, 20)}: line ${i + 1} starts ${lines[i - 1]!.bottom - line.top} px into line ${i}`);
        if (line.bottom > box.bottom + 0.5) wrong.push(`${row.textContent!.trim().slice(0, 20)}: line ${i + 1} ends ${line.bottom - box.bottom} px below its row`);
      });
    }
    expect(wrong).to.deep.equal([]);
  });

  it('keeps the loading skeleton of the stats as tall as the figures that replace it', async () => {
    // Cells wide enough for every name on one line, and figures that raise no warning: the skeleton cannot know of a
    // name on two lines or of a warning mark.
    const counts: CampaignCounts = { sent: 10_000, delivered: 9_000, opened: 4_000, clicked: 400, unsubscribed: 20, complained: 5, softBounced: 300, hardBounced: 100 };
    host = document.createElement('div');
    host.setAttribute('style', 'width: 1000px; --estafette-font-size: 1.5rem; --estafette-stats-columns: 20rem');
    host.lang = 'en';
    document.body.append(host);
    let answer!: (stats: CampaignStats) => void;
    const source: StatusDataSource = {
      getMessages: async () => new Map(),
      getMessageEvents: async () => ({ events: [] }),
      getCampaignStats: () => new Promise((resolve) => (answer = resolve)),
      getCampaignHistory: async () => ({ items: [] }),
    };
    // The grid layout reserves its lines for this (the list never matched its skeleton to the pixel, at any size).
    render(html`<campaign-stats channel="email" campaign-id="c1" .source=${source}></campaign-stats>`, host);
    const el = host.querySelector<LitElement>('campaign-stats')!;
    await el.updateComplete;
    const skeleton = el.shadowRoot!.querySelector('.metrics.skeleton')!.getBoundingClientRect().height;
    answer({ campaign: { id: 'c1', name: 'Spring sale', channel: 'email' }, counts, updatedAt: '2026-11-02T09:00:00Z' } as CampaignStats);
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.metrics.skeleton')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="metrics"]')!.getBoundingClientRect().height).to.equal(skeleton);
  });

  it('leaves the default size as it was: 20 px lines, 56 px timeline rows (36 px compact)', async () => {
    host = await mount(700, '');
    const [stats, , , timeline, compact] = host.querySelectorAll<HTMLElement>('campaign-stats, status-timeline');
    expect(getComputedStyle(stats!).lineHeight).to.equal('20px');
    expect(getComputedStyle(timeline!).lineHeight).to.equal('20px');
    expect(timeline!.shadowRoot!.querySelector('.row')!.getBoundingClientRect().height).to.equal(56);
    expect(compact!.shadowRoot!.querySelector('.row')!.getBoundingClientRect().height).to.equal(36);
  });
});
