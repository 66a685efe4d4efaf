// A back-office page open for hours, as the demo is: a contacts table paged through (new rows, and rows reused for
// other contacts), a drawer opening and closing a message's timeline, a campaign's figures and history switched from
// campaign to campaign, all under one <status-source> with a live stream. Once each has left the page, Chromium's heap
// holds none of the elements (the <status-source> included), and the page none of their listeners, streams or ticker (counted through the DevTools
// protocol: the config's `live-objects` and `event-listeners`).
import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/define.js';
import { RestDataSource } from '../../src/data/index.js';
import { tickerStats } from '../../src/elements/status-timeline/ticker.js';
import { FakeEventSource, fakeFetch, json, settle, wireStatus } from '../data/helpers.js';
import { describeWithDevTools, eventListeners, liveObjects } from '../support/engine.js';

const TAGS = ['email-status-badge', 'status-timeline', 'campaign-stats', 'status-source'] as const;
const DAY = '2026-11-24T';

const event = (messageId: string, type: string, time: string) => ({ messageId, type, at: `${DAY}${time}Z`, provider: 'mailjet', channel: 'email', raw: type });
const stats = (id: string, delivered: number) => ({ campaign: { id, name: `Campaign ${id}`, channel: 'email' }, counts: { sent: 100, delivered }, updatedAt: `${DAY}09:${String(delivered % 60).padStart(2, '0')}:00Z` });

/** An API that knows every id: each message delivered, each campaign with figures and one history entry. */
const api = fakeFetch((call) => {
  const path = decodeURIComponent(call.url.pathname);
  const [, kind, id, what] = /\/(messages|campaigns)\/([^/]+)\/(\w+)$/.exec(path) ?? [];
  if (kind === 'messages') return json({ events: [event(id!, 'delivered', '09:00:00')] });
  if (what === 'stats') return json(stats(id!, 90));
  if (what === 'history') return json({ items: [{ campaignId: id, action: 'started', at: `${DAY}08:00:00Z` }] });
  return json({ messages: call.ids.map((messageId) => wireStatus(messageId)) });
});

/** Lets every element finish its updates and loads. */
async function rendered(elements: readonly Element[]): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await Promise.all(elements.map((el) => (el as LitElement).updateComplete));
    await settle(2);
  }
}

const openStreams = () => FakeEventSource.all.filter((stream) => !stream.closed);
/** The newest stream, opened; the session's live updates go through it. */
function stream(): FakeEventSource {
  const last = FakeEventSource.last!;
  if (last.readyState === 0) last.open();
  return last;
}

/** Elements of each tag, and shadow roots, still in the heap; listeners on the window and the document. */
async function leftovers(): Promise<Record<string, unknown>> {
  const counts: Record<string, unknown> = {};
  for (const tag of TAGS) counts[tag] = await liveObjects(`customElements.get('${tag}').prototype`);
  counts['shadow roots'] = await liveObjects('ShadowRoot.prototype');
  counts['window listeners'] = (await eventListeners('window')).sort();
  counts['document listeners'] = (await eventListeners('document')).sort();
  return counts;
}

let liveEvents = 0;

/** The session; returns once every element it made has left the page (and nothing of its own points to them). */
async function session(pages: number): Promise<{ mostStreamsOpen: number }> {
  const holder = document.body.appendChild(document.createElement('div'));
  holder.lang = 'en';
  const provider = holder.appendChild(document.createElement('status-source'));
  provider.source = new RestDataSource({ baseUrl: '/api', fetch: api.fetch, EventSource: FakeEventSource });
  let mostStreamsOpen = 0;
  const live = (type: string, data: unknown) => {
    stream().emit(type, data, String(++liveEvents));
    mostStreamsOpen = Math.max(mostStreamsOpen, openStreams().length);
  };

  // The contacts table: new rows for each page, then the same rows reused for the next pages' contacts.
  const table = provider.appendChild(document.createElement('div'));
  for (let page = 0; page < pages; page++) {
    const badges = Array.from({ length: 200 }, (_, row) => {
      const badge = document.createElement('email-status-badge');
      badge.messageId = `new-${page}-${row}`;
      return badge;
    });
    table.replaceChildren(...badges);
    await rendered(badges);
    live('message-status', wireStatus(`new-${page}-7`, { display: 'opened', updatedAt: `${DAY}10:00:00Z` }));
  }
  const reused = [...table.children] as HTMLElementTagNameMap['email-status-badge'][];
  for (let page = 0; page < pages; page++) {
    reused.forEach((badge, row) => (badge.messageId = `reused-${page}-${row}`));
    await rendered(reused);
    live('message-status', wireStatus(`reused-${page}-7`, { display: 'clicked', updatedAt: `${DAY}10:00:00Z` }));
  }
  table.remove();

  // The drawer: a message's timeline, told of an event while open.
  for (let open = 0; open < pages; open++) {
    const drawer = provider.appendChild(document.createElement('aside'));
    const timeline = drawer.appendChild(document.createElement('status-timeline'));
    timeline.messageId = `new-${open}-7`;
    timeline.announce = true;
    await rendered([timeline]);
    live('message-event', event(`new-${open}-7`, 'opened', '10:00:00'));
    await rendered([timeline]);
    drawer.remove();
  }

  // A campaign's figures and history, switched from campaign to campaign, each told of new figures.
  const figures = provider.appendChild(document.createElement('campaign-stats'));
  const history = provider.appendChild(document.createElement('status-timeline'));
  figures.announce = true;
  for (let campaign = 0; campaign < pages; campaign++) {
    figures.campaignId = history.campaignId = `c-${campaign}`;
    await rendered([figures, history]);
    live('campaign-stats', stats(`c-${campaign}`, 95));
    await rendered([figures, history]);
  }
  holder.remove();
  await settle(5);
  return { mostStreamsOpen };
}

describeWithDevTools('a back-office page open for hours', () => {
  it('keeps none of the elements it removed, nor their shadow roots, listeners, streams or ticker', async function () {
    this.timeout(60_000);
    FakeEventSource.reset();
    await session(1); // the page-wide listeners (tooltips, visibility) are installed once, by the first elements
    const before = await leftovers();
    const { mostStreamsOpen } = await session(20);
    expect(mostStreamsOpen, 'streams open at once').to.equal(1);
    expect(openStreams(), 'streams open once everything left').to.have.length(0);
    expect(tickerStats(), 'relative-time ticker').to.deep.equal({ listeners: 0, timers: 0 });
    expect(await leftovers()).to.deep.equal({ ...before, 'email-status-badge': 0, 'status-timeline': 0, 'campaign-stats': 0, 'status-source': 0 });
  });
});
