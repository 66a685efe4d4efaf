// A host's own source may never answer (a lost request, a forgotten `resolve`). The elements give each call a time
// limit (`StatusDataSource.timeout`, 30 s by default): then the call fails as a `timeout`, its signal is aborted,
// the element says so and tries again later, instead of loading forever.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CampaignStats, MessageStatus } from '../../src/core/index.js';
import { checkedSource, DEFAULT_TIME_LIMIT } from '../../src/data/checked-source.js';
import { DataSourceError, RestDataSource, type RequestOptions, type StatusDataSource } from '../../src/data/index.js';
import { retryDelay } from '../../src/elements/shared/retry.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { labelOf, part, statusOf } from '../elements/shared/badge-helpers.js';
import '../support/axe.js';

const STATS: CampaignStats = { campaign: { id: 'c1', name: 'Soldes', channel: 'email' }, counts: { sent: 10, delivered: 9 }, updatedAt: '2026-11-24T09:00:00Z' };

/** A source whose every call hangs (it never settles), recording the options of each call. */
function hanging(timeout?: unknown) {
  const calls: RequestOptions[] = [];
  const never = <T>(options?: RequestOptions) => {
    calls.push(options ?? {});
    return new Promise<T>(() => {});
  };
  const source = {
    getMessages: (_ids: readonly string[], options?: RequestOptions) => never<Map<string, MessageStatus>>(options),
    getMessageEvents: (_id: string, options?: RequestOptions) => never<{ events: [] }>(options),
    getCampaignStats: (_id: string, options?: RequestOptions) => never<CampaignStats>(options),
    getCampaignHistory: (_id: string, options?: RequestOptions) => never<{ items: [] }>(options),
    ...(timeout !== undefined && { timeout }),
  } as StatusDataSource;
  return { source, calls };
}

/** The delays of the timers set while `run` runs (its synchronous part). */
function timersSetBy(run: () => void): number[] {
  const delays: number[] = [];
  const original = globalThis.setTimeout;
  globalThis.setTimeout = ((callback: () => void, ms?: number) => {
    delays.push(ms ?? 0);
    return original(callback, ms);
  }) as typeof setTimeout;
  try {
    run();
  } finally {
    globalThis.setTimeout = original;
  }
  return delays;
}

describe('a time limit on each call of a host’s own source', () => {
  const warn = console.warn;
  let warnings: string[];
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
  });
  afterEach(() => (console.warn = warn));

  it('a badge whose source never answers says the source took too long, aborts the call and tries again', async () => {
    const { source, calls } = hanging(80);
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    expect(part(el, 'badge').classList.contains('loading'), 'loading before the limit').to.equal(true);
    await waitUntil(() => labelOf(el) === 'Unavailable', 'still loading after the time limit', { timeout: 2000 });
    expect(part(el, 'badge').getAttribute('aria-label')).to.equal('Unavailable. Couldn’t load the status: the server took too long to answer');
    const signal = calls[0]!.signal!;
    expect(signal.aborted, 'the call’s signal').to.equal(true);
    expect(signal.reason).to.be.instanceOf(DataSourceError);
    expect((signal.reason as DataSourceError).kind).to.equal('timeout');
    await expect(el).to.be.accessible();
    // The first retry waits 2 s (retryDelay); it asks the source again, and the error stays on screen meanwhile.
    await waitUntil(() => calls.length >= 2, 'no second try', { timeout: 4000 });
    expect(labelOf(el)).to.equal('Unavailable');
    el.remove();
  });

  it('campaign-stats and the timeline say the same', async () => {
    const stats = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c1" .source=${hanging(80).source}></campaign-stats>`);
    const timeline = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${hanging(80).source}></status-timeline>`);
    const text = (el: Element) => el.shadowRoot!.textContent ?? '';
    await waitUntil(() => text(stats).includes('took too long') && text(timeline).includes('took too long'), 'no time-out said', { timeout: 3000 });
    await expect(stats).to.be.accessible();
    await expect(timeline).to.be.accessible();
    stats.remove();
    timeline.remove();
  });

  it('an answer within the limit is read as usual, even from a source that keeps the caller’s signal waiting', async () => {
    const source: StatusDataSource = {
      ...hanging(500).source,
      getMessages: (ids) => new Promise((resolve) => setTimeout(() => resolve(new Map(ids.map((id) => [id, statusOf(id, 'delivered')]))), 50)),
    };
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-2" .source=${source}></email-status-badge>`);
    await waitUntil(() => labelOf(el) === 'Delivered', 'not read', { timeout: 2000 });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(labelOf(el), 'no time-out after the answer').to.equal('Delivered');
    expect(warnings).to.deep.equal([]);
  });

  it('timeout 0 means no limit', async () => {
    const { source, calls } = hanging(0);
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-3" .source=${source}></email-status-badge>`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(part(el, 'badge').classList.contains('loading')).to.equal(true);
    expect(calls[0]!.signal?.aborted ?? false).to.equal(false);
    el.remove();
    // No limit at all, rather than the 30 s default (300 ms could not tell them apart).
    expect(timersSetBy(() => void checkedSource(hanging(0).source).getCampaignStats('c1'))).to.deep.equal([]);
    expect(warnings).to.deep.equal([]);
  });

  it('is 30 s when the source does not say, and for a timeout that is not a number of 0 or more (with a warning)', () => {
    expect(DEFAULT_TIME_LIMIT).to.equal(30_000);
    const unsaid = timersSetBy(() => void checkedSource(hanging().source).getCampaignStats('c1'));
    expect(unsaid).to.deep.equal([30_000]);
    expect(warnings).to.deep.equal([]);
    for (const wrong of [-5, '100', Number.NaN]) {
      const delays = timersSetBy(() => void checkedSource(hanging(wrong).source).getCampaignStats('c1'));
      expect(delays, String(wrong)).to.deep.equal([30_000]);
    }
    expect(warnings.join('\n')).to.contain('timeout must be a number of ms (0 or more), not -5');
    expect(warnings.join('\n')).to.contain('not "100"');
    expect(warnings.join('\n')).to.contain('not NaN');
  });

  it('hands the source a signal that follows the caller’s: aborting the call aborts the source’s request', async () => {
    const { source, calls } = hanging(10_000);
    const caller = new AbortController();
    const answer = checkedSource(source).getMessageEvents('m-1', { signal: caller.signal, cursor: 'next' });
    await Promise.resolve();
    expect(calls[0]!.signal!.aborted).to.equal(false);
    expect((calls[0] as { cursor?: string }).cursor, 'the other options are passed on').to.equal('next');
    const reason = new DOMException('gone', 'AbortError');
    caller.abort(reason);
    expect(calls[0]!.signal!.aborted).to.equal(true);
    expect(calls[0]!.signal!.reason).to.equal(reason);
    void answer.catch(() => {});
  });

  it('an aborted call fails at once with the caller’s reason, even from a source that ignores its signal, with or without a time limit', async () => {
    for (const timeout of [undefined, 0, 10_000]) {
      const { source } = hanging(timeout);
      const caller = new AbortController();
      const outcome = checkedSource(source).getCampaignStats('c1', { signal: caller.signal }).then(
        () => 'answered',
        (error: unknown) => error,
      );
      const reason = new DOMException('gone', 'AbortError');
      caller.abort(reason);
      expect(await outcome, `timeout ${timeout}`).to.equal(reason);
    }
  });

  it('a late answer after the time-out is not used: the call has failed', async () => {
    let resolve!: (value: CampaignStats) => void;
    const source: StatusDataSource = { ...hanging(50).source, getCampaignStats: () => new Promise((r) => (resolve = r)) };
    const failure = checkedSource(source).getCampaignStats('c1').then(
      () => 'answered',
      (error: unknown) => (error instanceof DataSourceError ? error.kind : 'other'),
    );
    await new Promise((r) => setTimeout(r, 100));
    resolve(STATS);
    expect(await failure).to.equal('timeout');
  });
});

// A browser timer holds at most 2^31 - 1 ms (about 24.8 days) and fires at once beyond: a long wait must stay long.
describe('waits longer than a browser timer can hold', () => {
  const DAYS_30 = 30 * 24 * 3600;
  const status = (id: string): MessageStatus => ({ messageId: id, channel: 'email', delivery: 'delivered', display: 'delivered', engagement: {}, updatedAt: '2026-11-24T09:00:00Z', settled: true });

  it('a badge told by the server to come back in 30 days waits, rather than asking again at once', async () => {
    let calls = 0;
    const source = new RestDataSource({
      baseUrl: '/api',
      live: 'off',
      retry: { retries: 0 },
      fetch: (async () => {
        calls++;
        return new Response('{}', { status: 503, headers: { 'retry-after': String(DAYS_30) } });
      }) as typeof fetch,
    });
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    await waitUntil(() => labelOf(el) === 'Unavailable', 'the failure is shown');
    await new Promise((r) => setTimeout(r, 1200));
    expect(calls, 'one request, the next one an hour later').to.equal(1);
    el.remove();
  });

  it('caps the server’s wait at an hour for the elements’ own retries', () => {
    expect(retryDelay(0, DAYS_30 * 1000)).to.equal(3_600_000);
    expect(retryDelay(0, 120_000)).to.equal(120_000);
  });

  it('a time limit of 35 days on a host’s source or RestDataSource lets a quick answer through', async () => {
    const host = {
      timeout: 3e9,
      getMessages: async (ids: readonly string[]) => {
        await new Promise((r) => setTimeout(r, 50));
        return new Map(ids.map((id) => [id, status(id)]));
      },
      getMessageEvents: async () => ({ events: [] }),
      getCampaignStats: async () => STATS,
      getCampaignHistory: async () => ({ items: [] }),
    } as StatusDataSource;
    expect((await checkedSource(host).getMessages(['m-1'])).size).to.equal(1);
    const rest = new RestDataSource({
      baseUrl: '/api',
      live: 'off',
      timeout: 3e9,
      retry: { retries: 0 },
      fetch: (async () => {
        await new Promise((r) => setTimeout(r, 50));
        return new Response(JSON.stringify({ messages: [status('m-1')] }), { headers: { 'content-type': 'application/json' } });
      }) as typeof fetch,
    });
    expect((await rest.getMessages(['m-1'])).get('m-1')?.delivery).to.equal('delivered');
  });
});
