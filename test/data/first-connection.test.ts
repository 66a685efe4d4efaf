// What happens between a read and the opening of the stream. A stream opened without a resume id (the first one, or
// one reopened to add topics before any event had come) carries only what happens from its opening on (openapi.yaml,
// /stream): a change made after the elements read their data and before the stream opened would never reach them,
// and a badge would say "Delivered" for good while the API says "Opened". Polls had the same gap when the first poll
// had nothing to compare with (a timeline, which reads events, not statuses; caching off). Against the contract
// server (test/support/contract-server.mjs), with the page's real EventSource held back for as long as the test says.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { RestDataSource, type EventSourceLike } from '../../src/data/index.js';
import '../../src/elements/campaign-stats/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import '../../src/elements/status-timeline/define.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { labelOf } from '../elements/shared/badge-helpers.js';
import { startContractServer, type ContractServer } from '../support/contract.js';

const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
const figures = (stats: CampaignStatsElement): string[] =>
  stats.exportCsv().trim().split(/\r?\n/).slice(1).map((line) => line.split(/[,;]/).slice(0, 3).filter((_, i) => i !== 1).join(' '));
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 8000 });

/** The browser's EventSource, created only once `release()` is called while `held` (a slow network, a proxy). */
class HeldEventSource implements EventSourceLike {
  static held = false;
  static waiting: HeldEventSource[] = [];
  static release(): void {
    HeldEventSource.held = false;
    for (const stream of HeldEventSource.waiting.splice(0)) stream.#start();
  }
  #real: EventSource | undefined;
  #closed = false;
  readonly #listeners: [string, (event: Event) => void][] = [];
  constructor(readonly url: string, readonly init?: { readonly withCredentials?: boolean }) {
    if (HeldEventSource.held) HeldEventSource.waiting.push(this);
    else this.#start();
  }
  #start(): void {
    if (this.#closed) return;
    this.#real = new EventSource(this.url, this.init);
    for (const [type, listener] of this.#listeners) this.#real.addEventListener(type, listener);
  }
  addEventListener(type: string, listener: (event: Event) => void): void {
    this.#listeners.push([type, listener]);
    this.#real?.addEventListener(type, listener);
  }
  close(): void {
    this.#closed = true;
    this.#real?.close();
  }
}

/** msg-3's status once Cy opened it, msg-1's once Ada unsubscribed, and the campaign's figures after both. */
const msg3Opened = {
  messageId: 'msg-3', channel: 'email', recipient: 'cy@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'opened', raw: 'delivered',
  engagement: { opened: { count: 1, automated: 0, first: '2026-11-23T10:00:00Z', last: '2026-11-23T10:00:00Z' } },
  updatedAt: '2026-11-23T10:00:00Z', settled: false, deliveredAt: '2026-11-23T09:00:04Z',
};
const msg1Event = { provider: 'sendgrid', channel: 'email', messageId: 'msg-1', recipient: 'ada@example.org', type: 'unsubscribed', at: '2026-11-23T10:01:00Z', raw: 'unsubscribe', eventId: 'e-1e' };
const msg1Unsubscribed = {
  messageId: 'msg-1', channel: 'email', recipient: 'ada@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'unsubscribed', raw: 'delivered',
  engagement: {
    opened: { count: 1, automated: 0, first: '2026-11-23T09:10:00Z', last: '2026-11-23T09:10:00Z' },
    clicked: { count: 1, automated: 0, first: '2026-11-23T09:11:00Z', last: '2026-11-23T09:11:00Z' },
    unsubscribed: { count: 1, automated: 0, first: '2026-11-23T10:01:00Z', last: '2026-11-23T10:01:00Z' },
  },
  updatedAt: '2026-11-23T10:01:00Z', settled: false, deliveredAt: '2026-11-23T09:00:05Z',
};
const cmp1Later = {
  campaign: { id: 'cmp-1', name: 'Winter newsletter', channel: 'email', sentAt: '2026-11-23T09:00:00Z' },
  counts: { sent: 4, delivered: 3, hardBounced: 1, opened: 3, openedTotal: 3, clicked: 1, clickedTotal: 1, unsubscribed: 1 },
  updatedAt: '2026-11-23T10:02:00Z',
  sending: false,
};
const suspended = { id: 'h-6', campaignId: 'cmp-1', action: 'suspended', at: '2026-11-23T10:02:00Z' };

/** Everything above happens, as the API records it (the stream, if open, carries it). */
async function changes(server: ContractServer): Promise<void> {
  await server.push('message-status', msg3Opened);
  await server.push('message-event', msg1Event);
  await server.push('message-status', msg1Unsubscribed);
  await server.push('campaign-stats', cmp1Later);
  await server.push('campaign-history', suspended);
}

const lookups = (calls: string[]) => calls.filter((call) => call.startsWith('GET /messages?ids='));

describe('updates made between a read and the stream opening (contract server)', function () {
  this.timeout(20_000);
  let server: ContractServer;
  let source: RestDataSource | undefined;
  beforeEach(() => {
    HeldEventSource.held = false;
    HeldEventSource.waiting = [];
  });
  afterEach(async () => {
    fixtureCleanup();
    source?.close();
    source = undefined;
    await server.stop();
  });

  async function page(options: ConstructorParameters<typeof RestDataSource>[0]) {
    source = new RestDataSource(options);
    const root = await fixture<HTMLElement>(html`<div lang="en">
      <email-status-badge message-id="msg-3" .source=${source}></email-status-badge>
      <campaign-stats campaign-id="cmp-1" metrics="opened,unsubscribed" .source=${source}></campaign-stats>
      <status-timeline message-id="msg-1" time-zone="UTC" .source=${source}></status-timeline>
      <status-timeline campaign-id="cmp-1" time-zone="UTC" .source=${source}></status-timeline>
    </div>`);
    const [messageTimeline, campaignTimeline] = root.querySelectorAll<StatusTimelineElement>('status-timeline');
    return {
      badge: root.querySelector<EmailStatusBadgeElement>('email-status-badge')!,
      stats: root.querySelector<CampaignStatsElement>('campaign-stats')!,
      messageTimeline: messageTimeline!,
      campaignTimeline: campaignTimeline!,
    };
  }

  it('reads the followed topics once more, in one request per kind, after the first stream opens', async () => {
    server = await startContractServer();
    HeldEventSource.held = true;
    const { badge, stats, messageTimeline, campaignTimeline } = await page({ baseUrl: server.baseUrl, EventSource: HeldEventSource });
    await until(() => labelOf(badge) === 'Delivered' && figures(stats).includes('opened 2') && text(messageTimeline).includes('Clicked') && text(campaignTimeline).includes('Completed'), 'not loaded');
    // The elements subscribed in more than one task: the stream asks for all their topics a moment later.
    await until(() => HeldEventSource.waiting.some((stream) => stream.url.includes('campaign')), 'no stream for every topic');
    expect(await server.openStreams()).to.equal(0);
    await changes(server);
    const loaded = (await server.calls()).length;

    HeldEventSource.release();
    await until(() => labelOf(badge) === 'Opened', 'the badge never heard of the open made before the stream opened');
    await until(() => figures(stats).includes('opened 3'), 'the stats kept the figures read before the stream opened');
    await until(() => text(messageTimeline).includes('Unsubscribed Nov 23, 2026, 10:01:00 AM'), 'the message timeline never showed the event');
    await until(() => text(campaignTimeline).includes('Suspended'), 'the campaign timeline never showed the entry');
    const after = (await server.calls()).slice(loaded);
    expect(after.filter((call) => call.startsWith('GET /stream'))).to.deep.equal(['GET /stream?topics=campaign:cmp-1,message:msg-1,message:msg-3']);
    // One lookup for both messages (the badge's and the timeline's), one read of the figures; then the history and
    // the timeline's latest events, which the changed figures and status call for (as after a poll).
    expect(lookups(after).map((call) => call.slice(call.indexOf('=') + 1).split(',').sort().join(','))).to.deep.equal(['msg-1,msg-3']);
    expect(after.filter((call) => !call.startsWith('GET /stream') && !call.startsWith('GET /messages?ids=')).sort()).to.deep.equal([
      'GET /campaigns/cmp-1/history', 'GET /campaigns/cmp-1/stats', 'GET /messages/msg-1/events',
    ]);
  });

  it('reads the topics once more after reopening to add one, before any event came to resume from', async () => {
    server = await startContractServer();
    source = new RestDataSource({ baseUrl: server.baseUrl, EventSource: HeldEventSource });
    const root = await fixture<HTMLElement>(html`<div lang="en"><email-status-badge message-id="msg-1" .source=${source}></email-status-badge></div>`);
    const first = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await until(() => labelOf(first) === 'Clicked', 'not loaded');
    await until(async () => (await server.openStreams()) === 1, 'no stream');
    // Another badge: the stream is reopened with both topics, held back a while.
    HeldEventSource.held = true;
    const second = document.createElement('email-status-badge') as EmailStatusBadgeElement;
    second.setAttribute('message-id', 'msg-3');
    second.source = source;
    root.append(second);
    await until(() => labelOf(second) === 'Delivered', 'the second badge did not load');
    await until(async () => (await server.openStreams()) === 0 && HeldEventSource.waiting.length === 1, 'the stream was not reopened');
    await server.push('message-status', msg1Unsubscribed);
    await server.push('message-status', msg3Opened);
    const loaded = (await server.calls()).length;

    HeldEventSource.release();
    await until(() => labelOf(first) === 'Unsubscribed', 'the first badge missed what happened while its stream was reopened');
    await until(() => labelOf(second) === 'Opened', 'the second badge missed what happened between its read and the opening');
    const after = (await server.calls()).slice(loaded);
    expect(after.filter((call) => call.startsWith('GET /stream'))).to.deep.equal(['GET /stream?topics=message:msg-1,message:msg-3']);
    expect(lookups(after).map((call) => call.slice(call.indexOf('=') + 1).split(',').sort().join(','))).to.deep.equal(['msg-1,msg-3']);
  });

  it('asks nothing more when nothing was read before the stream opened', async () => {
    server = await startContractServer();
    source = new RestDataSource({ baseUrl: server.baseUrl, EventSource: HeldEventSource });
    const stop = source.subscribe({ kind: 'message', id: 'msg-3' }, () => {});
    await until(async () => (await server.openStreams()) === 1, 'no stream');
    const root = await fixture<HTMLElement>(html`<div lang="en"><email-status-badge message-id="msg-3" .source=${source}></email-status-badge></div>`);
    const badge = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await until(() => labelOf(badge) === 'Delivered', 'not loaded');
    await server.push('message-status', msg3Opened);
    await until(() => labelOf(badge) === 'Opened', 'the stream did not bring the open');
    stop();
    expect(await server.calls()).to.deep.equal(['GET /stream?topics=message:msg-3', 'GET /messages?ids=msg-3']);
  });

  it('a timeline shows every event missed while the stream was down, more than a page of them', async () => {
    server = await startContractServer(); // pages of two
    source = new RestDataSource({ baseUrl: server.baseUrl, EventSource: HeldEventSource });
    const root = await fixture<HTMLElement>(html`<div lang="en"><status-timeline message-id="msg-1" time-zone="UTC" .source=${source}></status-timeline></div>`);
    const timeline = root.querySelector<StatusTimelineElement>('status-timeline')!;
    const times = () => [...timeline.shadowRoot!.querySelectorAll('[part~="row"] time')].map((node) => node.getAttribute('datetime'));
    await until(() => text(timeline).includes('Clicked'), 'not loaded');
    await until(async () => (await server.openStreams()) === 1, 'no stream');
    HeldEventSource.held = true;
    await server.dropStreams(); // before any event came: back, it has nothing to resume from
    await until(() => HeldEventSource.waiting.length === 1, 'no reconnection');
    const at = (minute: number) => `2026-11-23T10:0${minute}:00Z`;
    const missed = [['opened', 'open', 1], ['complained', 'spamreport', 2], ['unsubscribed', 'unsubscribe', 3]] as const;
    for (const [type, raw, minute] of missed) {
      await server.push('message-event', { provider: 'sendgrid', channel: 'email', messageId: 'msg-1', recipient: 'ada@example.org', type, at: at(minute), raw, eventId: `e-1${minute}` });
    }
    await server.push('message-status', { ...msg1Unsubscribed, updatedAt: at(3) });
    HeldEventSource.release();
    await until(() => missed.every(([, , minute]) => times().includes(at(minute))), 'the events missed while the stream was down');
    expect(times()).to.have.length(5);
  });

  /** A fetch recording the path of every request the source sends (at once, unlike the server's log). */
  const recorded = () => {
    const sent: string[] = [];
    return { sent, fetch: ((input: RequestInfo | URL, init?: RequestInit) => (sent.push(new URL(String(input)).pathname), fetch(input, init))) as typeof fetch };
  };

  for (const live of ['sse', 'poll'] as const) {
    it(`reads no history when only <campaign-stats> follows the campaign (${live})`, async () => {
      server = await startContractServer();
      HeldEventSource.held = true;
      const { sent, fetch } = recorded();
      source = new RestDataSource({ baseUrl: server.baseUrl, EventSource: HeldEventSource, fetch, live, pollInterval: 1000 });
      const root = await fixture<HTMLElement>(html`<div lang="en"><campaign-stats campaign-id="cmp-1" metrics="opened,unsubscribed" .source=${source}></campaign-stats></div>`);
      const stats = root.querySelector<CampaignStatsElement>('campaign-stats')!;
      await until(() => figures(stats).includes('opened 2'), 'not loaded');
      await changes(server);
      HeldEventSource.release();
      await until(() => figures(stats).includes('opened 3'), 'the stats kept the figures read before the stream opened');
      expect(sent.filter((path) => path.endsWith('/history')), 'history requests').to.deep.equal([]);
    });
  }

  it('polling: the first poll tells what changed since the elements read their data, with nothing cached to compare with', async () => {
    // Pages of ten: the timeline reads no status (it does for a page with older ones); caching off: no status kept.
    server = await startContractServer({ pageSize: 10 });
    const { badge, stats, messageTimeline, campaignTimeline } = await page({ baseUrl: server.baseUrl, live: 'poll', pollInterval: 1000, cacheTtl: 0 });
    await until(() => labelOf(badge) === 'Delivered' && figures(stats).includes('opened 2') && text(messageTimeline).includes('Clicked') && text(campaignTimeline).includes('Completed'), 'not loaded');
    await changes(server);
    await until(() => labelOf(badge) === 'Opened', 'the badge never heard of the open made before the first poll');
    await until(() => figures(stats).includes('opened 3'), 'the stats kept their first figures');
    await until(() => text(messageTimeline).includes('Unsubscribed Nov 23, 2026, 10:01:00 AM'), 'the message timeline never showed the event');
    await until(() => text(campaignTimeline).includes('Suspended'), 'the campaign timeline never showed the entry');
  });
});
