// The @lit/react wrappers that examples/react/generate-wrappers.mjs writes from custom-elements.json (the test
// server runs the script for each run: `virtual:estafette-react`, or `virtual:estafette-react-18` importing React
// 18), checked with a given React: camelCase props reach the elements' properties, `on<Event>` props the custom
// events. react-wrappers.test.ts runs it with React 19, react18-wrappers.test.ts with React 18.
import { expect, waitUntil } from '@open-wc/testing';
import type { CanonicalEvent } from '../../src/core/index.js';
import type { StaticDataSource } from '../../src/data/index.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { MetricSelectEvent } from '../../src/elements/campaign-stats/metric-select-event.js';
import type { StatusSourceElement } from '../../src/elements/status-source/status-source.js';
import type { EntrySelectEvent, StageChangeEvent } from '../../src/elements/status-timeline/events.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import type { StatusChangeEvent } from '../../src/elements/shared/events.js';
import { ev } from '../core/event-factory.js';
import { CAMPAIGN_ID, STRICT_THRESHOLDS, badgeLabel, clickMetric, metricOf, pageSource, shadowText, statusOf } from './page-data.js';
import { reactPage, type ReactDom } from './react-root.js';

/** What one React version brings: its `createElement`, its DOM renderer, the wrappers generated for it. */
export interface ReactUnderTest {
  readonly createElement: typeof import('react').createElement;
  readonly dom: ReactDom;
  readonly wrappers: typeof import('virtual:estafette-react');
}

/** The wrappers' behaviour, checked with the React version given. */
export function describeWrappers(version: string, { createElement, dom, wrappers }: ReactUnderTest): void {
  describe(`React ${version} with the @lit/react wrappers generated from custom-elements.json`, () => {
    const { CampaignStats, EmailStatusBadge, StatusSource, StatusTimeline } = wrappers;
    const page = reactPage(dom);
    const { render, one, unmount } = page;
    let source: StaticDataSource;
    let heard: Event[];
    const EVENTS: CanonicalEvent[] = [ev('sent', 0, { messageId: 'm-7' }), ev('delivered', 1, { messageId: 'm-7' })];

    const campaign = (props: { thresholds?: object; events?: CanonicalEvent[]; onMetricSelect?: (e: MetricSelectEvent) => void } = {}) =>
      createElement(
        StatusSource,
        { source, lang: 'en' },
        createElement(CampaignStats, { campaignId: CAMPAIGN_ID, thresholds: props.thresholds ?? STRICT_THRESHOLDS, onMetricSelect: props.onMetricSelect ?? ((e: MetricSelectEvent) => heard.push(e)) }),
        createElement(EmailStatusBadge, { messageId: 'msg-2', size: 'small', onStatusChange: (e: StatusChangeEvent) => heard.push(e) }),
        createElement(StatusTimeline, {
          events: props.events ?? EVENTS,
          onStageChange: (e: StageChangeEvent) => heard.push(e),
          onEntrySelect: (e: EntrySelectEvent) => heard.push(e),
        }),
      );
    const rows = () => [...(one<StatusTimelineElement>('status-timeline').shadowRoot?.querySelectorAll<HTMLElement>('[part~="row"]') ?? [])];

    beforeEach(() => {
      source = pageSource();
      heard = [];
    });

    it('wraps each element of the manifest under its tag', () => {
      render(campaign());
      expect(page.all('*').map((el) => el.localName)).to.deep.equal(['status-source', 'campaign-stats', 'email-status-badge', 'status-timeline']);
      expect(customElements.get('campaign-stats')).to.not.equal(undefined);
    });

    it('sets camelCase props as properties: objects, arrays and strings', async () => {
      render(campaign());
      expect(one<StatusSourceElement>('status-source').source).to.equal(source);
      expect(one<CampaignStatsElement>('campaign-stats').campaignId).to.equal(CAMPAIGN_ID);
      expect(one<CampaignStatsElement>('campaign-stats').thresholds).to.equal(STRICT_THRESHOLDS);
      expect(one<EmailStatusBadgeElement>('email-status-badge').messageId).to.equal('msg-2');
      expect(one<StatusTimelineElement>('status-timeline').events).to.equal(EVENTS);
      for (const el of page.all('*')) {
        for (const { name, value } of el.attributes) expect(value, `${el.localName} ${name}`).to.not.contain('[object');
      }
      // The source given as a property feeds the elements; the thresholds change the marks; the events are drawn.
      await waitUntil(() => badgeLabel(one('email-status-badge')) === 'Sent', 'the badge', { timeout: 3000 });
      await waitUntil(() => metricOf(one('campaign-stats'), 'bounced')?.dataset.level === 'danger', 'the thresholds', { timeout: 3000 });
      await waitUntil(() => rows().length === 2, 'the timeline rows', { timeout: 3000 });
      expect(shadowText(one('status-timeline'))).to.contain('Delivered');
    });

    it('calls on<Event> props with the elements\' events', async () => {
      render(campaign());
      await waitUntil(() => metricOf(one('campaign-stats'), 'bounced') !== null && badgeLabel(one('email-status-badge')) === 'Sent' && rows().length === 2, 'the elements', { timeout: 3000 });
      clickMetric(one('campaign-stats'), 'bounced');
      source.update([statusOf('msg-2', 'delivered', '2026-11-02T09:05:00.000Z')]);
      await waitUntil(() => heard.some((e) => e.type === 'status-change'), 'status-change', { timeout: 3000 });
      rows()[0]!.click();
      const types = heard.map((e) => e.type);
      expect(types).to.include.members(['stage-change', 'metric-select', 'status-change', 'entry-select']);
      expect((heard.find((e) => e.type === 'metric-select') as MetricSelectEvent).detail.metric).to.equal('bounced');
      expect((heard.find((e) => e.type === 'status-change') as StatusChangeEvent).newStatus).to.equal('delivered');
      expect((heard.find((e) => e.type === 'stage-change') as StageChangeEvent).lifecycle.reached).to.equal('delivered');
      expect(((heard.find((e) => e.type === 'entry-select') as EntrySelectEvent).entry as CanonicalEvent).messageId).to.equal('m-7');
    });

    it('follows new props and handlers, and unmounts without errors', async () => {
      render(campaign());
      await waitUntil(() => metricOf(one('campaign-stats'), 'bounced')?.dataset.level === 'danger', 'the first render', { timeout: 3000 });
      const later: MetricSelectEvent[] = [];
      render(campaign({ thresholds: { bounced: { warning: 0.5, danger: 0.6 } }, events: [...EVENTS, ev('opened', 2, { messageId: 'm-7' })], onMetricSelect: (e) => later.push(e) }));
      await waitUntil(() => metricOf(one('campaign-stats'), 'bounced')?.dataset.level !== 'danger', 'the new thresholds', { timeout: 3000 });
      await waitUntil(() => rows().length === 3, 'the new event', { timeout: 3000 });
      clickMetric(one('campaign-stats'), 'delivered');
      expect(later.map((e) => e.detail.metric)).to.deep.equal(['delivered']);
      expect(heard.filter((e) => e.type === 'metric-select'), 'the first handler is gone').to.deep.equal([]);
      const badge = one('email-status-badge');
      unmount();
      expect(page.container.children).to.have.length(0);
      source.update([statusOf('msg-2', 'hard-bounced', '2026-11-02T09:05:00.000Z')]);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(badge.isConnected).to.equal(false);
      expect(heard.filter((e) => e.type === 'status-change')).to.deep.equal([]);
      expect(page.errors).to.deep.equal([]);
    });
  });
}
