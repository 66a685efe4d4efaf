// What the framework tests give the examples: one campaign (cmp-42) with known counts and two contacts whose
// messages have known statuses, in a StaticDataSource, plus helpers to read what the elements render.
import type { CampaignCounts, DisplayStatus, MessageStatus } from '../../src/core/index.js';
import { StaticDataSource } from '../../src/data/index.js';

export const CAMPAIGN_ID = 'cmp-42';

/** A 3 % bounce rate: under the default 5 % warning, over the 2 % the tests pass as `thresholds`. */
export const COUNTS: CampaignCounts = { sent: 1000, delivered: 970, opened: 400, clicked: 60, softBounced: 20, hardBounced: 10 };

export const STRICT_THRESHOLDS = { bounced: { warning: 0.02, danger: 0.025 } };

export const CONTACTS = [
  { id: 'c-1', name: 'Ada Lovelace', messageId: 'msg-1' },
  { id: 'c-2', name: 'Alan Turing', messageId: 'msg-2' },
];

export function statusOf(messageId: string, display: DisplayStatus, updatedAt = '2026-11-02T09:00:00.000Z'): MessageStatus {
  return { messageId, channel: 'email', delivery: 'delivered', display, engagement: {}, updatedAt, settled: true } as MessageStatus;
}

/** msg-1 delivered, msg-2 sent, msg-3 opened; campaign cmp-42 with {@link COUNTS}. */
export function pageSource(): StaticDataSource {
  return new StaticDataSource({
    statuses: [statusOf('msg-1', 'delivered'), statusOf('msg-2', 'sent'), statusOf('msg-3', 'opened')],
    campaigns: [{ campaign: { id: CAMPAIGN_ID, name: 'Novembre', channel: 'email' }, counts: COUNTS }],
    now: () => Date.UTC(2026, 10, 2, 10),
  });
}

/** Where the Vue and Angular examples' `<status-source>` points. */
export const BASE = '/api/estafette';
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** A fetch answering Estafette's REST contract under {@link BASE} from `source`; it records the paths asked. */
export function restFetch(source: StaticDataSource, paths: string[]): typeof fetch {
  return async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (!url.pathname.startsWith(`${BASE}/`)) return new Response('not found', { status: 404 });
    const path = url.pathname.slice(BASE.length);
    paths.push(path);
    if (path === '/messages' || path === '/messages/batch') {
      const ids = url.searchParams.get('ids')?.split(',') ?? (JSON.parse(String(init.body)) as { ids: string[] }).ids;
      return json({ messages: [...(await source.getMessages(ids)).values()] });
    }
    const stats = /^\/campaigns\/([^/]+)\/stats$/.exec(path);
    if (stats) return json(await source.getCampaignStats(decodeURIComponent(stats[1]!)));
    return new Response('not found', { status: 404 });
  };
}

/** The text an element renders in its shadow root, spaces collapsed. */
export const shadowText = (el: Element | null | undefined): string =>
  (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The label a badge shows. */
export const badgeLabel = (el: Element | null | undefined): string =>
  el?.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';

/** `<campaign-stats>`'s indicator for `metric` (its `data-level` says warning or danger). */
export const metricOf = (stats: Element, metric: string): HTMLElement | null =>
  stats.shadowRoot?.querySelector<HTMLElement>(`[part~="metric"][data-metric="${metric}"]`) ?? null;

/** Activates an indicator as a user would (its button). */
export function clickMetric(stats: Element, metric: string): void {
  metricOf(stats, metric)!.querySelector<HTMLButtonElement>('[part~="metric-button"]')!.click();
}

/** Console errors and uncaught errors while a test runs (React and Vue report their warnings as console.error / warn). */
export function watchErrors(): { readonly errors: string[]; stop(): void } {
  const errors: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); error.apply(console, args); };
  console.warn = (...args: unknown[]) => { errors.push(args.map(String).join(' ')); warn.apply(console, args); };
  const onError = (event: ErrorEvent) => errors.push(String(event.error ?? event.message));
  const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    errors,
    stop() {
      console.error = error;
      console.warn = warn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}
