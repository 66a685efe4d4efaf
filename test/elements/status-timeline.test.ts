import { expect, fixture, html, nextFrame, oneEvent } from '@open-wc/testing';
import { addMessages, removeAddedMessages } from '../../src/i18n/index.js';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { reduceEvents, type CampaignHistoryEntry, type CanonicalEvent } from '../../src/core/index.js';
import { DataSourceError, RestDataSource, StaticDataSource, type EventPage, type LiveListener, type LiveUpdate, type Page, type StatusDataSource } from '../../src/data/index.js';
import '../../src/elements/status-timeline/define.js';
import '../../src/elements/campaign-stats/define.js';
import '../../src/elements/email-status-badge/define.js';
import { EntrySelectEvent, StageChangeEvent } from '../../src/elements/status-timeline/events.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { setTickerClock, type TickerClock } from '../../src/elements/status-timeline/ticker.js';
import * as stories from '../../stories/status-timeline.stories.js';
import { ev } from '../core/event-factory.js';
import { fakeClock } from './shared/fake-clock.js';
import { FakeEventSource, FakeVisibility, ManualTimers, fakeFetch, json, startWorker, until } from '../data/helpers.js';
import { DEFAULT_ANCHOR, DEMO_CAMPAIGNS, resetMockApi, type MockApi } from '../../src/mocks/index.js';
import { accessibleDescriptions, describedAs, itWithDevTools } from '../support/engine.js';
import { placedBeside } from '../support/placement.js';
import '../support/axe.js';

// 10:00 UTC on 2 November 2026: the story events happen from 09:00 on that day.
const NOW = Date.UTC(2026, 10, 2, 10, 0, 0);
/** A history entry of campaign c-1, `minute` minutes from NOW. */
const entry = (action: CampaignHistoryEntry['action'], minute: number): CampaignHistoryEntry => ({
  campaignId: 'c-1',
  action,
  at: new Date(NOW + minute * 60_000).toISOString(),
});

const root = (el: StatusTimelineElement): ShadowRoot => el.shadowRoot!;
const textOf = (node: Element | null | undefined): string => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const scroller = (el: StatusTimelineElement): HTMLElement => root(el).querySelector<HTMLElement>('[part~="scroller"]')!;
/** Rendered rows in display order. */
const rows = (el: StatusTimelineElement): HTMLElement[] =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
const labels = (el: StatusTimelineElement): string[] => rows(el).map((row) => textOf(row.querySelector('[part~="label"]')));
const row = (el: StatusTimelineElement, index: number): HTMLElement | undefined => rows(el).find((r) => r.dataset.index === String(index));
const stageStates = (el: StatusTimelineElement): string[] =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="stage"]')].map((li) => li.className.split(' ')[1]!);
/** The words a row's mark shows (screen readers read them in the row's name). */
const shownMark = (row: HTMLElement, selector: string): string => textOf(row.querySelector(`${selector} > [aria-hidden="true"]`));
const focusedIndex = (el: StatusTimelineElement): string | undefined => (root(el).activeElement as HTMLElement | null)?.dataset.index;

/** Lets Lit render and the ResizeObserver measure the box and the rows (it reports after layout, a frame later). */
async function settle(el: StatusTimelineElement): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await el.updateComplete;
    await nextFrame();
  }
  await el.updateComplete;
}

async function timeline(template: ReturnType<typeof html>): Promise<StatusTimelineElement> {
  const el = await fixture<StatusTimelineElement>(template);
  await settle(el);
  return el;
}

async function scrollList(el: StatusTimelineElement, top: number): Promise<void> {
  scroller(el).scrollTop = top;
  scroller(el).dispatchEvent(new Event('scroll'));
  await settle(el);
}

interface Deferred {
  resolve(): void;
  promise: Promise<void>;
}
const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { resolve, promise };
};

/** A data source driven by the test: pages by cursor, failures on demand, live updates pushed by hand. */
function fakeSource(options: { events?: Record<string, EventPage>; history?: Record<string, Page<CampaignHistoryEntry>> } = {}) {
  const listeners = new Set<LiveListener>();
  const requests: { id: string; cursor?: string }[] = [];
  const state = { failures: 0, gate: undefined as Promise<void> | undefined };
  const answer = async <T>(id: string, cursor: string | undefined, pages: Record<string, T> | undefined, empty: T): Promise<T> => {
    requests.push({ id, ...(cursor !== undefined && { cursor }) });
    if (state.gate) await state.gate;
    if (state.failures > 0) {
      state.failures--;
      throw new DataSourceError('Network down', { kind: 'network', retryable: true });
    }
    return pages?.[cursor ?? ''] ?? empty;
  };
  const source: StatusDataSource = {
    getMessages: async () => new Map(),
    getMessageEvents: (id, o) => answer(id, o?.cursor, options.events, { events: [] }),
    getCampaignStats: () => Promise.reject(new Error('not used')),
    getCampaignHistory: (id, o) => answer(id, o?.cursor, options.history, { items: [] }),
    subscribe: (_topic, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const push = (update: LiveUpdate) => {
    for (const listener of [...listeners]) listener(update);
  };
  return { source, requests, state, listeners, push };
}

describe('<status-timeline>', () => {
  let intervals: (() => void)[];
  let now: number;
  const clock: TickerClock = {
    now: () => now,
    setInterval: (callback) => intervals.push(callback),
    clearInterval: () => {},
  };

  beforeEach(() => {
    intervals = [];
    now = NOW;
    setTickerClock(clock);
  });
  afterEach(() => setTickerClock());

  describe('a message', () => {
    it('shows events in event-time order, newest first by default', async () => {
      const events = [ev('opened', 9), ev('queued', 0), ev('delivered', 2)];
      const el = await timeline(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Opened', 'Delivered', 'Queued']);
      await expect(el).to.be.accessible();
    });

    describe('sent to several recipients (one message id, one delivery each)', () => {
      const events = [
        ev('sent', 0),
        ev('delivered', 1, { recipient: 'a@example.com' }),
        ev('hard-bounced', 2, { recipient: 'b@example.com', reason: 'invalid-recipient' }),
      ];

      it('shows no single set of stages, says why, and says whom each row is for', async () => {
        const el = await timeline(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
        expect(root(el).querySelector('[part~="stages"]')).to.equal(null);
        expect(textOf(root(el).querySelector('.note'))).to.equal('Sent to several recipients: each has their own progress, in the rows for them.');
        expect(textOf(row(el, 0))).to.include('To: b@example.com');
        expect(textOf(row(el, 1))).to.include('To: a@example.com');
        await expect(el).to.be.accessible();
      });

      it('marks only the chosen recipient\'s bounce as coming after their delivery', async () => {
        const bounces = [
          ev('delivered', 1, { recipient: 'a@example.com' }),
          ev('delivered', 1, { recipient: 'b@example.com' }),
          ev('hard-bounced', 5, { recipient: 'a@example.com' }),
          ev('hard-bounced', 6, { recipient: 'b@example.com' }),
        ];
        const el = await timeline(html`<status-timeline lang="en" recipient="a@example.com" .events=${bounces}></status-timeline>`);
        const marked = rows(el).filter((r) => r.querySelector('.mark.async')).map((r) => textOf(r));
        expect(marked).to.have.length(1);
        expect(marked[0]).to.include('To: a@example.com');
      });

      it('shows the stages of the recipient asked for, and fires stage-change for them', async () => {
        const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="fr" recipient="b@example.com" .events=${events}></status-timeline>`);
        await settle(el);
        // As documented: `recipient` picks the stages and filters no rows; each row still says whom it is for.
        const whom = (r: Element) => ['a@example.com', 'b@example.com'].find((to) => textOf(r).includes(to)) ?? '-';
        expect(rows(el).map(whom)).to.deep.equal(['b@example.com', 'a@example.com', '-']);
        expect(stageStates(el)).to.include('stopped');
        expect(textOf(root(el).querySelector('[part~="outcome"]'))).to.include('Rebond définitif');
        expect(root(el).querySelector('.note')).to.equal(null);
        const changed = oneEvent(el, 'stage-change');
        el.recipient = 'a@example.com';
        const { lifecycle } = (await changed) as unknown as StageChangeEvent;
        expect(lifecycle.stoppedAt).to.equal(undefined);
        expect(lifecycle.reached).to.equal('delivered');
        await settle(el);
        expect(root(el).querySelector('[part~="outcome"]')).to.equal(null);
      });
    });

    it('shows events oldest first when asked', async () => {
      const events = [ev('opened', 9), ev('queued', 0), ev('delivered', 2)];
      const el = await timeline(html`<status-timeline lang="en" order="oldest-first" .events=${events}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Queued', 'Delivered', 'Opened']);
    });

    it('collapses duplicated reports into one row with a count', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Clicked', 'Opened', 'Opened', 'Delivered', 'Queued']);
      const delivered = row(el, 3)!;
      const mark = delivered.querySelector('[part~="mark"]')!;
      expect(textOf(mark.querySelector('[aria-hidden="true"]'))).to.equal('×2');
      expect(textOf(mark.querySelector('.visually-hidden'))).to.equal('The provider reported this event 2 times');
      expect(textOf(root(el).querySelector('[part~="summary"]'))).to.equal('5 events');
    });

    it('counts its events in the regional conventions of its lang, as it writes its times (fr-LU, en-DE)', async () => {
      const events = Array.from({ length: 1_000 }, (_, i) => ev('opened', i % 50, { raw: `o-${i}` }));
      for (const [lang, summary] of [['fr-LU', '1.000 événements'], ['en-DE', '1.000 events']] as const) {
        const el = await timeline(html`<status-timeline lang=${lang} .events=${events}></status-timeline>`);
        expect(textOf(root(el).querySelector('[part~="summary"]'))).to.equal(summary);
      }
    });

    it('marks automatic opens', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
      expect(shownMark(row(el, 2)!, '.automated')).to.equal('Automatic, not a person');
      expect(row(el, 1)!.querySelector('.automated')).to.equal(null);
    });

    it('says "now" for an event a provider\'s clock dated a few minutes ahead of this one, in the row and its details', async () => {
      const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();
      const events: CanonicalEvent[] = [
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'sent', at: at(-30), raw: 'processed' },
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'delivered', at: at(2), raw: 'delivered' },
      ];
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" .events=${events}></status-timeline>`);
      expect(textOf(row(el, 0)!.querySelector('.relative')), 'not "in 2 minutes"').to.equal('now');
      expect(textOf(row(el, 1)!.querySelector('.relative'))).to.equal('30 minutes ago');
      row(el, 0)!.click();
      await settle(el);
      expect(textOf(root(el).querySelector('.detail-time'))).to.match(/\(now\)$/);
    });

    it('shows the exact time in a <time datetime> and the relative time', async () => {
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
      const time = row(el, 0)!.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal('2026-11-02T09:49:00.000Z');
      expect(textOf(time).replace(/\u202f/g, ' ')).to.equal('Nov 2, 2026, 9:49:00 AM');
      expect(textOf(row(el, 0)!.querySelector('.relative'))).to.equal('11 minutes ago');
    });

    it('tells apart two times of the hour the clocks repeat in autumn, and only those', async () => {
      // 02:30 in Paris on 25 October 2026 happens twice: at 00:30 UTC (summer time), then at 01:30 UTC (winter time).
      const at = (iso: string) => new Date(iso).toISOString();
      const events: CanonicalEvent[] = [
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'queued', at: at('2026-10-25T01:10:00+02:00'), raw: 'processed' },
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'sent', at: at('2026-10-25T02:30:00+02:00'), raw: 'processed' },
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'delivered', at: at('2026-10-25T02:30:00+01:00'), raw: 'delivered' },
      ];
      const el = await timeline(html`<status-timeline lang="en" time-zone="Europe/Paris" style="width: 720px" .events=${events}></status-timeline>`);
      const exact = (index: number) => textOf(row(el, index)!.querySelector('time')).replace(/\u202f/g, ' ');
      expect(exact(0)).to.equal('Oct 25, 2026, 2:30:00 AM GMT+1');
      expect(exact(1)).to.equal('Oct 25, 2026, 2:30:00 AM GMT+2');
      expect(exact(2), 'a time that happens once keeps its short form').to.equal('Oct 25, 2026, 1:10:00 AM');
      row(el, 1)!.click();
      await settle(el);
      expect(textOf(root(el).querySelector('.detail-time')).replace(/\u202f/g, ' ')).to.match(/^Sunday, October 25, 2026 at 2:30:00 AM GMT\+2 \(/);
    });

    it('keeps relative times fresh with one timer shared by every timeline', async () => {
      const el = await fixture<StatusTimelineElement>(html`<div>
        <status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>
        <status-timeline lang="en" .events=${stories.hardBounce}></status-timeline>
        <status-timeline lang="en" .events=${stories.dropped}></status-timeline>
      </div>`);
      const first = el.querySelector('status-timeline')!;
      await settle(first);
      expect(intervals.length).to.equal(1);
      now = NOW + 30 * 60_000;
      intervals[0]!();
      await first.updateComplete;
      expect(textOf(row(first, 0)!.querySelector('.relative'))).to.equal('41 minutes ago');
    });

    // The demo's live panel read "Clicked now" for a click 15 s old, "48 seconds ago" for one of 65 s: the seconds of
    // the first minute were refreshed every 30 s.
    it('keeps a time of the last minute no more than ten seconds behind as the seconds pass', async () => {
      // A timer that fires as a real one would, every `ms` of the fake time.
      const timers: { callback: () => void; ms: number; next: number }[] = [];
      let time = NOW;
      setTickerClock({ now: () => time, setInterval: (callback, ms) => timers.push({ callback, ms, next: time + ms }), clearInterval: () => {} });
      const sent: CanonicalEvent = { ...ev('sent', 0), at: new Date(NOW - 5_000).toISOString() };
      const el = await timeline(html`<status-timeline lang="en" .events=${[sent]}></status-timeline>`);
      for (let age = 5; age < 60; age++) {
        time = NOW - 5_000 + age * 1_000;
        for (const timer of timers) {
          while (timer.next <= time) {
            timer.next += timer.ms;
            timer.callback();
          }
        }
        await el.updateComplete;
        const shown = textOf(row(el, 0)!.querySelector('.relative'));
        // "now" is said for the first 10 s: it is behind from then on.
        const behind = shown === 'now' ? age - 10 : age - Number(/^(\d+) seconds? ago$/.exec(shown)?.[1]);
        expect(behind, `${age} s after the event: "${shown}"`).to.be.at.most(10);
        if (shown !== 'now') expect(behind, `${age} s after the event: "${shown}"`).to.be.at.least(0);
      }
    });

    it('shows the provider, its raw event name, the reason, the code and the diagnostic', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.hardBounce}></status-timeline>`);
      expect(textOf(row(el, 0)!.querySelector('.second'))).to.equal(
        'SendGrid: bounce · Invalid address or number · Code: 550 5.1.1 · The email account that you tried to reach does not exist.',
      );
    });

    it('highlights the stage reached', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'done', 'current']);
      const current = root(el).querySelector('[part~="stage-current"]')!;
      expect(current.getAttribute('aria-current')).to.equal('step');
      // What a reached stage means is read with it by screen readers (and shown to everyone behind the ⓘ, below).
      expect(textOf(current)).to.equal('Engagement current stage. The recipient opened, clicked, read or replied.');
      expect(root(el).querySelector('[part~="outcome"]')).to.equal(null);
    });

    describe('what the stages mean, behind an ⓘ button (keyboard, touch and mouse alike; no hover title)', () => {
      const MEANINGS = [
        'Submitted: The sending platform accepted the request to send.',
        'Processed: The platform prepared the message and it passed its checks.',
        'Delivered: The recipient’s server or phone accepted the message.',
        'Engagement: The recipient opened, clicked, read or replied.',
      ];
      const parts = (el: StatusTimelineElement) => ({
        info: root(el).querySelector<HTMLButtonElement>('[part~="info-button"]')!,
        tip: root(el).querySelector<HTMLElement>('[part~="tooltip"]')!,
      });

      it('opens on Enter beside its button, says every stage, and closes on Escape (focus back on the button) and on Tab', async () => {
        const el = await timeline(html`<status-timeline lang="en" .events=${stories.hardBounce}></status-timeline>`);
        const { info, tip } = parts(el);
        expect(info.getAttribute('aria-label')).to.equal('What the stages mean');
        expect(tip.matches(':popover-open')).to.equal(false);
        info.focus();
        await sendKeys({ press: 'Enter' });
        expect(tip.matches(':popover-open'), 'Enter opens it').to.equal(true);
        await placedBeside(tip, info, 'the stages explanation');
        // Every stage, reached or not; a group named as its button for a screen reader that reaches it.
        expect([...tip.querySelectorAll('.tip-line')].map(textOf)).to.deep.equal(MEANINGS);
        expect(tip.getAttribute('role')).to.equal('group');
        expect(tip.getAttribute('aria-label')).to.equal('What the stages mean');
        await expect(el).to.be.accessible();
        await sendKeys({ press: 'Escape' });
        expect(tip.matches(':popover-open'), 'Escape closes it').to.equal(false);
        expect(root(el).activeElement === info, 'focus stays on its button').to.equal(true);
        await sendKeys({ press: 'Enter' });
        expect(tip.matches(':popover-open')).to.equal(true);
        await sendKeys({ press: 'Tab' });
        expect(tip.matches(':popover-open'), 'Tab closes it').to.equal(false);
        expect(root(el).activeElement === info, 'focus moved on').to.equal(false);
      });

      it('opens on a click, stays open on a click inside it, and closes on a second click or a click elsewhere', async () => {
        const el = await timeline(html`<status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
        const { info, tip } = parts(el);
        const click = async (target: Element, dx = 0.5, dy = 0.5) => {
          const r = target.getBoundingClientRect();
          await sendMouse({ type: 'click', position: [Math.round(r.left + r.width * dx), Math.round(r.top + r.height * dy)] });
        };
        try {
          await click(info);
          expect(tip.matches(':popover-open'), 'a click opens it').to.equal(true);
          await placedBeside(tip, info, 'the stages explanation');
          await click(tip, 0.1, 0.2);
          expect(tip.matches(':popover-open'), 'a click inside keeps it').to.equal(true);
          await click(info);
          expect(tip.matches(':popover-open'), 'a second click closes it').to.equal(false);
          await click(info);
          await click(root(el).querySelector('[part~="summary"]')!, 0.02);
          expect(tip.matches(':popover-open'), 'a click elsewhere closes it').to.equal(false);
        } finally {
          await resetMouse();
        }
      });

      it('is named in its own words, which a page rewording the stats\' explanations (stats.explain) does not change', async () => {
        addMessages('en', { 'stats.explain': 'Help on {label}' });
        addMessages('fr', { 'stats.explain': 'Aide sur {label}' });
        try {
          for (const [lang, name] of [['en', 'What the stages mean'], ['fr', 'Ce que signifient les étapes']] as const) {
            const el = await timeline(html`<status-timeline lang=${lang} .events=${stories.hardBounce}></status-timeline>`);
            expect(parts(el).info.getAttribute('aria-label'), lang).to.equal(name);
            expect(parts(el).tip.getAttribute('aria-label'), lang).to.equal(name);
          }
          // Its own key rewords it.
          addMessages('en', { 'timeline.stages-about': 'Stage guide' });
          const el = await timeline(html`<status-timeline lang="en" .events=${stories.hardBounce}></status-timeline>`);
          expect(parts(el).info.getAttribute('aria-label')).to.equal('Stage guide');
        } finally {
          removeAddedMessages('en');
          removeAddedMessages('fr');
        }
      });

      // The hover title named each stage by its meaning: Chromium gave the list item that name, read before the
      // item's own words, which say the meaning of a reached stage again.
      itWithDevTools('leaves the stages named by their own words: no stage is read with its meaning twice', async () => {
        const el = await timeline(html`<status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
        expect(root(el).querySelectorAll('[part~="stage"]')).to.have.length(4);
        for (const meaning of MEANINGS) expect(await accessibleDescriptions(meaning), meaning).to.deep.equal([]);
        expect(await accessibleDescriptions('What the stages mean'), 'the button, not described by the explanation it opens').to.deep.equal(['']);
      });
    });

    it('shows where a hard bounce stopped the message', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.hardBounce}></status-timeline>`);
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'stopped', 'upcoming']);
      expect(textOf(root(el).querySelector('[part~="outcome"]'))).to.equal('Did not reach: Delivered Hard bounce');
      // Read by screen readers with the stage's name: the stage failed, it was not reached.
      expect(textOf(root(el).querySelector('[part~="stage-stopped"]'))).to.equal('Delivered failed at this stage');
      await expect(el).to.be.accessible();
    });

    it('shows a dropped message stopped at processing', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.dropped}></status-timeline>`);
      expect(stageStates(el)).to.deep.equal(['done', 'stopped', 'upcoming', 'upcoming']);
      expect(textOf(root(el).querySelector('[part~="outcome"]'))).to.equal('Did not reach: Processed Not sent');
    });

    it('tells a bounce after delivery apart, on the stages and on the row', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.asyncBounce}></status-timeline>`);
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'stopped', 'upcoming']);
      expect(textOf(root(el).querySelector('[part~="outcome"]'))).to.equal('Bounced after delivery Hard bounce');
      expect(textOf(root(el).querySelector('[part~="stage-stopped"]'))).to.equal('Delivered failed at this stage');
      expect(shownMark(row(el, 0)!, '.async')).to.equal('Bounced after delivery');
    });

    it('marks a bounce after delivery when the times are written as PostgreSQL writes them (+01, which Date.parse does not read)', async () => {
      const pg = (type: CanonicalEvent['type'], at: string): CanonicalEvent => ({ provider: 'brevo', channel: 'email', messageId: 'pg', type, at, raw: type });
      const events = [pg('sent', '2026-11-23T10:00:00+01'), pg('delivered', '2026-11-23T10:00:05.5+01'), pg('hard-bounced', '2026-11-23T11:30:00+01')];
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" .events=${events}></status-timeline>`);
      expect(textOf(root(el).querySelector('[part~="outcome"]'))).to.equal('Bounced after delivery Hard bounce');
      expect(shownMark(row(el, 0)!, '.async')).to.equal('Bounced after delivery');
      expect(textOf(row(el, 0)!)).to.include('Nov 23, 2026, 10:30:00 AM');
    });

    it('shows an open after a soft bounce that followed the delivery as engaged, with no bounce after delivery', async () => {
      const events = [ev('sent', 0), ev('delivered', 1), ev('soft-bounced', 5), ev('opened', 10)];
      const el = await timeline(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'done', 'current']);
      expect(root(el).querySelector('[part~="outcome"]')).to.equal(null);
      expect(root(el).querySelector('.async')).to.equal(null);
    });

    it('marks a bounce after delivery even when the provider did not flag it', async () => {
      const events = [ev('sent', 0), ev('delivered', 1), ev('bounced', 90)];
      const el = await timeline(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
      expect(shownMark(row(el, 0)!, '.async')).to.equal('Bounced after delivery');
      expect(row(el, 1)!.querySelector('.async')).to.equal(null);
    });

    it('shows a soft bounce retried then delivered as delivered', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.softBounceRetried}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Delivered', 'Delayed', 'Soft bounce', 'Sent', 'Queued']);
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'current', 'upcoming']);
    });

    it('shows an SMS reply', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.smsWithReply}></status-timeline>`);
      expect(labels(el)[0]).to.equal('Replied');
      expect(textOf(row(el, 0)!.querySelector('.second'))).to.equal('Brevo: reply · OK for Tuesday 10 am, thanks!');
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'done', 'current']);
    });

    it('speaks French', async () => {
      const el = await timeline(html`<status-timeline lang="fr" .events=${stories.hardBounce}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Rebond définitif', 'En file d’attente']);
      expect(textOf(root(el).querySelector('[part~="stage-stopped"] .stage-label'))).to.equal('Délivré');
      await expect(el).to.be.accessible();
    });

    it('shows nothing, without failing, when given something that is not a list of events', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${'not a list' as never}></status-timeline>`);
      expect(rows(el).length).to.equal(0);
      expect(textOf(root(el).querySelector('[part~="status"]'))).to.equal('No events yet.');
      // null is none given (a framework's empty state): without an id either, the timeline of an element given nothing.
      const nothingGiven = await timeline(html`<status-timeline lang="en"></status-timeline>`);
      el.events = null as never;
      await settle(el);
      expect(rows(el).length).to.equal(0);
      expect(textOf(root(el).querySelector('[part~="status"]'))).to.equal(textOf(root(nothingGiven).querySelector('[part~="status"]')));
      el.events = [ev('sent', 0), null as never, { type: 'opened' } as never];
      await settle(el);
      expect(labels(el)).to.deep.equal(['Sent']);
    });

    it('fires stage-change when new events move the message on', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${[ev('sent', 0)]}></status-timeline>`);
      const changed = oneEvent(el, StageChangeEvent.eventName) as Promise<StageChangeEvent>;
      el.events = [ev('sent', 0), ev('delivered', 1)];
      const event = await changed;
      expect(event.lifecycle.reached).to.equal('delivered');
      expect(event.bubbles && event.composed).to.equal(true);
    });
  });

  it('says "unknown date" once for an event whose time cannot be read', async () => {
    const el = await timeline(html`<status-timeline lang="en" style="width: 720px" .events=${[ev('queued', 0), { ...ev('sent', 1), at: 'not a date' }]}></status-timeline>`);
    const unreadable = rows(el).find((r) => textOf(r).includes('unknown date'))!;
    expect(textOf(unreadable).match(/unknown date/g)).to.have.length(1);
  });

  it('says "unknown date" for a time without a time zone or a rolled-over date, which sorts as the oldest, in French and English', async () => {
    // Both sort first (the order reads times with their zone only); Date.parse would show them as 09:30 and 1 March.
    for (const at of ['2026-11-02T09:30:00', '2026-02-30T09:30:00Z']) {
      for (const [lang, unknown] of [['fr', 'date inconnue'], ['en', 'unknown date']] as const) {
        const el = await timeline(html`<status-timeline lang=${lang} time-zone="UTC" style="width: 720px" .events=${[ev('queued', 0), { ...ev('sent', 1), at }]}></status-timeline>`);
        const last = rows(el).at(-1)!;
        expect(textOf(last.querySelector('[part~="label"]')), at).to.equal(lang === 'fr' ? 'Envoyé' : 'Sent');
        expect(textOf(last.querySelector('[part~="time"]')), at).to.equal(unknown);
      }
    }
  });

  describe('in a right-to-left page', () => {
    it('writes its English or French text left to right, marked with its language, inside an Arabic page', async () => {
      const box = await fixture<HTMLDivElement>(html`<div lang="ar" dir="rtl"><status-timeline .events=${[ev('queued', 0), ev('delivered', 2)]}></status-timeline></div>`);
      const el = box.querySelector<StatusTimelineElement>('status-timeline')!;
      await settle(el);
      const base = root(el).querySelector<HTMLElement>('[part~="base"]')!;
      // No Arabic catalogue: English, said as English and written left to right ("2 events", not "events 2").
      expect(base.lang).to.equal('en');
      expect(getComputedStyle(root(el).querySelector('[part~="summary"]')!).direction).to.equal('ltr');
      expect(textOf(root(el).querySelector('[part~="summary"]'))).to.equal('2 events');
    });

    it('keeps a provider’s left-to-right detail in its own order inside a right-to-left timeline, and a right-to-left one in its own', async () => {
      addMessages('ar', { 'status.soft-bounced.label': 'ارتداد مؤقت' });
      try {
        const events = [
          ev('soft-bounced', 1, { eventId: 'l', detail: { text: '4.2.2 Mailbox full' } }),
          ev('soft-bounced', 2, { eventId: 'r', detail: { text: 'صندوق البريد ممتلئ 4.2.2' } }),
        ];
        const el = await timeline(html`<status-timeline lang="ar" .events=${events}></status-timeline>`);
        expect(getComputedStyle(root(el).querySelector('[part~="base"]')!).direction).to.equal('rtl');
        const detailOf = (index: number) => row(el, index)!.querySelector<HTMLElement>('.field.tail bdi')!;
        // Newest first: the Arabic detail on top. Each is isolated and takes the direction of its first letter.
        expect([detailOf(0).textContent, getComputedStyle(detailOf(0)).direction]).to.deep.equal(['صندوق البريد ممتلئ 4.2.2', 'rtl']);
        expect([detailOf(1).textContent, getComputedStyle(detailOf(1)).direction]).to.deep.equal(['4.2.2 Mailbox full', 'ltr']);
      } finally {
        removeAddedMessages('ar');
      }
    });
  });

  describe('a narrow column', () => {
    const EVENTS = [ev('queued', 0), ev('sent', 1), ev('delivered', 2)];
    /** Whether `inner` lies wholly inside `outer`'s box (nothing of it cut off). */
    const within = (inner: Element, outer: Element) => {
      const a = inner.getBoundingClientRect();
      const b = outer.getBoundingClientRect();
      return a.left >= b.left - 0.5 && a.right <= b.right + 0.5;
    };

    it('shows every stage name whole and each row\'s time whole, the exact time as its title, in 330 px', async () => {
      const el = await timeline(html`<status-timeline lang="fr" style="width: 330px" .events=${EVENTS}></status-timeline>`);
      for (const label of root(el).querySelectorAll<HTMLElement>('.stage-label')) {
        expect(label.scrollWidth, `stage "${label.textContent}" is cut`).to.be.at.most(label.clientWidth);
      }
      for (const r of rows(el)) {
        const time = r.querySelector<HTMLElement>('[part~="time"]')!;
        expect(within(time, r), `time of "${textOf(r.querySelector('[part~="label"]'))}" is cut`).to.equal(true);
        expect(time.textContent).to.match(/^il y a /);
        expect(time.title, 'the exact time').to.match(/2026/);
        expect(time.getAttribute('datetime')).to.match(/^2026-/);
      }
      await expect(el).to.be.accessible();
    });

    it('shows every stage name whole, the current one in bold included, in 288 px (a 320 px screen) in every language', async () => {
      const engaged = [...EVENTS, ev('opened', 3)];
      for (const lang of ['en', 'fr', 'de', 'es', 'it', 'nl']) {
        const el = await timeline(html`<status-timeline lang=${lang} style="width: 288px" .events=${engaged}></status-timeline>`);
        expect(root(el).querySelector('[part~="stage-current"]'), lang).to.exist;
        for (const label of root(el).querySelectorAll<HTMLElement>('.stage-label')) {
          expect(label.scrollWidth, `${lang}: stage "${label.textContent}" is cut`).to.be.at.most(label.clientWidth);
          expect(label.scrollHeight, `${lang}: stage "${label.textContent}" is cut`).to.be.at.most(label.clientHeight);
        }
      }
    });

    // Found by the narrow-box audit: four columns sized to fit the column broke every name mid-word without a hyphen
    // ("Afgele|verd", "Einge|gangen": Chromium has no hyphenation dictionaries on Linux), in every language at 288 px
    // and below, and in German, Spanish, Italian and English at 320 px; at 200 % text, up to 390 px.
    describe('the stage names', () => {
      const zoom = Object.assign(document.createElement('style'), { textContent: 'html { font-size: 200% }' });
      afterEach(() => zoom.remove());

      for (const text of ['100 %', '200 %']) {
        // At 200 % in 200 px (100 px at the default size), a name alone ("Interaction", 150 px) is wider than the
        // room beside the ⓘ: broken there as a last resort, not checked.
        const columns = (text === '100 %' ? [200, 240, 288, 320, 390] : [240, 288, 320, 390]).flatMap((w) => [[w, false], [w, true]] as const);
        for (const lang of ['fr', 'en', 'de', 'es', 'it', 'nl']) {
          it(`stay whole, each on one line, the four on two rows when they do not fit one (${lang}, text at ${text}, ${columns[0]![0]} to 390 px, compact or not)`, async () => {
            if (text === '200 %') document.head.append(zoom);
            const engaged = [...EVENTS, ev('opened', 3)];
            const page = await fixture<HTMLElement>(html`<div lang=${lang}>${columns.map(([width, compact]) => html`<status-timeline ?compact=${compact} style=${`width: ${width}px`} .events=${engaged}></status-timeline>`)}</div>`);
            const timelines = [...page.querySelectorAll<StatusTimelineElement>('status-timeline')];
            for (const el of timelines) await settle(el);
            const broken: string[] = [];
            let twoRows: StatusTimelineElement | undefined;
            for (const [index, el] of timelines.entries()) {
              const [width, compact] = columns[index]!;
              const box = el.getBoundingClientRect();
              const tops = new Set<number>();
              for (const stage of root(el).querySelectorAll<HTMLElement>('[part~="stage"]')) {
                const label = stage.querySelector('.stage-label')!;
                const range = document.createRange();
                range.selectNodeContents(label);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                const rect = stage.getBoundingClientRect();
                tops.add(Math.round(rect.top));
                const where = `${width} px${compact ? ', compact' : ''}: "${label.textContent}"`;
                if (lines.size !== 1) broken.push(`${where} on ${lines.size} lines`);
                if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5) broken.push(`${where} outside the element`);
              }
              if (tops.size > 1) twoRows ??= el;
            }
            expect(broken).to.deep.equal([]);
            expect(twoRows, 'a column where the stages take two rows').to.exist;
            // The stages on two rows, a state of their own.
            if (text === '100 %') await expect(twoRows).to.be.accessible();
          });
        }
      }
    });

    it('keeps each row\'s time whole in 280 px, long labels, marks and fields giving way with an ellipsis', async () => {
      const events = [...stories.softBounceRetried, ...stories.hardBounce, ...stories.deliveredOpenedClicked];
      const el = await timeline(html`<status-timeline lang="fr" style="width: 280px" .events=${events}></status-timeline>`);
      expect(rows(el).length).to.be.greaterThan(3);
      const cutKinds = new Set<string>();
      for (const r of rows(el)) {
        const time = r.querySelector<HTMLElement>('[part~="time"]')!;
        expect(within(time, r), `time of "${textOf(r.querySelector('[part~="label"]'))}" is cut`).to.equal(true);
        expect(time.scrollWidth, 'time text whole').to.be.at.most(time.clientWidth + 1);
        for (const cut of r.querySelectorAll<HTMLElement>('.label, .field, .mark')) {
          if (cut.scrollWidth <= cut.clientWidth + 1) continue;
          cutKinds.add(cut.classList[0]!);
          expect(getComputedStyle(cut).textOverflow, `"${cut.textContent}" cut without an ellipsis`).to.equal('ellipsis');
        }
      }
      // Else the ellipsis checks above checked nothing.
      expect(cutKinds.size, 'something cut at 280 px').to.be.greaterThan(0);
    });

    it('lets the long free text give way before the short fields (provider word, reason, code), in 330 and 390 px', async () => {
      for (const width of [330, 390]) {
        const el = await timeline(html`<status-timeline lang="fr" style=${`width: ${width}px`} .events=${stories.hardBounce}></status-timeline>`);
        const lines = rows(el).map((r) => r.querySelector('.line.second')).filter((line) => line?.querySelector('.field.tail'));
        expect(lines.length, 'a row with a long free text').to.be.greaterThan(0);
        for (const line of lines) {
          const tail = line!.querySelector<HTMLElement>('.field.tail')!;
          expect(tail.scrollWidth, `${width} px: the free text gives way`).to.be.greaterThan(tail.clientWidth);
          // A short field is cut only once the free text is down to its last few letters (3em).
          const fewLetters = 3 * parseFloat(getComputedStyle(tail).fontSize) + 1;
          for (const field of line!.querySelectorAll<HTMLElement>('.field:not(.tail)')) {
            if (field.scrollWidth > field.clientWidth + 1) {
              expect(tail.getBoundingClientRect().width, `${width} px: "${field.textContent}" is cut while the free text is not`).to.be.at.most(fewLetters);
            }
          }
        }
      }
    });

    // Found in the demo's contact panel (720 px): beside a server's long diagnostic, "Brevo : soft_boun… · Boîte plei…
    // · Code : 452 4.…". The free text gave way a thousand times as readily, which still left each short field a
    // tenth of a pixel short of its text: enough for its ellipsis.
    it('shows the short fields whole, without an ellipsis, beside a long free text that gives way, in 720 px', async () => {
      const detail = { code: '452 4.2.2', text: `452-4.2.2 The recipient's inbox is out of storage space. ${'Please direct the recipient to their provider. '.repeat(4)}` };
      const events = [ev('sent', 0, { provider: 'brevo', raw: 'request' }), ev('soft-bounced', 1, { provider: 'brevo', raw: 'soft_bounce', reason: 'mailbox-full', detail })];
      const el = await timeline(html`<status-timeline lang="fr" style="width: 720px" .events=${events}></status-timeline>`);
      const line = row(el, 0)!.querySelector('.line.second')!;
      const tail = line.querySelector<HTMLElement>('.field.tail')!;
      expect(tail.scrollWidth, 'the free text gives way').to.be.greaterThan(tail.clientWidth);
      const fields = [...line.querySelectorAll<HTMLElement>('.field:not(.tail)')];
      expect(fields.map((field) => textOf(field))).to.deep.equal(['Brevo : soft_bounce', 'Boîte pleine', 'Code : 452 4.2.2']);
      for (const field of fields) {
        // The text's own width (a range measures the glyphs, not the box that clips them) against its box's.
        const range = document.createRange();
        range.selectNodeContents(field);
        expect(range.getBoundingClientRect().width, `"${textOf(field)}" is cut`).to.be.at.most(field.getBoundingClientRect().width);
      }
    });

    it('gives way with its marks before its label, and lets short fields use the room of their line, in 360 and 390 px', async () => {
      const events = [...stories.deliveredOpenedClicked, ...stories.hardBounce.map((e) => ({ ...e, messageId: 'm-100' }))];
      for (const width of [360, 390]) {
        const el = await timeline(html`<status-timeline lang="fr" style=${`width: ${width}px`} .events=${events}></status-timeline>`);
        let marks = 0;
        for (const r of rows(el)) {
          const label = r.querySelector<HTMLElement>('[part~="label"]')!;
          for (const mark of r.querySelectorAll<HTMLElement>('[part~="mark"]')) {
            marks++;
            const firstLetters = parseFloat(getComputedStyle(mark).minWidth) + 1;
            if (label.scrollWidth > label.clientWidth + 1) {
              expect(mark.getBoundingClientRect().width, `${width} px: "${label.textContent}" is cut while its mark "${mark.textContent}" is not`).to.be.at.most(firstLetters);
            }
          }
          for (const line of r.querySelectorAll<HTMLElement>('.line.second')) {
            const used = [...line.children].reduce((sum, child) => sum + child.getBoundingClientRect().width, 0);
            const free = line.clientWidth - used;
            for (const field of line.querySelectorAll<HTMLElement>('.field')) {
              if (field.scrollWidth > field.clientWidth + 1) expect(free, `${width} px: "${field.textContent}" is cut with room left on its line`).to.be.lessThan(2);
            }
          }
        }
        expect(marks, 'an automatic open carries a mark').to.be.greaterThan(0);
      }
    });

    // Seen side by side in three browsers (Storybook, 360 px): "Ouv… (Automatiq…)". The mark gave way a thousand times
    // as readily as the label, which still took a few hundredths of a pixel from "Ouvert": enough for its ellipsis,
    // which the checks above (scrollWidth, whole pixels) do not see.
    it('shows a short label whole beside a mark that gives way, from 360 to 560 px', async () => {
      let shrunk = 0;
      for (const width of [360, 390, 440, 480, 560]) {
        const el = await timeline(html`<status-timeline lang="fr" style=${`width: ${width}px`} .events=${stories.deliveredOpenedClicked}></status-timeline>`);
        for (const r of rows(el)) {
          const mark = r.querySelector<HTMLElement>('[part~="mark"]');
          if (!mark || mark.scrollWidth <= mark.clientWidth) continue;
          shrunk++;
          const label = r.querySelector<HTMLElement>('[part~="label"]')!;
          // The text's own width (a range measures the glyphs, not the box that clips them) against its box's.
          const range = document.createRange();
          range.selectNodeContents(label);
          expect(range.getBoundingClientRect().width, `${width} px: "${textOf(label)}" is cut while its mark gives way`).to.be.at.most(label.getBoundingClientRect().width);
        }
      }
      // Else the test checked nothing: the mark has room at every width.
      expect(shrunk, 'a mark that gives way').to.be.greaterThan(0);
    });

    it('shows the exact and the relative time side by side when there is room', async () => {
      const el = await timeline(html`<status-timeline lang="fr" style="width: 720px" .events=${EVENTS}></status-timeline>`);
      const r = rows(el)[0]!;
      expect(textOf(r.querySelector('[part~="time"]'))).to.match(/2026/);
      expect(textOf(r.querySelector('.relative'))).to.match(/^il y a /);
      for (const label of root(el).querySelectorAll<HTMLElement>('.stage-label')) expect(label.scrollWidth).to.be.at.most(label.clientWidth);
    });

    // Found by the reflow audit: just wider than the narrow layout's 30em, a long French label and the two times did
    // not fit the line, and its end, "il y a 24 jours" (and with a page's letter-spacing, the exact time too), was cut off.
    for (const [width, spacing] of [[440, ''], [440, 'letter-spacing: 0.12em; word-spacing: 0.16em'], [520, 'letter-spacing: 0.12em; word-spacing: 0.16em']] as const) {
      it(`keeps each row's exact time whole in ${width} px${spacing ? ' with wider text spacing' : ''}, the relative time shown whole or not at all`, async () => {
        const events = [ev('queued', 0), ev('sent', 1), ev('soft-bounced', 2, { reason: 'mailbox-full' }), ev('delivered', 3)];
        const el = await timeline(html`<status-timeline lang="fr" style=${`width: ${width}px; ${spacing}`} .events=${events}></status-timeline>`);
        const times = rows(el).map((r) => [r, r.querySelector<HTMLElement>('[part~="time"]')!, r.querySelector<HTMLElement>('.relative')] as const);
        expect(times.length).to.equal(4);
        let hidden = 0;
        for (const [r, time, relative] of times) {
          const line = r.querySelector('.line.first')!;
          const label = textOf(r.querySelector('[part~="label"]'));
          expect(time.textContent, 'the exact time, in the wide layout').to.match(/2026/);
          expect(within(time, line), `"${label}": its time is cut`).to.equal(true);
          const shown = relative!.getBoundingClientRect();
          const group = relative!.parentElement!.getBoundingClientRect();
          const whole = within(relative!, line) && shown.top >= group.top - 0.5 && shown.bottom <= group.bottom + 0.5;
          const gone = shown.top >= group.bottom - 0.5;
          expect(whole || gone, `"${label}": its relative time is cut (${JSON.stringify(shown)} in ${JSON.stringify(group)})`).to.equal(true);
          if (gone) hidden++;
          // The label gives way last, with an ellipsis.
          const labelBox = r.querySelector<HTMLElement>('[part~="label"]')!;
          if (labelBox.scrollWidth > labelBox.clientWidth + 1) {
            expect(gone, `"${label}" is cut while its relative time is shown`).to.equal(true);
            expect(getComputedStyle(labelBox).textOverflow).to.equal('ellipsis');
          }
        }
        // Else the test above checked nothing: the long labels leave no room for it.
        expect(hidden, 'rows without room for the relative time').to.be.greaterThan(0);
      });
    }

    // Found by the reflow audit: above the narrow layout, the short fields never shrank; with a reader's text spacing,
    // a bounce's provider word, reason and code (40% each at most) no longer fitted, and the code ran past the line's
    // end, cut without an ellipsis.
    it('keeps every field of the second line inside it with wider text spacing, in 440 and 520 px', async () => {
      const bounce = ev('soft-bounced', 2, { provider: 'mailjet', raw: 'softbounced', reason: 'mailbox-full', detail: { code: '452 4.2.2', text: 'Mailbox full: quota exceeded, retry later' } });
      for (const width of [440, 520]) {
        for (const lang of ['en', 'fr', 'de']) {
          const el = await timeline(html`<status-timeline lang=${lang} style=${`width: ${width}px; letter-spacing: 0.12em; word-spacing: 0.16em`} .events=${[ev('queued', 0), bounce]}></status-timeline>`);
          const line = root(el).querySelector<HTMLElement>('.line.second')!;
          const tail = line.querySelector<HTMLElement>('.field.tail')!;
          const fewLetters = 3 * parseFloat(getComputedStyle(tail).fontSize) + 1;
          for (const part of line.children) {
            expect(within(part, line), `${width} px, ${lang}: "${part.textContent}" runs past its line`).to.equal(true);
            if (part.scrollWidth <= part.clientWidth + 1) continue;
            expect(getComputedStyle(part).textOverflow, `${width} px, ${lang}: "${part.textContent}" cut without an ellipsis`).to.equal('ellipsis');
            // The free text first: a short field is cut only once it is down to its last letters.
            if (part !== tail) expect(tail.getBoundingClientRect().width, `${width} px, ${lang}: "${part.textContent}" is cut while the free text is not`).to.be.at.most(fewLetters);
          }
        }
      }
    });

    it('switches when its column narrows or widens', async () => {
      const el = await timeline(html`<status-timeline lang="en" style="width: 720px" .events=${EVENTS}></status-timeline>`);
      const exactShown = () => /2026/.test(textOf(rows(el)[0]!.querySelector('[part~="time"]')));
      expect(exactShown(), 'wide').to.equal(true);
      el.style.width = '300px';
      await settle(el);
      expect(exactShown(), 'narrow').to.equal(false);
      expect(textOf(rows(el)[0]!.querySelector('[part~="time"]'))).to.match(/ago$/);
      el.style.width = '720px';
      await settle(el);
      expect(exactShown(), 'wide again').to.equal(true);
    });
  });

  describe('what an event means, in its details', () => {
    it('explains an SMS event in the words of SMS, and an email event in those of email', async () => {
      for (const [channel, meaning] of [['sms', 'The message reached the recipient’s phone, as reported by the mobile carrier.'], ['email', 'The recipient’s mail server accepted the message.']] as const) {
        const el = await timeline(html`<status-timeline lang="en" .events=${[ev('sent', 0, { channel }), ev('delivered', 3, { channel })]}></status-timeline>`);
        rows(el)[0]!.click();
        await settle(el);
        const details = textOf(root(el).querySelector('[part~="details"]'));
        expect(details, channel).to.include(meaning);
        if (channel === 'sms') expect(details).not.to.match(/mail/i);
      }
    });
  });

  describe('approximate times', () => {
    it('marks a time the provider did not give exactly, says why, and says "approximate" to screen readers', async () => {
      const events = [ev('sent', 0), ev('delivered', 3, { timeBasis: 'received' })];
      const el = await timeline(html`<status-timeline lang="fr" .events=${events}></status-timeline>`);
      const [delivered, sent] = rows(el);
      const approx = delivered!.querySelector('[part~="time"] .approx')!;
      expect(textOf(approx.querySelector('[aria-hidden="true"]'))).to.equal('≈');
      expect(textOf(approx.querySelector('.visually-hidden'))).to.equal('heure approximative');
      expect(approx.getAttribute('title')).to.match(/ne donne pas d’heure/);
      expect(sent!.querySelector('.approx'), 'an exact time is not marked').to.equal(null);
      delivered!.click();
      await settle(el);
      expect(textOf(root(el).querySelector('[part~="details"]'))).to.include('c’est celle où nous l’avons appris, par sa notification ou en demandant le statut');
      await expect(el).to.be.accessible();
    });

    it('keeps the basis of events read from the REST contract, and ignores one it does not know', async () => {
      const { parseCanonicalEvent } = await import('../../src/data/validate.js');
      const base = { provider: 'twilio', channel: 'sms', messageId: 'm-1', type: 'delivered', at: '2026-11-02T09:00:00.000Z', raw: 'delivered' };
      expect(parseCanonicalEvent({ ...base, timeBasis: 'assumed-utc' }).timeBasis).to.equal('assumed-utc');
      expect(parseCanonicalEvent({ ...base, timeBasis: 'carrier-guess' })).to.not.have.property('timeBasis');
    });
  });

  describe('the marks on a row (≈, ×2, automatic, bounced after delivery) and its exact time: nothing on hover only', () => {
    // Newest first: a bounce after the delivery, an automatic open reported twice, a delivery the provider gave no
    // time for, the sending.
    const EVENTS = [
      ev('sent', 0),
      ev('delivered', 1, { timeBasis: 'received' }),
      ev('opened', 2, { automated: true, eventId: 'o-1' }),
      ev('opened', 2, { automated: true, eventId: 'o-1' }),
      ev('hard-bounced', 50),
    ];
    const APPROX = 'The provider gives no time: this is when we heard of it, from its notification or by asking for the status.';
    const TWICE = 'The provider reported this event 2 times';
    const AUTOMATIC = 'Automatic: most likely a privacy feature or a security scanner, not a person.';
    const BOUNCED_AFTER = 'Bounced after delivery: the recipient’s server first accepted the message, then sent it back.';
    /** What each row's details say (row by row, newest first): its marks' long texts and its exact time. */
    const SAID = [
      [BOUNCED_AFTER, 'Monday, November 2, 2026 at 9:50:00 AM'],
      [TWICE, AUTOMATIC, 'Monday, November 2, 2026 at 9:02:00 AM'],
      [APPROX, 'Monday, November 2, 2026 at 9:01:00 AM'],
      ['Monday, November 2, 2026 at 9:00:00 AM'],
    ];
    const details = (el: StatusTimelineElement) => textOf(root(el).querySelector('[part~="details"]'));

    for (const [layout, style, compact] of [['a narrow column', 'width: 300px', false], ['compact rows', 'width: 720px', true]] as const) {
      it(`says every mark's meaning and the exact time in the details of the row the keyboard reaches (${layout})`, async () => {
        const page = await fixture<HTMLElement>(html`<div lang="en"><button>before</button>
          <status-timeline time-zone="UTC" style=${style} ?compact=${compact} .events=${EVENTS}></status-timeline></div>`);
        const el = page.querySelector('status-timeline')!;
        await settle(el);
        page.querySelector('button')!.focus();
        await sendKeys({ press: 'Tab' }); // the stages' ⓘ
        await sendKeys({ press: 'Tab' }); // the list
        for (const [i, said] of SAID.entries()) {
          if (i > 0) await sendKeys({ press: 'ArrowDown' });
          await settle(el);
          expect(focusedIndex(el)).to.equal(String(i));
          for (const words of said) expect(details(el), `row ${i}`).to.include(words);
          await expect(el).to.be.accessible();
        }
      });
    }

    it('says a campaign action reported twice in its details', async () => {
      const el = await timeline(html`<status-timeline lang="en" .history=${[entry('created', -60), entry('started', -30), entry('started', -30)]}></status-timeline>`);
      expect(textOf(row(el, 0)!.querySelector('[part~="mark"]'))).to.include('×2');
      row(el, 0)!.focus();
      await settle(el);
      expect(textOf(root(el).querySelector('.detail-title'))).to.equal(`Sending started — ${TWICE}`);
      await expect(el).to.be.accessible();
    });

    // The hover titles stay for a mouse where they add to what a screen reader hears, never to repeat it: each
    // mark's title used to be its description in Chromium ("Bounced after delivery", then "Bounced after delivery:
    // the recipient’s server…"; the count's twice over).
    itWithDevTools('gives screen readers each row\'s marks in its name, once, and describes nothing with what a name says', async () => {
      await timeline(html`<status-timeline lang="en" time-zone="UTC" style="width: 300px" .events=${EVENTS}></status-timeline>`);
      const names = [
        'Hard bounce Bounced after delivery 10 minutes ago test: hard-bounced',
        `Opened ${TWICE} Automatic, not a person 58 minutes ago test: opened`,
        'Delivered approximate time\u00a059 minutes ago test: delivered', // a no-break space: a plain one was lost
        'Sent 1 hour ago test: sent',
      ];
      for (const name of names) expect(await accessibleDescriptions(name), name).to.deep.equal(['']);
      for (const text of [TWICE, AUTOMATIC, BOUNCED_AFTER]) expect(await describedAs(text), text).to.deep.equal([]);
      // A mouse's convenience that a screen reader may read after the row's words: the time's basis, the exact time.
      expect(await describedAs(APPROX)).to.deep.equal(['generic ""']);
      expect(await describedAs('Nov 2, 2026, 9:01:00 AM')).to.deep.equal(['time ""']);
    });
  });

  describe('row layout', () => {
    const middle = (node: Element): number => {
      const box = node.getBoundingClientRect();
      return box.top + box.height / 2;
    };

    it('centres the label beside its icon when the row has no second line, and puts it above the centre when it has one', async () => {
      const bare = (type: CanonicalEvent['type'], minute: number) => ev(type, minute, { provider: undefined, raw: undefined });
      const el = await timeline(html`<status-timeline lang="en" .events=${[bare('queued', 0), bare('delivered', 2), ev('opened', 5)]}></status-timeline>`);
      for (const r of rows(el)) {
        const label = r.querySelector('[part~="label"]')!;
        const offset = middle(label) - middle(r.querySelector('[part~="icon-box"]')!);
        if (textOf(r.querySelector('.line.second'))) expect(offset, `"${textOf(label)}" is on the first of two lines`).to.be.below(-4);
        else expect(Math.abs(offset), `"${textOf(label)}" alone on its row, off the icon's centre`).to.be.at.most(2);
      }
      expect(rows(el).filter((r) => !textOf(r.querySelector('.line.second'))).length, 'rows without a second line').to.equal(2);
    });

    // Seen side by side in three browsers (Storybook): under the last row, its own separator and the box's border made
    // a line twice as thick as every other, at the end of a short list and of a long one scrolled to its end.
    for (const [name, events, end] of [['a short list', stories.deliveredOpenedClicked, false], ['a long list scrolled to its end', stories.longHistory(40), true]] as const) {
      it(`draws one line, 1 px, between its rows and along each edge of its box: ${name}`, async () => {
        const el = await timeline(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
        const box = scroller(el);
        if (end) await scrollList(el, box.scrollHeight);
        const width = (node: Element, side: 'top' | 'bottom'): number => parseFloat(getComputedStyle(node).getPropertyValue(`border-${side}-width`));
        const inside = box.getBoundingClientRect();
        // The rows in sight, top to bottom (the one holding the tab stop stays in the DOM, out of sight).
        const shown = rows(el)
          .filter((r) => r.getBoundingClientRect().bottom > inside.top && r.getBoundingClientRect().top < inside.bottom)
          .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
        const first = shown[0]!;
        const last = shown.at(-1)!;
        if (!end) expect(width(box, 'top') + width(first, 'top'), 'lines along the top').to.equal(1);
        expect(Math.abs(last.getBoundingClientRect().bottom - (inside.bottom - width(box, 'bottom'))), 'the last row at the bottom of the box').to.be.below(0.5);
        expect(width(box, 'bottom') + width(last, 'bottom'), 'lines along the bottom').to.equal(1);
        for (const [index, r] of shown.entries()) {
          if (index > 0) expect(width(shown[index - 1]!, 'bottom') + width(r, 'top'), `lines above row ${r.dataset.index}`).to.equal(1);
        }
      });
    }
  });

  describe('links', () => {
    it('writes URLs left to right in a right-to-left language, links and unsafe text alike', async () => {
      addMessages('ar', { 'timeline.title': 'السجل' });
      try {
        const el = await timeline(html`<status-timeline lang="ar" .events=${stories.unsafeLink}></status-timeline>`);
        const urls = [...root(el).querySelectorAll<HTMLElement>('.url')];
        expect(urls.length, 'a link and an unsafe URL').to.be.at.least(2);
        expect(getComputedStyle(urls[0]!.closest('[part~="row"]')!).direction).to.equal('rtl');
        for (const url of urls) {
          expect(getComputedStyle(url).direction, url.textContent!).to.equal('ltr');
          expect(getComputedStyle(url).unicodeBidi, url.textContent!).to.equal('isolate');
        }
      } finally {
        removeAddedMessages('ar');
      }
    });

    it('never turns a javascript: URL into a link, in the row nor in the details', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.unsafeLink}></status-timeline>`);
      // Newest first: mailto click (0), javascript click (1), delivered (2).
      const unsafe = row(el, 1)!;
      expect(unsafe.querySelector('a')).to.equal(null);
      expect(textOf(unsafe.querySelector('.url'))).to.equal('javascript:alert(document.cookie)');
      unsafe.click();
      await el.updateComplete;
      const details = root(el).querySelector('[part~="details"]')!;
      expect(textOf(details)).to.contain('Link clicked: javascript:alert(document.cookie)');
      expect(details.querySelector('a')).to.equal(null);
      expect(root(el).querySelectorAll('a[href^="javascript"]').length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('leaves a URL\'s user name and password out, in the row and in the link, so its real host is what reads first', async () => {
      const clicked = ev('clicked', 3, { eventId: 'c', detail: { url: 'https://www.bank.example:secret@evil.example/login' } });
      const el = await timeline(html`<status-timeline lang="en" .events=${[ev('delivered', 2, { eventId: 'd' }), clicked]}></status-timeline>`);
      expect(textOf(row(el, 0)!.querySelector('.url'))).to.equal('https://evil.example/login');
      row(el, 0)!.click();
      await el.updateComplete;
      const link = root(el).querySelector<HTMLAnchorElement>('[part~="details"] a')!;
      expect(link.getAttribute('href')).to.equal('https://evil.example/login');
      expect(link.textContent).to.equal('https://evil.example/login');
      expect(root(el).textContent).not.to.contain('bank.example').and.not.to.contain('secret');
    });

    it('links http(s) and mailto URLs in the selected entry\'s details, showing the full URL; the entry shows it as text', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
      const url = 'https://shop.example.com/offers/november?utm_source=newsletter&utm_medium=email';
      // An option of a listbox holds no control: the row shows the URL, the details link it.
      expect(row(el, 0)!.querySelector('a')).to.equal(null);
      expect(textOf(row(el, 0)!.querySelector('.url'))).to.equal(url);
      row(el, 0)!.click();
      await el.updateComplete;
      const link = root(el).querySelector('[part~="details"] a')!;
      expect(link.getAttribute('href')).to.equal(url);
      expect(link.textContent).to.equal(url);
      expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(link.getAttribute('target')).to.equal('_blank');
      expect(link.hasAttribute('tabindex')).to.equal(false);

      const mail = await timeline(html`<status-timeline lang="en" .events=${stories.unsafeLink}></status-timeline>`);
      row(mail, 0)!.click();
      await mail.updateComplete;
      expect(root(mail).querySelector('[part~="details"] a')!.getAttribute('href')).to.equal('mailto:support@example.com');
    });
  });

  describe('a long history', () => {
    it('renders 10,000 events with a bounded number of rows', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.longHistory()}></status-timeline>`);
      expect(scroller(el).clientHeight).to.be.at.most(600);
      expect(rows(el).length).to.be.at.most(70);
      expect(row(el, 0)!.getAttribute('aria-setsize')).to.equal('10000');
      expect(row(el, 0)!.getAttribute('aria-posinset')).to.equal('1');
      const h = row(el, 0)!.offsetHeight;
      await scrollList(el, 5000 * h);
      expect(rows(el).length).to.be.at.most(70);
      expect(row(el, 5000)).to.not.equal(undefined);
      await expect(el).to.be.accessible();
    });

    it('keeps the view still when a live event arrives above it, and offers to jump to the latest', async () => {
      const { source, push } = fakeSource({ events: { '': { events: stories.longHistory(1000).map((e) => ({ ...e, messageId: 'm-1' })) } } });
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      const h = row(el, 0)!.offsetHeight;
      await scrollList(el, 500 * h);
      const before = textOf(row(el, 500));
      push({ type: 'message-event', event: ev('clicked', 100_000, { eventId: 'live-1' }) });
      await settle(el);
      expect(scroller(el).scrollTop).to.equal(501 * h);
      expect(textOf(row(el, 501))).to.equal(before);
      const jump = root(el).querySelector<HTMLButtonElement>('[part~="jump-latest"]')!;
      expect(textOf(jump)).to.equal('Jump to the latest (1 new event)');
      await expect(el).to.be.accessible();

      jump.click();
      await settle(el);
      expect(scroller(el).scrollTop).to.equal(0);
      expect(focusedIndex(el)).to.equal('0');
      expect(labels(el)[0]).to.equal('Clicked');
      expect(root(el).querySelector('[part~="jump-latest"]')).to.equal(null);
    });

    it('shows a live event at the top when the view is at the latest', async () => {
      const { source, push } = fakeSource({ events: { '': { events: [ev('queued', 0), ev('sent', 1)] } } });
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      push({ type: 'message-event', event: ev('delivered', 2) });
      await settle(el);
      expect(labels(el)).to.deep.equal(['Delivered', 'Sent', 'Queued']);
      expect(scroller(el).scrollTop).to.equal(0);
      expect(root(el).querySelector('[part~="jump-latest"]')).to.equal(null);
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'current', 'upcoming']);
    });

    it('starts at the latest when oldest first, follows it, and keeps still when scrolled back', async () => {
      const { source, push } = fakeSource({ events: { '': { events: stories.longHistory(1000).map((e) => ({ ...e, messageId: 'm-1' })) } } });
      const el = await timeline(html`<status-timeline lang="en" order="oldest-first" message-id="m-1" .source=${source}></status-timeline>`);
      const box = scroller(el);
      expect(box.scrollTop + box.clientHeight).to.equal(box.scrollHeight);
      push({ type: 'message-event', event: ev('replied', 100_000, { eventId: 'live-1' }) });
      await settle(el);
      expect(box.scrollTop + box.clientHeight).to.equal(box.scrollHeight);
      expect(labels(el).at(-1)).to.equal('Replied');

      const h = row(el, 0)!.offsetHeight;
      await scrollList(el, 100 * h);
      const before = textOf(row(el, 100));
      // Arrives late but happened early: it lands above the view, which must not move.
      push({ type: 'message-event', event: ev('sent', 0, { eventId: 'late-1', at: '2026-11-02T08:59:00.000Z' }) });
      await settle(el);
      expect(box.scrollTop).to.equal(101 * h);
      expect(textOf(row(el, 101))).to.equal(before);
      expect(labels(el)[0]).to.equal('Sent');
      expect(textOf(root(el).querySelector('[part~="jump-latest"]'))).to.equal('Jump to the latest (1 new event)');
    });

    it('takes the stage from a live status when it is more recent than the events', async () => {
      const { source, push } = fakeSource({ events: { '': { events: [ev('queued', 0), ev('sent', 1)] } } });
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(stageStates(el)).to.deep.equal(['done', 'current', 'upcoming', 'upcoming']);
      push({
        type: 'message-status',
        status: {
          messageId: 'm-1',
          channel: 'email',
          delivery: 'hard-bounced',
          display: 'hard-bounced',
          engagement: {},
          updatedAt: '2026-11-02T09:30:00.000Z',
          settled: true,
        },
      });
      await settle(el);
      expect(stageStates(el)).to.deep.equal(['done', 'done', 'stopped', 'upcoming']);
    });

    it('does not count an event loaded both live and in a page as a duplicate', async () => {
      const page = { events: [ev('queued', 0, { eventId: 'a' })] };
      const { source, push, state } = fakeSource({ events: { '': page } });
      const gate = deferred();
      state.gate = gate.promise;
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      push({ type: 'message-event', event: ev('queued', 0, { eventId: 'a' }) });
      gate.resolve();
      await settle(el);
      expect(labels(el)).to.deep.equal(['Queued']);
      expect(row(el, 0)!.querySelector('[part~="mark"]')).to.equal(null);
    });

    it('moves through the list with the keyboard, even to rows not rendered yet', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.longHistory()}></status-timeline>`);
      const first = row(el, 0)!;
      expect(first.tabIndex).to.equal(0);
      expect(rows(el).filter((r) => r.tabIndex === 0).length).to.equal(1);
      first.focus();
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(focusedIndex(el)).to.equal('1');
      await sendKeys({ press: 'End' });
      await settle(el);
      expect(focusedIndex(el)).to.equal('9999');
      const last = row(el, 9999)!;
      const box = scroller(el).getBoundingClientRect();
      const rect = last.getBoundingClientRect();
      expect(rect.top).to.be.at.least(box.top - 1);
      expect(rect.bottom).to.be.at.most(box.bottom + 1);
      expect(rows(el).length).to.be.at.most(70);
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(focusedIndex(el)).to.equal('9998');
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(focusedIndex(el)).to.equal('0');
      expect(scroller(el).scrollTop).to.equal(0);
      await sendKeys({ press: 'PageDown' });
      await settle(el);
      expect(Number(focusedIndex(el))).to.be.greaterThan(5);
    });

    it('scrollToIndex() brings an entry drawn nowhere yet into view, and clamps an index out of range', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.longHistory()}></status-timeline>`);
      const box = () => scroller(el).getBoundingClientRect();
      const inView = (index: number) => {
        const r = row(el, index)?.getBoundingClientRect();
        return r !== undefined && r.top >= box().top - 1 && r.bottom <= box().bottom + 1;
      };
      expect(row(el, 5000), 'not drawn before').to.equal(undefined);
      el.scrollToIndex(5000);
      await settle(el);
      expect(inView(5000)).to.equal(true);
      el.scrollToIndex(1e9);
      await settle(el);
      expect(inView(9999)).to.equal(true);
      el.scrollToIndex(-3);
      await settle(el);
      expect(inView(0)).to.equal(true);
    });

    it('is a listbox of options that say their place among every entry, the selected one aria-selected', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.longHistory()}></status-timeline>`);
      const list = root(el).querySelector('[part~="list"]')!;
      // A composite widget: screen readers leave their browse mode in it, so arrow keys reach entries not drawn yet.
      expect(list.getAttribute('role')).to.equal('listbox');
      expect(rows(el).every((r) => r.getAttribute('role') === 'option' && r.getAttribute('aria-setsize') === '10000')).to.equal(true);
      expect(row(el, 0)!.getAttribute('aria-posinset')).to.equal('1');
      expect(rows(el).filter((r) => r.getAttribute('aria-selected') === 'true')).to.have.length(0);
      row(el, 0)!.focus();
      await sendKeys({ press: 'End' });
      await settle(el);
      await sendKeys({ press: ' ' });
      await settle(el);
      expect(row(el, 9999)!.getAttribute('aria-posinset')).to.equal('10000');
      expect(rows(el).filter((r) => r.getAttribute('aria-selected') === 'true').map((r) => r.dataset.index)).to.deep.equal(['9999']);
      // Shown by more than the focus ring, which leaves with the focus: a bar in the accent color on its start edge.
      el.style.setProperty('--estafette-timeline-accent', 'rgb(1, 2, 3)');
      expect(getComputedStyle(row(el, 9999)!).boxShadow).to.equal('rgb(1, 2, 3) 3px 0px 0px 0px inset');
      expect(rows(el).filter((r) => getComputedStyle(r).boxShadow !== 'none').map((r) => r.dataset.index)).to.deep.equal(['9999']);
      // The selected entry points at its details, shown outside the list.
      const details = root(el).getElementById(row(el, 9999)!.getAttribute('aria-details') ?? '');
      expect(details?.matches('[part~="details"]')).to.equal(true);
      expect(rows(el).filter((r) => r.hasAttribute('aria-details')).length).to.equal(1);
      // No control inside an option: nothing in the rows is focusable but the rows themselves.
      expect(rows(el).flatMap((r) => [...r.querySelectorAll('a, button, input, [tabindex]')])).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('keeps keyboard focus in the list when the entries it was on are replaced', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.deliveredOpenedClicked}></status-timeline>`);
      row(el, 0)!.focus();
      el.events = stories.hardBounce;
      await settle(el);
      // The focused row went with its events: the list's tab stop takes the focus, not the page.
      expect(focusedIndex(el)).to.equal('0');
      expect(labels(el)[0]).to.equal('Hard bounce');
    });

    it('keeps the focused row in the DOM when the list scrolls away from it', async () => {
      const el = await timeline(html`<status-timeline lang="en" .events=${stories.longHistory()}></status-timeline>`);
      row(el, 0)!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      await scrollList(el, 200_000);
      expect(row(el, 1)).to.not.equal(undefined);
      expect(focusedIndex(el)).to.equal('1');
    });

    it('shows the selected entry in full and tells the page', async () => {
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" .events=${stories.hardBounce}></status-timeline>`);
      const selected = oneEvent(el, EntrySelectEvent.eventName) as Promise<EntrySelectEvent>;
      row(el, 0)!.click();
      const event = await selected;
      expect((event.entry as CanonicalEvent).type).to.equal('hard-bounced');
      expect(event.count).to.equal(1);
      await el.updateComplete;
      const details = root(el).querySelector('[part~="details"]')!;
      expect(textOf(details)).to.contain('Reason: Invalid address or number — The address or phone number does not exist, is misspelled or badly formatted.');
      expect(textOf(details)).to.contain('Code: 550 5.1.1');
      expect(textOf(details)).to.contain('Details: The email account that you tried to reach does not exist.');
      await expect(el).to.be.accessible();
    });
  });

  describe('loading through a data source', () => {
    it('shows loading, then the events', async () => {
      const { source, state } = fakeSource({ events: { '': { events: [ev('queued', 0), ev('sent', 1)] } } });
      const gate = deferred();
      state.gate = gate.promise;
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(textOf(root(el).querySelector('[part~="status"]'))).to.equal('Loading the history…');
      await expect(el).to.be.accessible();
      gate.resolve();
      await settle(el);
      expect(labels(el)).to.deep.equal(['Sent', 'Queued']);
      expect(root(el).querySelector('[part~="status"]')).to.equal(null);
    });

    it('says when there is nothing yet', async () => {
      const { source } = fakeSource();
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(textOf(root(el).querySelector('[part~="status"]'))).to.equal('No events yet.');
      await expect(el).to.be.accessible();
    });

    it('says "No events yet." in the status region that said it was loading, so that screen readers hear it', async () => {
      const { source, state } = fakeSource();
      const gate = deferred();
      state.gate = gate.promise;
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      const region = root(el).querySelector('[role="status"]');
      expect(textOf(region)).to.equal('Loading the history…');
      gate.resolve();
      await settle(el);
      // The same live region, its text changed: a region inserted already filled would not be read out.
      expect(root(el).querySelector('[role="status"]')).to.equal(region);
      expect(textOf(region)).to.equal('No events yet.');
    });

    it('shows an error with a retry that works', async () => {
      const { source, state, requests } = fakeSource({ events: { '': { events: [ev('delivered', 0)] } } });
      state.failures = 1;
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      const error = root(el).querySelector('[part~="error"]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(textOf(error.querySelector('span'))).to.equal('Couldn’t load the history: the server is unreachable');
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settle(el);
      expect(labels(el)).to.deep.equal(['Delivered']);
      expect(requests.length).to.equal(2);
    });

    it('draws its error as <campaign-stats> draws one: the same tinted box, the text in the text color, an icon beside it and on its retry', async () => {
      const down = async () => {
        throw new DataSourceError('503 Service Unavailable', { kind: 'http', status: 503, retryable: true });
      };
      const source: StatusDataSource = { getMessages: down, getMessageEvents: down, getCampaignStats: down, getCampaignHistory: down, timeout: 0 };
      for (const scheme of ['light', 'dark']) {
        const page = await fixture<HTMLElement>(html`<div lang="en" style="color-scheme: ${scheme}">
          <campaign-stats campaign-id="c-1" .source=${source}></campaign-stats>
          <status-timeline message-id="m-1" .source=${source}></status-timeline>
        </div>`);
        const [stats, el] = [page.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> }, page.lastElementChild as StatusTimelineElement];
        await until(() => !!stats.shadowRoot!.querySelector('.error') && !!root(el).querySelector('[part~="error"]'), 3_000, 'both errors');
        await settle(el);
        const looks = (box: Element) => {
          const [boxStyle, text, icon, button] = [
            getComputedStyle(box),
            getComputedStyle([...box.querySelectorAll('span')].find((s) => s.textContent!.includes('503'))!),
            box.querySelector('svg'),
            box.querySelector('button'),
          ];
          return {
            background: boxStyle.backgroundColor,
            border: `${boxStyle.borderTopWidth} ${boxStyle.borderTopStyle} ${boxStyle.borderTopColor}`,
            padding: boxStyle.padding,
            text: text.color,
            icon: icon && `${icon.getAttribute('aria-hidden')} ${getComputedStyle(icon).width} ${getComputedStyle(icon).color}`,
            retryIcon: !!button?.querySelector('svg[aria-hidden="true"]'),
            retryBorder: button && getComputedStyle(button).borderTopColor,
          };
        };
        const statsLooks = looks(stats.shadowRoot!.querySelector('.error')!);
        expect(statsLooks.background, `${scheme}: a tinted box`).not.to.equal(getComputedStyle(stats).backgroundColor);
        expect(looks(root(el).querySelector('[part~="error"]')!), scheme).to.deep.equal(statsLooks);
        await expect(el).to.be.accessible();
      }
    });

    it('keeps its error on screen while it tries again, instead of flickering to "loading" at each attempt', async () => {
      const { source, state } = fakeSource({ events: { '': { events: [ev('delivered', 0)] } } });
      state.failures = 2;
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(root(el).querySelector('[part~="error"]'), 'the first failure').to.exist;
      let open!: () => void;
      state.gate = new Promise<void>((resolve) => (open = resolve));
      root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settle(el);
      expect(root(el).querySelector('[part~="error"]'), 'still the error while the attempt runs').to.exist;
      expect(textOf(root(el).querySelector('[part~="status"]')), 'not "loading"').to.not.include('Loading');
      open();
      await settle(el);
      expect(root(el).querySelector('[part~="error"]'), 'the second failure').to.exist;
      state.gate = undefined;
      root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settle(el);
      expect(labels(el)).to.deep.equal(['Delivered']);
      expect(root(el).querySelector('[part~="error"]')).to.equal(null);
    });

    it('says no campaign was found for an unknown campaign id (a 404), with no retry', async () => {
      const source = new StaticDataSource({});
      const el = await timeline(html`<status-timeline lang="fr" campaign-id="nope" .source=${source}></status-timeline>`);
      expect(textOf(root(el).querySelector('[part~="error"]'))).to.equal('Aucune campagne trouvée avec cet identifiant.');
      expect(root(el).querySelector('[part~="retry"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says so when no data source is set up', async () => {
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1"></status-timeline>`);
      expect(textOf(root(el).querySelector('[part~="error"]'))).to.equal('Data unavailable: no data source is connected.');
      await expect(el).to.be.accessible();
    });

    it('loads the next page with the cursor', async () => {
      const { source, requests } = fakeSource({
        events: {
          '': { events: [ev('delivered', 2), ev('opened', 9)], nextCursor: 'p2' },
          p2: { events: [ev('queued', 0), ev('sent', 1)] },
        },
      });
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Opened', 'Delivered']);
      const more = root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!;
      expect(textOf(more)).to.equal('Show older events');
      more.click();
      await settle(el);
      expect(labels(el)).to.deep.equal(['Opened', 'Delivered', 'Sent', 'Queued']);
      expect(requests).to.deep.equal([{ id: 'm-1' }, { id: 'm-1', cursor: 'p2' }]);
      expect(root(el).querySelector('[part~="load-more"]')).to.equal(null);
    });

    it('shows the latest events of a long history first, with its outcome, and loads older ones on demand (StaticDataSource)', async () => {
      // 150 events, more than one page (100): sent, 148 delays, then a hard bounce.
      const events = [ev('sent', 0), ...Array.from({ length: 148 }, (_, i) => ev('deferred', i + 1)), ev('hard-bounced', 149)];
      const source = new StaticDataSource({ events });
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(labels(el)[0], 'the latest on top').to.equal('Hard bounce');
      expect(textOf(root(el).querySelector('[part~="outcome"]')), 'where it stopped').to.include('Hard bounce');
      expect(stageStates(el)).to.include('stopped');
      expect(textOf(root(el).querySelector('[part~="summary"]')), 'older ones still to load').to.equal('100 most recent events');
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await settle(el);
      expect(textOf(root(el).querySelector('[part~="summary"]'))).to.equal('150 events');
      expect(root(el).querySelector('[part~="load-more"]'), 'all loaded').to.equal(null);
      el.jumpToLatest();
      el.scrollToIndex(149);
      await settle(el);
      expect(labels(el).at(-1), 'the oldest at the end').to.equal('Sent');
    });

    it('takes its stages from the source\'s status of the message while older events are not loaded', async () => {
      // The newest page holds only opens; the bounce that followed the delivery is in the source's reduction of all.
      const { source, requests } = fakeSource({ events: { '': { events: [ev('opened', 50), ev('opened', 51)], nextCursor: 'p2' } } });
      const asked: string[][] = [];
      source.getMessages = async (ids) => {
        asked.push([...ids]);
        const status = reduceEvents([ev('sent', 0), ev('delivered', 1), ev('hard-bounced', 52)]);
        return new Map([['m-1', status]]);
      };
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      await settle(el);
      expect(asked).to.deep.equal([['m-1']]);
      expect(requests).to.have.length(1);
      expect(textOf(root(el).querySelector('[part~="outcome"]'))).to.equal('Bounced after delivery Hard bounce');
    });

    it('asks for no status when the first page holds every event', async () => {
      const { source } = fakeSource({ events: { '': { events: [ev('delivered', 1)] } } });
      let asked = 0;
      source.getMessages = async () => (asked++, new Map());
      await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(asked).to.equal(0);
    });

    it('shows the latest entries of a long campaign history first (StaticDataSource, 2 a page)', async () => {
      const history = [entry('created', -60), entry('scheduled', -50), entry('started', -40), entry('paused', -30), entry('resumed', -20)];
      const source = new StaticDataSource({ campaigns: [{ campaign: { id: 'c-1', name: 'C', channel: 'email' }, history }], pageSize: 2 });
      const el = await timeline(html`<status-timeline lang="en" campaign-id="c-1" .source=${source}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Resumed', 'Paused']);
    });

    describe('catching up with events no live update brought (live="poll", a stream that was down)', () => {
      const status = (display: string, minute: number) => ({ ...reduceEvents([ev('sent', 1)]), display, updatedAt: ev('sent', minute).at }) as never;

      it('loads the latest page again when a status newer than every row arrives, a second later', async () => {
        const pages: Record<string, EventPage> = { '': { events: [ev('sent', 1), ev('queued', 0)] } };
        const { source, requests, push } = fakeSource({ events: pages });
        const time = fakeClock();
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" announce .clock=${time.clock} .source=${source}></status-timeline>`);
        pages[''] = { events: [ev('opened', 9), ev('delivered', 2), ev('sent', 1), ev('queued', 0)] };
        push({ type: 'message-status', status: status('opened', 9) });
        time.advance(999);
        expect(requests, 'waits for events on their way').to.have.length(1);
        time.advance(1);
        await settle(el);
        expect(requests).to.have.length(2);
        expect(labels(el)).to.deep.equal(['Opened', 'Delivered', 'Sent', 'Queued']);
        expect(root(el).querySelectorAll('[part~="mark"].count'), 'rows loaded again are not counted twice').to.have.length(0);
      });

      it('does not load again for a status no newer than the rows (its events came live)', async () => {
        const { source, requests, push } = fakeSource({ events: { '': { events: [ev('sent', 1)] } } });
        const time = fakeClock();
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
        push({ type: 'message-event', event: ev('delivered', 2) });
        push({ type: 'message-status', status: status('delivered', 2) });
        time.advance(1_000);
        await settle(el);
        expect(requests).to.have.length(1);
        expect(labels(el)).to.deep.equal(['Delivered', 'Sent']);
      });

      it('loads nothing again for statuses stamped later than their events, when the events come live (before or after)', async () => {
        const { source, requests, push } = fakeSource({ events: { '': { events: [ev('sent', 1)] } } });
        const time = fakeClock();
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
        // A back end that stamps a status when it stores it: half a minute after the event it comes from.
        const stamped = (display: string, minute: number) => ({ ...reduceEvents([ev('sent', 1)]), display, updatedAt: new Date(Date.parse(ev('sent', minute).at) + 30_000).toISOString() }) as never;
        push({ type: 'message-event', event: ev('delivered', 2) });
        push({ type: 'message-status', status: stamped('delivered', 2) });
        time.advance(1_000);
        await settle(el);
        push({ type: 'message-status', status: stamped('opened', 9) });
        push({ type: 'message-event', event: ev('opened', 9) });
        time.advance(1_000);
        await settle(el);
        push({ type: 'message-event', event: ev('clicked', 10) });
        push({ type: 'message-status', status: stamped('clicked', 10) });
        time.advance(1_000);
        await settle(el);
        expect(requests, 'the first page only').to.have.length(1);
        expect(labels(el)).to.deep.equal(['Clicked', 'Opened', 'Delivered', 'Sent']);
        // The stream then misses one (it was down): the status alone comes, from the catch-up poll.
        push({ type: 'message-status', status: stamped('complained', 12) });
        time.advance(1_000);
        await settle(el);
        expect(requests, 'a status no live event came with loads the latest page').to.have.length(2);
      });

      // Found by test/hardening/converge-timeline.test.ts.
      it('loads again for a second status without events that came during the wait (an event without status before them)', async () => {
        const pages: Record<string, EventPage> = { '': { events: [ev('sent', 1)] } };
        const { source, requests, push } = fakeSource({ events: pages });
        const time = fakeClock();
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
        push({ type: 'message-event', event: ev('delivered', 2) }); // live, without its status
        // The stream then dropped: the statuses of two changes come from polls, without their events.
        pages[''] = { events: [ev('clicked', 10), ev('opened', 9), ev('delivered', 2), ev('sent', 1)] };
        push({ type: 'message-status', status: status('opened', 9) });
        time.advance(500);
        push({ type: 'message-status', status: status('clicked', 10) });
        time.advance(1_000);
        await settle(el);
        expect(requests, 'the latest page loaded again').to.have.length(2);
        expect(labels(el)).to.deep.equal(['Clicked', 'Opened', 'Delivered', 'Sent']);
      });

      // Found by test/hardening/converge-timeline.test.ts.
      it('loads again when a poll answered before its first page brought a newer status (RestDataSource)', async () => {
        const timers = new ManualTimers();
        const time = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => timers.setTimeout(fn, ms), clearTimeout: (handle: unknown) => timers.clearTimeout(handle) };
        let events: CanonicalEvent[] = [];
        const held: (() => void)[] = [];
        const eventRequests: string[] = [];
        let polled = 0;
        const { fetch } = fakeFetch(async (call) => {
          if (call.url.pathname.endsWith('/events')) {
            eventRequests.push(call.url.pathname);
            const page = { events: [...events].reverse() }; // as the server had them when asked
            if (eventRequests.length === 1) await new Promise<void>((resolve) => held.push(resolve)); // a slow first page
            return json(page);
          }
          polled++;
          return json({ messages: events.length ? [{ ...reduceEvents(events), messageId: 'm-1' }] : [] });
        });
        const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'poll', timers, visibility: new FakeVisibility(), timeout: 0, random: () => 0.5 });
        try {
          const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .clock=${time} .source=${source}></status-timeline>`);
          await until(() => eventRequests.length === 1, 3_000, 'its first page asked for');
          events = [ev('sent', 1)]; // the message is sent meanwhile
          timers.advance(15_000); // the first poll, answered at once: the status of the message now
          await until(() => (timers.advance(0), polled > 0), 3_000, 'the poll');
          await nextFrame();
          for (const release of held.splice(0)) release(); // the first page, from before: no events
          await until(() => textOf(root(el).querySelector('[part~="status"]')) === 'No events yet.', 3_000, 'the first page shown');
          for (let i = 0; i < 5 && labels(el).length === 0; i++) {
            timers.advance(1_000);
            await settle(el);
          }
          expect(eventRequests, 'the latest page loaded again').to.have.length(2);
          expect(labels(el)).to.deep.equal(['Sent']);
        } finally {
          source.close();
        }
      });

      // Found by test/hardening/converge-timeline.test.ts (in WebKit).
      it('loads the latest page with a request of its own, not joining its first page asked for before the status (RestDataSource)', async () => {
        FakeEventSource.reset();
        const timers = new ManualTimers();
        const time = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => timers.setTimeout(fn, ms), clearTimeout: (handle: unknown) => timers.clearTimeout(handle) };
        let events = [ev('sent', 1)];
        const held: (() => void)[] = [];
        const pages: string[] = [];
        const { fetch } = fakeFetch(async (call) => {
          const page = { events: [...events].reverse() }; // as the server has them when asked
          pages.push(call.url.pathname);
          if (pages.length === 1) await new Promise<void>((resolve) => held.push(resolve)); // a slow first page
          return json(page);
        });
        const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timers, visibility: new FakeVisibility(), timeout: 0, random: () => 0.5 });
        try {
          const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .clock=${time} .source=${source}></status-timeline>`);
          await until(() => pages.length === 1 && FakeEventSource.last !== undefined, 3_000, 'its first page asked for');
          FakeEventSource.last!.open();
          events = [...events, ev('delivered', 2)];
          FakeEventSource.last!.emit('message-status', { ...reduceEvents(events), messageId: 'm-1' }, '1'); // its status, live, without the event
          timers.advance(1_000); // the wait before catching up
          await until(() => pages.length === 2, 3_000, 'the latest page asked for');
          for (const release of held.splice(0)) release();
          for (let i = 0; i < 5 && labels(el).length < 2; i++) {
            timers.advance(1_000);
            await settle(el);
          }
          expect(labels(el)).to.deep.equal(['Delivered', 'Sent']);
        } finally {
          source.close();
        }
      });

      it('loads nothing again beside a badge of its message, from a back end that stamps statuses after their events (RestDataSource)', async () => {
        const timers = new ManualTimers();
        const time = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => timers.setTimeout(fn, ms), clearTimeout: (handle: unknown) => timers.clearTimeout(handle) };
        const events = [ev('sent', 1), ev('delivered', 2)];
        const { fetch, calls } = fakeFetch((call) =>
          call.url.pathname.endsWith('/events')
            ? json({ events: [...events].reverse() })
            : json({ messages: [{ ...reduceEvents(events), messageId: 'm-1', updatedAt: new Date(Date.parse(ev('delivered', 2).at) + 30_000).toISOString() }] }),
        );
        const source = new RestDataSource({ baseUrl: '/api', fetch, live: 'poll', timers, visibility: new FakeVisibility(), timeout: 0, random: () => 0.5 });
        try {
          // A table's badge first, then a drawer's timeline of the same message.
          const page = await fixture<HTMLElement>(html`<div lang="en"><email-status-badge message-id="m-1" .source=${source}></email-status-badge></div>`);
          await until(() => (timers.advance(0), calls.length === 1), 3_000, 'the badge\'s lookup');
          await nextFrame();
          const el = Object.assign(document.createElement('status-timeline'), { clock: time, source });
          el.messageId = 'm-1';
          page.append(el);
          await until(() => labels(el).length === 2, 3_000, 'its first page shown');
          timers.advance(1_000);
          await settle(el);
          expect(calls.map((call) => call.url.pathname)).to.deep.equal(['/api/messages', '/api/messages/m-1/events']);
        } finally {
          source.close();
        }
      });

      it('loads the pages after the latest until one reaches its rows, when more events came than a page holds', async () => {
        const pages: Record<string, EventPage> = { '': { events: [ev('sent', 1), ev('queued', 0)] } };
        const { source, requests, push } = fakeSource({ events: pages });
        const time = fakeClock();
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
        pages[''] = { events: [ev('clicked', 10), ev('opened', 9)], nextCursor: 'b' };
        pages.b = { events: [ev('delivered', 2), ev('sent', 1)], nextCursor: 'c' };
        push({ type: 'message-status', status: status('clicked', 10) });
        time.advance(1_000);
        await settle(el);
        expect(labels(el)).to.deep.equal(['Clicked', 'Opened', 'Delivered', 'Sent', 'Queued']);
        expect(requests.map((request) => request.cursor), 'up to the page that reaches the rows, not beyond').to.deep.equal([undefined, undefined, 'b']);
      });

      it('stops when a page adds nothing, with a source that ignores the cursor', async () => {
        const { source, requests, push } = fakeSource({ events: { '': { events: [ev('sent', 1)] } } });
        const time = fakeClock();
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
        const latest = { events: [ev('clicked', 10), ev('opened', 9)], nextCursor: 'b' };
        source.getMessageEvents = async (id, options) => (requests.push({ id, ...(options?.cursor !== undefined && { cursor: options.cursor }) }), latest);
        push({ type: 'message-status', status: status('clicked', 10) });
        time.advance(1_000);
        await settle(el);
        expect(labels(el)).to.deep.equal(['Clicked', 'Opened', 'Sent']);
        expect(requests, 'the first page, the latest, and the next that adds nothing').to.have.length(3);
      });

      it('catches up once back on the page, when it left while waiting to catch up', async () => {
        const pages: Record<string, EventPage> = { '': { events: [ev('sent', 1)] } };
        const { source, requests, push } = fakeSource({ events: pages });
        const time = fakeClock();
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
        push({ type: 'message-status', status: status('delivered', 2) }); // newer than the rows, no event with it: waits a second
        const parent = el.parentElement!;
        el.remove(); // meanwhile, the drawer is closed and opened again
        await new Promise((resolve) => setTimeout(resolve));
        parent.append(el); // its come-back read says nothing new (the source has no status: see fakeSource)
        await settle(el);
        pages[''] = { events: [ev('opened', 9), ev('delivered', 2), ev('sent', 1)] };
        push({ type: 'message-status', status: status('opened', 9) }); // back: a status newer than the rows
        time.advance(1_000);
        await settle(el);
        expect(labels(el), `after ${requests.length} requests`).to.deep.equal(['Opened', 'Delivered', 'Sent']);
      });
    });

    it('offers to retry a next page that failed', async () => {
      const { source, state } = fakeSource({
        events: { '': { events: [ev('delivered', 2)], nextCursor: 'p2' }, p2: { events: [ev('queued', 0)] } },
      });
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      state.failures = 1;
      root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.click();
      await settle(el);
      expect(textOf(root(el).querySelector('[part~="error"] span'))).to.equal('Couldn’t load the history: the server is unreachable');
      expect(labels(el)).to.deep.equal(['Delivered']);
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      await settle(el);
      expect(labels(el)).to.deep.equal(['Delivered', 'Queued']);
    });

    describe('keyboard focus when its controls go away', () => {
      const pages = () => ({
        events: {
          '': { events: [ev('delivered', 2), ev('opened', 9)], nextCursor: 'p2' },
          p2: { events: [ev('queued', 0), ev('sent', 1)] },
        },
      });
      const focusedLabel = (el: StatusTimelineElement): string => {
        const focused = root(el).activeElement;
        return focused?.getAttribute('role') === 'option' ? textOf(focused.querySelector('[part~="label"]')) : `not a row: ${focused?.outerHTML ?? 'nothing'}`;
      };

      for (const order of ['newest-first', 'oldest-first'] as const) {
        it(`stays on the button of older events while they load, then moves to the first of them (${order})`, async () => {
          const { source, state } = fakeSource(pages());
          const el = await timeline(html`<status-timeline lang="en" order=${order} message-id="m-1" .source=${source}></status-timeline>`);
          const more = root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!;
          const gate = deferred();
          state.gate = gate.promise;
          more.focus();
          await sendKeys({ press: 'Enter' });
          await settle(el);
          expect(root(el).activeElement === more, 'still on the button while it loads').to.equal(true);
          expect(more.getAttribute('aria-disabled')).to.equal('true');
          await sendKeys({ press: 'Enter' });
          gate.resolve();
          await settle(el);
          expect(root(el).querySelector('[part~="load-more"]'), 'all loaded').to.equal(null);
          expect(focusedLabel(el), 'the newest of the older events').to.equal('Sent');
          expect(labels(el)).to.have.length(4);
        });
      }

      it('moves to the retry when older events fail to load, and on to them once they do', async () => {
        const { source, state } = fakeSource(pages());
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
        state.failures = 1;
        root(el).querySelector<HTMLButtonElement>('[part~="load-more"]')!.focus();
        await sendKeys({ press: 'Enter' });
        await settle(el);
        const retry = root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!;
        expect(root(el).activeElement === retry, 'on the retry of the error').to.equal(true);
        await sendKeys({ press: 'Enter' });
        await settle(el);
        expect(focusedLabel(el)).to.equal('Sent');
      });

      it('moves to the list when a retry brings the events in place of the error', async () => {
        const { source, state } = fakeSource(pages());
        state.failures = 1;
        const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
        root(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.focus();
        await sendKeys({ press: 'Enter' });
        await settle(el);
        expect(focusedLabel(el), 'the latest event').to.equal('Opened');
      });
    });

    // Found by test/hardening/converge-timeline.test.ts.
    it('moved within the page, still has its message read again when the stream opens with nothing to resume from', async () => {
      FakeEventSource.reset();
      const timers = new ManualTimers();
      const time = { now: () => Date.now(), setTimeout: (fn: () => void, ms: number) => timers.setTimeout(fn, ms), clearTimeout: (handle: unknown) => timers.clearTimeout(handle) };
      let events = [ev('sent', 1)];
      const { fetch, calls } = fakeFetch((call) =>
        call.url.pathname.endsWith('/events') ? json({ events: [...events].reverse() }) : json({ messages: [{ ...reduceEvents(events), messageId: 'm-1' }] }),
      );
      const source = new RestDataSource({ baseUrl: '/api', fetch, EventSource: FakeEventSource, timers, visibility: new FakeVisibility(), timeout: 0, random: () => 0.5 });
      try {
        const page = await fixture<HTMLElement>(html`<div><status-timeline lang="en" message-id="m-1" .clock=${time} .source=${source}></status-timeline><p>Other panel</p></div>`);
        const el = page.querySelector<StatusTimelineElement>('status-timeline')!;
        await until(() => labels(el).length === 1, 3_000, 'its first page shown');
        // A panel moved after the other one, in one task.
        page.append(el);
        await settle(el);
        events = [...events, ev('delivered', 2)]; // while the stream is still connecting: it will not send this
        FakeEventSource.last!.open(); // no event id to resume from
        for (let i = 0; i < 5 && labels(el).length < 2; i++) {
          timers.advance(1_000);
          await settle(el);
        }
        expect(calls.map((call) => call.url.pathname), 'its message read once more after the opening, then its latest page').to.deep.equal(['/api/messages/m-1/events', '/api/messages', '/api/messages/m-1/events']);
        expect(labels(el)).to.deep.equal(['Delivered', 'Sent']);
      } finally {
        source.close();
      }
    });

    it('stops following live updates when it leaves the page', async () => {
      const { source, listeners } = fakeSource();
      const el = await timeline(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      expect(listeners.size).to.equal(1);
      el.remove();
      await Promise.resolve(); // once the task's microtasks ran: a move within the task keeps following
      expect(listeners.size).to.equal(0);
    });
  });

  describe('announcing live entries (announce)', () => {
    /** What the timeline's live regions say. */
    const spoken = (el: StatusTimelineElement): string[] => [...root(el).querySelectorAll('[role="status"]')].map((region) => (region.textContent ?? '').trim());
    const at = (event: CanonicalEvent | CampaignHistoryEntry, locale = 'en') =>
      new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(event.at));
    const pageOf = () => fakeSource({ events: { '': { events: [ev('queued', 0, { eventId: 'q' }), ev('sent', 1, { eventId: 's' })] } } });

    it('says nothing without announce: no live region for the entries', async () => {
      const { source, push } = pageOf();
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" message-id="m-1" .source=${source}></status-timeline>`);
      push({ type: 'message-event', event: ev('delivered', 2, { eventId: 'd' }) });
      await settle(el);
      expect(labels(el)[0]).to.equal('Delivered');
      expect(spoken(el)).to.deep.equal([]);
    });

    it('says an entry that arrives live, with its time, in a polite region that was there before it', async () => {
      const { source, push } = pageOf();
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" announce message-id="m-1" .source=${source}></status-timeline>`);
      // The loaded page is not news.
      expect(spoken(el)).to.deep.equal(['']);
      const region = root(el).querySelector('[role="status"]');
      const delivered = ev('delivered', 2, { eventId: 'd' });
      push({ type: 'message-event', event: delivered });
      await settle(el);
      expect(spoken(el)).to.deep.equal([`New event: Delivered, ${at(delivered)}`]);
      expect(root(el).querySelector('[role="status"]'), 'the same region').to.equal(region);
      await expect(el).to.be.accessible();
    });

    it('says several entries together, at most once per announce-interval, and not a report it already shows', async () => {
      const { source, push } = pageOf();
      const time = fakeClock();
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" announce announce-interval="10000" message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
      const delivered = ev('delivered', 2, { eventId: 'd' });
      const opened = ev('opened', 3, { eventId: 'o' });
      const clicked = ev('clicked', 4, { eventId: 'c' });
      push({ type: 'message-event', event: delivered });
      await settle(el);
      expect(spoken(el)).to.deep.equal([`New event: Delivered, ${at(delivered)}`]);
      push({ type: 'message-event', event: opened });
      push({ type: 'message-event', event: opened }); // the same report again: counted on its row, not news
      push({ type: 'message-event', event: clicked });
      time.advance(9_999);
      await settle(el);
      expect(spoken(el), 'within the interval').to.deep.equal([`New event: Delivered, ${at(delivered)}`]);
      time.advance(1);
      await settle(el);
      expect(spoken(el)).to.deep.equal([`2 new events, the last one: Clicked, ${at(clicked)}`]);
    });

    it('never says words in a language the page has left: entries that waited for the quiet period are said in the new one', async () => {
      const { source, push } = pageOf();
      const time = fakeClock();
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" announce message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
      const regionLang = () => root(el).querySelector('[role="status"]')!.closest<HTMLElement>('[lang]')!.lang;
      push({ type: 'message-event', event: ev('delivered', 2, { eventId: 'd' }) });
      await settle(el);
      // An entry arriving between the switch and its render is composed in French; within the quiet period, it waits.
      el.lang = 'fr';
      push({ type: 'message-event', event: ev('clicked', 4, { eventId: 'c' }) });
      await settle(el);
      expect(regionLang()).to.equal('fr');
      expect(spoken(el), 'the English words are gone').to.deep.equal(['']);
      // Another one, still within the quiet period: waits, in French, in a silent region; then the page goes back.
      const read = ev('read', 5, { eventId: 'r' });
      push({ type: 'message-event', event: read });
      await settle(el);
      el.lang = 'en';
      await settle(el);
      expect(spoken(el), 'still within the quiet period').to.deep.equal(['']);
      // The two entries that waited are not lost with their French words: said together, in English.
      time.advance(10_000);
      await settle(el);
      expect(regionLang()).to.equal('en');
      expect(spoken(el), 'no French in the English region').to.deep.equal([`2 new events, the last one: Read, ${at(read)}`]);
      const opened = ev('opened', 6, { eventId: 'o' });
      push({ type: 'message-event', event: opened });
      time.advance(10_000);
      await settle(el);
      expect(spoken(el)).to.deep.equal([`New event: Opened, ${at(opened)}`]);
    });

    it('forgets entries waiting to be said once announce is turned off', async () => {
      const { source, push } = pageOf();
      const time = fakeClock();
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" announce message-id="m-1" .clock=${time.clock} .source=${source}></status-timeline>`);
      const delivered = ev('delivered', 2, { eventId: 'd' });
      push({ type: 'message-event', event: delivered });
      await settle(el);
      push({ type: 'message-event', event: ev('clicked', 4, { eventId: 'c' }) });
      await settle(el);
      expect(spoken(el), 'the click waits for the quiet period').to.deep.equal([`New event: Delivered, ${at(delivered)}`]);
      el.announce = false;
      await settle(el);
      el.announce = true;
      time.advance(10_000);
      await settle(el);
      expect(spoken(el), 'the click was not said').to.deep.equal(['']);
    });

    it('says entries the page adds to its own .events for the same message, not the first list nor another message', async () => {
      const time = fakeClock();
      const queued = ev('queued', 0, { eventId: 'q' });
      const sent = ev('sent', 1, { eventId: 's' });
      const el = await timeline(html`<status-timeline lang="en" time-zone="UTC" announce .clock=${time.clock} .events=${[queued, sent]}></status-timeline>`);
      expect(spoken(el), 'the first list is not news').to.deep.equal(['']);
      const delivered = ev('delivered', 2, { eventId: 'd' });
      el.events = [queued, sent, delivered];
      await settle(el);
      expect(spoken(el)).to.deep.equal([`New event: Delivered, ${at(delivered)}`]);
      // The same list again in a new array, and an older entry filled in: nothing new happened.
      el.events = [queued, sent, delivered, ev('deferred', 0.5, { eventId: 'late' })];
      time.advance(10_000);
      await settle(el);
      expect(spoken(el), 'an older entry filled in is not news').to.deep.equal([`New event: Delivered, ${at(delivered)}`]);
      // Two at once, in one list: said together, the latest named.
      const opened = ev('opened', 3, { eventId: 'o' });
      const clicked = ev('clicked', 4, { eventId: 'c' });
      el.events = [clicked, queued, opened, sent, delivered];
      time.advance(10_000);
      await settle(el);
      expect(spoken(el)).to.deep.equal([`2 new events, the last one: Clicked, ${at(clicked)}`]);
      // Another message's list: not news, and what waited about the previous one is dropped.
      el.events = [queued, sent, delivered, opened, clicked, ev('read', 5, { eventId: 'r' })];
      await settle(el);
      el.events = [ev('queued', 6, { eventId: 'q2', messageId: 'm-2' }), ev('sent', 7, { eventId: 's2', messageId: 'm-2' })];
      time.advance(10_000);
      await settle(el);
      expect(spoken(el).filter((text) => text.startsWith('New')), 'nothing about m-1 or m-2').to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('says campaign actions the page adds to its own .history', async () => {
      const created = entry('created', -60);
      const el = await timeline(html`<status-timeline lang="fr" time-zone="UTC" announce .history=${[created]}></status-timeline>`);
      const paused = entry('paused', -5);
      el.history = [created, paused];
      await settle(el);
      expect(spoken(el)).to.deep.equal([`Nouvel événement\u00a0: Mise en pause, ${at(paused, 'fr')}`]);
    });

    it('says campaign actions in the page’s language, and forgets them for another campaign', async () => {
      const { source, push } = fakeSource({ history: { '': { items: [entry('created', -60)] } } });
      const el = await timeline(html`<status-timeline lang="fr" time-zone="UTC" announce campaign-id="c-1" .source=${source}></status-timeline>`);
      const paused = entry('paused', -5);
      push({ type: 'campaign-history', entry: paused });
      await settle(el);
      expect(spoken(el)).to.deep.equal([`Nouvel événement\u00a0: Mise en pause, ${at(paused, 'fr')}`]);
      el.campaignId = 'c-2';
      await settle(el);
      expect(spoken(el).filter((text) => text.startsWith('Nouvel'))).to.deep.equal([]);
    });
  });

  describe('a campaign', () => {
    it('shows its actions, and why it was suspended', async () => {
      const el = await timeline(html`<status-timeline lang="en" .history=${stories.campaignHistory}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Completed', 'Sent', 'Resumed', 'Suspended', 'Resumed', 'Paused', 'Sending started', 'Scheduled', 'Created']);
      expect(textOf(row(el, 3)!.querySelector('.second'))).to.equal('Too many bounces · Bounce rate 9.2 %');
      expect(root(el).querySelector('[part~="stages"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('loads its latest history again when live figures say sending started or stopped (polled figures bring no entries)', async () => {
      const pages: Record<string, Page<CampaignHistoryEntry>> = { '': { items: [entry('started', -10), entry('created', -60)] } };
      const { source, requests, push } = fakeSource({ history: pages });
      const time = fakeClock();
      const el = await timeline(html`<status-timeline lang="en" campaign-id="c-1" .clock=${time.clock} .source=${source}></status-timeline>`);
      const stats = (sending: boolean) => ({ campaign: { id: 'c-1', name: 'C', channel: 'email' }, counts: { sent: 10 }, sending, updatedAt: new Date(NOW).toISOString() });
      push({ type: 'campaign-stats', stats: stats(true) } as LiveUpdate);
      push({ type: 'campaign-stats', stats: stats(true) } as LiveUpdate);
      time.advance(1_000);
      await settle(el);
      expect(requests, 'figures that change while sending go on load nothing').to.have.length(1);
      pages[''] = { items: [entry('completed', -1), entry('started', -10), entry('created', -60)] };
      push({ type: 'campaign-stats', stats: stats(false) } as LiveUpdate);
      time.advance(1_000);
      await settle(el);
      expect(requests).to.have.length(2);
      expect(labels(el)).to.deep.equal(['Completed', 'Sending started', 'Created']);
    });

    it('names an action or a suspension reason it does not know with the word given, never a translation key', async () => {
      const history = [
        { campaignId: 'c-1', action: 'archived', at: new Date(NOW - 60_000).toISOString() },
        { campaignId: 'c-1', action: 'suspended', reason: 'legal-hold', at: new Date(NOW - 120_000).toISOString() },
      ] as unknown as CampaignHistoryEntry[];
      const el = await timeline(html`<status-timeline lang="fr" .history=${history}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Action inconnue : archived', 'Suspendue']);
      expect(textOf(row(el, 1)!.querySelector('.second'))).to.equal('Motif inconnu : legal-hold');
      row(el, 0)!.click();
      await el.updateComplete;
      expect(textOf(root(el).querySelector('[part~="details"] .detail-title'))).to.equal('Action inconnue : archived');
      expect(root(el).textContent).not.to.contain('campaign.');
      await expect(el).to.be.accessible();
    });

    it('loads a campaign history and follows it live', async () => {
      const { source, push } = fakeSource({ history: { '': { items: [entry('created', -60), entry('started', -30)] } } });
      const el = await timeline(html`<status-timeline lang="fr" campaign-id="c-1" .source=${source}></status-timeline>`);
      expect(labels(el)).to.deep.equal(['Envoi démarré', 'Créée']);
      push({ type: 'campaign-history', entry: { ...entry('suspended', -5), reason: 'insufficient-credits' } });
      await settle(el);
      expect(labels(el)).to.deep.equal(['Suspendue', 'Envoi démarré', 'Créée']);
      expect(textOf(row(el, 0)!.querySelector('.second'))).to.equal('Crédits insuffisants');
    });
  });

  describe('polled from the mock API (live="poll"): what it shows and what the API was asked', () => {
    let msw: { stop(): void };
    before(async () => {
      msw = await startWorker();
    });
    after(() => msw.stop());

    const minutes = (n: number) => DEFAULT_ANCHOR + n * 60_000;
    const pollingSource = (timers: ManualTimers) =>
      new RestDataSource({ baseUrl: '/api', live: 'poll', pollInterval: 1_000, timers, visibility: new FakeVisibility(), random: () => 0.5, timeout: 0, cacheTtl: 0, retry: { retries: 0 } });
    /** Requests the mock API received for `path` (under /api), by endpoint. */
    const asked = (api: MockApi, endpoint: string, path: string) =>
      api.requests.filter((r) => r.endpoint === endpoint && new URL(r.url).pathname === `/api${path}`).length;
    /** One poll round (done once the next is scheduled: its interval, nothing else), then the timeline's own catch-up wait. */
    const round = async (el: StatusTimelineElement, timers: ManualTimers, time: ReturnType<typeof fakeClock>) => {
      timers.advance(1_000);
      await until(() => (timers.advance(0), timers.delays.length === 1 && timers.delays[0] === 1_000), 3_000, 'the poll to end');
      await settle(el);
      time.advance(1_000);
      await settle(el);
    };

    it('shows a resumption, the end of sending and the completion of a polled campaign, the first two keeping it sending, with one history read per change of its figures', async () => {
      const id = DEMO_CAMPAIGNS.newsletter;
      // Paused at -105 min in the dataset's script, resumed at -100, last message sent at -73, completed at +90.
      const api = resetMockApi({ startAt: minutes(-102) });
      const timers = new ManualTimers();
      const source = pollingSource(timers);
      const time = fakeClock();
      const historyReads = () => asked(api, 'campaign-history', `/campaigns/${id}/history`);
      try {
        const el = await timeline(html`<status-timeline lang="en" campaign-id=${id} .clock=${time.clock} .source=${source}></status-timeline>`);
        await until(() => labels(el).length > 0, 3_000, 'the history');
        expect(labels(el)).to.deep.equal(['Paused', 'Sending started', 'Scheduled', 'Created']);
        // The first poll: figures with nothing to compare with (no cache, no figures shown), so the history is read
        // once, for an entry made since the timeline read it (else it would wait for the next change of figures).
        await round(el, timers, time);
        expect(historyReads(), 'the first page, and the first poll\'s').to.equal(2);
        expect(labels(el)).to.deep.equal(['Paused', 'Sending started', 'Scheduled', 'Created']);
        api.clock.set(minutes(-60));
        await round(el, timers, time);
        expect(labels(el)).to.deep.equal(['Sent', 'Resumed', 'Paused', 'Sending started', 'Scheduled', 'Created']);
        api.clock.set(minutes(95));
        await round(el, timers, time);
        await round(el, timers, time);
        expect(labels(el)).to.deep.equal(['Completed', 'Sent', 'Resumed', 'Paused', 'Sending started', 'Scheduled', 'Created']);
        expect(historyReads(), 'one read per change of the figures, none more by the timeline').to.equal(4);
        await expect(el).to.be.accessible();
      } finally {
        source.close();
      }
    });

    it('loads a message\'s latest page again once a polled status is newer than every row (polls bring no events)', async () => {
      const api = resetMockApi();
      // A newsletter message sent before the anchor, with an event in the next 30 minutes (from the dataset).
      const message = api.dataset.campaign(DEMO_CAMPAIGNS.newsletter)!.messages.find((m) => {
        const next = m.times.find((t) => t > api.dataset.anchor);
        return m.times[0]! <= api.dataset.anchor && next !== undefined && next <= api.dataset.anchor + 30 * 60_000;
      })!;
      const next = message.times.find((t) => t > api.dataset.anchor)!;
      const timers = new ManualTimers();
      const source = pollingSource(timers);
      const time = fakeClock();
      const eventReads = () => asked(api, 'message-events', `/messages/${encodeURIComponent(message.id)}/events`);
      try {
        const el = await timeline(html`<status-timeline lang="en" message-id=${message.id} .clock=${time.clock} .source=${source}></status-timeline>`);
        const happened = () => message.times.filter((t) => t <= api.clock.now()).length;
        await until(() => labels(el).length === happened(), 3_000, 'the events so far');
        const before = labels(el);
        await round(el, timers, time); // the first poll: the status the listeners have
        expect(eventReads(), 'the first page only').to.equal(1);
        api.clock.set(next);
        await round(el, timers, time);
        // Through the service worker, on a busy machine, the request and its answer can take longer than a round.
        await until(() => eventReads() === 2, 3_000, 'the latest page again');
        await until(() => labels(el).length === happened(), 3_000, 'the rows of the latest page');
        expect(eventReads(), 'the latest page again').to.equal(2);
        expect(labels(el)).to.have.length(happened()).and.to.have.length.above(before.length);
        expect(labels(el).slice(-before.length), 'the rows it had, below the new ones').to.deep.equal(before);
        await round(el, timers, time);
        expect(eventReads(), 'a status no newer than the rows loads nothing').to.equal(2);
      } finally {
        source.close();
      }
    });
  });

  describe('stories', () => {
    for (const [name, story] of Object.entries(stories)) {
      if (typeof story !== 'object' || story === null || !('args' in story) || name === 'default') continue;
      it(`renders the ${name} story accessibly`, async () => {
        const args = { ...stories.default.args, ...(story as { args: object }).args };
        const wrapper = await fixture<HTMLElement>(html`<div>${stories.default.render!(args as never, {} as never)}</div>`);
        const el = wrapper.querySelector('status-timeline')!;
        await settle(el);
        await expect(el).to.be.accessible();
      });
    }

    it('"A message deleted while shown": deleted, the rows go and it says no message was found; sent anew, it loads again', async () => {
      const story = stories.DeletedWhileShown;
      const wrapper = await fixture<HTMLElement>(html`<div lang="en">${story.render!({ ...stories.default.args, ...story.args } as never, {} as never)}</div>`);
      const el = wrapper.querySelector<StatusTimelineElement>('status-timeline')!;
      const root = el.shadowRoot!;
      const [remove, sendAgain] = [...wrapper.querySelectorAll('button')];
      const rows = () => root.querySelectorAll('[part~="row"]').length;
      const error = () => root.querySelector('[part~="error"]')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
      await until(() => rows() === 5, 3_000, 'its events');
      remove!.click();
      await until(() => error() === 'No message was found with this identifier.' && rows() === 0, 3_000, 'the deletion told');
      await expect(wrapper).to.be.accessible();
      sendAgain!.click();
      await until(() => rows() === 1 && error() === '', 3_000, 'the message sent anew loaded');
      await expect(wrapper).to.be.accessible();
    });
  });
});
