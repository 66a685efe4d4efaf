import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import '../../src/elements/campaign-stats/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { FakeEventSource, deferred, fakeFetch, json, wireStatus } from '../data/helpers.js';
import { labelOf, nameOf } from './shared/badge-helpers.js';

// A RestDataSource keeps answers for 30 s. What the user asks for again, and what a live event says has changed,
// must come from the server, not from that cache.
describe('lookups past the REST cache', () => {
  beforeEach(() => FakeEventSource.reset());

  it('badge.retry() asks the server again for a message it did not know a moment ago', async () => {
    let known = false;
    const { fetch, calls } = fakeFetch(() => json({ messages: known ? [wireStatus('m-1')] : [] }));
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    await waitUntil(() => nameOf(el) === 'Unavailable. No message was found with this identifier.', 'no not-found state');
    known = true;
    el.retry();
    await waitUntil(() => labelOf(el) === 'Delivered', 'retry() answered from the cache');
    expect(calls).to.have.length(2);
  });

  it('campaign-stats refresh() shows the server\'s new figures', async () => {
    let delivered = 500;
    const { fetch, calls } = fakeFetch(() =>
      json({ campaign: { id: 'c1', name: 'Soldes', channel: 'email' }, counts: { sent: 1000, delivered }, updatedAt: '2026-11-24T10:00:00Z' }),
    );
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off' });
    const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" metrics="delivered" campaign-id="c1" .source=${source}></campaign-stats>`);
    const figures = () => el.exportCsv();
    await waitUntil(() => figures().includes('500'), 'not loaded');
    delivered = 800;
    await el.refresh();
    await waitUntil(() => figures().includes('800'), 'refresh() answered from the cache');
    expect(calls).to.have.length(2);
  });

  // The automatic retry after a failed refresh() must ask the server as refresh() did: through the cache, it would
  // "succeed" with the figures the user asked to replace, and stop trying.
  it('campaign-stats retries a failed refresh() past the cache, and shows the server\'s new figures', async () => {
    let delivered = 500;
    let down = false;
    const { fetch, calls } = fakeFetch(() =>
      down
        ? json({ error: 'unavailable' }, { status: 503 })
        : json({ campaign: { id: 'c1', name: 'Soldes', channel: 'email' }, counts: { sent: 1000, delivered }, updatedAt: '2026-11-24T10:00:00Z' }),
    );
    const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'off', retry: { retries: 0 } });
    const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" metrics="delivered" campaign-id="c1" .source=${source}></campaign-stats>`);
    const figures = () => el.exportCsv();
    await waitUntil(() => figures().includes('500'), 'not loaded');
    down = true;
    await el.refresh();
    expect(calls, 'the refresh reached the server and failed').to.have.length(2);
    delivered = 800;
    down = false;
    window.dispatchEvent(new Event('online')); // runs at once the automatic retry waiting
    await waitUntil(() => calls.length === 3, 'no automatic retry reached the server');
    await waitUntil(() => figures().includes('800'), 'the retry did not show the new figures');
  });

  it('a badge shows the new status after a live message-event, even when the stream sends no message-status', async () => {
    let display = 'sent';
    const { fetch, calls } = fakeFetch(() => json({ messages: [wireStatus('m-1', { delivery: display, display, settled: false })] }));
    const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timeout: 0 });
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    await waitUntil(() => labelOf(el) === 'Sent', 'not loaded');
    await waitUntil(() => FakeEventSource.last !== undefined, 'no stream');
    FakeEventSource.last!.open();
    display = 'delivered';
    FakeEventSource.last!.emit('message-event', { provider: 'test', channel: 'email', messageId: 'm-1', type: 'delivered', at: '2026-11-24T10:00:00Z', raw: 'delivered' }, '1');
    await waitUntil(() => labelOf(el) === 'Delivered', 'the event was followed by the cached status');
    expect(calls).to.have.length(2);
  });

  it('a badge added later shows the live status that came while the first lookup was on its way, not that lookup\'s older answer', async () => {
    const held = deferred<void>();
    const { fetch, calls } = fakeFetch(async () => {
      await held.promise; // read by the server before the message was delivered, answered after
      return json({ messages: [wireStatus('m-1', { delivery: 'sent', display: 'sent', settled: false, updatedAt: '2026-11-24T09:00:00Z' })] });
    });
    const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timeout: 0 });
    const root = await fixture<HTMLElement>(html`<div lang="en"><email-status-badge message-id="m-1" .source=${source}></email-status-badge></div>`);
    const first = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await waitUntil(() => calls.length === 1 && FakeEventSource.last !== undefined, 'no lookup or no stream');
    const lookup = source.getMessages(['m-1']); // joins the badge's lookup: settled when that one is
    FakeEventSource.last!.open();
    FakeEventSource.last!.emit('message-status', wireStatus('m-1', { settled: false, updatedAt: '2026-11-24T10:00:00Z' }), '1');
    await waitUntil(() => labelOf(first) === 'Delivered', 'the live status');
    held.resolve();
    // Answered after the live status: that status, not the server's older answer.
    expect((await lookup).get('m-1')?.display, 'the lookup').to.equal('delivered');
    const second = document.createElement('email-status-badge') as EmailStatusBadgeElement;
    second.setAttribute('message-id', 'm-1');
    second.source = source;
    root.append(second);
    await waitUntil(() => labelOf(second) !== '', 'the second badge did not load');
    expect([labelOf(first), labelOf(second)]).to.deep.equal(['Delivered', 'Delivered']);
    source.close();
  });

  it('badges show the new status after a live message-event that came while their lookup was on its way', async () => {
    let display = 'sent';
    const held = deferred<void>();
    const { fetch, calls } = fakeFetch(async () => {
      // The server reads the status when the request comes; the first answer is slow.
      const read = display;
      if (calls.length === 1) await held.promise;
      return json({ messages: [wireStatus('m-1', { delivery: read, display: read, settled: false })] });
    });
    const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timeout: 0 });
    // Two badges of one message (a table's and a drawer's): one lookup.
    const root = await fixture<HTMLElement>(html`<div lang="en">
      <email-status-badge message-id="m-1" .source=${source}></email-status-badge><email-status-badge message-id="m-1" .source=${source}></email-status-badge>
    </div>`);
    const badges = [...root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
    await waitUntil(() => calls.length === 1 && FakeEventSource.last !== undefined, 'no lookup or no stream');
    FakeEventSource.last!.open();
    display = 'delivered';
    FakeEventSource.last!.emit('message-event', { provider: 'test', channel: 'email', messageId: 'm-1', type: 'delivered', at: '2026-11-24T10:00:00Z', raw: 'delivered' }, '1');
    held.resolve();
    await waitUntil(() => badges.every((el) => labelOf(el) === 'Delivered'), `the lookup sent before the event answered for the one after it: ${badges.map(labelOf).join(', ')}`);
    expect(calls).to.have.length(2);
    source.close();
  });
});
