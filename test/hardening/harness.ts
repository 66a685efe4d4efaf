// Shared by the hardening tests: the three elements seen the same way (what they show, their error state, their
// retry button), a fetch that records when each request went out and whether it was aborted, and a watch on the
// page for unhandled rejections and console messages.
import { fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { DisplayStatus } from '../../src/core/index.js';
import type { StatusDataSource } from '../../src/data/index.js';
import { DEMO_CAMPAIGNS, mockApi, sampleMessageId, type MockEndpoint } from '../../src/mocks/index.js';
import '../../src/define.js';

/** English labels of the statuses the tests meet: the expected text, written out rather than looked up. */
const STATUS_LABELS: Partial<Record<DisplayStatus, string>> = {
  scheduled: 'Scheduled',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  deferred: 'Delayed',
  delivered: 'Delivered',
  'soft-bounced': 'Soft bounce',
  'hard-bounced': 'Hard bounce',
  bounced: 'Bounced',
  blocked: 'Blocked',
  dropped: 'Not sent',
  opened: 'Opened',
  clicked: 'Clicked',
  unsubscribed: 'Unsubscribed',
  complained: 'Reported as spam',
};

const ACTION_LABELS: Record<string, string> = {
  created: 'Created',
  scheduled: 'Scheduled',
  started: 'Sending started',
  paused: 'Paused',
  resumed: 'Resumed',
  sent: 'Sent',
  completed: 'Completed',
  canceled: 'Canceled',
};

/** Whether the tests know the English label of a display status or event type. */
export const hasLabel = (status: string): boolean => STATUS_LABELS[status as DisplayStatus] !== undefined;

/** The English label of a display status or event type; fails on one the tests did not expect. */
export function labelOf(status: string): string {
  const label = STATUS_LABELS[status as DisplayStatus];
  if (!label) throw new Error(`no expected label for ${status}`);
  return label;
}

const text = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** A visible error: the role it is announced with and what it says. */
export interface ShownError {
  readonly role: string;
  readonly text: string;
}

/** One element, seen the same way by every test of the matrix. */
export interface Subject {
  readonly name: string;
  /** The endpoint its first load reads. */
  readonly endpoint: MockEndpoint;
  /** The live topic it follows, for the stream tests. */
  readonly topic: 'message' | 'campaign';
  /** Two ids whose views differ (call after `resetMockApi`). */
  ids(): [string, string];
  /** Puts the element on the page, after a focusable button, reading `id` through `source`. */
  mount(source: StatusDataSource, id: string): Promise<LitElement>;
  /** Points the element at another id. */
  setId(el: LitElement, id: string): void;
  /** What the element shows of the loaded data; '' while it has none. */
  shown(el: LitElement): string;
  /** What `shown` must read for `id`, from the mock server's own data. */
  expected(id: string): string;
  /** The error state on screen, if any. */
  error(el: LitElement): ShownError | undefined;
  /** The button that tries again, when the element has one. */
  retryButton(el: LitElement): HTMLButtonElement | null;
}

async function mountTag(tag: string, props: Record<string, unknown>): Promise<LitElement> {
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><button class="before">Before</button></div>`);
  const el = document.createElement(tag) as LitElement;
  Object.assign(el, props);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

const root = (el: LitElement) => el.shadowRoot!;

export const badge: Subject = {
  name: '<email-status-badge>',
  endpoint: 'messages',
  topic: 'message',
  ids: () => [sampleMessageId('delivered'), sampleMessageId('hard-bounced')],
  mount: (source, id) => mountTag('email-status-badge', { source, messageId: id }),
  setId: (el, id) => Object.assign(el, { messageId: id }),
  shown: (el) => (root(el).querySelector('[part~="badge"]')?.matches('.error, .loading') ? '' : text(root(el).querySelector('[part~="label"]'))),
  expected: (id) => labelOf(mockApi().store.status(id)!.display),
  error(el) {
    const part = root(el).querySelector('[part~="badge"]');
    if (!part?.classList.contains('error')) return undefined;
    return { role: part.getAttribute('role') ?? '', text: `${text(part)}: ${part.getAttribute('aria-label') ?? ''}` };
  },
  retryButton: () => null,
};

export const stats: Subject = {
  name: '<campaign-stats>',
  endpoint: 'campaign-stats',
  topic: 'campaign',
  ids: () => [DEMO_CAMPAIGNS.newsletter, DEMO_CAMPAIGNS.sms],
  mount: (source, id) => mountTag('campaign-stats', { source, campaignId: id }),
  setId: (el, id) => Object.assign(el, { campaignId: id }),
  shown(el) {
    const name = text(root(el).querySelector('.campaign-name'));
    const sent = text(root(el).querySelector('[data-metric="sent"] [part~="count"]'));
    const updated = root(el).querySelector('[part~="status"] time')?.getAttribute('datetime');
    return name && sent ? `${name}: ${sent} sent, as of ${updated}` : '';
  },
  expected(id) {
    const s = mockApi().store.stats(id)!;
    return `${s.campaign.name}: ${s.counts.sent!.toLocaleString('en')} sent, as of ${s.updatedAt}`;
  },
  error(el) {
    const box = root(el).querySelector('.error');
    return box ? { role: box.getAttribute('role') ?? '', text: text(box.querySelector('.error-message')) } : undefined;
  },
  retryButton: (el) => root(el).querySelector<HTMLButtonElement>('button.retry'),
};

/** Row count and newest row of a timeline. */
const timelineShown = (el: LitElement): string => {
  const summary = text(root(el).querySelector('[part~="summary"]'));
  const top = root(el).querySelector('[part~="row"][data-index="0"] [part~="label"]');
  return summary && top ? `${summary}, newest: ${text(top)}` : '';
};

const timelineError = (el: LitElement): ShownError | undefined => {
  const box = root(el).querySelector('[part~="error"]');
  return box ? { role: box.getAttribute('role') ?? '', text: text(box.querySelector('span')) } : undefined;
};

export const messageTimeline: Subject = {
  name: '<status-timeline message-id>',
  endpoint: 'message-events',
  topic: 'message',
  ids: () => [sampleMessageId('delivered'), sampleMessageId('hard-bounced')],
  mount: (source, id) => mountTag('status-timeline', { source, messageId: id }),
  setId: (el, id) => Object.assign(el, { messageId: id }),
  shown: timelineShown,
  expected(id) {
    const events = mockApi().store.events(id);
    return `${plural(events.length, 'event', 'events')}, newest: ${labelOf(events[events.length - 1]!.type)}`;
  },
  error: timelineError,
  retryButton: (el) => root(el).querySelector<HTMLButtonElement>('[part~="retry"]'),
};

export const campaignTimeline: Subject = {
  name: '<status-timeline campaign-id>',
  endpoint: 'campaign-history',
  topic: 'campaign',
  ids: () => [DEMO_CAMPAIGNS.newsletter, DEMO_CAMPAIGNS.transactional],
  mount: (source, id) => mountTag('status-timeline', { source, campaignId: id }),
  setId: (el, id) => Object.assign(el, { campaignId: id }),
  shown: timelineShown,
  expected(id) {
    const history = mockApi().store.history(id)!;
    return `${plural(history.length, 'event', 'events')}, newest: ${ACTION_LABELS[history[history.length - 1]!.action]}`;
  },
  error: timelineError,
  retryButton: (el) => root(el).querySelector<HTMLButtonElement>('[part~="retry"]'),
};

/** One request as the page's fetch saw it. */
export interface TrackedCall {
  readonly url: URL;
  /** `Date.now()` when it went out. */
  readonly at: number;
  readonly signal: AbortSignal | undefined;
}

/** The real fetch (MSW answers), recording every request. */
export function trackedFetch(): { fetch: typeof fetch; calls: TrackedCall[] } {
  const calls: TrackedCall[] = [];
  const fetchFn = ((input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: new URL(String(input), location.href), at: Date.now(), signal: init?.signal ?? undefined });
    return fetch(input, init);
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

/** Requests to a path ending with `suffix` (`/stats`, `/events`, `/messages`...). */
export const callsTo = (calls: readonly TrackedCall[], suffix: string): TrackedCall[] => calls.filter((c) => c.url.pathname.endsWith(suffix));

/** The path suffix of a mock endpoint's requests. */
export const PATH_OF: Record<MockEndpoint, string> = {
  messages: '/messages',
  'messages-batch': '/messages/batch',
  'message-events': '/events',
  'campaign-stats': '/stats',
  'campaign-history': '/history',
  stream: '/stream',
};

/** What the page did that it should not: unhandled rejections, console errors and warnings. */
export interface PageWatch {
  readonly rejections: unknown[];
  readonly logged: { readonly level: 'error' | 'warn'; readonly text: string }[];
  stop(): void;
}

/** Records unhandled rejections and console.error / console.warn calls (still passing them on) until `stop()`. */
export function watchPage(): PageWatch {
  const rejections: unknown[] = [];
  const logged: { level: 'error' | 'warn'; text: string }[] = [];
  const onRejection = (event: PromiseRejectionEvent) => rejections.push(event.reason);
  window.addEventListener('unhandledrejection', onRejection);
  const { error, warn } = console;
  console.error = (...args: unknown[]) => {
    logged.push({ level: 'error', text: args.map(String).join(' ') });
    error.apply(console, args);
  };
  console.warn = (...args: unknown[]) => {
    logged.push({ level: 'warn', text: args.map(String).join(' ') });
    warn.apply(console, args);
  };
  return {
    rejections,
    logged,
    stop() {
      window.removeEventListener('unhandledrejection', onRejection);
      console.error = error;
      console.warn = warn;
    },
  };
}

/** Waits until `condition` holds, checking every few ms; fails after `limit` ms naming `what`. */
export async function until(condition: () => unknown, what: string, limit = 3_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > limit) throw new Error(`timed out after ${limit} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Yields one task turn, without the 4 ms clamp nested `setTimeout(0)` calls get. */
export const nextTask = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

/** Lets `ms` of real time pass (for "nothing more happens" checks, never to wait for something to happen). */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
