// examples/react/CampaignPage.jsx itself, mounted with React 19's createRoot: what the README promises React users
// (strings as attributes, objects as properties, custom events as `on<event-name>` props) checked on the real file.
import { expect, waitUntil } from '@open-wc/testing';
import { createElement } from 'react';
import { CampaignPage } from '../../examples/react/CampaignPage.jsx';
import { getDefaultSource, setDefaultSource, type StaticDataSource } from '../../src/data/index.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import {
  CAMPAIGN_ID, CONTACTS, STRICT_THRESHOLDS, badgeLabel, clickMetric, metricOf, pageSource, shadowText, statusOf,
} from './page-data.js';
import { reactPage } from './react-root.js';

type Props = Parameters<typeof CampaignPage>[0];

describe('React 19 with examples/react/CampaignPage.jsx', () => {
  const page = reactPage();
  let source: StaticDataSource;
  const filters: (readonly string[])[] = [];
  const changes: [string, string][] = [];
  const base: Props = {
    campaignId: CAMPAIGN_ID,
    contacts: CONTACTS,
    thresholds: STRICT_THRESHOLDS,
    onFilter: (statuses) => filters.push(statuses),
    onStatusChange: (contact, status) => changes.push([contact.name, status]),
  };
  const render = (props: Props) => page.render(createElement(CampaignPage, props));
  const stats = () => page.one<CampaignStatsElement>('campaign-stats');
  const badges = () => page.all<EmailStatusBadgeElement>('email-status-badge');

  before(() => {
    // The example points the page at its REST API when imported; the tests hand the same page static data.
    expect(getDefaultSource(), 'the example sets a default source').to.not.equal(undefined);
  });

  beforeEach(() => {
    source = pageSource();
    setDefaultSource(source);
    filters.length = 0;
    changes.length = 0;
  });

  afterEach(() => setDefaultSource(undefined));

  it('renders the elements, which show their data in the page language', async () => {
    render(base);
    await waitUntil(() => badges().map(badgeLabel).join('|') === 'Délivré|Envoyé', 'the badges', { timeout: 3000 });
    await waitUntil(() => shadowText(stats()).includes('Rebonds'), 'the stats', { timeout: 3000 });
    expect(shadowText(stats())).to.contain('Envoyés 1 000');
    expect(stats().getAttribute('campaign-id')).to.equal(CAMPAIGN_ID);
    expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-2']);
    expect(badges().map((b) => b.size)).to.deep.equal(['small', 'small']);
    expect(page.errors).to.deep.equal([]);
  });

  it('hands objects to the elements as properties, not as "[object Object]" attributes', async () => {
    render(base);
    expect(stats().thresholds).to.equal(STRICT_THRESHOLDS);
    expect(stats().hasAttribute('thresholds')).to.equal(false);
    // 3 % bounces: under the default 5 %, over the 2 % warning and 2.5 % danger given.
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the threshold to apply', { timeout: 3000 });
  });

  it('delivers metric-select to onFilter', async () => {
    render(base);
    await waitUntil(() => metricOf(stats(), 'bounced') !== null, 'the indicators', { timeout: 3000 });
    clickMetric(stats(), 'bounced');
    expect(filters).to.deep.equal([['soft-bounced', 'hard-bounced', 'bounced']]);
  });

  it('delivers status-change to onStatusChange when a live update changes a status', async () => {
    render(base);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Envoyé', 'the badges', { timeout: 3000 });
    source.update([statusOf('msg-2', 'hard-bounced', '2026-11-02T09:05:00.000Z')]);
    await waitUntil(() => changes.length > 0, 'status-change', { timeout: 3000 });
    expect(changes).to.deep.equal([['Alan Turing', 'hard-bounced']]);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Rebond définitif', 'the new label', { timeout: 3000 });
  });

  it('updates the elements when the page renders again with new props, handlers included', async () => {
    render(base);
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the first render', { timeout: 3000 });
    const first = stats();
    const later: (readonly string[])[] = [];
    render({ ...base, contacts: [CONTACTS[0]!, { id: 'c-3', name: 'Grace Hopper', messageId: 'msg-3' }], thresholds: { bounced: { warning: 0.5, danger: 0.6 } }, onFilter: (s) => later.push(s) });
    expect(stats()).to.equal(first, 'the same element, updated in place');
    expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-3']);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Ouvert', 'the new contact\'s badge', { timeout: 3000 });
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level !== 'danger', 'the new thresholds', { timeout: 3000 });
    expect(metricOf(stats(), 'bounced')!.dataset.level ?? '').to.not.match(/warning|danger/);
    clickMetric(stats(), 'delivered');
    expect(filters, 'the old handler is gone').to.deep.equal([]);
    expect(later).to.have.length(1);
  });

  it('unmounts cleanly: elements gone, no handler called afterwards, no error', async () => {
    render(base);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Envoyé', 'the badges', { timeout: 3000 });
    const [, badge] = badges();
    page.unmount();
    expect(page.container.children).to.have.length(0);
    expect(badge!.isConnected).to.equal(false);
    source.update([statusOf('msg-2', 'hard-bounced', '2026-11-02T09:05:00.000Z')]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(changes, 'a removed badge stops following its message').to.deep.equal([]);
    expect(page.errors).to.deep.equal([]);
  });
});
