// examples/vue/CampaignPage.vue itself, compiled by Vue's SFC compiler with the `isCustomElement` the example asks
// for (server-plugins.mjs) and mounted with Vue 3. Its <status-source endpoint="/api/estafette"> really goes to
// that endpoint: the page's fetch and EventSource answer for it from a StaticDataSource, as a server would.
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, h, nextTick, shallowReactive, type App } from 'vue';
import CampaignPage from '../../examples/vue/CampaignPage.vue';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { FakeEventSource } from '../data/helpers.js';
import {
  BASE, CAMPAIGN_ID, CONTACTS, STRICT_THRESHOLDS, badgeLabel, clickMetric, metricOf, pageSource, restFetch, shadowText, statusOf, watchErrors,
} from './page-data.js';

describe('Vue 3 with examples/vue/CampaignPage.vue', () => {
  const realFetch = window.fetch;
  const RealEventSource = window.EventSource;
  let container: HTMLElement;
  let app: App;
  let paths: string[];
  let watch: ReturnType<typeof watchErrors>;
  const filters: (readonly string[])[] = [];
  const changes: [string, string][] = [];
  const props = shallowReactive({
    campaignId: CAMPAIGN_ID,
    contacts: CONTACTS,
    thresholds: STRICT_THRESHOLDS as object,
    onFilter: (statuses: readonly string[]) => filters.push(statuses),
    'onStatus-change': (contact: { name: string }, status: string) => changes.push([contact.name, status]),
  });
  const stats = () => container.querySelector<CampaignStatsElement>('campaign-stats')!;
  const badges = () => [...container.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];

  beforeEach(() => {
    watch = watchErrors();
    paths = [];
    filters.length = 0;
    changes.length = 0;
    Object.assign(props, { campaignId: CAMPAIGN_ID, contacts: CONTACTS, thresholds: STRICT_THRESHOLDS });
    FakeEventSource.reset();
    window.fetch = restFetch(pageSource(), paths);
    (window as { EventSource: unknown }).EventSource = FakeEventSource;
    container = document.body.appendChild(document.createElement('div'));
    app = createApp({ render: () => h(CampaignPage, props) });
    app.mount(container);
  });

  afterEach(() => {
    app.unmount();
    container.remove();
    window.fetch = realFetch;
    window.EventSource = RealEventSource;
    watch.stop();
  });

  it('renders the elements, fed through the <status-source> endpoint, in the page language', async () => {
    await waitUntil(() => badges().map(badgeLabel).join('|') === 'Délivré|Envoyé', 'the badges', { timeout: 3000 });
    await waitUntil(() => shadowText(stats()).includes('Envoyés 1 000'), 'the stats', { timeout: 3000 });
    expect(container.querySelector('status-source')!.getAttribute('endpoint')).to.equal(BASE);
    expect(paths).to.include(`/campaigns/${CAMPAIGN_ID}/stats`);
    expect(paths.some((p) => p.startsWith('/messages'))).to.equal(true);
    expect(stats().getAttribute('campaign-id')).to.equal(CAMPAIGN_ID);
    expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-2']);
    expect([...container.querySelectorAll('td:first-child')].map((td) => td.textContent)).to.deep.equal(['Ada Lovelace', 'Alan Turing']);
    expect(watch.errors, 'no "failed to resolve component" warning').to.deep.equal([]);
  });

  it('binds objects with .prop as properties, not as "[object Object]" attributes', async () => {
    expect(stats().thresholds).to.equal(STRICT_THRESHOLDS);
    expect(stats().hasAttribute('thresholds')).to.equal(false);
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the threshold to apply', { timeout: 3000 });
  });

  it('turns metric-select into the component\'s filter event', async () => {
    await waitUntil(() => metricOf(stats(), 'bounced') !== null, 'the indicators', { timeout: 3000 });
    clickMetric(stats(), 'bounced');
    expect(filters).to.deep.equal([['soft-bounced', 'hard-bounced', 'bounced']]);
  });

  it('turns a live status-change into the component\'s status-change event', async () => {
    await waitUntil(() => badgeLabel(badges()[1]) === 'Envoyé' && FakeEventSource.last !== undefined, 'the badges and the stream', { timeout: 3000 });
    FakeEventSource.last!.open();
    FakeEventSource.last!.emit('message-status', statusOf('msg-2', 'hard-bounced', '2026-11-02T09:05:00.000Z'), '1');
    await waitUntil(() => changes.length > 0, 'status-change', { timeout: 3000 });
    expect(changes).to.deep.equal([['Alan Turing', 'hard-bounced']]);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Rebond définitif', 'the new label', { timeout: 3000 });
  });

  it('updates the elements when the props change, and unmounts without errors', async () => {
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the first render', { timeout: 3000 });
    const first = stats();
    props.contacts = [CONTACTS[0]!, { id: 'c-3', name: 'Grace Hopper', messageId: 'msg-3' }];
    props.thresholds = { bounced: { warning: 0.5 } };
    await nextTick();
    expect(stats()).to.equal(first, 'the same element, updated in place');
    expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-3']);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Ouvert', 'the new contact\'s badge', { timeout: 3000 });
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level !== 'danger', 'the new thresholds', { timeout: 3000 });
    app.unmount();
    expect(container.children).to.have.length(0);
    app = createApp({ render: () => null });
    app.mount(container); // afterEach unmounts again
    expect(watch.errors).to.deep.equal([]);
  });
});
