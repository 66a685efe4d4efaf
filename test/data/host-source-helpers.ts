// Shared by the tests of a host's own data source: a source that answers well, for a test to spoil one method at a
// time, and what the console said meanwhile.
import { fixture, html, waitUntil } from '@open-wc/testing';
import type { CampaignStats } from '../../src/core/index.js';
import type { StatusDataSource } from '../../src/data/index.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { part, statusOf } from '../elements/shared/badge-helpers.js';

export const STATS: CampaignStats = {
  campaign: { id: 'c1', name: 'Soldes', channel: 'email' },
  counts: { sent: 10, delivered: 9 },
  updatedAt: '2026-11-24T09:00:00Z',
};

/** A source that answers well, for the tests to spoil one method at a time. */
export const good = (): StatusDataSource => ({
  getMessages: async (ids) => new Map(ids.map((id) => [id, statusOf(id, 'delivered')])),
  getMessageEvents: async (id) => ({
    events: [{ provider: 'p', channel: 'email', messageId: id, type: 'delivered', at: '2026-11-24T09:00:00Z', raw: 'delivered' }],
  }),
  getCampaignStats: async () => STATS,
  getCampaignHistory: async (id) => ({ items: [{ campaignId: id, action: 'started', at: '2026-11-24T08:00:00Z' }] }),
});

/** console.warn and uncaught errors while the test runs. */
export function watchConsole() {
  const warnings: string[] = [];
  const uncaught: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
  const onError = (e: ErrorEvent) => uncaught.push(e.error);
  const onRejection = (e: PromiseRejectionEvent) => uncaught.push(e.reason);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    warnings,
    uncaught,
    restore() {
      console.warn = warn;
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

export async function badgeWith(source: StatusDataSource, id = 'm-1') {
  const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id=${id} .source=${source}></email-status-badge>`);
  await waitUntil(() => !part(el, 'badge').classList.contains('loading'), 'still loading', { timeout: 3000 });
  return el;
}

