/**
 * Benchmark scenarios, run inside the page by bench/run.mjs (`window.bench.<scenario>()`). Each returns plain
 * numbers; the runner repeats, takes medians and compares with the baseline measured in the same page.
 */
import { aggregate, DISPLAY_STATUSES, STATUS_CATALOGUE, type CanonicalEvent, type DisplayStatus } from '../src/core/index.js';
import { intlFormatterCount } from '../src/i18n/index.js';
import '../src/define.js';
import type { EmailStatusBadgeElement } from '../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../src/elements/status-timeline/status-timeline.js';

const stage = document.getElementById('stage')!;
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const painted = async () => {
  await frame();
  await frame();
};
const heap = () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
const gc = () => (globalThis as unknown as { gc?: () => void }).gc?.();
const statusAt = (i: number): DisplayStatus => DISPLAY_STATUSES[i % DISPLAY_STATUSES.length]!;

// Hand-written baseline: the same visible text and colors, as plain spans.
const COLORS: Record<string, string> = {
  pending: '#0b4f9c', success: '#146c2e', engagement: '#6a2bb8', warning: '#7a4d00', danger: '#b3261e', neutral: '#4a5560',
};
const LABELS: Record<string, string> = Object.fromEntries(DISPLAY_STATUSES.map((s) => [s, s.replace('-', ' ')]));

function table(count: number, cell: (i: number) => Node): HTMLTableElement {
  const t = document.createElement('table');
  const body = t.createTBody();
  for (let i = 0; i < count; i++) body.insertRow().insertCell().append(cell(i));
  return t;
}

async function spans(count: number) {
  gc();
  const before = heap();
  const start = performance.now();
  const t = table(count, (i) => {
    const span = document.createElement('span');
    const status = statusAt(i);
    span.textContent = LABELS[status]!;
    span.style.color = COLORS[STATUS_CATALOGUE[status].category]!;
    span.style.border = '1px solid currentColor';
    span.style.borderRadius = '999px';
    span.style.padding = '0 6px';
    return span;
  });
  stage.append(t);
  await painted();
  const ms = performance.now() - start;
  gc();
  const bytes = heap() - before;
  t.remove();
  return { ms, bytes };
}

async function badges(count: number) {
  gc();
  const before = heap();
  const formattersBefore = intlFormatterCount();
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
  gc();
  const bytes = heap() - before;
  const nodes = all.reduce((sum, b) => sum + countNodes(b.shadowRoot!), 0) / count;
  const tooltips = all.filter((b) => b.shadowRoot!.querySelector('[role="tooltip"]')).length;
  const formatters = intlFormatterCount() - formattersBefore;
  t.remove();
  await painted();
  gc();
  const afterRemoval = heap() - before;
  return { ms, bytes, nodes, tooltips, formatters, afterRemoval };
}

function countNodes(root: Node): number {
  let n = 0;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) n++;
  return n;
}

function timelineEvents(count: number): CanonicalEvent[] {
  const types = ['queued', 'delivered', 'opened', 'clicked'] as const;
  return Array.from({ length: count }, (_, i) => ({
    provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: types[Math.min(i, 3)]!,
    at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(), eventId: `e-${i}`, raw: types[Math.min(i, 3)]!,
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
  el.remove();
  return { ms, rows };
}

function campaignEvents(messages: number, perMessage: number): CanonicalEvent[] {
  const out: CanonicalEvent[] = [];
  const base = Date.UTC(2026, 0, 1);
  const types = ['queued', 'sent', 'delivered', 'opened', 'opened', 'clicked', 'opened', 'opened', 'clicked', 'opened'] as const;
  for (let m = 0; m < messages; m++) {
    const id = `m-${m}`;
    for (let k = 0; k < perMessage; k++) {
      // Events arrive out of order: the last ones first.
      const j = perMessage - 1 - k;
      out.push({ provider: 'p', channel: 'email', messageId: id, type: m % 20 === 0 && j === 2 ? 'hard-bounced' : types[j % types.length]!, at: new Date(base + m * 1000 + j * 60_000).toISOString(), raw: String(j) });
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

async function aggregation(messages: number) {
  const events = campaignEvents(messages, 10);
  const t0 = performance.now();
  naiveAggregate(events);
  const naiveMs = performance.now() - t0;
  const t1 = performance.now();
  const counts = aggregate(events);
  const ms = performance.now() - t1;
  return { ms, naiveMs, events: events.length, sent: counts.sent };
}

async function tooltip() {
  const badge = document.createElement('email-status-badge') as EmailStatusBadgeElement;
  badge.setAttribute('status', 'soft-bounced');
  stage.append(badge);
  await badge.updateComplete;
  await painted();
  const start = performance.now();
  badge.showTooltip();
  const tip = () => badge.shadowRoot!.querySelector('[role="tooltip"]');
  while (!tip()?.matches(':popover-open')) await frame();
  await frame();
  const ms = performance.now() - start;
  badge.remove();
  return { ms };
}

Object.assign(window, { bench: { spans, badges, timeline, aggregation, tooltip } });
document.body.dataset.ready = 'yes';
