// The REST contract, end to end: the elements, inside <status-source endpoint> or given a RestDataSource, read from a
// back-end written from src/data/openapi.yaml and the README alone (test/support/contract-server.mjs), on another
// origin than the page, through the browser's own fetch, HTTP cache and EventSource. What they ask for and what they
// show is checked here, so that the documented contract, not only the MSW mock written beside the client, is what the
// kit is held to.
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import '../../src/elements/campaign-stats/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import '../../src/elements/status-source/define.js';
import '../../src/elements/status-timeline/define.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { descriptionOf, labelOf, nameOf } from '../elements/shared/badge-helpers.js';
import { startContractServer, type ContractServer } from '../support/contract.js';
import { inWebKit } from '../support/engine.js';
import '../support/axe.js';

const text = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The stats' figures as `metric count` lines, from its CSV export (what a spreadsheet gets). */
const figures = (stats: CampaignStatsElement): string[] =>
  stats.exportCsv().trim().split(/\r?\n/).slice(1).map((line) => line.split(/[,;]/).slice(0, 3).filter((_, i) => i !== 1).join(' '));
/** Waits for what real requests, real time and retries bring: longer than waitUntil's default second. */
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 8000 });
const preflights = async (server: ContractServer) => (await server.requests()).filter((r) => r.method === 'OPTIONS');

/** A status of msg-3 after Cy opened it, as the server would now compute it. */
const msg3Opened = (at: string) => ({
  messageId: 'msg-3', channel: 'email', recipient: 'cy@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'opened', raw: 'delivered',
  engagement: { opened: { count: 1, automated: 0, first: at, last: at } }, updatedAt: at, settled: false, deliveredAt: '2026-11-23T09:00:04Z',
});
const cmp1 = (opened: number) => ({
  campaign: { id: 'cmp-1', name: 'Winter newsletter', channel: 'email', sentAt: '2026-11-23T09:00:00Z' },
  counts: { sent: 4, delivered: 3, hardBounced: 1, opened, openedTotal: opened, clicked: 1, clickedTotal: 1 },
  updatedAt: '2026-11-23T10:00:00Z',
  sending: false,
});

describe('the REST contract, served by a back-end written from the docs', function () {
  // Real servers and real time: a Retry-After of 1 s, retries with backoff, polls every second.
  this.timeout(20_000);
  let server: ContractServer;
  afterEach(async () => {
    fixtureCleanup(); // the elements leave the page: the stream closes
    await server.stop();
  });

  async function page(live: 'sse' | 'off') {
    const root = await fixture<HTMLElement>(html`
      <status-source endpoint=${server.baseUrl} live=${live} lang="en">
        <email-status-badge message-id="msg-1"></email-status-badge>
        <email-status-badge message-id="msg-3"></email-status-badge>
        <campaign-stats campaign-id="cmp-1" metrics="sent,delivered,opened,hard-bounced"></campaign-stats>
        <status-timeline message-id="msg-1" time-zone="UTC"></status-timeline>
      </status-source>
    `);
    const [badge1, badge3] = root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge');
    return {
      badge1: badge1!,
      badge3: badge3!,
      stats: root.querySelector<CampaignStatsElement>('campaign-stats')!,
      timeline: root.querySelector<StatusTimelineElement>('status-timeline')!,
    };
  }

  it('renders the three elements from the documented endpoints: one lookup for every badge, no preflight', async () => {
    server = await startContractServer();
    const { badge1, badge3, stats, timeline } = await page('off');
    await until(() => labelOf(badge1) === 'Clicked' && labelOf(badge3) === 'Delivered', 'the badges did not show their statuses');
    await until(() => figures(stats).includes('hard-bounced 1'), 'the stats did not show their figures');
    expect(figures(stats)).to.deep.equal(['sent 4', 'delivered 3', 'opened 2', 'hard-bounced 1']);
    expect(text(stats)).to.include('Winter newsletter');
    await until(() => text(timeline).includes('Opened'), 'the timeline did not show its events');
    // The latest page (the server's pages hold two events), newest first.
    expect(text(timeline)).to.match(/Clicked Nov 23, 2026, 9:11:00 AM.*Opened Nov 23, 2026, 9:10:00 AM/);
    expect(text(timeline)).not.to.include('Delivered Nov 23');
    expect(await server.calls()).to.have.members(['GET /messages?ids=msg-1,msg-3', 'GET /campaigns/cmp-1/stats', 'GET /messages/msg-1/events']);
    // Simple GETs: nothing the kit adds to them makes the browser ask the API first.
    expect(await preflights(server)).to.deep.equal([]);
  });

  it("pages older events and history with the server's own cursors, as they came", async () => {
    server = await startContractServer();
    const source = new RestDataSource({ baseUrl: server.baseUrl, live: 'off' });
    const root = await fixture<HTMLElement>(html`<div lang="en">
      <status-timeline message-id="msg-1" time-zone="UTC" .source=${source}></status-timeline>
      <status-timeline campaign-id="cmp-1" time-zone="UTC" .source=${source}></status-timeline>
    </div>`);
    const [messageTimeline, campaignTimeline] = root.querySelectorAll<StatusTimelineElement>('status-timeline');
    await until(() => text(messageTimeline!).includes('Opened') && text(campaignTimeline!).includes('Completed'), 'not loaded');
    await messageTimeline!.loadMore();
    await campaignTimeline!.loadMore();
    await campaignTimeline!.loadMore();
    await until(() => text(messageTimeline!).includes('Sent Nov 23') && text(campaignTimeline!).includes('Created Nov 20'), 'older pages not shown');
    expect(text(messageTimeline!)).to.match(/Clicked .*Opened .*Delivered .*Sent Nov 23, 2026, 9:00:00 AM/);
    expect(text(campaignTimeline!)).to.match(/Completed .*Sent .*Sending started .*Scheduled .*Created Nov 20, 2026, 2:00:00 PM/);
    const calls = await server.calls();
    // base64("before:e-1c"), "=" and all: the cursor goes back exactly as the server wrote it.
    expect(calls).to.include.members([
      'GET /messages/msg-1/events',
      'GET /messages/msg-1/events?cursor=YmVmb3JlOmUtMWM=',
      'GET /campaigns/cmp-1/history',
      'GET /campaigns/cmp-1/history?cursor=YmVmb3JlOmgtNA==',
      'GET /campaigns/cmp-1/history?cursor=YmVmb3JlOmgtMg==',
    ]);
  });

  it('follows the stream: its topics, each event by its name, and after a drop resumes from the last event id', async () => {
    server = await startContractServer();
    const { badge3, stats, timeline } = await page('sse');
    await until(() => labelOf(badge3) === 'Delivered' && text(timeline).includes('Clicked') && figures(stats).includes('opened 2'), 'not loaded');
    await until(async () => (await server.openStreams()) === 1 && (await server.calls()).some((c) => c.includes('campaign:cmp-1')), 'no stream for every topic');
    const stream = (await server.calls()).filter((call) => call.startsWith('GET /stream')).at(-1);
    expect(stream).to.equal('GET /stream?topics=campaign:cmp-1,message:msg-1,message:msg-3');

    await server.push('message-status', msg3Opened('2026-11-23T10:00:00Z'));
    await server.push('message-event', { provider: 'sendgrid', channel: 'email', messageId: 'msg-1', type: 'opened', at: '2026-11-23T10:01:00Z', raw: 'open', eventId: 'e-1e' });
    const last = await server.push('campaign-stats', cmp1(3));
    await until(() => labelOf(badge3) === 'Opened', 'the badge did not follow its message-status');
    await until(() => text(timeline).includes('Opened Nov 23, 2026, 10:01:00 AM'), 'the timeline did not show the message-event');
    await until(() => figures(stats).includes('opened 3'), 'the stats did not follow campaign-stats');

    // The connection drops (a deploy, a proxy); what happens meanwhile comes with the next connection.
    await server.dropStreams();
    await server.push('message-status', { ...msg3Opened('2026-11-23T10:05:00Z'), display: 'clicked' });
    await until(() => labelOf(badge3) === 'Clicked', 'the update sent while the stream was down never came');
    const again = (await server.calls()).filter((call) => call.startsWith('GET /stream')).at(-1);
    expect(again).to.equal(`GET /stream?topics=campaign:cmp-1,message:msg-1,message:msg-3&lastEventId=${last}`);
  });

  it('follows a message deleted on the server by the stream\'s message-missing: its badge says no message was found', async () => {
    server = await startContractServer();
    const { badge3 } = await page('sse');
    await until(() => labelOf(badge3) === 'Delivered', 'not loaded');
    await until(async () => (await server.openStreams()) === 1, 'no stream');
    // The stream opened with no event id to resume from: the source reads what it follows once more (see the stream's
    // contract). That read over, no other is due while the stream works.
    await until(async () => {
      const calls = await server.calls();
      const since = calls.slice(calls.findIndex((call) => call.startsWith('GET /stream')));
      return ['msg-1', 'msg-3'].every((id) => since.some((call) => call.startsWith('GET /messages?ids=') && call.includes(id)));
    }, 'no catch-up');
    const before = (await server.calls()).length;
    await server.push('message-missing', { messageId: 'msg-3' });
    await until(() => labelOf(badge3) === 'Unavailable', 'the badge did not follow the deletion');
    expect(nameOf(badge3)).to.equal('Unavailable. No message was found with this identifier.');
    expect((await server.calls()).slice(before), 'told by the stream, read from what it said: no request').to.deep.equal([]);
    await expect(badge3).to.be.accessible();
  });

  it('polls /messages, /campaigns/{id}/stats and, once the figures change, its history when the API has no stream', async () => {
    server = await startContractServer();
    await server.fault({ path: '/stream', status: 404 });
    const root = await fixture<HTMLElement>(html`
      <status-source endpoint=${server.baseUrl} poll-interval="1000" lang="en">
        <email-status-badge message-id="msg-3"></email-status-badge>
        <campaign-stats campaign-id="cmp-1" metrics="opened"></campaign-stats>
        <status-timeline campaign-id="cmp-1" time-zone="UTC"></status-timeline>
        <status-timeline message-id="msg-3" time-zone="UTC"></status-timeline>
      </status-source>`);
    const badge = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    const stats = root.querySelector<CampaignStatsElement>('campaign-stats')!;
    const [history, events] = root.querySelectorAll<StatusTimelineElement>('status-timeline');
    await until(() => labelOf(badge) === 'Delivered' && figures(stats).includes('opened 2') && text(history!).includes('Completed'), 'not loaded');
    // What the stream would have said, the server now answers when asked (no stream is open to hear it).
    await server.push('message-event', { provider: 'sendgrid', channel: 'email', messageId: 'msg-3', type: 'opened', at: '2026-11-23T10:00:00Z', raw: 'open', eventId: 'e-3c' });
    await server.push('message-status', msg3Opened('2026-11-23T10:00:00Z'));
    await server.push('campaign-stats', cmp1(3));
    await server.push('campaign-history', { id: 'h-6', campaignId: 'cmp-1', action: 'canceled', at: '2026-11-23T10:00:00Z', detail: 'Bob' });
    await until(() => labelOf(badge) === 'Opened', 'the badge was not polled');
    await until(() => figures(stats).includes('opened 3'), 'the stats were not polled');
    await until(() => text(history!).includes('Canceled Nov 23, 2026, 10:00:00 AM'), 'the history was not read again');
    await until(() => text(events!).includes('Opened Nov 23, 2026, 10:00:00 AM'), "the message's events were not read again");
    const calls = await server.calls();
    expect(calls.filter((call) => call.startsWith('GET /stream')).length).to.be.at.least(2);
    expect(calls.filter((call) => call === 'GET /campaigns/cmp-1/history')).to.have.length(2);
  });

  it('with-credentials works with an API that allows credentials for the page\'s origin, and not with "*"', async () => {
    server = await startContractServer({ allowOrigin: 'echo', credentials: true });
    const strict = await startContractServer({ allowOrigin: '*', credentials: true });
    try {
      const root = await fixture<HTMLElement>(html`<div lang="en">
        <status-source endpoint=${server.baseUrl} with-credentials><email-status-badge message-id="msg-3"></email-status-badge></status-source>
        <status-source endpoint=${strict.baseUrl} live="off" with-credentials><email-status-badge message-id="msg-3"></email-status-badge></status-source>
      </div>`);
      const [allowed, refused] = root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge');
      await until(() => labelOf(allowed!) === 'Delivered', 'not loaded with credentials');
      await until(async () => (await server.openStreams()) === 1, 'the stream did not open with credentials');
      // Every attempt fails as a network error (the browser hides the answer): retried, then said.
      await until(() => nameOf(refused!) === 'Unavailable. Couldn’t load the status: the server is unreachable', '"*" with credentials was not refused');
      expect((await strict.calls()).length, 'the server answered; the browser hid it').to.be.at.least(1);
    } finally {
      await strict.stop();
    }
  });

  it("handles the documented errors: unknown ids, unknown campaigns, 429's Retry-After and 5xx retried, 401 shown at once", async () => {
    server = await startContractServer();
    await server.fault({ path: '/campaigns/cmp-1/stats', status: 429, headers: { 'Retry-After': '1' }, times: 1 });
    await server.fault({ path: '/messages', status: 503, times: 1 });
    await server.fault({ path: '/campaigns/locked/stats', status: 401 });
    const root = await fixture<HTMLElement>(html`
      <status-source endpoint=${server.baseUrl} live="off" lang="en">
        <email-status-badge message-id="msg-1"></email-status-badge>
        <email-status-badge message-id="no-such-message"></email-status-badge>
        <campaign-stats campaign-id="cmp-1" metrics="sent"></campaign-stats>
        <campaign-stats campaign-id="no-such-campaign"></campaign-stats>
        <campaign-stats campaign-id="locked"></campaign-stats>
        <status-timeline message-id="no-such-message"></status-timeline>
      </status-source>`);
    const [known, unknown] = root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge');
    const [stats, missing, locked] = root.querySelectorAll<CampaignStatsElement>('campaign-stats');
    const timeline = root.querySelector<StatusTimelineElement>('status-timeline')!;
    await until(() => labelOf(known!) === 'Clicked', 'a 503 was not retried');
    expect(nameOf(unknown!)).to.equal('Unavailable. No message was found with this identifier.');
    await until(() => figures(stats!).includes('sent 4'), "a 429 was not retried after its Retry-After");
    expect(text(missing!)).to.include('No campaign was found with this identifier.');
    await until(() => text(locked!).includes('(401)'), 'the 401 is not shown');
    await until(() => text(timeline).includes('No events yet.'), 'an unknown message has no events: an empty list');
    const calls = await server.calls();
    expect(calls.filter((call) => call === 'GET /messages?ids=msg-1,no-such-message')).to.have.length(2);
    expect(calls.filter((call) => call === 'GET /campaigns/cmp-1/stats')).to.have.length(2);
    expect(calls.filter((call) => call === 'GET /campaigns/locked/stats'), 'a 401 is not retried').to.have.length(1);
    expect(calls.filter((call) => call === 'GET /campaigns/no-such-campaign/stats'), 'a 404 is not retried').to.have.length(1);
  });

  it("sends the host's headers, preflighted, and long or comma-holding id lists as POST /messages/batch", async () => {
    server = await startContractServer({ allowHeaders: ['authorization'], requireAuthorization: 'Bearer abc' });
    const source = new RestDataSource({ baseUrl: server.baseUrl, live: 'off', headers: { authorization: 'Bearer abc' } });
    const root = await fixture<HTMLElement>(html`<div lang="en">
      <email-status-badge message-id="msg-2" .source=${source}></email-status-badge>
      <email-status-badge message-id="a,b" .source=${source}></email-status-badge>
    </div>`);
    const [bounced, comma] = root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge');
    await until(() => labelOf(bounced!) === 'Hard bounce', 'not loaded with the header');
    await until(() => nameOf(comma!) === 'Unavailable. No message was found with this identifier.', 'no answer for "a,b"');
    const requests = (await server.requests()).filter((r) => r.method === 'POST');
    expect(requests.map((r) => [r.path, r.headers['content-type'], r.body])).to.deep.equal([['/api/messages/batch', 'application/json', '{"ids":["msg-2","a,b"]}']]);
    // WebKitGTK sends it without asking first: the test pages are controlled by MSW's service worker, whose fetch
    // passes the request on, and WebKit's goes out unpreflighted (Chromium and Firefox preflight it).
    if (!inWebKit) expect((await preflights(server)).map((r) => r.headers['access-control-request-headers'])).to.deep.equal(['authorization,content-type']);
  });

  it('reads times written with an offset as the instants they are', async () => {
    server = await startContractServer();
    await server.fault({
      path: '/messages/paris/events',
      status: 200,
      body: { events: [{ provider: 'brevo', channel: 'email', messageId: 'paris', type: 'delivered', at: '2026-11-23T10:00:05+01:00', raw: 'delivered' }] },
    });
    const source = new RestDataSource({ baseUrl: server.baseUrl, live: 'off' });
    const timeline = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="paris" time-zone="UTC" .source=${source}></status-timeline>`);
    await until(() => text(timeline).includes('Delivered'), 'not loaded');
    expect(text(timeline)).to.include('Delivered Nov 23, 2026, 9:00:05 AM');
  });

  it('reads times as PostgreSQL, SQL drivers, Python, Java and PHP write them (+01, +0100, a space for the T) as the instants they are', async () => {
    server = await startContractServer();
    const sent = { provider: 'brevo', channel: 'email', messageId: 'pg', raw: 'delivered' };
    await server.fault({
      path: '/messages/pg/events',
      status: 200,
      body: { events: [{ ...sent, type: 'opened', at: '2026-11-23T10:10:00.250+0100', raw: 'opened' }, { ...sent, type: 'delivered', at: '2026-11-23T10:00:05.123456+01' }] },
    });
    await server.fault({
      path: '/campaigns/cmp-1/history',
      status: 200,
      body: { items: [{ campaignId: 'cmp-1', action: 'completed', at: '2026-11-23 09:30:00Z' }, { campaignId: 'cmp-1', action: 'started', at: '2026-11-23T04:00:00-05' }] },
    });
    const status = { channel: 'email', provider: 'brevo', delivery: 'delivered', display: 'opened', raw: 'delivered', engagement: {}, settled: false };
    await server.push('message-status', { ...status, messageId: 'pg', updatedAt: '2026-11-23 10:10:00+01' });
    await server.push('message-status', { ...status, messageId: 'rfc', updatedAt: '2026-11-23T09:10:00Z' });
    const source = new RestDataSource({ baseUrl: server.baseUrl, live: 'off' });
    const root = await fixture<HTMLElement>(html`<div lang="en">
      <email-status-badge message-id="pg" .source=${source}></email-status-badge>
      <email-status-badge message-id="rfc" .source=${source}></email-status-badge>
      <status-timeline message-id="pg" time-zone="UTC" .source=${source}></status-timeline>
      <status-timeline message-id="pg" time-zone="America/New_York" .source=${source}></status-timeline>
      <status-timeline campaign-id="cmp-1" time-zone="Europe/Paris" .source=${source}></status-timeline>
    </div>`);
    const [pg, rfc] = root.querySelectorAll<EmailStatusBadgeElement>('email-status-badge');
    const [utc, newYork, history] = root.querySelectorAll<StatusTimelineElement>('status-timeline');
    await until(() => labelOf(pg!) === 'Opened' && labelOf(rfc!) === 'Opened', 'the badges did not load');
    // The same instant spelt as RFC 3339 writes it: the same words, in this machine's zone.
    await pg!.showTooltip();
    const said = descriptionOf(pg!);
    await rfc!.showTooltip();
    expect(said).to.match(/Last update: .*Nov 2[23], 2026/).and.to.equal(descriptionOf(rfc!));
    await until(() => text(utc).includes('Delivered') && text(newYork).includes('Delivered') && text(history).includes('Completed'), 'the timelines did not load');
    expect(text(utc)).to.match(/Opened Nov 23, 2026, 9:10:00 AM.*Delivered Nov 23, 2026, 9:00:05 AM/);
    expect(text(newYork)).to.match(/Opened Nov 23, 2026, 4:10:00 AM.*Delivered Nov 23, 2026, 4:00:05 AM/);
    expect(text(history)).to.match(/Completed Nov 23, 2026, 10:30:00 AM.*Sending started Nov 23, 2026, 10:00:00 AM/);
  });

  it('shows a campaign action it does not know with its own word, marked unknown, and the rest of the history page (a newer back end)', async () => {
    server = await startContractServer({ pageSize: 10 });
    await server.push('campaign-history', { id: 'h-6', campaignId: 'cmp-1', action: 'archived', at: '2026-11-24T08:00:00Z', detail: 'Ada' });
    await server.push('message-status', { ...msg3Opened('2026-11-23T10:00:00Z'), subscription: 'pending-confirmation' });
    const source = new RestDataSource({ baseUrl: server.baseUrl, live: 'off' });
    const root = await fixture<HTMLElement>(html`<div lang="en">
      <status-timeline campaign-id="cmp-1" time-zone="UTC" .source=${source}></status-timeline>
      <email-status-badge message-id="msg-3" .source=${source}></email-status-badge>
    </div>`);
    const timeline = root.querySelector<StatusTimelineElement>('status-timeline')!;
    const badge = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await until(() => text(timeline).includes('Created'), 'the history did not load');
    expect(text(timeline)).to.match(/Unknown action: archived Nov 24, 2026, 8:00:00 AM.*Ada.*Completed .*Created Nov 20, 2026, 2:00:00 PM/);
    await expect(timeline).to.be.accessible();
    // A subscription state it does not know is left out: the status shows.
    await until(() => labelOf(badge) === 'Opened', 'the status with an unknown subscription state was not shown');
  });

  // The contract says nothing of HTTP caching, and an API (or the CDN before it) may well send `max-age`: the browser
  // then answered refresh(), retry() and every poll from its cache, and the page showed old figures for that long.
  it("reaches the server when asked again, whatever the API's Cache-Control", async () => {
    server = await startContractServer({ cacheControl: 'max-age=600' });
    const source = new RestDataSource({ baseUrl: server.baseUrl, live: 'off', cacheTtl: 0 });
    const root = await fixture<HTMLElement>(html`<div lang="en">
      <campaign-stats campaign-id="cmp-1" metrics="opened" .source=${source}></campaign-stats>
      <email-status-badge message-id="msg-3" .source=${source}></email-status-badge>
    </div>`);
    const stats = root.querySelector<CampaignStatsElement>('campaign-stats')!;
    const badge = root.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await until(() => figures(stats).includes('opened 2') && labelOf(badge) === 'Delivered', 'not loaded');
    // Cy opens the newsletter (no stream here: the page asks again).
    await server.push('message-status', msg3Opened('2026-11-23T10:00:00Z'));
    await server.push('campaign-stats', cmp1(3));
    await stats.refresh();
    badge.retry();
    await until(() => figures(stats).includes('opened 3') && labelOf(badge) === 'Opened', 'answered from the browser cache');
    expect(await server.calls()).to.have.members(['GET /campaigns/cmp-1/stats', 'GET /messages?ids=msg-3', 'GET /campaigns/cmp-1/stats', 'GET /messages?ids=msg-3']);
    expect(await preflights(server), 'asking past the cache costs no preflight').to.deep.equal([]);
  });
});
