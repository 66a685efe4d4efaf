import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { CampaignHistoryEntry, CanonicalEvent } from '../../src/core/index.js';
import { DataSourceError, RestDataSource, StaticDataSource, type StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { DEMO_CAMPAIGNS, resetMockApi, type MockApi } from '../../src/mocks/index.js';
import { ev } from '../core/event-factory.js';
import { FakeVisibility, startWorker } from '../data/helpers.js';
import { startContractServer, type ContractServer } from '../support/contract.js';
import '../support/axe.js';
import { FakeSource, statusOf } from './shared/badge-helpers.js';

/*
 * A panel closed and opened again later (or a framework's cached view put back): while the elements were off the
 * page, what changed reached no listener of theirs. Back on the page, they show what the source says now; a move
 * within one task (a table sorted) asks nothing again.
 */

const of = (id: string, type: CanonicalEvent['type'], minute: number): CanonicalEvent => ({ ...ev(type, minute), messageId: id });
const label = (el: EmailStatusBadgeElement): string => el.shadowRoot?.querySelector('[part~="label"]')?.textContent ?? '';
const count = (el: CampaignStatsElement, metric: string): string =>
  el.shadowRoot?.querySelector(`[data-metric="${metric}"] [part~="count"]`)?.textContent?.trim() ?? '';
const aTaskLater = () => new Promise((resolve) => setTimeout(resolve));

/** `source`, counting the lookups of statuses, figures, events and histories. */
function counted(source: StatusDataSource) {
  const calls = { messages: 0, stats: 0, events: 0, history: 0 };
  const wrapped: StatusDataSource = {
    getMessages: (ids, options) => (calls.messages++, source.getMessages(ids, options)),
    getMessageEvents: (id, options) => (calls.events++, source.getMessageEvents(id, options)),
    getCampaignStats: (id, options) => (calls.stats++, source.getCampaignStats(id, options)),
    getCampaignHistory: (id, options) => (calls.history++, source.getCampaignHistory(id, options)),
    subscribe: (topic, listener) => source.subscribe!(topic, listener),
  };
  return { source: wrapped, calls };
}

describe('back on the page', () => {
  it('a badge shows the status that changed while it was away', async () => {
    const data = new StaticDataSource({ events: [of('m-1', 'sent', 0), of('m-1', 'delivered', 1)] });
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${data}></email-status-badge>`);
    await waitUntil(() => label(el) === 'Delivered', 'the first status');
    const parent = el.parentElement!;
    el.remove();
    await aTaskLater();
    data.update([of('m-1', 'opened', 9)]); // no listener of the badge's: it is away
    parent.append(el);
    await waitUntil(() => label(el) === 'Opened', `the status now, not "${label(el)}"`);
  });

  it('a badge put on the page and taken off in one task, then put back, shows the status then, not what it read while off', async () => {
    const data = new StaticDataSource({ events: [of('m-1', 'sent', 0), of('m-1', 'delivered', 1)] });
    const parent = await fixture<HTMLElement>(html`<div lang="en"></div>`);
    const el = document.createElement('email-status-badge');
    el.setAttribute('message-id', 'm-1');
    el.source = data;
    parent.append(el);
    el.remove(); // a framework's first render, undone in the same task: its lookup runs all the same
    await aTaskLater();
    await el.updateComplete;
    data.update([of('m-1', 'opened', 9)]); // no listener of the badge's: it is off the page
    parent.append(el);
    await waitUntil(() => label(el) === 'Opened', `the status now, not "${label(el)}"`);
  });

  it('a badge moved within one task (a table sorted) asks nothing again', async () => {
    const { source, calls } = counted(new StaticDataSource({ events: [of('m-1', 'delivered', 1)] }));
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    await waitUntil(() => label(el) === 'Delivered', 'the first status');
    const parent = el.parentElement!;
    const before = calls.messages;
    el.remove();
    parent.append(el);
    await aTaskLater();
    await el.updateComplete;
    expect(calls.messages).to.equal(before);
    expect(label(el)).to.equal('Delivered');
  });

  it('a badge moved within one task while its lookup had failed still tries again by itself, and shows the status', async () => {
    const source = new FakeSource([statusOf('m-1', 'delivered')]);
    source.failures = [new DataSourceError('network down', { kind: 'network', retryable: true })];
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    await waitUntil(() => label(el) === 'Unavailable', 'no error state');
    const parent = el.parentElement!;
    el.remove(); // a table sorted: its automatic retry is waiting
    parent.append(el);
    await aTaskLater();
    window.dispatchEvent(new Event('online')); // runs at once the automatic retries waiting
    await waitUntil(() => label(el) === 'Delivered', `its retry was lost in the move: "${label(el)}"`);
    expect(source.batches).to.have.length(2);
  });

  it('a badge whose lookup had failed, taken off the page and put back, tries again and shows the status', async () => {
    const source = new FakeSource([statusOf('m-1', 'delivered')]);
    source.failures = [new DataSourceError('network down', { kind: 'network', retryable: true })];
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1" .source=${source}></email-status-badge>`);
    await waitUntil(() => label(el) === 'Unavailable', 'no error state');
    const parent = el.parentElement!;
    el.remove(); // a panel closed: its automatic retry stops
    await aTaskLater();
    parent.append(el); // and opened again
    await waitUntil(() => label(el) === 'Delivered', `no new try once back: "${label(el)}"`);
    expect(source.batches).to.have.length(2);
  });

  it('campaign figures show what changed while they were away, with no skeleton in between', async () => {
    const campaign = { id: 'c-1', name: 'Relance', channel: 'email' as const };
    const data = new StaticDataSource({ events: [of('m-1', 'sent', 0), of('m-1', 'delivered', 1)], campaigns: [{ campaign, messageIds: ['m-1', 'm-2'] }] });
    const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c-1" .source=${data}></campaign-stats>`);
    await waitUntil(() => count(el, 'sent') === '1', 'the first figures');
    const parent = el.parentElement!;
    el.remove();
    await aTaskLater();
    data.update([of('m-2', 'sent', 2), of('m-2', 'delivered', 3)]);
    parent.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.skeleton'), 'the figures shown stay while it asks').to.equal(null);
    await waitUntil(() => count(el, 'sent') === '2', `the figures now, not ${count(el, 'sent')} sent`);
    expect(count(el, 'delivered')).to.equal('2');
  });

  describe('a timeline (a drawer closed and opened again with the same element, a framework re-parenting it)', () => {
    const rowsOf = (el: StatusTimelineElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
    const summary = (el: StatusTimelineElement) => el.shadowRoot!.querySelector('[part~="summary"]')?.textContent?.trim() ?? '';
    const selected = (el: StatusTimelineElement) => rowsOf(el).filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
    const settle = async (el: StatusTimelineElement) => {
      for (let i = 0; i < 3; i++) {
        await el.updateComplete;
        await nextFrame();
      }
    };
    /** Every loading state `el` renders from now on ("Loading the history…", the older events' button loading). */
    const loadingStates = (el: StatusTimelineElement) => {
      const seen: string[] = [];
      const look = () => {
        for (const node of el.shadowRoot!.querySelectorAll('[part~="status"], [part~="load-more"][aria-disabled="true"]')) seen.push(node.textContent!.trim());
      };
      const observer = new MutationObserver(look);
      observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
      return { seen, stop: () => observer.disconnect() };
    };
    /** 150 events of m-1, more than a page (100): the older ones are loaded with the button. */
    const EVENTS = [of('m-1', 'sent', 0), ...Array.from({ length: 149 }, (_, i) => ({ ...of('m-1', 'opened', i + 1), eventId: `o-${i}` }))];

    it('shows at once what it showed (rows, older pages, the selected row) and adds the events that came while it was away, with one request', async () => {
      const data = new StaticDataSource({ events: EVENTS });
      const { source, calls } = counted(data);
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      await waitUntil(() => summary(el) === '100 most recent events', 'the first page');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await waitUntil(() => summary(el) === '150 events', 'the older events');
      await settle(el);
      rowsOf(el)[1]!.click();
      await settle(el);
      const picked = selected(el);
      expect(picked).to.have.length(1);
      const asked = { ...calls };
      const parent = el.parentElement!;
      el.remove();
      await aTaskLater();
      data.update([{ ...of('m-1', 'clicked', 200), eventId: 'c-1' }]); // no listener of the timeline's: it is away
      const loading = loadingStates(el);
      parent.append(el);
      await el.updateComplete;
      expect(summary(el), 'what it showed, at once').to.equal('150 events');
      await waitUntil(() => summary(el) === '151 events', `the event that came meanwhile, not ${summary(el)}`);
      await settle(el);
      loading.stop();
      expect(loading.seen, 'no loading state').to.deep.equal([]);
      expect(selected(el), 'the same row selected').to.deep.equal(picked);
      expect(calls.events - asked.events, 'the latest page, once').to.equal(1);
      expect(calls.messages - asked.messages, 'the status, to tell whether events came').to.equal(1);
      expect(el.shadowRoot!.querySelector('[part~="row"][data-index="0"] [part~="label"]')!.textContent).to.equal('Clicked');
      await expect(el).to.be.accessible();
    });

    it('asks for no events again when none came while it was away', async () => {
      const { source, calls } = counted(new StaticDataSource({ events: EVENTS.slice(0, 20) }));
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      await waitUntil(() => summary(el) === '20 events', 'the events');
      const parent = el.parentElement!;
      el.remove();
      await aTaskLater();
      const loading = loadingStates(el);
      parent.append(el);
      await aTaskLater();
      await settle(el);
      loading.stop();
      expect(calls.events, 'its events, asked once').to.equal(1);
      expect(loading.seen).to.deep.equal([]);
      expect(summary(el)).to.equal('20 events');
    });

    it('of a campaign, loads its latest history page again, showing its rows meanwhile', async () => {
      const campaign = { id: 'c-1', name: 'Relance', channel: 'email' as const };
      const at = (minute: number) => of('m-1', 'sent', minute).at;
      const history: CampaignHistoryEntry[] = [
        { campaignId: 'c-1', action: 'created', at: at(0) },
        { campaignId: 'c-1', action: 'started', at: at(5) },
      ];
      const data = new StaticDataSource({ campaigns: [{ campaign, history }] });
      const { source, calls } = counted(data);
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" campaign-id="c-1" .source=${source}></status-timeline>`);
      await waitUntil(() => summary(el) === '2 events', 'the history');
      const parent = el.parentElement!;
      el.remove();
      await aTaskLater();
      data.addHistory({ campaignId: 'c-1', action: 'paused', at: at(9) }); // no listener of the timeline's: it is away
      const loading = loadingStates(el);
      parent.append(el);
      await el.updateComplete;
      expect(summary(el)).to.equal('2 events');
      await waitUntil(() => summary(el) === '3 events', `the action taken meanwhile, not ${summary(el)}`);
      loading.stop();
      expect(loading.seen).to.deep.equal([]);
      expect(calls.history).to.equal(2);
    });

    it('offers again the older events asked for just before it left', async () => {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const data = new StaticDataSource({ events: EVENTS });
      const source: StatusDataSource = {
        ...counted(data).source,
        getMessageEvents: async (id, options) => {
          if (options?.cursor !== undefined) await gate;
          return data.getMessageEvents(id, options);
        },
      };
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      await waitUntil(() => summary(el) === '100 most recent events', 'the first page');
      const more = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!;
      more().click();
      await el.updateComplete;
      expect(more().getAttribute('aria-disabled')).to.equal('true');
      const parent = el.parentElement!;
      el.remove();
      await aTaskLater();
      open();
      parent.append(el);
      await settle(el);
      expect(more().getAttribute('aria-disabled'), 'not loading for ever').to.equal(null);
      expect(more().textContent!.trim()).to.equal('Show older events');
      more().click();
      await waitUntil(() => summary(el) === '150 events', 'the older events');
    });

    describe('on the mock API (RestDataSource, statuses cached 30 s)', () => {
      let msw: { stop(): void };
      before(async () => {
        msw = await startWorker();
      });
      after(() => msw.stop());

      /** Polls of what is followed: none during a test. */
      const HOUR = 3_600_000;
      /** Requests the mock API received for one message: its status and its events. */
      const asked = (api: MockApi, id: string) => ({
        status: api.requests.filter((r) => (r.endpoint === 'messages' || r.endpoint === 'messages-batch') && r.ids?.includes(id)).length,
        events: api.requests.filter((r) => r.endpoint === 'message-events' && new URL(r.url).pathname === `/api/messages/${encodeURIComponent(id)}/events`).length,
      });
      /** A newsletter message sent before the mock clock's time, with an event in the next 30 minutes. */
      const aMessage = (api: MockApi) => {
        const message = api.dataset.campaign(DEMO_CAMPAIGNS.newsletter)!.messages.find((m) => {
          const next = m.times.find((t) => t > api.dataset.anchor);
          return m.times[0]! <= api.dataset.anchor && next !== undefined && next <= api.dataset.anchor + 30 * 60_000;
        })!;
        return { id: message.id, next: message.times.find((t) => t > api.dataset.anchor)!, count: (at: number) => message.times.filter((t) => t <= at).length };
      };

      it('moved to another panel a moment later, beside a badge of the same message: asks the API nothing again and never shows its loading state', async () => {
        const api = resetMockApi();
        const message = aMessage(api);
        const source = new RestDataSource({ baseUrl: '/api', live: 'poll', pollInterval: HOUR, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 } });
        try {
          const page = await fixture<HTMLElement>(html`<div lang="en">
            <section id="drawer"><email-status-badge message-id=${message.id} .source=${source}></email-status-badge>
              <status-timeline message-id=${message.id} .source=${source}></status-timeline></section>
            <section id="elsewhere"></section>
          </div>`);
          const el = page.querySelector('status-timeline')!;
          await waitUntil(() => summary(el) !== '' && page.querySelector('email-status-badge')!.shadowRoot!.querySelector('[part~="label"]'), 'the events and the badge');
          await settle(el);
          const before = asked(api, message.id);
          const shown = summary(el);
          el.remove();
          await aTaskLater();
          const loading = loadingStates(el);
          page.querySelector('#elsewhere')!.append(el);
          await aTaskLater();
          await settle(el);
          loading.stop();
          expect(asked(api, message.id), 'requests for the message').to.deep.equal(before);
          expect(loading.seen, 'loading states').to.deep.equal([]);
          expect(summary(el)).to.equal(shown);
        } finally {
          source.close();
        }
      });

      it('back much later (its cached status expired) after events happened: shows its rows at once, then the new ones, from one request of the latest page', async () => {
        const api = resetMockApi();
        const message = aMessage(api);
        let now = Date.now();
        const source = new RestDataSource({ baseUrl: '/api', live: 'poll', pollInterval: HOUR, visibility: new FakeVisibility(), timeout: 0, retry: { retries: 0 }, now: () => now });
        try {
          const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id=${message.id} .source=${source}></status-timeline>`);
          const before = message.count(api.clock.now());
          await waitUntil(() => summary(el) === `${before} event${before === 1 ? '' : 's'}`, 'the events so far');
          const asked1 = asked(api, message.id);
          const parent = el.parentElement!;
          el.remove();
          await aTaskLater();
          api.clock.set(message.next);
          now += 60_000;
          const loading = loadingStates(el);
          parent.append(el);
          await el.updateComplete;
          expect(summary(el), 'what it showed, at once').to.equal(`${before} event${before === 1 ? '' : 's'}`);
          const after = message.count(api.clock.now());
          await waitUntil(() => summary(el) === `${after} events`, `the events that happened meanwhile, not ${summary(el)}`);
          loading.stop();
          expect(loading.seen).to.deep.equal([]);
          expect(asked(api, message.id)).to.deep.equal({ status: asked1.status + 1, events: asked1.events + 1 });
        } finally {
          source.close();
        }
      });
    });
  });

  describe('on the contract server, with its stream (statuses cached 30 s)', function () {
    this.timeout(20_000);
    let server: ContractServer;
    let source: RestDataSource | undefined;
    afterEach(async () => {
      source?.close();
      source = undefined;
      await server.stop();
    });
    const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 8000 });
    const streams = async () => (await server.calls()).filter((call) => call.startsWith('GET /stream'));
    const labels = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="row"] [part~="label"]')].map((node) => node.textContent!.trim());
    const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, '0')}:00Z`;
    /** msg-3's status, later each time. */
    const msg3 = (display: string, minute: number) => ({
      messageId: 'msg-3', channel: 'email', recipient: 'cy@example.org', provider: 'sendgrid', delivery: 'delivered', display, raw: 'delivered',
      engagement: { opened: { count: 1, automated: 0, first: at(minute), last: at(minute) } }, updatedAt: at(minute), settled: false, deliveredAt: '2026-11-23T09:00:04Z',
    });

    /** Events of msg-1 after its click: more than a page of the contract server (two). */
    const later = [
      { type: 'opened', raw: 'open', minute: 1 },
      { type: 'complained', raw: 'spamreport', minute: 2 },
      { type: 'unsubscribed', raw: 'unsubscribe', minute: 3 },
    ].map(({ type, raw, minute }) => ({ provider: 'sendgrid', channel: 'email', messageId: 'msg-1', recipient: 'ada@example.org', type, at: at(minute), raw, eventId: `e-1${minute}` }));
    const msg1After = {
      messageId: 'msg-1', channel: 'email', recipient: 'ada@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'unsubscribed', raw: 'delivered',
      engagement: { opened: { count: 2, automated: 0, first: '2026-11-23T09:10:00Z', last: at(1) }, complained: { count: 1, automated: 0, first: at(2), last: at(2) }, unsubscribed: { count: 1, automated: 0, first: at(3), last: at(3) } },
      updatedAt: at(3), settled: false, deliveredAt: '2026-11-23T09:00:05Z',
    };
    const times = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="row"] time')].map((node) => node.getAttribute('datetime'));

    it('a timeline back on the page after more than a page of events came loads them all, and still offers the older ones', async () => {
      server = await startContractServer();
      source = new RestDataSource({ baseUrl: server.baseUrl });
      const timeline = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="msg-1" time-zone="UTC" .source=${source}></status-timeline>`);
      await until(() => labels(timeline).length === 2, 'the first page');
      const parent = timeline.parentElement!;
      timeline.remove();
      await aTaskLater();
      for (const event of later) await server.push('message-event', event);
      await server.push('message-status', msg1After);
      parent.append(timeline);
      await until(() => later.every((event) => times(timeline).includes(event.at)), 'the three events that came meanwhile');
      expect(labels(timeline)).to.deep.equal(['Unsubscribed', 'Reported as spam', 'Opened', 'Clicked', 'Opened']);
      timeline.shadowRoot!.querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await until(() => labels(timeline).length === 7, 'the older events');
      expect(labels(timeline)).to.deep.equal(['Unsubscribed', 'Reported as spam', 'Opened', 'Clicked', 'Opened', 'Delivered', 'Sent']);
    });

    for (const [how, change] of [
      ['reopened without its topic (a badge added elsewhere)', async (root: HTMLElement) => {
        const other = document.createElement('email-status-badge');
        other.setAttribute('message-id', 'msg-2');
        (other as EmailStatusBadgeElement).source = source;
        root.append(other);
      }],
      ['down, and back without its topic', async () => server.dropStreams()],
    ] as const) {
      it(`a badge and a timeline back within the cache's 30 s, after the stream was ${how}, show what happened meanwhile`, async () => {
        server = await startContractServer();
        source = new RestDataSource({ baseUrl: server.baseUrl });
        const root = await fixture<HTMLElement>(html`<div lang="en">
          <section id="drawer"><email-status-badge message-id="msg-1" .source=${source}></email-status-badge>
            <status-timeline message-id="msg-1" time-zone="UTC" .source=${source}></status-timeline></section>
          <email-status-badge id="elsewhere" message-id="msg-3" .source=${source}></email-status-badge>
        </div>`);
        const drawer = root.querySelector('#drawer')!;
        const badge = drawer.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
        const timeline = drawer.querySelector<StatusTimelineElement>('status-timeline')!;
        const elsewhere = root.querySelector<EmailStatusBadgeElement>('#elsewhere')!;
        await until(() => label(badge) === 'Clicked' && labels(timeline).includes('Clicked') && label(elsewhere) === 'Delivered', 'not loaded');
        await until(async () => (await server.openStreams()) === 1, 'no stream');
        await server.push('message-status', msg3('opened', 1));
        await until(() => label(elsewhere) === 'Opened', 'the stream did not bring msg-3\'s open');

        drawer.remove(); // msg-1 followed no more: the stream still carries it until it reconnects
        await aTaskLater();
        const before = (await streams()).length;
        await change(root);
        await until(async () => (await streams()).length > before && (await server.openStreams()) === 1, 'the stream did not reconnect');
        expect((await streams()).at(-1), 'resumed, without msg-1').to.match(/^GET \/stream\?topics=(?!.*msg-1).*&lastEventId=\d+$/);
        // Ada unsubscribes: the stream no longer carries msg-1.
        await server.push('message-event', { provider: 'sendgrid', channel: 'email', messageId: 'msg-1', recipient: 'ada@example.org', type: 'unsubscribed', at: at(2), raw: 'unsubscribe', eventId: 'e-1e' });
        await server.push('message-status', {
          messageId: 'msg-1', channel: 'email', recipient: 'ada@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'unsubscribed', raw: 'delivered',
          engagement: { unsubscribed: { count: 1, automated: 0, first: at(2), last: at(2) } }, updatedAt: at(2), settled: false, deliveredAt: '2026-11-23T09:00:05Z',
        });
        // Then something else comes: a stream that resumes from now on has nothing more of msg-1 to send.
        await server.push('message-status', msg3('clicked', 3));
        await until(() => label(elsewhere) === 'Clicked', 'the stream did not bring msg-3\'s click');

        root.prepend(drawer);
        await until(() => label(badge) === 'Unsubscribed', `the badge back on the page says "${label(badge)}"`);
        await until(() => labels(timeline).includes('Unsubscribed'), `the timeline back on the page shows ${labels(timeline).join(', ')}`);
      });
    }
  });
});
