/**
 * Benchmark scenarios, run inside the page by bench/run.mjs (`window.bench.<scenario>()`). Each returns plain
 * numbers; the runner repeats, takes medians and compares with the baseline measured in the same page.
 * Built in production mode (Lit without its dev-mode checks) by bench/vite.config.ts.
 */
import { aggregate, DISPLAY_STATUSES, statusInfo, type CanonicalEvent, type DisplayStatus } from '../src/core/index.js';
import { RestDataSource, setDefaultSource, type VisibilityProvider } from '../src/data/index.js';
import { intlFormatterCount, translate } from '../src/i18n/index.js';
import { DEMO_CAMPAIGNS, messageIdsFor, startMockApi, type MockApi } from '../src/mocks/index.js';
import '../src/define.js';
import { EmailStatusBadgeElement as EmailStatusBadge, type EmailStatusBadgeElement } from '../src/elements/email-status-badge/email-status-badge.js';
import { ICON_PATHS, ICONS } from '../src/elements/shared/icons.js';
import { html, LitElement } from 'lit';
import type { StatusTimelineElement } from '../src/elements/status-timeline/status-timeline.js';

const stage = document.getElementById('stage')!;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** The frame that shows what was just rendered has been produced. */
const painted = async () => {
  await frame();
  await frame();
};
const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
type GcOptions = { type: 'major' | 'minor'; execution: 'sync' | 'async' };
const v8gc = (options?: GcOptions) => (globalThis as unknown as { gc?: (o?: GcOptions) => Promise<void> | void }).gc?.(options);
/** A full collection now (before timing something: garbage of the previous run is not billed to the next). */
const gc = () => void v8gc();
/**
 * A precise full collection. `gc()` called from script runs with the script's stack on the thread, and Blink's
 * heap then scans that stack conservatively: any stale word that looks like a pointer to a removed node keeps it,
 * and with it its whole removed tree (10,000 badges, 13 MB), alive. Whether one does depends on what ran before,
 * so "heap left after removal" read 2 B in one run and 1,267 B per badge in the next. `execution: 'async'` runs
 * the collection in a task of its own, with no stack to scan.
 */
const preciseGc = async () => {
  await v8gc({ type: 'major', execution: 'async' });
};
/** A settled heap: two precise full collections with a task in between (weak refs, finalizers). */
const settledHeap = async () => {
  await preciseGc();
  await sleep(0);
  await preciseGc();
  return heap();
};
const statusAt = (i: number): DisplayStatus => DISPLAY_STATUSES[i % DISPLAY_STATUSES.length]!;

/** Every node under `root` (elements, text, Lit's comment markers), `root` itself excluded. */
function countNodes(root: Node): number {
  let n = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  while (walker.nextNode()) n++;
  return n;
}

/**
 * The table every scenario fills, one cell per row. Rows are created and appended, not `insertRow()`-ed: Chromium's
 * `insertRow()` counts the rows each time (about 0.5 s for 10,000 here, against 20 ms), a cost that both sides of a
 * comparison paid and that made every ratio look smaller than it is.
 */
function table(count: number, cell: (i: number) => Node): HTMLTableElement {
  const t = document.createElement('table');
  const body = t.createTBody();
  for (let i = 0; i < count; i++) {
    const row = document.createElement('tr');
    const td = document.createElement('td');
    td.append(cell(i));
    row.append(td);
    body.append(row);
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Badges given as attributes, against the same visible text and colors as plain spans built by hand.

// The baseline's stylesheet: one class per category, with the badge's own light-scheme colors.
const baselineSheet = new CSSStyleSheet();
baselineSheet.replaceSync(`
  .b { display: inline-block; padding: 0 0.6em; border: 1px solid; border-radius: 999px; font: 600 0.8125rem/1.85em system-ui, sans-serif; white-space: nowrap; }
  .pending { color: #0b4f9c; background: #e8f1fc; border-color: #9dbfe8; }
  .success { color: #146c2e; background: #e7f5ea; border-color: #97cfa5; }
  .engagement { color: #6a2bb8; background: #f1eafb; border-color: #c2a6ea; }
  .warning { color: #7a4d00; background: #fdf3dc; border-color: #e6c27a; }
  .danger { color: #b3261e; background: #fcebea; border-color: #eba29d; }
  .neutral { color: #4a5560; background: #eef0f2; border-color: #b9c0c7; }
  .b.with-icon { display: inline-flex; align-items: center; gap: 0.35em; padding: 0 0.7em 0 0.55em; }
  .b svg { inline-size: 1.2em; block-size: 1.2em; fill: none; stroke: currentColor; stroke-width: 1.5; stroke-linecap: round; stroke-linejoin: round; }
`);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, baselineSheet];
const LABELS = new Map(DISPLAY_STATUSES.map((s) => [s, translate('en', statusInfo(s).keys.label)]));

// The badge's own icons (one path each, read from its shared templates), as SVG elements to clone.
const SVG = 'http://www.w3.org/2000/svg';
const ICON_SVGS = new Map(DISPLAY_STATUSES.map((s) => {
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('viewBox', '0 0 16 16');
  icon.setAttribute('aria-hidden', 'true');
  const path = icon.appendChild(document.createElementNS(SVG, 'path'));
  path.setAttribute('d', /d="([^"]+)"/.exec(ICONS[statusInfo(s).icon].strings.join(''))![1]!);
  return [s, icon] as const;
}));

/**
 * A badge drawn by hand: the label in the badge's colors, and with `withIcon` also the same icon the badge draws
 * (an SVG element with one path, cloned), so that both sides show the same things.
 */
function plainBadge(status: DisplayStatus, withIcon: boolean): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `b ${statusInfo(status).category}${withIcon ? ' with-icon' : ''}`;
  if (withIcon) span.append(ICON_SVGS.get(status)!.cloneNode(true), LABELS.get(status)!);
  else span.textContent = LABELS.get(status)!;
  return span;
}

/**
 * A table of `count` cells drawn by `cell`, timed from insertion to painted, with the heap it held, what was left
 * once it was removed, and `drawn`, how many of its cells `isDrawn` says show their badge.
 */
async function handMadeTable(count: number, cell: (i: number) => Node, isDrawn: (cell: Element) => boolean) {
  const before = await settledHeap();
  const start = performance.now();
  let t: HTMLTableElement | null = table(count, cell);
  stage.append(t);
  await painted();
  const ms = performance.now() - start;
  const bytes = (await settledHeap()) - before;
  const drawn = [...t.querySelectorAll('td > *')].filter(isDrawn).length;
  const gone = new WeakRef(t);
  t.remove();
  t = null;
  await painted();
  const afterRemoval = (await settledHeap()) - before;
  return { ms, bytes, afterRemoval, drawn, collected: gone.deref() === undefined };
}

/** Plain spans built by hand (see plainBadge). */
const spans = (count: number, withIcon = false) =>
  handMadeTable(count, (i) => plainBadge(statusAt(i), withIcon), (span) => span.textContent !== '');

/**
 * The platform's floor for a shadow-DOM badge: a hand-written custom element (no Lit, no data machinery, no
 * language lookup) that gives each instance a shadow root with the spans' stylesheet, adopted once for all, and
 * the same content as the icon spans, set from its `status` attribute on connection. What separates it from the
 * icon spans is what shadow DOM and custom elements cost by themselves; what separates the badge from it is Lit's
 * and the badge's own work.
 */
class PlainShadowBadge extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [baselineSheet];
    const status = this.getAttribute('status') as DisplayStatus;
    const span = plainBadge(status, true);
    span.setAttribute('role', 'img');
    span.setAttribute('aria-label', LABELS.get(status)!);
    root.append(span);
  }
}
customElements.define('bench-plain-shadow-badge', PlainShadowBadge);

/** Hand-written custom elements with a shadow root each, same content as the icon spans: see PlainShadowBadge. */
const plainElements = (count: number) =>
  handMadeTable(
    count,
    (i) => {
      const element = document.createElement('bench-plain-shadow-badge');
      element.setAttribute('status', statusAt(i));
      return element;
    },
    (element) => element.shadowRoot?.querySelector('svg') != null,
  );

/*
 * Two more baselines, to say where the badge's time goes: the badge's own markup and stylesheets (what an attribute
 * badge renders: the box, the icon's one path, the label), drawn by a hand-written custom element and by a minimal
 * LitElement, neither with any of the badge's machinery (no language lookup, no data source, no tooltip listeners).
 * Hand-written vs icon-span custom elements: what the badge's markup and styles cost; minimal LitElement vs
 * hand-written: Lit's share; badge vs minimal LitElement: the badge's own code. `sameMarkup` checks, every run,
 * that both draw exactly what the badge draws.
 */
const BADGE_SHEETS = EmailStatusBadge.elementStyles.map((style) => (style instanceof CSSStyleSheet ? style : style.styleSheet!));
const iconOf = (status: DisplayStatus) => ICON_PATHS[statusInfo(status).icon];

/** The badge's markup for `status`, built by hand: see the comment above. */
class PlainMarkupBadge extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    root.adoptedStyleSheets = BADGE_SHEETS;
    const status = this.getAttribute('status') as DisplayStatus;
    const box = document.createElement('span');
    box.setAttribute('part', 'badge');
    box.setAttribute('role', 'img');
    box.setAttribute('tabindex', '0');
    box.className = `badge ${statusInfo(status).category} pill`;
    box.setAttribute('aria-label', LABELS.get(status)!);
    box.setAttribute('lang', 'en');
    box.setAttribute('dir', 'ltr');
    const icon = box.appendChild(document.createElementNS(SVG, 'svg'));
    icon.setAttribute('part', 'icon');
    icon.setAttribute('viewBox', '0 0 16 16');
    icon.setAttribute('aria-hidden', 'true');
    icon.appendChild(document.createElementNS(SVG, 'path')).setAttribute('d', iconOf(status));
    const label = box.appendChild(document.createElement('span'));
    label.setAttribute('part', 'label');
    label.textContent = LABELS.get(status)!;
    root.append(box);
  }
}
customElements.define('bench-plain-markup-badge', PlainMarkupBadge);

/** The badge's template and stylesheets in a minimal LitElement: see the comment above. */
class LitMarkupBadge extends LitElement {
  static override styles = EmailStatusBadge.elementStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override properties = { status: {} };
  declare status: DisplayStatus;
  override render() {
    const label = LABELS.get(this.status)!;
    return html`<span part="badge" class=${`badge ${statusInfo(this.status).category} pill`} role="img" tabindex="0" aria-label=${label} lang=${'en'} dir=${'ltr'}><svg part="icon" viewBox="0 0 16 16" aria-hidden="true"><path d=${iconOf(this.status)}></path></svg><span part="label" .textContent=${label}></span></span>`;
  }
}
customElements.define('bench-lit-markup-badge', LitMarkupBadge);

/** Hand-written or minimal-Lit elements with the badge's markup: see the comment above. */
const markupElements = (count: number, lit: boolean) =>
  handMadeTable(
    count,
    (i) => {
      const element = document.createElement(lit ? 'bench-lit-markup-badge' : 'bench-plain-markup-badge');
      element.setAttribute('status', statusAt(i));
      return element;
    },
    (element) => element.shadowRoot?.querySelector('[part~="label"]')?.textContent !== '',
  );

/** Whether both markup baselines draw, for every status, exactly what an attribute badge draws (Lit's markers aside). */
async function sameMarkup(): Promise<string[]> {
  const serializer = new XMLSerializer();
  const shadowHtml = (el: Element) => [...el.shadowRoot!.childNodes].map((node) => serializer.serializeToString(node)).join('').replace(/<!--[^]*?-->/g, '');
  const differences: string[] = [];
  for (const status of DISPLAY_STATUSES) {
    const [badge, plain, lit] = ['email-status-badge', 'bench-plain-markup-badge', 'bench-lit-markup-badge'].map((tag) => {
      const el = document.createElement(tag);
      el.setAttribute('status', status);
      if (tag === 'email-status-badge') el.setAttribute('lang', 'en');
      return stage.appendChild(el);
    });
    await (badge as EmailStatusBadgeElement).updateComplete;
    await (lit as LitMarkupBadge).updateComplete;
    for (const other of [plain!, lit!]) if (shadowHtml(other) !== shadowHtml(badge!)) differences.push(`${other.localName} ${status}: ${shadowHtml(other)} vs ${shadowHtml(badge!)}`);
    for (const el of [badge, plain, lit]) el!.remove();
  }
  return differences;
}

/** Mounts `count` attribute badges; every reference to them is dropped when this returns. */
async function mountBadges(count: number, before: number) {
  const start = performance.now();
  const t = table(count, (i) => {
    const badge = document.createElement('email-status-badge');
    badge.setAttribute('status', statusAt(i));
    return badge;
  });
  stage.append(t);
  const all = [...t.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
  await Promise.all(all.map((b) => b.updateComplete));
  await painted();
  const ms = performance.now() - start;
  const bytes = (await settledHeap()) - before;
  // The host and its shadow tree.
  const nodes = all.reduce((sum, b) => sum + 1 + countNodes(b.shadowRoot!), 0) / count;
  const tooltips = all.filter((b) => b.shadowRoot!.querySelector('[role="tooltip"], [popover]')).length;
  const sheets = new Set(all.flatMap((b) => b.shadowRoot!.adoptedStyleSheets)).size;
  t.remove();
  return { ms, bytes, nodes, tooltips, sheets, gone: new WeakRef(t) };
}

async function badges(count: number) {
  const before = await settledHeap();
  const formattersBefore = intlFormatterCount();
  const { gone, ...result } = await mountBadges(count, before);
  await painted();
  const afterRemoval = (await settledHeap()) - before;
  // Whether the removed table (and so every badge in it) was collected: anything that keeps one badge keeps all.
  const collected = gone.deref() === undefined;
  return { ...result, formatters: intlFormatterCount() - formattersBefore, afterRemoval, collected };
}

/**
 * `Intl` formatters for 10,000 badges in two languages, each with an update time, 100 of them with their tooltip
 * open (which formats the time, absolute and relative). The cache should hold one per (kind, locale, options).
 */
async function formatters(count: number) {
  const { gone, ...result } = await mountFormatters(count);
  await painted();
  await settledHeap();
  return { ...result, collected: gone.deref() === undefined };
}

async function mountFormatters(count: number) {
  const before = intlFormatterCount();
  const updatedAt = new Date(Date.now() - 3_600_000).toISOString();
  const t = table(count, (i) => {
    const badge = document.createElement('email-status-badge');
    badge.setAttribute('status', statusAt(i));
    badge.setAttribute('updated-at', updatedAt);
    badge.lang = i % 2 ? 'fr' : 'en';
    return badge;
  });
  stage.append(t);
  const all = [...t.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
  await Promise.all(all.map((b) => b.updateComplete));
  const afterRender = intlFormatterCount() - before;
  for (const b of all.slice(0, 100)) {
    // Resolves once shown: the first one waits for the explanations, which load on demand.
    await b.showTooltip();
    await b.updateComplete;
    b.hideTooltip();
  }
  await painted();
  const created = intlFormatterCount() - before;
  t.remove();
  return { afterRender, created, gone: new WeakRef(t) };
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Badges by message id through RestDataSource on the MSW mock API.

let mock: MockApi | undefined;
let knownIds: string[] = [];
async function mockReady(): Promise<MockApi> {
  if (!mock) {
    mock = await startMockApi({ speed: 0, serviceWorkerUrl: '/mockServiceWorker.js' });
    knownIds = Object.values(DEMO_CAMPAIGNS).flatMap((id) => messageIdsFor(id));
  }
  return mock;
}

/** `unique` message ids: the mock dataset's, then ids it does not know (asked for all the same, answered as absent). */
const uniqueIds = (unique: number) =>
  Array.from({ length: unique }, (_, i) => knownIds[i] ?? `bench-absent-${i}`);

function countingFetch() {
  const counter = { calls: 0, pending: 0, urls: [] as string[], firstSent: 0, lastSent: 0, lastAnswered: 0 };
  const fetcher: typeof fetch = async (input, init) => {
    counter.calls++;
    counter.pending++;
    counter.lastSent = performance.now();
    counter.firstSent ||= counter.lastSent;
    counter.urls.push(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    try {
      const response = await fetch(input, init);
      // The body is read by the caller; time to headers is what the network (here, the worker) takes.
      return response;
    } finally {
      counter.pending--;
      counter.lastAnswered = performance.now();
    }
  };
  return { counter, fetcher };
}

async function restBadges(count: number, unique: number) {
  const api = await mockReady();
  const ids = uniqueIds(unique);
  const { counter, fetcher } = countingFetch();
  const source = new RestDataSource({ baseUrl: '/api', fetch: fetcher, live: 'off' });
  // Lookups under way, counted where the badges ask: done when every one is answered and the badges have updated.
  // (Scanning 10,000 shadow roots for a loading badge each frame would time the bench's own work; the scan runs
  // once, after the clock stops, to check that none is left loading.)
  let asking = 0;
  const getMessages = source.getMessages.bind(source);
  source.getMessages = (...args) => {
    asking++;
    return getMessages(...args).finally(() => asking--);
  };
  setDefaultSource(source);
  api.requests.length = 0;
  const start = performance.now();
  const t = table(count, (i) => {
    const badge = document.createElement('email-status-badge');
    badge.setAttribute('message-id', ids[i % unique]!);
    return badge;
  });
  stage.append(t);
  const all = [...t.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
  // Every badge has rendered once, so every lookup has started.
  await Promise.all(all.map((b) => b.updateComplete));
  const deadline = start + 60_000;
  while (asking > 0 && performance.now() < deadline) await frame();
  await Promise.all(all.map((b) => b.updateComplete));
  await painted();
  const ms = performance.now() - start;
  const lookups = api.requests.filter((r) => r.endpoint === 'messages' || r.endpoint === 'messages-batch');
  const asked = lookups.flatMap((r) => r.ids ?? []);
  const askedSet = new Set(asked);
  const loading = all.filter((b) => b.shadowRoot!.querySelector('.loading')).length;
  const notFound = all.filter((b) => b.shadowRoot!.querySelector('.error')).length;
  const known = new Set(knownIds);
  const expectedNotFound = all.filter((b) => !known.has(b.getAttribute('message-id')!)).length;
  t.remove();
  setDefaultSource(undefined);
  source.close();
  return {
    ms,
    fetches: counter.calls,
    requests: lookups.length,
    idsAsked: asked.length,
    idsUnique: askedSet.size,
    missing: ids.filter((id) => !askedSet.has(id)).length,
    perRequest: lookups.map((r) => r.ids?.length ?? 0),
    loading,
    notFound,
    expectedNotFound,
    firstSent: counter.firstSent - start,
    lastSent: counter.lastSent - start,
    lastAnswered: counter.lastAnswered - start,
  };
}

/**
 * Polling live updates: requests while the page is visible, while it is hidden (none expected), and after. Polls
 * come every `pollInterval` ms of real time: the source polls at its shortest (1 s) on timers run that much faster.
 */
async function hiddenTab(count: number, pollInterval: number) {
  await mockReady();
  let hidden = false;
  const listeners = new Set<() => void>();
  const visibility: VisibilityProvider = {
    hidden: () => hidden,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const { counter, fetcher } = countingFetch();
  const speed = 1000 / pollInterval;
  const timers = { setTimeout: (run: () => void, ms: number) => setTimeout(run, ms / speed), clearTimeout: (handle: unknown) => clearTimeout(handle as number) };
  const source = new RestDataSource({ baseUrl: '/api', fetch: fetcher, live: 'poll', pollInterval: 1000, EventSource: null, visibility, timers });
  setDefaultSource(source);
  const t = table(count, (i) => {
    const badge = document.createElement('email-status-badge');
    badge.setAttribute('message-id', knownIds[i]!);
    return badge;
  });
  stage.append(t);
  const wait = async (ms: number) => {
    await sleep(ms);
    while (counter.pending > 0) await sleep(10);
  };
  await wait(pollInterval / 2);
  let mark = counter.calls;
  await wait(pollInterval * 4);
  const visible = counter.calls - mark;
  hidden = true;
  for (const listener of listeners) listener();
  mark = counter.calls;
  await wait(pollInterval * 6);
  const whileHidden = counter.calls - mark;
  const hiddenUrls = counter.urls.slice(mark);
  hidden = false;
  for (const listener of listeners) listener();
  mark = counter.calls;
  await wait(pollInterval * 4);
  const afterShown = counter.calls - mark;
  t.remove();
  setDefaultSource(undefined);
  source.close();
  return { visible, whileHidden, afterShown, hiddenUrls: hiddenUrls.slice(0, 3) };
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Tooltip: from keyboard focus (no delay) and from hover (after the 300 ms delay) to the frame that shows it.

async function tooltip(how: 'focus' | 'hover') {
  const badge = document.createElement('email-status-badge') as EmailStatusBadgeElement;
  badge.setAttribute('status', 'soft-bounced');
  badge.setAttribute('updated-at', new Date(Date.now() - 600_000).toISOString());
  stage.append(badge);
  await badge.updateComplete;
  await painted();
  const target = badge.shadowRoot!.querySelector<HTMLElement>('[part~="badge"]')!;
  // `beforetoggle` fires synchronously inside showPopover(): the moment the tooltip opens. The controller creates
  // the tooltip and shows it in the same task (on focus, in the focusin listener), so a listener added once the
  // tooltip exists (a MutationObserver callback, a microtask later) comes too late and waits forever: that is what
  // hung this scenario. `beforetoggle` does not bubble, but a capture listener on the shadow root sees it.
  let opened = 0;
  let resolveOpen!: () => void;
  const opening = new Promise<void>((resolve) => (resolveOpen = resolve));
  const onBeforeToggle = (event: Event) => {
    if ((event as ToggleEvent).newState !== 'open' || opened) return;
    opened = performance.now();
    resolveOpen();
  };
  badge.shadowRoot!.addEventListener('beforetoggle', onBeforeToggle, { capture: true });
  // Start right after a frame, so "the next frame" is a whole frame away.
  await frame();
  const start = performance.now();
  // When each animation frame began, until the tooltip opened.
  const ticks: number[] = [];
  let counting = true;
  const tick = () => {
    if (!counting) return;
    ticks.push(performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  if (how === 'focus') target.focus();
  else target.dispatchEvent(new PointerEvent('pointerover', { bubbles: true, composed: true, pointerType: 'mouse' }));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const tip = badge.shadowRoot!.querySelector('[role="tooltip"]');
      reject(new Error(`tooltip (${how}) not opened after 5 s: tooltip ${tip ? (tip.matches(':popover-open') ? 'open' : 'closed') : 'absent'}`));
    }, 5_000);
  });
  try {
    await Promise.race([opening, timeout]);
  } catch (error) {
    counting = false;
    badge.remove();
    throw error;
  } finally {
    clearTimeout(timer);
    badge.shadowRoot!.removeEventListener('beforetoggle', onBeforeToggle, { capture: true });
  }
  counting = false;
  // Frames that began between the focus and the open: 0 means it opened in time for the next frame.
  const framesBeforeOpen = ticks.filter((t) => t > start && t < opened).length;
  // The next animation frame is the one that paints it.
  await frame();
  const ms = performance.now() - start;
  const toOpen = opened - start;
  target.blur();
  target.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, composed: true, pointerType: 'mouse', relatedTarget: null }));
  badge.hideTooltip();
  badge.remove();
  await painted();
  return { ms, toOpen, framesBeforeOpen };
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Timeline of many events in a 600 px box.

function timelineEvents(count: number): CanonicalEvent[] {
  const types = ['queued', 'sent', 'delivered', 'opened', 'clicked'] as const;
  return Array.from({ length: count }, (_, i) => ({
    provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: types[Math.min(i, 4)]!,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), eventId: `e-${i}`, raw: types[Math.min(i, 4)]!,
  }));
}

async function timeline(count: number) {
  const events = timelineEvents(count);
  const el = document.createElement('status-timeline') as StatusTimelineElement;
  el.style.setProperty('--estafette-timeline-max-height', '600px');
  el.style.height = '600px';
  el.style.display = 'block';
  const start = performance.now();
  el.events = events;
  stage.append(el);
  await el.updateComplete;
  await painted();
  const ms = performance.now() - start;
  const rows = el.shadowRoot!.querySelectorAll('[part~="row"]').length;
  const height = el.getBoundingClientRect().height;
  el.remove();
  return { ms, rows, height };
}

// ---------------------------------------------------------------------------------------------------------------
// 5. Aggregation of canonical events, against a naive baseline.

function campaignEvents(messages: number, perMessage: number): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  const base = Date.UTC(2026, 0, 1);
  const types = ['queued', 'sent', 'delivered', 'opened', 'opened', 'clicked', 'opened', 'opened', 'clicked', 'opened'] as const;
  for (let m = 0; m < messages; m++) {
    const id = `m-${m}`;
    for (let k = 0; k < perMessage; k++) {
      // Events arrive out of order: the last ones first.
      const j = perMessage - 1 - k;
      const type = m % 20 === 0 && j === 2 ? 'hard-bounced' : types[j % types.length]!;
      // One provider word per type, as providers write them: every open of a message says "opened", so telling
      // copies apart takes their times (a word per event, as this bench once gave, settled it at the word).
      out.push({ provider: 'p', channel: 'email', messageId: id, type, at: new Date(base + m * 1000 + j * 60_000).toISOString(), raw: type });
    }
  }
  return out;
}

/** Naive baseline: one object per event, grouped, sorted per message, folded with a simple rank. */
function naiveAggregate(events: readonly CanonicalEvent[]) {
  const groups = new Map<string, { type: string; t: number }[]>();
  for (const e of events) {
    const list = groups.get(e.messageId) ?? [];
    list.push({ type: e.type, t: Date.parse(e.at) });
    groups.set(e.messageId, list);
  }
  const counts: Record<string, number> = {};
  for (const list of groups.values()) {
    list.sort((a, b) => a.t - b.t);
    let state = 'unknown';
    for (const e of list) if (!['opened', 'clicked'].includes(e.type)) state = e.type;
    counts[state] = (counts[state] ?? 0) + 1;
  }
  return counts;
}

let eventsCache: { messages: number; events: CanonicalEvent[] } | undefined;
async function aggregation(messages: number) {
  if (eventsCache?.messages !== messages) {
    eventsCache = undefined;
    gc();
    eventsCache = { messages, events: campaignEvents(messages, 10) };
  }
  const { events } = eventsCache;
  gc();
  const t0 = performance.now();
  naiveAggregate(events);
  const naiveMs = performance.now() - t0;
  gc();
  const t1 = performance.now();
  const counts = aggregate(events);
  const ms = performance.now() - t1;
  return { ms, naiveMs, events: events.length, sent: counts.sent };
}

Object.assign(window, { bench: { spans, plainElements, markupElements, sameMarkup, badges, formatters, restBadges, hiddenTab, tooltip, timeline, aggregation } });
document.body.dataset.ready = 'yes';
