/**
 * Hostile input, end to end: every string of the corpus goes through every free-text field the provider adapters
 * read, through `normalize`, a StaticDataSource and the three elements, and through every element attribute or
 * property that takes text. The page records any script that runs (`window.__estafettePwned`), any security
 * policy violation (Trusted Types are enforced, so an HTML or script sink fed a string is one), and then checks
 * across the document and every shadow root: no smuggled element or handler, no link other than http(s) and
 * mailto, the hostile text shown literally, and nothing wider than a 320 px column.
 *
 * What the page may change, and does not: null bytes and lone surrogates reach the DOM as they are (text nodes
 * and attributes keep any UTF-16). Only the form encoding of Twilio and Vonage bodies turns lone surrogates into
 * U+FFFD before the adapter sees them.
 */
import { expect, fixture, html, nextFrame } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { CampaignCounts, CampaignHistoryEntry, CanonicalEvent, MessageStatus } from '../../src/core/index.js';
import { StaticDataSource, type StaticCampaign } from '../../src/data/index.js';
import '../../src/elements/campaign-stats/define.js';
import '../../src/elements/email-status-badge/define.js';
import '../../src/elements/status-timeline/define.js';
import { loadExplanations } from '../../src/i18n/index.js';
import { normalize, PROVIDERS, type ProviderId } from '../../src/providers/index.js';
import { fieldOf, hostileBody, TARGETS, type Target } from './hostile-payloads.js';
import { HOSTILE_STRINGS, type HostileString } from './hostile-strings.js';
import { warningsOf } from '../support/console.js';
import { cutTexts, deepElements, deepText, layoutProblems, popoverProblems, treeProblems, widerThanItsBox } from './page-audit.js';

declare global {
  interface Window {
    __estafettePwned?: (name: string) => void;
    /** Trusted Types (not in TypeScript's DOM library yet): only the canaries below create a policy. */
    trustedTypes: { createPolicy(name: string, rules: { createScript(text: string): string }): { createScript(text: string): string } };
  }
}

const pwned: string[] = [];
const violations: string[] = [];
const RECEIVED = '2024-06-10T09:00:00Z';
const RAW_SUFFIX = '#raw';
const COLUMN = 320;

/** Lets async payloads (an image's onerror, a policy report) fire, and Lit finish what it started. */
async function settle(hosts: readonly Element[] = []): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await Promise.all(hosts.map((host) => (host as Element & { updateComplete?: Promise<unknown> }).updateComplete));
    await nextFrame();
  }
  await new Promise((resolve) => setTimeout(resolve, 20));
}

// Elements that load, run or navigate: none anywhere, and no script or style of their own in any shadow root.
const FORBIDDEN = 'iframe, frame, object, embed, img, base, form, math, meta[http-equiv="refresh" i]';
const FORBIDDEN_IN_SHADOW = 'script, style, link, meta';

/** Nothing ran, nothing was blocked, nothing active or with a handler anywhere in the document or its shadow roots. */
function expectNothingRan(): void {
  expect(pwned, 'payloads that executed').to.deep.equal([]);
  expect(violations, 'security policy violations').to.deep.equal([]);
  const everything = deepElements(document);
  const active = everything.filter((e) => e.matches(FORBIDDEN) || (e.getRootNode() instanceof ShadowRoot && e.matches(FORBIDDEN_IN_SHADOW)));
  expect(active.map((e) => e.outerHTML.slice(0, 80)), 'active elements').to.deep.equal([]);
  const handlers = everything.flatMap((e) => [...e.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${e.localName}[${a.name}]`));
  expect(handlers, 'event-handler attributes').to.deep.equal([]);
}

/** The column every element is laid out in. */
const column = (content: TemplateResult) =>
  fixture<HTMLElement>(html`<div lang="en" style="inline-size:${COLUMN}px;font-size:16px;display:flow-root">${content}</div>`);

const hostsIn = (container: Element, tag: string): HTMLElement[] => [...container.querySelectorAll<HTMLElement>(tag)];
const shadowPart = (host: Element, name: string): HTMLElement | null => host.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** The text a clicked URL is shown as: the parsed URL for a link, else the text as it came. */
const shownUrl = (h: HostileString, value: string): string => (h.link ? new URL(value).href : value);

/** Opens a badge's tooltip the keyboard way and returns it, after checking it opened inside the viewport. */
function openBadgeTooltip(badge: HTMLElement, problems: string[]): HTMLElement {
  shadowPart(badge, 'badge')!.focus();
  const tooltip = shadowPart(badge, 'tooltip');
  expect(tooltip, 'tooltip created on focus').to.exist;
  expect(tooltip!.matches(':popover-open'), 'tooltip open on keyboard focus').to.equal(true);
  problems.push(...popoverProblems(tooltip!));
  return tooltip!;
}

/**
 * Checks a badge whose truncated label must still be readable in full: in its accessible name and its tooltip.
 * Returns the problems found.
 */
function badgeCutProblems(badge: HTMLElement, needle: string, tooltip: HTMLElement): string[] {
  const name = shadowPart(badge, 'badge')!.getAttribute('aria-label') ?? '';
  return cutTexts(badge.shadowRoot!, badge, needle)
    .filter((cut) => !(name.includes(cut.textContent ?? '') && (tooltip.textContent ?? '').includes(cut.textContent ?? '')))
    .map((cut) => `badge label cut without its full text in the name and tooltip: ${(cut.textContent ?? '').slice(0, 40)}`);
}

/**
 * Selects every row of each timeline in turn (a click, as a user would) and gathers what the rows and the details
 * panel show. A row text cut short must be readable in full in the details of that row. Layout and links are
 * checked with each details panel open.
 */
async function exploreTimelines(container: HTMLElement, timelines: readonly HTMLElement[], needles: ReadonlyMap<HTMLElement, string>) {
  const seen = new Map<HTMLElement, string[]>(timelines.map((t) => [t, [deepText(t)]]));
  // Every link drawn while exploring: URLs are links in the details of the selected row.
  const links = new Map<HTMLElement, HTMLAnchorElement[]>(timelines.map((t) => [t, []]));
  const problems: string[] = [];
  let cuts = 0;
  const rowsOf = (t: HTMLElement) => [...t.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
  const most = Math.max(0, ...timelines.map((t) => rowsOf(t).length));
  for (let r = 0; r < most; r++) {
    const clicked = timelines.filter((t) => {
      const row = rowsOf(t)[r];
      row?.click();
      return row !== undefined;
    });
    await Promise.all(clicked.map((t) => (t as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete));
    for (const t of clicked) {
      const details = shadowPart(t, 'details');
      if (!details) {
        problems.push(`row ${r} opened no details`);
        continue;
      }
      const detailText = details.textContent ?? '';
      seen.get(t)!.push(deepText(t));
      links.get(t)!.push(...deepElements(t.shadowRoot!).filter((e): e is HTMLAnchorElement => e.localName === 'a'));
      const row = rowsOf(t)[r]!;
      for (const cut of cutTexts(row, t, needles.get(t) ?? '')) {
        cuts++;
        const text = cut.textContent ?? '';
        if (!detailText.includes(text)) problems.push(`row text cut and missing from its details: ${text.slice(0, 60)}`);
      }
    }
    problems.push(...layoutProblems(container, timelines), ...treeProblems(timelines));
  }
  // Long strings are cut in rows: if none was, the check above checked nothing.
  if (cuts === 0) problems.push('no row text was cut: the full-text check did not run');
  return { text: (t: HTMLElement) => seen.get(t)!.join('\n'), links: (t: HTMLElement) => links.get(t)!, problems };
}

describe('hostile strings', () => {
  // Tooltips open once their explanations have loaded; loaded up front so that opening one by focus is immediate.
  before(() => loadExplanations('en'));

  // The canaries' own script: the one thing on this page allowed to put a string in a script sink.
  let canary: { createScript(text: string): string };

  before(async () => {
    canary = window.trustedTypes.createPolicy('estafette-canary', { createScript: (text) => text });
    window.__estafettePwned = (name) => void pwned.push(name);
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`), true);
    // Any string handed to an HTML or script sink (innerHTML, srcdoc, script text...) is refused and reported.
    const policy = document.createElement('meta');
    policy.httpEquiv = 'Content-Security-Policy';
    policy.content = "require-trusted-types-for 'script'";
    document.head.append(policy);
  });

  afterEach(() => {
    pwned.length = 0;
    violations.length = 0;
  });

  describe('the page that watches', () => {
    it('hears a payload that runs', async () => {
      const image = document.createElement('img');
      image.setAttribute('onerror', canary.createScript("window.__estafettePwned('canary')"));
      image.src = 'data:,';
      document.body.append(image);
      for (let i = 0; i < 100 && !pwned.includes('canary'); i++) await new Promise((resolve) => setTimeout(resolve, 10));
      image.remove();
      expect(pwned).to.deep.equal(['canary']);
    });

    it('refuses and reports a string handed to a script sink', async () => {
      const script = document.createElement('script');
      expect(() => (script.textContent = "window.__estafettePwned('sink')")).to.throw(TypeError);
      await settle();
      expect(violations.some((v) => v.startsWith('require-trusted-types-for'))).to.equal(true);
    });

    it('sees a row wider than the column, and an element with a handler in a shadow root', async () => {
      const container = await column(html`<email-status-badge status="delivered"></email-status-badge>`);
      const badge = container.firstElementChild!;
      const wide = document.createElement('span');
      wide.setAttribute('part', 'wide');
      wide.setAttribute('onclick', canary.createScript('void 0'));
      // flex: none, because the host lays its shadow children out as flex items, which would shrink it to fit.
      wide.style.cssText = 'display:inline-block;inline-size:400px;flex:none';
      badge.shadowRoot!.append(wide);
      expect(layoutProblems(container, [badge]).join('\n')).to.include('part="wide"');
      expect(treeProblems([badge]).join('\n')).to.include('event-handler attribute onclick');
    });
  });

  describe('normalize', () => {
    for (const provider of PROVIDERS) {
      it(`${provider}: copies each one verbatim into the canonical field it feeds`, () => {
        const misses: string[] = [];
        for (const h of HOSTILE_STRINGS) {
          for (const target of TARGETS[provider]) {
            const { body, expected } = hostileBody(provider, target, h.value, h.value);
            const events = normalize(provider, body, { receivedAt: RECEIVED });
            for (const [, role] of target.fields) {
              if (role !== 'ignored' && !events.some((event) => fieldOf(event, role) === expected(h.value))) {
                misses.push(`${target.sample} ${role} ← ${h.name}`);
              }
            }
          }
        }
        expect(misses).to.deep.equal([]);
      });
    }
  });

  describe('provider payloads through the data source to the elements', () => {
    const rawTargets = (provider: ProviderId): Target[] => TARGETS[provider].filter((t) => t.fields.some(([, role]) => role === 'raw'));

    for (const provider of PROVIDERS) {
      it(`${provider}: badges and timelines show every string as inert text, within the column`, async function () {
        this.timeout(20_000);
        const events: CanonicalEvent[] = [];
        const idOf = new Map<HostileString, string>();
        for (const h of HOSTILE_STRINGS) {
          for (const target of TARGETS[provider]) {
            const { body, expected } = hostileBody(provider, target, h.value, h.value);
            idOf.set(h, expected(h.value));
            // One message, one recipient: the samples' own recipient becomes the hostile one wherever another
            // target kept it (a message id whose events name several recipients is refused, as it should be).
            events.push(...normalize(provider, body, { receivedAt: RECEIVED }).map((e) => (e.recipient === undefined ? e : { ...e, recipient: expected(h.value) })));
          }
          // The unknown word alone on a message of its own: the badge then shows it as its label.
          for (const target of rawTargets(provider)) {
            events.push(...normalize(provider, hostileBody(provider, target, h.value, h.value + RAW_SUFFIX).body, { receivedAt: RECEIVED }));
          }
        }
        const source = new StaticDataSource({ events });
        const container = await column(html`${HOSTILE_STRINGS.map(
          (h) => html`<section data-name=${h.name}>
            <email-status-badge .source=${source} message-id=${idOf.get(h)!}></email-status-badge>
            <email-status-badge .source=${source} message-id=${idOf.get(h)! + RAW_SUFFIX}></email-status-badge>
            <status-timeline .source=${source} message-id=${idOf.get(h)!}></status-timeline>
          </section>`,
        )}`);
        const hosts = hostsIn(container, 'email-status-badge, status-timeline');
        await settle(hosts);

        const problems: string[] = [];
        const needles = new Map<HTMLElement, string>();
        const timelines: HTMLElement[] = [];
        for (const h of HOSTILE_STRINGS) {
          const value = idOf.get(h)!; // the string as the adapter received it
          const section = container.querySelector(`[data-name="${h.name}"]`)!;
          const [failed, unknown] = hostsIn(section, 'email-status-badge');
          const timeline = section.querySelector<HTMLElement>('status-timeline')!;
          timelines.push(timeline);
          needles.set(timeline, value);

          const failedTip = openBadgeTooltip(failed!, problems);
          expect(failedTip.textContent, `${h.name}: the diagnostic in the tooltip`).to.include(value);
          problems.push(...badgeCutProblems(failed!, value, failedTip));
          shadowPart(failed!, 'badge')!.blur();

          expect(shadowPart(unknown!, 'label')!.textContent, `${h.name}: the unknown word as the label`).to.equal(value);
          if (h.name === 'long-no-spaces') expect(cutTexts(unknown!.shadowRoot!, unknown!, value), 'a 10,000-character label is cut').to.have.length(1);
          expect(shadowPart(unknown!, 'badge')!.getAttribute('aria-label'), `${h.name}: the unknown word in the name`).to.include(value);
          const unknownTip = openBadgeTooltip(unknown!, problems);
          problems.push(...badgeCutProblems(unknown!, value, unknownTip));
          shadowPart(unknown!, 'badge')!.blur();
        }
        problems.push(...treeProblems(hosts), ...layoutProblems(container, hosts));

        const explored = await exploreTimelines(container, timelines, needles);
        problems.push(...explored.problems);
        for (const [i, h] of HOSTILE_STRINGS.entries()) {
          const value = idOf.get(h)!;
          const timeline = timelines[i]!;
          const text = explored.text(timeline);
          const roles = new Set(TARGETS[provider].flatMap((t) => t.fields.map(([, role]) => role)));
          if (roles.has('text') || roles.has('code') || roles.has('raw')) expect(text, `${h.name}: shown in the timeline`).to.include(value);
          if (roles.has('url')) {
            expect(text, `${h.name}: the clicked URL shown`).to.include(shownUrl(h, value));
            const links = [...new Set([...explored.links(timeline), ...deepElements(timeline.shadowRoot!).filter((e) => e.localName === 'a')])];
            if (h.link) expect(links.map((a) => a.getAttribute('href')), `${h.name}: linked`).to.include(new URL(value).href);
            else expect(links, `${h.name}: never a link`).to.have.length(0);
          }
        }
        expect([...new Set(problems)]).to.deep.equal([]);
        await settle(hosts);
        expectNothingRan();
      });
    }
  });

  describe('campaigns', () => {
    const counts: CampaignCounts = { sent: 100, delivered: 80, opened: 40, clicked: 10, hardBounced: 12, softBounced: 6, complained: 1, unsubscribed: 3, pending: 2 };
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
    const LAYOUTS = ['grid', 'list', 'compact'] as const;
    const STRETCHING: ReadonlySet<string> = new Set(['long-no-spaces', 'long-words', 'https-long', 'combining-marks', 'emoji-zwj', 'rtl-override']);

    it('stats show hostile campaign names as text, within the column, with their explanations', async function () {
      this.timeout(20_000);
      const campaigns: StaticCampaign[] = HOSTILE_STRINGS.map((h) => ({ campaign: { id: h.value, name: h.value, channel: 'email' }, counts, sending: true }));
      const source = new StaticDataSource({ campaigns, now: () => Date.UTC(2026, 10, 2, 10) });
      const container = await column(html`${HOSTILE_STRINGS.map(
        (h) => html`<section data-name=${h.name}>
          ${LAYOUTS.map((layout) => html`<campaign-stats .source=${source} campaign-id=${h.value} layout=${layout}></campaign-stats>`)}
        </section>`,
      )}`);
      const stats = hostsIn(container, 'campaign-stats');
      await settle(stats);
      const problems: string[] = [];
      for (const h of HOSTILE_STRINGS) {
        for (const element of hostsIn(container.querySelector(`[data-name="${h.name}"]`)!, 'campaign-stats')) {
          expect(deepText(element), `${h.name}: the campaign name`).to.include(h.value);
          for (const cut of cutTexts(element.shadowRoot!, element, h.value)) {
            // Wrapped whole, unless one of its characters alone is wider than the card.
            if (!widerThanItsBox(cut)) problems.push(`${h.name}: campaign name cut: ${(cut.textContent ?? '').slice(0, 40)}`);
          }
          const infos = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[part~="info-button"]')];
          // The explanations hold catalogue text only: all of them beside the names that stretch a layout, one otherwise.
          for (const info of STRETCHING.has(h.name) ? infos : infos.slice(0, 1)) {
            info.click();
            const tip = element.shadowRoot!.getElementById(info.getAttribute('popovertarget') ?? '');
            if (!tip?.matches(':popover-open')) problems.push(`${h.name}: an explanation did not open`);
            else problems.push(...popoverProblems(tip));
            tip?.hidePopover();
          }
        }
      }
      problems.push(...treeProblems(stats), ...layoutProblems(container, stats));
      expect([...new Set(problems)]).to.deep.equal([]);
      await settle(stats);
      expectNothingRan();
    });

    it('campaign timelines show hostile history details as text, within the column', async () => {
      const campaigns: StaticCampaign[] = HOSTILE_STRINGS.map((h) => {
        const history: CampaignHistoryEntry[] = [
          { campaignId: h.value, action: 'created', at: at(0), detail: h.value },
          { campaignId: h.value, action: 'suspended', reason: 'high-bounce-rate', at: at(5), detail: h.value },
        ];
        return { campaign: { id: h.value, name: h.value, channel: 'email' }, counts, history };
      });
      const source = new StaticDataSource({ campaigns });
      const container = await column(html`${HOSTILE_STRINGS.map((h) => html`<status-timeline .source=${source} campaign-id=${h.value}></status-timeline>`)}`);
      const timelines = hostsIn(container, 'status-timeline');
      await settle(timelines);
      const explored = await exploreTimelines(container, timelines, new Map(timelines.map((t, i) => [t, HOSTILE_STRINGS[i]!.value])));
      for (const [i, h] of HOSTILE_STRINGS.entries()) {
        expect(explored.text(timelines[i]!), `${h.name}: the history detail`).to.include(h.value);
      }
      expect([...new Set(explored.problems)]).to.deep.equal([]);
      await settle(timelines);
      expectNothingRan();
    });
  });

  describe('element attributes and properties', () => {
    it('badges show hostile status words, providers, reasons, codes and diagnostics as text', async function () {
      this.timeout(20_000);
      const status = (h: HostileString): MessageStatus =>
        ({
          messageId: h.value, channel: h.value, delivery: h.value, display: h.value, raw: h.value, provider: h.value, reason: h.value,
          detail: { code: h.value, text: h.value, url: h.value }, engagement: {}, updatedAt: h.value, settled: false,
        }) as unknown as MessageStatus;
      let container!: HTMLElement;
      // size and appearance take one of a few words: each hostile value is warned of once, as text (not printed here).
      const warned = await warningsOf(async () => {
        container = await column(html`${HOSTILE_STRINGS.map(
          (h, i) => html`<section data-name=${h.name}>
            <email-status-badge status=${h.value}></email-status-badge>
            <email-status-badge status=${h.value} provider=${PROVIDERS[i % PROVIDERS.length]!} channel="sms"></email-status-badge>
            <email-status-badge status="hard-bounced" provider=${h.value} reason=${h.value} code=${h.value} detail=${h.value}
              updated-at=${h.value} channel=${h.value} size=${h.value} appearance=${h.value} lang=${h.value}></email-status-badge>
            <email-status-badge .value=${status(h)} appearance="dot"></email-status-badge>
            <email-status-badge status=${h.value} appearance="icon-only" size="small"></email-status-badge>
          </section>`,
        )}`);
        await settle(hostsIn(container, 'email-status-badge'));
      });
      for (const h of HOSTILE_STRINGS) {
        expect(warned.filter((w) => w.includes(`<email-status-badge> size="${h.value}" is none of`)), `${h.name}: the size said once`).to.have.length(1);
      }
      const badges = hostsIn(container, 'email-status-badge');
      const problems: string[] = [];
      for (const h of HOSTILE_STRINGS) {
        const [word, mapped, attributes, value, iconOnly] = hostsIn(container.querySelector(`[data-name="${h.name}"]`)!, 'email-status-badge');
        for (const badge of [word!, mapped!, value!]) {
          expect(shadowPart(badge, 'label')!.textContent, `${h.name}: the word as the label`).to.equal(h.value);
        }
        expect(shadowPart(iconOnly!, 'badge')!.getAttribute('aria-label'), `${h.name}: the word in the icon's name`).to.include(h.value);
        for (const badge of [word!, mapped!, attributes!, value!, iconOnly!]) {
          const tip = openBadgeTooltip(badge, problems);
          problems.push(...badgeCutProblems(badge, h.value, tip));
          shadowPart(badge, 'badge')!.blur();
        }
        const tips = (badge: HTMLElement) => shadowPart(badge, 'tooltip')!.textContent ?? '';
        // Provider, reason, code and diagnostic: each a line of its own.
        expect(tips(attributes!).split(h.value).length - 1, `${h.name}: four times in the attribute badge's tooltip`).to.be.at.least(4);
        expect(tips(value!).split(h.value).length - 1, `${h.name}: in the value badge's tooltip`).to.be.at.least(3);
      }
      problems.push(...treeProblems(badges), ...layoutProblems(container, badges));
      expect([...new Set(problems)]).to.deep.equal([]);
      await settle(badges);
      expectNothingRan();
    });

    it('timelines given hostile events and attributes show them as text', async function () {
      this.timeout(20_000);
      const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
      const eventsOf = (h: HostileString): CanonicalEvent[] =>
        [
          { provider: h.value, channel: 'email', messageId: 'm', type: 'clicked', at: at(1), raw: h.value, eventId: h.value, detail: { url: h.value } },
          { provider: h.value, channel: 'email', messageId: 'm', type: 'failed', at: at(2), raw: h.value, reason: h.value, detail: { code: h.value, text: h.value } },
          { provider: h.value, channel: h.value, messageId: 'm', type: h.value, at: h.value, raw: h.value, recipient: h.value },
        ] as unknown as CanonicalEvent[];
      let container!: HTMLElement;
      // The attributes that take one of a few words warn of each hostile value once, as text: said, not printed here.
      const warned = await warningsOf(async () => {
        container = await column(html`${HOSTILE_STRINGS.map(
          (h) => html`<section data-name=${h.name}>
            <status-timeline .events=${eventsOf(h)} time-zone=${h.value} order=${h.value} lang=${h.value}></status-timeline>
            <status-timeline .events=${eventsOf(h)} compact></status-timeline>
            <campaign-stats .counts=${{ sent: 10, delivered: 9, hardBounced: 1 }} channel=${h.value} metrics=${h.value}
              convention=${h.value} layout=${h.value} updated-at=${h.value} time-zone=${h.value} heading-level=${h.value}
              announce-interval=${h.value} lang=${h.value}></campaign-stats>
          </section>`,
        )}`);
        await settle([...hostsIn(container, 'status-timeline'), ...hostsIn(container, 'campaign-stats')]);
      });
      for (const h of HOSTILE_STRINGS) {
        expect(warned.filter((w) => w.includes(`<status-timeline> order="${h.value}" is none of`)), `${h.name}: the order said once`).to.have.length(1);
      }
      const timelines = hostsIn(container, 'status-timeline');
      const stats = hostsIn(container, 'campaign-stats');
      const explored = await exploreTimelines(container, timelines, new Map(timelines.map((t, i) => [t, HOSTILE_STRINGS[Math.floor(i / 2)]!.value])));
      const problems = [...explored.problems, ...treeProblems(stats), ...layoutProblems(container, [...timelines, ...stats])];
      for (const [i, h] of HOSTILE_STRINGS.entries()) {
        for (const timeline of timelines.slice(2 * i, 2 * i + 2)) {
          const text = explored.text(timeline);
          expect(text, `${h.name}: provider, raw word, code and diagnostic`).to.include(h.value);
          expect(text, `${h.name}: the clicked URL`).to.include(shownUrl(h, h.value));
          const links = deepElements(timeline.shadowRoot!).filter((e) => e.localName === 'a');
          if (!h.link) expect(links, `${h.name}: never a link`).to.have.length(0);
        }
      }
      expect([...new Set(problems)]).to.deep.equal([]);
      await settle([...timelines, ...stats]);
      expectNothingRan();
    });
  });
});
