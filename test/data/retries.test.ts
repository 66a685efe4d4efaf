import { expect } from '@open-wc/testing';
import { DataSourceError, RestDataSource } from '../../src/data/index.js';
import { parseRetryAfter } from '../../src/data/timing.js';
import '../../src/elements/campaign-stats/define.js';
import { DEMO_CAMPAIGNS, mockApi, resetMockApi } from '../../src/mocks/index.js';
import { InstantTimers, ManualTimers, echoMessages, fakeFetch, rejectionOf, settle, startWorker, until } from './helpers.js';

const NOW = Date.UTC(2026, 10, 24, 10);

/** A server answering `statuses` in turn (a number is an HTTP status, `network` a failed fetch), then 200s. */
function scripted(script: (number | 'network' | { status: number; retryAfter: string })[]) {
  let n = 0;
  return fakeFetch((call) => {
    const step = script[n++];
    if (step === undefined) return echoMessages(call);
    if (step === 'network') throw new TypeError('Failed to fetch');
    if (typeof step === 'number') return new Response('{}', { status: step });
    return new Response('{}', { status: step.status, headers: { 'retry-after': step.retryAfter } });
  });
}

const sourceWith = (fetch: typeof globalThis.fetch, timers: InstantTimers, extra = {}) =>
  // No per-attempt time limit: InstantTimers would fire it at once.
  new RestDataSource({ baseUrl: '/api', fetch, timers, timeout: 0, live: 'off', now: () => NOW, random: () => 1, ...extra });

describe('RestDataSource retries', () => {
  it('retries 5xx answers with exponential backoff, then succeeds', async () => {
    const { fetch, calls } = scripted([503, 500, 502]);
    const timers = new InstantTimers();
    const found = await sourceWith(fetch, timers).getMessages(['a']);
    expect(found.has('a')).to.equal(true);
    expect(calls).to.have.length(4);
    expect(timers.delays).to.deep.equal([300, 600, 1_200]);
  });

  it('puts jitter in the lower half of each delay', async () => {
    const { fetch } = scripted([503, 503]);
    const timers = new InstantTimers();
    await sourceWith(fetch, timers, { random: () => 0 }).getMessages(['a']);
    expect(timers.delays).to.deep.equal([150, 300]);
  });

  it('caps each delay at maxDelay', async () => {
    const { fetch } = scripted([500, 500, 500]);
    const timers = new InstantTimers();
    await sourceWith(fetch, timers, { retry: { baseDelay: 1_000, maxDelay: 1_500 } }).getMessages(['a']);
    expect(timers.delays).to.deep.equal([1_000, 1_500, 1_500]);
  });

  it('retries network errors', async () => {
    const { fetch, calls } = scripted(['network', 'network']);
    const found = await sourceWith(fetch, new InstantTimers()).getMessages(['a']);
    expect(found.has('a')).to.equal(true);
    expect(calls).to.have.length(3);
  });

  it('gives up after `retries` retries with a retryable DataSourceError', async () => {
    const { fetch, calls } = scripted([503, 503, 503]);
    const error = await rejectionOf(sourceWith(fetch, new InstantTimers(), { retry: { retries: 2 } }).getMessages(['a']));
    expect(error).to.be.instanceOf(DataSourceError);
    expect((error as DataSourceError).kind).to.equal('http');
    expect((error as DataSourceError).status).to.equal(503);
    expect((error as DataSourceError).retryable).to.equal(true);
    expect(calls).to.have.length(3);
  });

  it('does not retry a 4xx other than 408 and 429', async () => {
    for (const status of [400, 401, 403, 404, 422]) {
      const { fetch, calls } = scripted([status]);
      const error = (await rejectionOf(sourceWith(fetch, new InstantTimers()).getCampaignStats('c'))) as DataSourceError;
      expect(error.status, String(status)).to.equal(status);
      expect(error.retryable, String(status)).to.equal(false);
      expect(calls, String(status)).to.have.length(1);
    }
  });

  it('waits as long as Retry-After says, in seconds', async () => {
    const { fetch, calls } = scripted([{ status: 429, retryAfter: '7' }]);
    const timers = new InstantTimers();
    await sourceWith(fetch, timers).getMessages(['a']);
    expect(timers.delays).to.deep.equal([7_000]);
    expect(calls).to.have.length(2);
  });

  it('waits until the HTTP date Retry-After gives', async () => {
    const { fetch } = scripted([{ status: 503, retryAfter: new Date(NOW + 12_000).toUTCString() }]);
    const timers = new InstantTimers();
    await sourceWith(fetch, timers).getMessages(['a']);
    expect(timers.delays).to.deep.equal([12_000]);
  });

  it('passes the error on when Retry-After asks for longer than maxRetryAfter', async () => {
    const { fetch, calls } = scripted([{ status: 429, retryAfter: '3600' }]);
    const error = (await rejectionOf(sourceWith(fetch, new InstantTimers()).getMessages(['a']))) as DataSourceError;
    expect(error.retryAfter).to.equal(3_600_000);
    expect(calls).to.have.length(1);
  });

  it('stops retrying when the caller aborts during the backoff', async () => {
    const { fetch, calls } = scripted([503, 503, 503]);
    const controller = new AbortController();
    const timers = new ManualTimers();
    const source = new RestDataSource({ baseUrl: '/api', fetch, timers, timeout: 0, live: 'off', random: () => 1 });
    const pending = source.getMessageEvents('m', { signal: controller.signal });
    await until(() => timers.delays.length > 0, 3_000, 'the backoff after the first 503');
    expect(timers.delays, 'the backoff waiting').to.deep.equal([300]);
    controller.abort();
    expect(((await rejectionOf(pending)) as Error).name).to.equal('AbortError');
    expect(timers.delays, 'the backoff cancelled').to.deep.equal([]);
    timers.advance(60_000);
    await settle();
    expect(calls).to.have.length(1);
  });

  // A server that does not answer cost the user `timeout` already: trying three times more kept a panel "Loading…"
  // four times as long (two minutes by default, 22 s in the demo) before it could say anything. The time-out is
  // handed on at once, retryable: the elements say it and try again in the background.
  it('turns an attempt that takes longer than `timeout` into a retryable timeout error, handed on without trying again', async () => {
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => {}));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', timeout: 5, retry: { retries: 3, baseDelay: 1 } });
    const error = (await rejectionOf(source.getCampaignStats('c'))) as DataSourceError;
    expect(error.kind).to.equal('timeout');
    expect(error.retryable).to.equal(true);
    expect(calls).to.have.length(1);
  });

  it('says a server that does not answer in the element after one time-out, then tries again in the background', async () => {
    const { fetch, calls } = fakeFetch(() => new Promise<Response>(() => {}));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', timeout: 50, retry: { retries: 3, baseDelay: 1 } });
    const el = document.createElement('campaign-stats');
    Object.assign(el, { source, campaignId: 'c-slow', lang: 'en' });
    document.body.append(el);
    try {
      await until(() => !!el.shadowRoot?.querySelector('.error'), 3_000, 'the error');
      expect(el.shadowRoot!.querySelector('.error')!.textContent).to.match(/took too long/);
      expect(calls, 'one request before the error was said').to.have.length(1);
      await until(() => calls.length === 2, 5_000, 'a try in the background');
      expect(el.shadowRoot!.querySelector('.error'), 'the error stays while it tries again').to.exist;
    } finally {
      el.remove();
    }
  });

  it('reads Retry-After as seconds or an HTTP date, and ignores anything else', () => {
    expect(parseRetryAfter('120', NOW)).to.equal(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).to.equal(0);
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:30 GMT', NOW)).to.equal(30_000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', NOW)).to.equal(0);
    expect(parseRetryAfter('soon', NOW)).to.equal(undefined);
    expect(parseRetryAfter('1.5', NOW)).to.equal(undefined);
    expect(parseRetryAfter(null, NOW)).to.equal(undefined);
  });

  describe('against the mock API', () => {
    let msw: { stop(): void };
    before(async () => {
      msw = await startWorker();
    });
    after(() => msw.stop());
    beforeEach(() => resetMockApi());

    it('gets through two injected 503s and honours an injected 429 Retry-After', async () => {
      mockApi().faults.set('campaign-stats', { status: 503, times: 2 });
      const timers = new InstantTimers();
      const source = new RestDataSource({ baseUrl: '/api', live: 'off', timers, timeout: 0, random: () => 1 });
      const stats = await source.getCampaignStats(DEMO_CAMPAIGNS.sms);
      expect(stats.campaign.name).to.equal('SMS Black Friday');
      expect(mockApi().requests.filter((r) => r.endpoint === 'campaign-stats')).to.have.length(3);
      expect(timers.delays).to.deep.equal([300, 600]);

      mockApi().faults.set('messages', { status: 429, retryAfter: 2, times: 1 });
      await source.getMessages(['nl-00001']);
      expect(timers.delays.slice(2)).to.deep.equal([2_000]);
    });
  });
});
