// The three elements under a finger, as a back-office user on a tablet or a phone meets them: real taps (the
// browser's own touch, pointer, compatibility mouse and click events, see the config's `touch-tap`), a 360 px wide
// window, and every control at least 24 × 24 px (WCAG 2.2, 2.5.8).
import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { CampaignCounts } from '../../src/core/index.js';
import { DataSourceError, StaticDataSource, type StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { loadExplanations } from '../../src/i18n/index.js';
import { ev } from '../core/event-factory.js';
import { describeWithTouch, emulateTouchScreen, setViewport, tap, tapAt } from '../support/engine.js';
import { inViewport } from '../support/placement.js';
import { isOpen, tooltipOf } from './shared/badge-helpers.js';
import '../support/axe.js';

const COUNTS: CampaignCounts = { sent: 1000, delivered: 950, opened: 400, clicked: 60, bounced: 30, softBounced: 10, hardBounced: 20, complained: 1, unsubscribed: 4 };
const EVENTS = [ev('queued', 0), ev('sent', 1), ev('delivered', 2), ev('opened', 5), ev('clicked', 6)];
/** More events than one page (100): the timeline offers to load the older ones. */
const LONG = [ev('sent', 0), ...Array.from({ length: 120 }, (_, i) => ev('deferred', i + 1))];

const inside = <T extends Element = HTMLElement>(host: Element, selector: string): T[] => [...host.shadowRoot!.querySelectorAll<T>(selector)];
const openExplanations = (el: CampaignStatsElement): HTMLElement[] => inside(el, '[part~="tooltip"]').filter((tip) => tip.matches(':popover-open'));
const settle = async (el: { updateComplete: Promise<unknown> }): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
};

/** A source whose every lookup fails, and can be retried: the elements show their retry buttons. */
const failing = (): StatusDataSource => {
  const fail = () => Promise.reject(new DataSourceError('Network down', { kind: 'network', retryable: true }));
  return { getMessages: fail, getMessageEvents: fail, getCampaignStats: fail, getCampaignHistory: fail, subscribe: () => () => {} };
};

/** A tap on `target`, which nothing covers there (an open tooltip over it would take the tap instead). */
const tapElsewhere = async (target: Element): Promise<void> => {
  const r = target.getBoundingClientRect();
  // Compared as a boolean: a failing comparison of two elements would print the whole page.
  expect(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === target, 'something covers where the tap goes').to.equal(true);
  await tap(target);
};

describeWithTouch('on a touch screen', () => {
  before(async () => {
    await loadExplanations('en');
    await emulateTouchScreen();
    await setViewport({ width: 360, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  describe('<email-status-badge>', () => {
    it('opens its explanation on a tap, inside a phone’s window, and closes it on a second tap or a tap elsewhere', async () => {
      const root = await fixture(html`<div lang="en" style="padding: 8px">
        <p>Order 1042 <email-status-badge status="soft-bounced"></email-status-badge></p>
        <p style="margin-top: 400px">Elsewhere</p>
      </div>`);
      const badge = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
      const box = badge.shadowRoot!.querySelector('[part~="badge"]')!;
      await tap(box);
      await waitUntil(() => isOpen(badge), 'a tap did not open it');
      await waitUntil(() => inViewport(tooltipOf(badge)!.getBoundingClientRect()), 'it does not fit in a 360 px window');
      await tap(box);
      await waitUntil(() => !isOpen(badge), 'a second tap did not close it');
      await tap(box);
      await waitUntil(() => isOpen(badge), 'a third tap did not open it again');
      await tapElsewhere(root.querySelectorAll('p')[1]!);
      await waitUntil(() => !isOpen(badge), 'a tap elsewhere did not close it');
    });

    it('keeps its explanation open on a tap inside it (to select its text), and closes it on a tap on the badge or elsewhere', async () => {
      const root = await fixture(html`<div lang="en" style="padding: 8px">
        <p>Order 1042 <email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge></p>
        <p style="margin-top: 400px">Elsewhere</p>
      </div>`);
      const badge = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
      const box = badge.shadowRoot!.querySelector('[part~="badge"]')!;
      let clicks = 0;
      /** A tap on a line of the explanation, once the browser has sent its click (what would close it). */
      const tapInside = async () => {
        const tip = tooltipOf(badge)!;
        const seen = clicks;
        tip.addEventListener('click', () => clicks++, { once: true });
        await tap(tip.querySelector('dd')!);
        await waitUntil(() => clicks > seen, 'the tap inside sent no click');
        await nextFrame();
      };
      await tap(box);
      await waitUntil(() => isOpen(badge), 'a tap did not open it');
      await tapInside();
      expect(isOpen(badge), 'a tap inside it closed it').to.equal(true);
      await tapInside();
      expect(isOpen(badge), 'a second tap inside it closed it').to.equal(true);
      await tap(box);
      await waitUntil(() => !isOpen(badge), 'a tap on the badge did not close it');
      await tap(box);
      await waitUntil(() => isOpen(badge), 'a tap did not open it again');
      await tapInside();
      expect(isOpen(badge)).to.equal(true);
      await tapElsewhere(root.querySelectorAll('p')[1]!);
      await waitUntil(() => !isOpen(badge), 'a tap elsewhere did not close it');
    });

    // Chromium moves a tap this close to a focusable element onto it (its touch adjustment), Firefox does not: there,
    // without the badge's wider target, these taps land on the page beside it. See also 'target sizes' below.
    it('opens a small badge’s explanation on a tap just off its edge, inside the 24 × 24 px around its centre', async () => {
      // At whole pixels: Chromium hit-tests a box's snapped pixels, a fraction of a pixel off its box would be in it.
      const root = await fixture(html`<div lang="en" style="padding: 40px; display: flex; gap: 40px; align-items: flex-start">
        <email-status-badge size="small" status="delivered"></email-status-badge>
        <email-status-badge size="small" appearance="icon-only" status="soft-bounced"></email-status-badge>
      </div>`);
      for (const badge of root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')) {
        const r = badge.shadowRoot!.querySelector('[part~="badge"]')!.getBoundingClientRect();
        expect(r.height, 'a small badge is under 24 px tall').to.be.below(23);
        // Whole pixels (a tap's are) just off its box, less than 12 px from its centre.
        const [x, y] = [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
        const [above, below] = [Math.ceil(r.top) - 1, Math.floor(r.bottom) + 1];
        expect([y - above, below - y].every((d) => d < 12), 'the taps are within 12 px of its centre').to.equal(true);
        await tapAt(x, above);
        await waitUntil(() => isOpen(badge), `a tap ${(r.top - above).toFixed(1)} px above a small ${badge.appearance} badge did not open it`);
        await tapAt(x, below);
        await waitUntil(() => !isOpen(badge), 'a tap just below it did not close it');
        if (badge.appearance === 'icon-only') {
          const [left, right] = [Math.ceil(r.left) - 1, Math.floor(r.right) + 1];
          await tapAt(left, y);
          await waitUntil(() => isOpen(badge), 'a tap just left of a small icon-only badge did not open it');
          await tapAt(right, y);
          await waitUntil(() => !isOpen(badge), 'a tap just right of it did not close it');
        }
      }
    });
  });

  describe('<campaign-stats>', () => {
    it('opens an explanation on a tap of its button, without drilling down; a tap on the indicator drills down without explaining', async () => {
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" channel="email" .counts=${COUNTS}></campaign-stats>`);
      await settle(el);
      const picked: string[] = [];
      el.addEventListener('metric-select', (event) => picked.push((event as Event & { metric: string }).metric));
      const info = inside(el, '[data-metric="delivered"] [part~="info-button"]')[0]!;
      await tap(info);
      await waitUntil(() => openExplanations(el).length === 1, 'a tap on the info button did not open the explanation');
      const [tip] = openExplanations(el);
      expect(tip!.textContent).to.include('accepted');
      await waitUntil(() => inViewport(tip!.getBoundingClientRect()), 'the explanation does not fit in a 360 px window');
      expect(picked, 'a tap on the info button drilled down').to.deep.equal([]);
      await tap(info);
      await waitUntil(() => openExplanations(el).length === 0, 'a second tap did not close it');
      await tap(info);
      await waitUntil(() => openExplanations(el).length === 1, 'a third tap did not open it again');
      // Elsewhere: the heading, away from any control.
      await tap(inside(el, '.heading')[0]!);
      await waitUntil(() => openExplanations(el).length === 0, 'a tap elsewhere did not close it');
      expect(picked).to.deep.equal([]);

      await tap(inside(el, '[data-metric="opened"] [part~="label"]')[0]!);
      await waitUntil(() => picked.length > 0, 'a tap on the indicator did not drill down');
      expect(picked).to.deep.equal(['opened']);
      expect(openExplanations(el), 'a tap on the indicator opened its explanation').to.deep.equal([]);
    });
  });

  describe('<status-timeline>', () => {
    it('selects the tapped row and shows its details', async () => {
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${EVENTS}></status-timeline>`);
      await settle(el);
      const picked: string[] = [];
      el.addEventListener('entry-select', (event) => picked.push((event as Event & { entry: { type: string } }).entry.type));
      const row = inside(el, '[part~="row"]').find((r) => r.textContent!.includes('Delivered'))!;
      await tap(row);
      await waitUntil(() => row.getAttribute('aria-selected') === 'true', 'a tap did not select the row');
      expect(picked).to.deep.equal(['delivered']);
      await settle(el);
      const details = inside(el, '[part~="details"]')[0]!;
      expect(details.textContent).to.include('Delivered');
      await expect(el).to.be.accessible();
    });

    it('says what a row’s marks mean and its exact time, shown on hover for a mouse, in the details of the tapped row', async () => {
      const events = [ev('sent', 0), ev('delivered', 1, { timeBasis: 'received' }), ev('opened', 2, { automated: true, eventId: 'o' }), ev('opened', 2, { automated: true, eventId: 'o' })];
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" time-zone="UTC" .events=${events}></status-timeline>`);
      await settle(el);
      const rowOf = (label: string) => inside(el, '[part~="row"]').find((r) => r.querySelector('[part~="label"]')!.textContent === label)!;
      const details = () => inside(el, '[part~="details"]')[0]?.textContent?.replace(/\s+/g, ' ') ?? '';
      for (const [label, said] of [
        ['Opened', ['The provider reported this event 2 times', 'Automatic: most likely a privacy feature or a security scanner, not a person.', 'November 2, 2026 at 9:02:00 AM']],
        ['Delivered', ['The provider gives no time: this is when we heard of it, from its notification or by asking for the status.', 'November 2, 2026 at 9:01:00 AM']],
      ] as const) {
        await tap(rowOf(label));
        await waitUntil(() => rowOf(label).getAttribute('aria-selected') === 'true', `a tap did not select ${label}`);
        await settle(el);
        for (const words of said) expect(details(), label).to.include(words);
      }
      await expect(el).to.be.accessible();
    });

    it('explains its stages on a tap of the ⓘ, inside a phone’s window; a tap inside keeps it, a second tap or a tap elsewhere closes it', async () => {
      const root = await fixture(html`<div lang="en"><p style="margin: 0 0 8px">Elsewhere</p><status-timeline .events=${EVENTS}></status-timeline></div>`);
      const el = root.querySelector<StatusTimelineElement>('status-timeline')!;
      await settle(el);
      const info = inside(el, '[part~="info-button"]')[0]!;
      const tip = inside(el, '[part~="tooltip"]')[0]!;
      const open = () => tip.matches(':popover-open');
      await tap(info);
      await waitUntil(open, 'a tap on the ⓘ did not open the explanation');
      expect(tip.textContent).to.include('The recipient’s server or phone accepted the message.');
      await waitUntil(() => inViewport(tip.getBoundingClientRect()), 'the explanation does not fit in a 360 px window');
      await tap(tip);
      await nextFrame();
      expect(open(), 'a tap inside closed it').to.equal(true);
      await tap(info);
      await waitUntil(() => !open(), 'a second tap did not close it');
      await tap(info);
      await waitUntil(open, 'a third tap did not open it again');
      await tapElsewhere(root.querySelector('p')!);
      await waitUntil(() => !open(), 'a tap elsewhere did not close it');
    });
  });

  /*
   * A phone keeps `:hover` on what was last tapped, until the next tap lands elsewhere: a hover background would stay
   * on a closed explanation's button, an indicator tapped again to unselect it, a row. On such a screen (hover: none),
   * what was tapped looks like its untouched neighbours.
   */
  describe('leaves no hover look behind a tap', () => {
    const background = (el: Element) => getComputedStyle(el).backgroundColor;
    before(function () {
      // Chromium's touch screen; Firefox here keeps a desktop's mouse (the config), where hover looks are right.
      if (!matchMedia('(hover: none)').matches) this.skip();
    });

    it('<campaign-stats>: an info button, an indicator', async () => {
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" channel="email" .counts=${COUNTS}></campaign-stats>`);
      await settle(el);
      const [info, otherInfo] = inside(el, '[part~="info-button"]');
      await tap(info!);
      await waitUntil(() => openExplanations(el).length === 1, 'a tap did not open the explanation');
      await tap(info!);
      await waitUntil(() => openExplanations(el).length === 0, 'a second tap did not close it');
      expect(info!.matches(':hover'), 'the browser keeps the tap’s hover state').to.equal(true);
      expect(background(info!), 'the tapped info button').to.equal(background(otherInfo!));
      expect(getComputedStyle(info!).color, 'the tapped info button').to.equal(getComputedStyle(otherInfo!).color);

      const [button, otherButton] = inside(el, '[part~="metric-button"]');
      await tap(button!);
      expect(button!.matches(':hover')).to.equal(true);
      expect(background(button!), 'the tapped indicator').to.equal(background(otherButton!));
    });

    it('<status-timeline>: a row, a retry button', async () => {
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${EVENTS}></status-timeline>`);
      await settle(el);
      const [row, otherRow] = inside(el, '[part~="row"]');
      await tap(row!);
      await waitUntil(() => row!.getAttribute('aria-selected') === 'true', 'a tap did not select the row');
      expect(row!.matches(':hover')).to.equal(true);
      expect(background(row!), 'the tapped row').to.equal(background(otherRow!));

      const broken = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${failing()}></status-timeline>`);
      await waitUntil(() => inside(broken, '[part~="retry"]').length === 1, 'no retry button');
      const retry = inside(broken, '[part~="retry"]')[0]!;
      const resting = background(retry);
      await tap(retry);
      await waitUntil(() => inside(broken, '[part~="retry"]').length === 1 && inside(broken, '[part~="retry"]')[0]!.matches(':hover'), 'no retry button under the finger');
      expect(background(inside(broken, '[part~="retry"]')[0]!), 'the tapped retry button').to.equal(resting);
    });
  });
});

/** Each control's box: none under 24 × 24 CSS px (WCAG 2.2, 2.5.8), whatever the layout. */
describe('target sizes', () => {
  const tooSmall = (hosts: Element[], selector: string): string[] =>
    hosts.flatMap((host) => inside(host, selector)).flatMap((target) => {
      const { width, height } = target.getBoundingClientRect();
      return width < 24 || height < 24 ? [`${target.getAttribute('part')} ${width.toFixed(1)} × ${height.toFixed(1)}`] : [];
    });

  it('the badge (medium, every appearance), the indicators, their info buttons, and the timelines’ rows and buttons', async () => {
    const root = await fixture(html`<div lang="en" style="width: 360px">
      ${['pill', 'dot', 'icon-only'].map((appearance) => html`<email-status-badge status="delivered" appearance=${appearance}></email-status-badge>`)}
      ${['grid', 'list', 'compact'].map((layout) => html`<campaign-stats channel="email" layout=${layout} .counts=${COUNTS}></campaign-stats>`)}
      <campaign-stats channel="email" campaign-id="c-1" .source=${failing()}></campaign-stats>
      <status-timeline .events=${EVENTS}></status-timeline>
      <status-timeline compact .events=${EVENTS}></status-timeline>
      <status-timeline message-id="m-1" .source=${failing()}></status-timeline>
      <status-timeline message-id="m-1" .source=${new StaticDataSource({ events: LONG })}></status-timeline>
    </div>`);
    const all = (tag: string) => [...root.querySelectorAll(tag)];
    await waitUntil(
      () => ['retry', 'load-more'].every((name) => all('status-timeline').some((t) => inside(t, `[part~="${name}"]`).length > 0)) &&
        all('campaign-stats').some((s) => inside(s, '.retry').length > 0),
      'no retry or load-more buttons',
    );
    for (const el of all('*')) await (el as Partial<CampaignStatsElement>).updateComplete;
    await nextFrame();
    const counted = (tag: string, selector: string) => all(tag).flatMap((host) => inside(host, selector)).length;
    // What is measured is there.
    expect(counted('email-status-badge', '[part~="badge"]')).to.equal(3);
    expect(counted('campaign-stats', '[part~="info-button"]')).to.be.greaterThan(20);
    expect(counted('campaign-stats', 'button.action')).to.be.greaterThan(3);
    expect(counted('status-timeline', '[part~="row"]')).to.be.greaterThan(10);
    expect(counted('status-timeline', '[part~="retry"]')).to.equal(1);
    expect(counted('status-timeline', '[part~="load-more"]')).to.equal(1);
    expect([
      ...tooSmall(all('email-status-badge'), '[part~="badge"]'),
      ...tooSmall(all('campaign-stats'), 'button'),
      ...tooSmall(all('status-timeline'), '[part~="row"], button'),
    ]).to.deep.equal([]);
  });

  // Its box stays 20 px tall (its look and the table's rows do not change): what takes a pointer or a finger reaches
  // 24 × 24 px around its centre, and no further (give or take the pixel Chromium rounds a point to), so that its
  // neighbours keep theirs.
  it('a small badge (every appearance) takes a tap within 24 × 24 px around its centre, and leaves its neighbours the rest', async () => {
    const root = await fixture(html`<div lang="en" style="padding: 40px; line-height: 1">
      ${['pill', 'dot', 'icon-only'].map((appearance) => html`<p style="margin: 0 0 40px; display: flex; flex-direction: column; align-items: center">
        <span class="around" style="display: flex; width: 120px; height: 20px">above</span>
        <span style="display: flex; align-items: center">
          <span class="around" style="display: flex; width: 20px; height: 20px">L</span><email-status-badge size="small"
            appearance=${appearance} status="delivered"></email-status-badge><span class="around" style="display: flex; width: 20px; height: 20px">R</span>
        </span>
        <span class="around" style="display: flex; width: 120px; height: 20px">below</span>
      </p>`)}
    </div>`);
    const badges = [...root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
    await Promise.all(badges.map((badge) => badge.updateComplete));
    const problems: string[] = [];
    for (const badge of badges) {
      const box = badge.shadowRoot!.querySelector('[part~="badge"]')!.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const at = (dx: number, dy: number) => document.elementFromPoint(x + dx, y + dy);
      for (const [dx, dy] of [[0, -11.5], [0, 11.5], [-Math.max(11.5, box.width / 2 - 1), 0], [Math.max(11.5, box.width / 2 - 1), 0]] as const) {
        if (at(dx, dy) !== badge) problems.push(`${badge.appearance} (${box.width.toFixed(1)} × ${box.height.toFixed(1)}): (${dx}, ${dy}) from its centre is not the badge`);
      }
      for (const [dx, dy] of [[0, -13], [0, 13], [-Math.max(13, box.width / 2 + 1), 0], [Math.max(13, box.width / 2 + 1), 0]] as const) {
        if (!at(dx, dy)?.matches('.around')) problems.push(`${badge.appearance}: (${dx}, ${dy}) from its centre is not its neighbour's`);
      }
    }
    expect(problems).to.deep.equal([]);
  });
});
