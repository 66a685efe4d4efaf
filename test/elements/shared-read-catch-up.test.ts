// A badge and a <campaign-stats> on a RestDataSource whose read shares a request another element sent before a stream
// opened with nothing to resume from, the element that sent it leaving before the answer: what changed between the
// request and the opening (the stream never sends it) still reaches the one left. The badge's and the stats' forms of
// the timeline's example in status-timeline-catch-up.test.ts.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import '../../src/elements/email-status-badge/define.js';
import '../../src/elements/campaign-stats/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import { FakeEventSource, FakeVisibility, ManualTimers, fakeFetch, json, settleTasks, turns, until, wireStatus } from '../data/helpers.js';
import { labelOf } from './shared/badge-helpers.js';

/**
 * An API of one message m-1 and one campaign c9, answering with the data as it was when the request came; requests
 * wait for `release()` while `hold` is set.
 */
function api() {
  const state = { display: 'sent', delivered: 80, hold: true };
  const held: (() => void)[] = [];
  const { fetch, calls } = fakeFetch(async (call) => {
    const answer = call.url.pathname.endsWith('/stats')
      ? json({ campaign: { id: 'c9', name: 'Spring sale', channel: 'email' }, counts: { sent: 100, delivered: state.delivered }, updatedAt: `2026-11-24T10:${state.delivered - 50}:00Z` })
      : json({ messages: call.ids.map((id) => wireStatus(id, { display: state.display, updatedAt: state.display === 'sent' ? '2026-11-24T09:00:00Z' : '2026-11-24T09:01:00Z', settled: false })) });
    if (state.hold) await new Promise<void>((resolve) => held.push(resolve));
    return answer;
  });
  return {
    fetch,
    calls,
    state,
    release: () => {
      state.hold = false;
      for (const resolve of held.splice(0)) resolve();
    },
  };
}

const delivered = (el: CampaignStatsElement): string =>
  el.shadowRoot!.querySelector('[part~="metric"][data-metric="delivered"] [part~="count"]')?.textContent?.trim() ?? '';

describe('an element sharing a read sent before a stream opened with nothing to resume from (RestDataSource)', () => {
  let source: RestDataSource | undefined;
  afterEach(() => {
    fixtureCleanup();
    source?.close();
    source = undefined;
    FakeEventSource.reset();
  });

  /** Puts `first` on the page, then, its read on its way, the message or campaign changes and the stream opens; `second` comes and `first` leaves. */
  async function shareAndLeave<E extends HTMLElement>(server: ReturnType<typeof api>, timers: ManualTimers, make: () => E, change: () => void): Promise<E> {
    const page = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const first = make();
    page.append(first);
    // (A <campaign-stats> first loads its texts: real time.)
    await until(() => (timers.advance(0), server.calls.length === 1), 3_000, 'its read sent');
    // The data changes before the stream opens: the stream will never send it.
    change();
    FakeEventSource.last!.open();
    // A second element of the same topic comes (its read shares the request on its way), and the first one leaves.
    const second = make();
    page.append(second);
    await turns(timers, 0, () => false);
    first.remove();
    await settleTasks();
    expect(server.calls, 'the second one joined the first one\'s request').to.have.length(1);
    server.release();
    return second;
  }

  it('a badge: shows the status the message took before the opening', async () => {
    const server = api();
    const timers = new ManualTimers();
    source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, EventSource: FakeEventSource, timers, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 } });
    const make = () => Object.assign(document.createElement('email-status-badge'), { source, messageId: 'm-1' }) as EmailStatusBadgeElement;
    const badge = await shareAndLeave(server, timers, make, () => (server.state.display = 'delivered'));
    await until(() => labelOf(badge) !== '', 3_000, 'the status asked for before the change');
    expect(labelOf(badge)).to.equal('Sent');
    // The source reads the message once more (a read sent before the opening).
    await turns(timers, 0, () => labelOf(badge) !== 'Sent');
    expect(labelOf(badge)).to.equal('Delivered');
  });

  it('a badge: shows the status the message took before the opening, its lookup sent with a neighbour\'s that kept it on its way', async () => {
    const server = api();
    const timers = new ManualTimers();
    source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, EventSource: FakeEventSource, timers, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 } });
    const make = (id: string) => Object.assign(document.createElement('email-status-badge'), { source, messageId: id }) as EmailStatusBadgeElement;
    const page = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const first = make('m-1');
    page.append(first, make('m-2'));
    await until(() => (timers.advance(0), server.calls.length === 1), 3_000, 'one lookup of both sent');
    expect(server.calls[0]!.ids).to.deep.equal(['m-1', 'm-2']);
    // The badge of m-1 leaves (its neighbour's keeps the request on its way), m-1 changes, and the stream opens.
    first.remove();
    await settleTasks();
    server.state.display = 'delivered';
    FakeEventSource.last!.open();
    // Another badge of m-1 comes: its lookup joins the one on its way.
    const again = make('m-1');
    page.append(again);
    await turns(timers, 0, () => false);
    expect(server.calls, 'joined the lookup on its way').to.have.length(1);
    server.release();
    await until(() => labelOf(again) !== '', 3_000, 'the status asked for before the change');
    expect(labelOf(again)).to.equal('Sent');
    // The source reads the message once more (a lookup sent before the opening).
    await turns(timers, 0, () => labelOf(again) !== 'Sent');
    expect(labelOf(again)).to.equal('Delivered');
    expect(FakeEventSource.all, 'one stream, opened once').to.have.length(1);
  });

  it('a <campaign-stats>: shows the figures the campaign had at the opening', async () => {
    const server = api();
    const timers = new ManualTimers();
    source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, EventSource: FakeEventSource, timers, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 } });
    const make = () => Object.assign(document.createElement('campaign-stats'), { source, campaignId: 'c9' }) as CampaignStatsElement;
    const stats = await shareAndLeave(server, timers, make, () => (server.state.delivered = 85));
    await until(() => delivered(stats) !== '', 3_000, 'the figures asked for before the change');
    expect(delivered(stats)).to.equal('80');
    // The source reads the campaign once more (a read sent before the opening).
    await turns(timers, 0, () => delivered(stats) !== '80');
    expect(delivered(stats)).to.equal('85');
  });
});
