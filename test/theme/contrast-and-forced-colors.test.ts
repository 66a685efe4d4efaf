import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { CampaignCounts, CanonicalEvent } from '../../src/core/index.js';
import { DELIVERY_STATES, DISPLAY_STATUSES, ENGAGEMENT_SIGNALS } from '../../src/core/index.js';
import '../../src/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { ev } from '../core/event-factory.js';
import { DataSourceError } from '../../src/data/index.js';
import { contrast, seenOver } from '../support/contrast.js';
import { describeWithDevTools } from '../support/engine.js';
import '../support/axe.js';

/*
 * WCAG AA in both themes for everything the elements draw (axe's color-contrast among its rules), and forced-colors
 * (Windows high contrast) where the page's colors are replaced by the user's: statuses stay told apart by
 * their icon and words, and boxes keep a visible edge.
 */

const THEMES = {
  light: 'color-scheme: light; background: #ffffff; color: #1f2328; padding: 8px',
  dark: 'color-scheme: dark; background: #111418; color: #e8eaed; padding: 8px',
} as const;

// Bounces and spam reports past their danger lines, unsubscribes past a warning: every level is drawn.
const ALARMING: CampaignCounts = {
  sent: 20_000, delivered: 17_900, opened: 3_200, clicked: 190, unsubscribed: 90, complained: 70,
  softBounced: 1_100, hardBounced: 800, blocked: 150, dropped: 50, deferred: 10, pending: 5,
};

// One event of every kind the timeline can name, a minute apart.
const EVERY_EVENT: CanonicalEvent[] = [...new Set<string>([...DELIVERY_STATES, ...ENGAGEMENT_SIGNALS])].map((type, i) =>
  ev(type as CanonicalEvent['type'], i),
);

// A lookup that never answers: badges following a message stay loading, and the stats and the timeline (no time limit).
const never = () => new Promise<never>(() => {});
const NEVER = { getMessages: never, getMessageEvents: never, getCampaignStats: never, getCampaignHistory: never, timeout: 0 };
// One that fails for good, and one that knows no such campaign or message.
const fail = (status: number) => () => Promise.reject(new DataSourceError(`HTTP ${status}`, { kind: 'http', status }));
const DOWN = { ...NEVER, getMessageEvents: fail(500), getCampaignStats: fail(500), getCampaignHistory: fail(500) };
const UNKNOWN = { ...NEVER, getMessageEvents: fail(404), getCampaignStats: fail(404), getCampaignHistory: fail(404) };

/** Whether a computed color is fully transparent (`rgba(0, 0, 0, 0)`; `rgba(255, 255, 255, 0)` in forced colors). */
const transparent = (color: string) => /^rgba\(.*, 0\)$/.test(color);

/**
 * The colors a loading badge paints its placeholder with (its disc and bar are background images), each with its
 * contrast against what it is drawn on: the badge's own background, or the `page`'s where the badge has none (a dot).
 */
function placeholderContrasts(badge: Element, page: string): string[] {
  const part = badge.shadowRoot!.querySelector('[part~="badge"]')!;
  const style = getComputedStyle(part);
  const under = transparent(style.backgroundColor) ? page : style.backgroundColor;
  const painted = [...new Set(style.backgroundImage.match(/(rgba?|color)\([^()]*\)/g))].filter((color) => !transparent(color));
  const what = `${badge.getAttribute('appearance') ?? 'pill'} ${badge.getAttribute('size') ?? 'medium'}`;
  expect(painted, `${what}: a placeholder is drawn`).to.not.deep.equal([]);
  return painted.map((color) => `${what}: ${contrast(color, under).toFixed(2)}:1, ${color} on ${under}`);
}

/** The ones under 3:1 (WCAG 1.4.11) of {@link placeholderContrasts}, for every badge in `root`. */
const weakPlaceholders = (root: Element, page: string): string[] =>
  [...root.querySelectorAll('email-status-badge')].flatMap((badge) => placeholderContrasts(badge, page)).filter((line) => parseFloat(line.split(': ')[1]!) < 3);

/**
 * The points of a loading `<campaign-stats>`'s bone pulse (21, its animation paused at each) where the bone, composited
 * at its opacity, has under 3:1 (WCAG 1.4.11) against its card; at rest only where it does not pulse.
 */
function weakBones(stats: Element): string[] {
  const bone = stats.shadowRoot!.querySelector<HTMLElement>('.bone')!;
  const card = getComputedStyle(bone.closest('.metric-button')!).backgroundColor;
  const weak: string[] = [];
  const measure = (when: string) => {
    const style = getComputedStyle(bone);
    const ratio = contrast(seenOver(style.backgroundColor, Number(style.opacity), card), card);
    if (ratio < 3) weak.push(`${when}: ${ratio.toFixed(2)}:1, ${style.backgroundColor} at ${style.opacity} on ${card}`);
  };
  const animations = bone.getAnimations();
  for (const animation of animations) animation.pause();
  for (const animation of animations) {
    const duration = Number(animation.effect!.getComputedTiming().duration);
    for (let step = 0; step <= 20; step++) {
      animation.currentTime = (duration * step) / 20;
      measure(`${step * 5}% of the pulse`);
    }
  }
  if (!animations.length) measure('at rest');
  return weak;
}

const settled = async (root: Element) => {
  for (const el of root.querySelectorAll('email-status-badge, campaign-stats, status-timeline')) {
    await (el as EmailStatusBadgeElement).updateComplete;
  }
};

describe('contrast in both themes', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: campaign indicators at every level pass axe`, async () => {
      const el = await fixture(html`<div lang="en" style=${THEMES[theme]}>
        <campaign-stats channel="email" selected="bounced" .counts=${ALARMING}></campaign-stats>
        <campaign-stats channel="sms" layout="compact" selected="delivered" .counts=${{ sent: 5000, delivered: 4610, softBounced: 140, hardBounced: 150, pending: 100, replied: 86, unsubscribed: 71 }}></campaign-stats>
      </div>`);
      await settled(el);
      const stats = el.querySelector('campaign-stats')!;
      await waitUntil(() => stats.shadowRoot!.querySelector('[data-level="danger"]'), 'a danger level is drawn');
      await expect(el).to.be.accessible();
    });

    it(`${theme}: the dashed border that marks a machine's open stands out from the page (3:1, WCAG 1.4.11)`, async () => {
      const el = await fixture(html`<div lang="en" style=${THEMES[theme]}>
        <email-status-badge status="opened" automated></email-status-badge>
      </div>`);
      await settled(el);
      const box = el.querySelector('email-status-badge')!.shadowRoot!.querySelector('[part~="badge"]')!;
      const style = getComputedStyle(box);
      expect(style.borderTopStyle).to.equal('dashed');
      const ratio = contrast(style.borderTopColor, getComputedStyle(el).backgroundColor);
      expect(ratio, `${style.borderTopColor} on the page`).to.be.at.least(3);
    });

    // WCAG 1.4.11: the dimmed disc and bar are what says "loading" (the name says it to screen readers). At 30 % of the
    // text color they were 1.6:1 (light) and 2.1:1 (dark) on the badge.
    it(`${theme}: a loading badge's placeholder stands out from what it is drawn on (3:1, WCAG 1.4.11), in every appearance and size`, async () => {
      const el = await fixture(html`<div lang="en" style=${THEMES[theme]}>
        ${['pill', 'dot', 'icon-only'].flatMap((appearance) => ['medium', 'small'].map((size) =>
          html`<email-status-badge appearance=${appearance} size=${size} message-id="m-1" .source=${NEVER}></email-status-badge>`))}
      </div>`);
      await settled(el);
      expect(weakPlaceholders(el, getComputedStyle(el).backgroundColor)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    // WCAG 1.4.11: the bones are what shows the figures are on their way. The border's color at 55 % was 1.2:1 (light)
    // and 1.4:1 (dark) on the card, and the pulse faded them further, down to 0.45 opacity.
    it(`${theme}: a loading campaign's bones stand out from their card (3:1, WCAG 1.4.11) at rest and all through their pulse`, async () => {
      const el = await fixture(html`<div lang="en" style=${THEMES[theme]}>
        <campaign-stats campaign-id="c-1" .source=${NEVER}></campaign-stats>
      </div>`);
      await settled(el);
      expect(weakBones(el.querySelector('campaign-stats')!)).to.deep.equal([]);
    });

    // One state a page (two panels of one name would be a page's fault, and axe's finding).
    for (const [state, stats, timeline] of [
      ['loading', html`<campaign-stats campaign-id="c-1" .source=${NEVER}></campaign-stats>`, html`<status-timeline message-id="m-1" .source=${NEVER}></status-timeline>`],
      ['error', html`<campaign-stats campaign-id="c-1" .source=${DOWN}></campaign-stats>`, html`<status-timeline message-id="m-1" .source=${DOWN}></status-timeline>`],
      ['not-found', html`<campaign-stats campaign-id="c-1" .source=${UNKNOWN}></campaign-stats>`, html`<status-timeline campaign-id="c-1" .source=${UNKNOWN}></status-timeline>`],
      ['empty', html`<campaign-stats .counts=${{ sent: 0 }}></campaign-stats>`, html`<status-timeline .events=${[]}></status-timeline>`],
    ] as const) {
      it(`${theme}: the stats' and the timeline's ${state} state passes axe`, async () => {
        const el = await fixture(html`<div lang="en" style=${THEMES[theme]}>${stats}${timeline}</div>`);
        await settled(el);
        const drawn = () => [...el.children].every((child) => child.shadowRoot!.querySelector(state === 'loading' || state === 'empty' ? '[role="status"], .empty' : '[role="alert"]'));
        await waitUntil(drawn, `the ${state} state is drawn`);
        await expect(el).to.be.accessible();
      });
    }

    it(`${theme}: a timeline with every kind of event passes axe`, async () => {
      const el = await fixture(html`<div lang="en" style=${THEMES[theme]}>
        <status-timeline style="--estafette-timeline-max-height: 100rem" .events=${EVERY_EVENT}></status-timeline>
      </div>`);
      await settled(el);
      const timeline = el.querySelector('status-timeline')!;
      await waitUntil(() => timeline.shadowRoot!.querySelectorAll('[part~="row"]').length >= EVERY_EVENT.length, 'every row is drawn');
      await expect(el).to.be.accessible();
    });

    it(`${theme}: a timeline's explanation of its stages, open, passes axe`, async () => {
      const el = await fixture(html`<div lang="en" style=${THEMES[theme]}>
        <status-timeline .events=${EVERY_EVENT.slice(0, 3)}></status-timeline>
      </div>`);
      await settled(el);
      const timeline = el.querySelector('status-timeline')!;
      const tip = timeline.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
      timeline.shadowRoot!.querySelector<HTMLButtonElement>('[part~="info-button"]')!.click();
      expect(tip.matches(':popover-open')).to.equal(true);
      // Faded in (axe would read a fading text's colors mixed with the page's).
      await Promise.allSettled(tip.getAnimations().map((animation) => animation.finished));
      await expect(el).to.be.accessible();
    });
  }
});

describeWithDevTools('forced colors (high contrast)', () => {
  before(() => executeServerCommand('emulate-forced-colors', true));
  after(() => executeServerCommand('emulate-forced-colors', false));

  it('keeps every badge outlined, worded and with its icon, in every appearance', async () => {
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    for (const appearance of ['pill', 'dot'] as const) {
      const el = await fixture(html`<div lang="en">${DISPLAY_STATUSES.map((s) => html`<email-status-badge appearance=${appearance} status=${s}></email-status-badge>`)}</div>`);
      await settled(el);
      const shapes = new Set<string>();
      for (const badge of el.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')) {
        const part = badge.shadowRoot!.querySelector<HTMLElement>('[part~="badge"]')!;
        const icon = badge.shadowRoot!.querySelector<SVGElement>('[part~="icon"]')!;
        const style = getComputedStyle(part);
        if (appearance === 'pill') expect(style.borderTopStyle, badge.status).to.equal('solid');
        // A dot and its label have no outline (it would box them in, touching the label's last letter).
        else expect(style.borderTopColor, badge.status).to.equal(style.backgroundColor);
        expect(badge.shadowRoot!.querySelector('[part~="label"]')!.textContent!.trim(), badge.status).to.not.equal('');
        const box = icon.getBoundingClientRect();
        expect(box.width, `${appearance} ${badge.status} icon`).to.be.greaterThan(8);
        // A dot is drawn by color alone; here it must give way to the icon's shape.
        const drawnShapes = [...icon.children].filter((shape) => getComputedStyle(shape).display !== 'none');
        expect(drawnShapes.length, `${appearance} ${badge.status} icon shapes`).to.be.greaterThan(0);
        shapes.add([...icon.querySelectorAll('*')].map((shape) => [shape.tagName, ...[...shape.attributes].map((a) => `${a.name}=${a.value}`)].join(' ')).join('|'));
      }
      // Colors are gone: the icons alone must still tell the categories apart.
      expect(shapes.size, appearance).to.be.at.least(6);
    }
  });

  it('keeps a loading badge outlined, named, and its placeholder drawn, at 3:1 at least', async () => {
    const el = await fixture(html`<div lang="en"><email-status-badge message-id="m-1" .source=${NEVER}></email-status-badge>
      <email-status-badge appearance="dot" message-id="m-1" .source=${NEVER}></email-status-badge></div>`);
    await settled(el);
    const badge = el.querySelector('email-status-badge')!;
    const part = badge.shadowRoot!.querySelector<HTMLElement>('[part~="badge"]')!;
    const style = getComputedStyle(part);
    expect(part.getAttribute('aria-label')).to.equal('Loading the status…');
    expect(style.borderTopStyle).to.equal('solid');
    // The dimmed disc and bar are background images: forced colors drop background colors, not these.
    expect(style.backgroundImage.match(/gradient/g)).to.have.length(4);
    // Drawn in GrayText on Canvas, whatever the system's colors.
    const canvas = document.createElement('span');
    canvas.style.color = 'Canvas';
    document.body.append(canvas);
    expect(weakPlaceholders(el, getComputedStyle(canvas).color)).to.deep.equal([]);
    canvas.remove();
  });

  it('keeps a loading campaign\'s bones at 3:1 on their card all through their pulse, in system colors', async () => {
    const el = await fixture(html`<div lang="en"><campaign-stats campaign-id="c-1" .source=${NEVER}></campaign-stats></div>`);
    await settled(el);
    expect(weakBones(el.querySelector('campaign-stats')!)).to.deep.equal([]);
  });

  it('outlines the selected timeline row inside its box, where the row’s paint containment and the next row cannot hide it', async () => {
    const el = await fixture(html`<div lang="en"><status-timeline .events=${EVERY_EVENT.slice(0, 3)}></status-timeline></div>`);
    await settled(el);
    const timeline = el.querySelector('status-timeline')!;
    const row = timeline.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')[1]!;
    row.click();
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    row.blur(); // still selected, without its focus ring
    expect(row.getAttribute('aria-selected')).to.equal('true');
    const style = getComputedStyle(row);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineOffset), 'drawn inside the row').to.be.at.most(-parseFloat(style.outlineWidth));
  });

  // Found by the reflow audit: the selected row's outline and the focus ring were the same 2 px CanvasText line, so
  // tabbing into the list (focus lands on the selected row) changed nothing on screen.
  it('tells the focused timeline row from the selected one: its ring changes when the list takes the focus', async () => {
    const el = await fixture(html`<div lang="en"><button>before</button><status-timeline .events=${EVERY_EVENT.slice(0, 3)}></status-timeline></div>`);
    await settled(el);
    const timeline = el.querySelector('status-timeline')!;
    const row = timeline.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')[1]!;
    row.click();
    await (timeline as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    el.querySelector('button')!.focus();
    const ring = () => {
      const style = getComputedStyle(row);
      return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
    };
    const selected = ring();
    // Past the ⓘ of the stages, to the list's one tab stop.
    for (let i = 0; i < 3 && timeline.shadowRoot!.activeElement !== row; i++) await sendKeys({ press: 'Tab' });
    expect(timeline.shadowRoot!.activeElement === row, 'Tab lands on the selected row').to.equal(true);
    expect(row.matches(':focus-visible')).to.equal(true);
    expect(ring(), 'focused and selected').to.not.equal(selected);
  });

  it('keeps the indicators’ edges and the level marks visible', async () => {
    const el = await fixture(html`<div lang="en"><campaign-stats channel="email" .counts=${ALARMING}></campaign-stats></div>`);
    await settled(el);
    const stats = el.querySelector('campaign-stats')!;
    await waitUntil(() => stats.shadowRoot!.querySelector('[data-level="danger"]'));
    const button = stats.shadowRoot!.querySelector<HTMLElement>('[part~="metric-button"]')!;
    expect(getComputedStyle(button).borderTopStyle).to.not.equal('none');
    const danger = stats.shadowRoot!.querySelector('[data-level="danger"] [part~="level"]');
    expect(danger?.textContent?.trim(), 'the level is said in words').to.not.equal('');
    // The selected indicator keeps its bar, in the system's highlight color (forced colors would blank a background).
    stats.selected = 'bounced';
    await stats.updateComplete;
    const bar = getComputedStyle(stats.shadowRoot!.querySelector('[data-metric="bounced"] [part~="metric-button"]')!, '::after');
    expect(bar.height).to.equal('4px');
    const highlight = document.createElement('span');
    highlight.style.color = 'Highlight';
    document.body.append(highlight);
    expect(bar.backgroundColor).to.equal(getComputedStyle(highlight).color);
    highlight.remove();
  });
});
