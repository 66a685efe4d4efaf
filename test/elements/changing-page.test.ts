import { expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import type { CampaignStats, CanonicalEvent, MessageStatus } from '../../src/core/index.js';
import { DataSourceError, StaticDataSource, type LiveListener, type StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { ev } from '../core/event-factory.js';
import '../support/axe.js';

/*
 * The elements in a host page that keeps changing around them: moved to another parent or reordered by a keyed
 * list, their data source swapped while they show something. (Leaving the page and coming back:
 * back-on-the-page.test.ts; removed while loading, moved to another document: hardening/lifecycle.test.ts.)
 */

const aTaskLater = () => new Promise((resolve) => setTimeout(resolve));
const textOf = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Lets Lit render and the ResizeObserver measure (it reports after layout, a frame later). */
async function settle(el: StatusTimelineElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
  await el.updateComplete;
}

/** `source`, counting what it is asked for. */
function counted(source: StatusDataSource) {
  const calls = { events: 0, subscriptions: 0, active: 0 };
  const wrapped: StatusDataSource = {
    getMessages: (ids, options) => source.getMessages(ids, options),
    getMessageEvents: (id, options) => (calls.events++, source.getMessageEvents(id, options)),
    getCampaignStats: (id, options) => source.getCampaignStats(id, options),
    getCampaignHistory: (id, options) => source.getCampaignHistory(id, options),
    subscribe: (topic, listener) => {
      calls.subscriptions++;
      calls.active++;
      const stop = source.subscribe!(topic, listener);
      let stopped = false;
      return () => {
        if (stopped) return;
        stopped = true;
        calls.active--;
        stop();
      };
    },
  };
  return { source: wrapped, calls };
}

describe('in a changing page', () => {
  describe('<status-timeline> moved within one task (a list reordered, a panel put elsewhere)', () => {
    const events = Array.from({ length: 200 }, (_, i): CanonicalEvent => ({ ...ev('opened', i), messageId: 'm-1', eventId: `e-${i}` }));
    const rowsOf = (el: StatusTimelineElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
    const scrollerOf = (el: StatusTimelineElement) => el.shadowRoot!.querySelector<HTMLElement>('[part~="scroller"]')!;
    /** The rows drawn inside the list's box. */
    const inView = (el: StatusTimelineElement): string[] => {
      const box = scrollerOf(el).getBoundingClientRect();
      return rowsOf(el)
        .filter((row) => {
          const r = row.getBoundingClientRect();
          return r.bottom > box.top + 1 && r.top < box.bottom - 1;
        })
        .map((row) => row.dataset.index!)
        .sort((a, b) => Number(a) - Number(b));
    };

    it('asks nothing again and keeps its rows, where they were scrolled to, the selected one and one live subscription', async () => {
      const data = new StaticDataSource({ events, pageSize: 500 });
      const { source, calls } = counted(data);
      const page = await fixture<HTMLElement>(html`
        <div lang="en">
          <section id="first"><status-timeline style="height: 300px" message-id="m-1" .source=${source}></status-timeline></section>
          <section id="second"></section>
        </div>
      `);
      const el = page.querySelector('status-timeline')!;
      await waitUntil(() => rowsOf(el).length > 0, 'the rows');
      await settle(el);
      scrollerOf(el).scrollTop = 2000;
      scrollerOf(el).dispatchEvent(new Event('scroll'));
      await settle(el);
      const seen = inView(el);
      expect(seen, 'rows further down the list').to.include('40');
      rowsOf(el).find((row) => row.dataset.index === '40')!.click();
      await settle(el);
      const details = textOf(el.shadowRoot!.querySelector('[part~="details"]'));
      expect(calls.events).to.equal(1);

      page.querySelector('#second')!.append(el);
      await settle(el);
      await aTaskLater();
      await settle(el);

      expect(calls.events, 'requests of its events').to.equal(1);
      expect(calls.active, 'live subscriptions').to.equal(1);
      expect(el.shadowRoot!.querySelector('.skeleton, [part~="loading"]'), 'no loading state').to.equal(null);
      expect(inView(el), 'the rows in view').to.deep.equal(seen);
      expect(rowsOf(el).filter((row) => row.getAttribute('aria-selected') === 'true').map((row) => row.dataset.index)).to.deep.equal(['40']);
      expect(textOf(el.shadowRoot!.querySelector('[part~="details"]'))).to.equal(details);
      await expect(el).to.be.accessible();

      data.update([{ ...ev('clicked', 300), messageId: 'm-1', eventId: 'e-new' }]);
      await waitUntil(() => textOf(el.shadowRoot!.querySelector('[part~="summary"]')) === '201 events', 'the live event after the move');
      expect(calls.active, 'live subscriptions').to.equal(1);
    });

    it('moved into another <status-source>, shows and follows what that one says', async () => {
      const first = counted(new StaticDataSource({ events: [{ ...ev('delivered', 1), messageId: 'm-1' }] }));
      const second = counted(new StaticDataSource({ events: [{ ...ev('delivered', 1), messageId: 'm-1' }, { ...ev('opened', 2), messageId: 'm-1' }] }));
      const page = await fixture<HTMLElement>(html`
        <div lang="en">
          <status-source .source=${first.source}><status-timeline message-id="m-1"></status-timeline></status-source>
          <status-source .source=${second.source}></status-source>
        </div>
      `);
      const el = page.querySelector('status-timeline')!;
      await waitUntil(() => rowsOf(el).length === 1, 'the first source\'s row');
      page.querySelectorAll('status-source')[1]!.append(el);
      await waitUntil(() => rowsOf(el).length === 2, 'the second source\'s rows');
      expect([first.calls.active, second.calls.active], 'live subscriptions to each source').to.deep.equal([0, 1]);
    });

    it('still stops following once it really left the page, and follows again once back', async () => {
      const { source, calls } = counted(new StaticDataSource({ events }));
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      await waitUntil(() => rowsOf(el).length > 0, 'the rows');
      const parent = el.parentElement!;
      el.remove();
      await aTaskLater();
      expect(calls.active, 'live subscriptions off the page').to.equal(0);
      parent.append(el);
      await waitUntil(() => calls.active === 1, 'following again once back');
      // Its rows shown meanwhile; the events that came while it was away, if any, caught up: back-on-the-page.test.ts.
      expect(rowsOf(el).length, 'its rows, at once').to.be.greaterThan(0);
    });
  });

  describe('<campaign-stats> whose source is swapped (another tenant, another <status-source>) for the same campaign id', () => {
    const campaign = { id: 'c-1', name: 'Relance', channel: 'email' as const };
    const figures = (sent: number, updatedAt: string): CampaignStats => ({ campaign, counts: { sent, delivered: sent }, updatedAt });
    const count = (el: CampaignStatsElement, metric: string): string =>
      textOf(el.shadowRoot!.querySelector(`[data-metric="${metric}"] [part~="count"]`));

    /** A source answering `answer` (figures or an error) once `gate` opens, whose live updates the test sends. */
    function tenant(answer: CampaignStats | Error, gate: Promise<void> = Promise.resolve()) {
      const listeners = new Set<LiveListener>();
      const source: StatusDataSource = {
        getMessages: async () => new Map(),
        getMessageEvents: async () => ({ events: [] }),
        getCampaignHistory: async () => ({ items: [] }),
        getCampaignStats: async () => {
          await gate;
          if (answer instanceof Error) throw answer;
          return answer;
        },
        subscribe: (_topic, listener) => (listeners.add(listener), () => listeners.delete(listener)),
      };
      const push = (stats: CampaignStats) => {
        for (const listener of [...listeners]) listener({ type: 'campaign-stats', stats });
      };
      return { source, push };
    }

    it('shows the new source\'s figures, never the previous source\'s, loaded or live, even newer ones', async () => {
      const a = tenant(figures(100, '2026-11-02T09:00:00.000Z'));
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c-1" .source=${a.source}></campaign-stats>`);
      await waitUntil(() => count(el, 'sent') === '100', 'the first figures');
      a.push(figures(150, '2026-11-02T10:00:00.000Z'));
      await el.updateComplete;
      expect(count(el, 'sent')).to.equal('150');

      let open!: () => void;
      const b = tenant(figures(7, '2026-11-02T09:30:00.000Z'), new Promise<void>((resolve) => (open = resolve)));
      el.source = b.source;
      await el.updateComplete;
      await aTaskLater();
      expect(count(el, 'sent'), 'while the new source answers').to.equal('');
      await expect(el).to.be.accessible();
      open();
      await waitUntil(() => count(el, 'sent') !== '', 'the new figures');
      expect(count(el, 'sent'), 'the new source\'s figures, older than the previous source\'s last live ones').to.equal('7');
    });

    it('shows the new source\'s error, not the previous source\'s figures', async () => {
      const a = tenant(figures(100, '2026-11-02T09:00:00.000Z'));
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c-1" .source=${a.source}></campaign-stats>`);
      await waitUntil(() => count(el, 'sent') === '100', 'the first figures');
      a.push(figures(150, '2026-11-02T10:00:00.000Z'));
      const warn = console.warn;
      console.warn = () => {}; // the load failure, said on the console
      try {
        el.source = tenant(new DataSourceError('Not found', { kind: 'http', status: 404, retryable: false })).source;
        await waitUntil(() => el.shadowRoot!.querySelector('.error-message'), 'the error');
      } finally {
        console.warn = warn;
      }
      expect(count(el, 'sent')).to.equal('');
      expect(textOf(el.shadowRoot!.querySelector('.error-message'))).to.equal('No campaign was found with this identifier.');
    });
  });
  describe('removed while loading from a host\'s own source that ignores the abort signal (fetch(url) without it)', () => {
    const status: MessageStatus = {
      messageId: 'm-1', channel: 'email', delivery: 'delivered', display: 'delivered', engagement: {}, updatedAt: '2026-11-02T09:00:00.000Z', settled: true,
    };
    const stats: CampaignStats = { campaign: { id: 'c-1', name: 'Relance', channel: 'email' }, counts: { sent: 3, delivered: 3 }, updatedAt: '2026-11-02T09:00:00.000Z' };

    /** Answers (`answer`, or a server error) only when the test says, whatever the signal says. */
    function deaf(answer: 'data' | 'error', timeout?: number) {
      let open!: () => void;
      const gate = new Promise<void>((resolve) => (open = resolve));
      const later = async <T>(value: T): Promise<T> => {
        await gate;
        if (answer === 'error') throw new DataSourceError('Server error', { kind: 'http', status: 500, retryable: true });
        return value;
      };
      const source: StatusDataSource = {
        getMessages: () => later(new Map([['m-1', status]])),
        getMessageEvents: () => later({ events: [] }),
        getCampaignStats: () => later(stats),
        getCampaignHistory: () => later({ items: [] }),
        ...(timeout !== undefined && { timeout }),
      };
      return { source, open };
    }

    const subjects: { tag: string; id: [string, string]; shown: (el: Element) => boolean }[] = [
      { tag: 'email-status-badge', id: ['message-id', 'm-1'], shown: (el: Element) => (el as EmailStatusBadgeElement).shadowRoot!.querySelector('[part~="label"]')?.textContent === 'Delivered' },
      { tag: 'campaign-stats', id: ['campaign-id', 'c-1'], shown: (el: Element) => textOf((el as CampaignStatsElement).shadowRoot!.querySelector('[data-metric="sent"] [part~="count"]')) === '3' },
    ];
    const cases = [
      { answer: 'data', timeout: undefined },
      { answer: 'error', timeout: undefined },
      { answer: 'data', timeout: 0 },
    ] as const;

    for (const { tag, id, shown } of subjects) {
      for (const { answer, timeout } of cases) {
        it(`<${tag}> changes nothing and says nothing when ${answer === 'data' ? 'the answer' : 'an error'} comes after it left${timeout === 0 ? ' (no time limit)' : ''}, and loads once back`, async () => {
          const late = deaf(answer, timeout);
          const page = await fixture<HTMLElement>(html`<div lang="en"></div>`);
          const el = document.createElement(tag) as HTMLElement & { source?: StatusDataSource; updateComplete: Promise<unknown> };
          el.setAttribute(...id);
          el.source = late.source;
          page.append(el);
          await el.updateComplete;
          await aTaskLater();
          el.remove();
          await aTaskLater();

          const changes: MutationRecord[] = [];
          const observer = new MutationObserver((records) => changes.push(...records));
          observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
          const said: unknown[] = [];
          const warn = console.warn;
          console.warn = (...args: unknown[]) => said.push(args[0]);
          try {
            late.open();
            await aTaskLater();
            await el.updateComplete;
          } finally {
            console.warn = warn;
            changes.push(...observer.takeRecords());
            observer.disconnect();
          }
          expect(changes, 'DOM changes after it left').to.have.length(0);
          expect(said, 'console warnings after it left').to.deep.equal([]);

          if (answer === 'error') return;
          page.append(el);
          await waitUntil(() => shown(el), 'the data once back');
        });
      }
    }
  });
});
