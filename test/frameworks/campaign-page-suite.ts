// What the Vue and Angular one-page examples must both do, checked the same way for each (vue.test.ts,
// angular.test.ts give the mounting). Their <status-source endpoint="/api/estafette"> really goes to that
// endpoint: the page's fetch and EventSource answer for it from a StaticDataSource, as a server would.
import { expect, waitUntil } from '@open-wc/testing';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { FakeEventSource } from '../data/helpers.js';
import {
  BASE, CAMPAIGN_ID, CONTACTS, STRICT_THRESHOLDS, badgeLabel, clickMetric, metricOf, pageSource, restFetch, shadowText, statusOf, watchErrors,
} from './page-data.js';

/** The example's inputs, as each framework names them in its own way. */
export interface PageInputs {
  readonly campaignId: string;
  readonly contacts: readonly { id: string; name: string; messageId: string }[];
  readonly thresholds: object;
}

/** What the example tells its parent: the statuses to filter by, a contact's new status. */
export interface PageOutputs {
  filter(statuses: readonly string[]): void;
  statusChange(contact: { name: string }, status: string): void;
}

/** The example mounted in `container` by one framework. */
export interface MountedPage {
  /** Gives new inputs and lets the framework render them. */
  update(inputs: Partial<PageInputs>): Promise<void> | void;
  /** Unmounts the example; afterwards the suite checks `assertGone`. */
  unmount(): void;
  /** That the example is gone as the framework promises (DOM removed, outputs closed...). */
  assertGone(): void;
}

export type MountPage = (container: HTMLElement, inputs: PageInputs, outputs: PageOutputs) => Promise<MountedPage> | MountedPage;

export function describeCampaignPage(title: string, mount: MountPage, containerTag = 'div'): void {
  describe(title, () => {
    const realFetch = window.fetch;
    const RealEventSource = window.EventSource;
    let container: HTMLElement;
    let page: MountedPage | undefined;
    let paths: string[];
    let watch: ReturnType<typeof watchErrors>;
    let filters: (readonly string[])[];
    let changes: [string, string][];
    const stats = () => container.querySelector<CampaignStatsElement>('campaign-stats')!;
    const badges = () => [...container.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];

    beforeEach(async () => {
      watch = watchErrors();
      paths = [];
      filters = [];
      changes = [];
      FakeEventSource.reset();
      window.fetch = restFetch(pageSource(), paths);
      (window as { EventSource: unknown }).EventSource = FakeEventSource;
      container = document.body.appendChild(document.createElement(containerTag));
      page = await mount(
        container,
        { campaignId: CAMPAIGN_ID, contacts: CONTACTS, thresholds: STRICT_THRESHOLDS },
        { filter: (statuses) => filters.push(statuses), statusChange: (contact, status) => changes.push([contact.name, status]) },
      );
    });

    afterEach(() => {
      page?.unmount();
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
      expect(stats().getAttribute('campaign-id'), 'the campaign id as an attribute').to.equal(CAMPAIGN_ID);
      expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-2']);
      expect([...container.querySelectorAll('td:first-child')].map((td) => td.textContent)).to.deep.equal(['Ada Lovelace', 'Alan Turing']);
      expect(watch.errors, 'no unknown-element warning or error').to.deep.equal([]);
    });

    it('binds objects as properties, not as "[object Object]" attributes', async () => {
      expect(stats().thresholds).to.equal(STRICT_THRESHOLDS);
      expect(stats().hasAttribute('thresholds')).to.equal(false);
      await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the threshold to apply', { timeout: 3000 });
    });

    it('turns metric-select into the example\'s filter event', async () => {
      await waitUntil(() => metricOf(stats(), 'bounced') !== null, 'the indicators', { timeout: 3000 });
      clickMetric(stats(), 'bounced');
      expect(filters).to.deep.equal([['soft-bounced', 'hard-bounced', 'bounced']]);
    });

    it('turns a live status-change into the example\'s status-change event', async () => {
      await waitUntil(() => badgeLabel(badges()[1]) === 'Envoyé' && FakeEventSource.last !== undefined, 'the badges and the stream', { timeout: 3000 });
      FakeEventSource.last!.open();
      FakeEventSource.last!.emit('message-status', statusOf('msg-2', 'hard-bounced', '2026-11-02T09:05:00.000Z'), '1');
      await waitUntil(() => changes.length > 0, 'status-change', { timeout: 3000 });
      expect(changes).to.deep.equal([['Alan Turing', 'hard-bounced']]);
      await waitUntil(() => badgeLabel(badges()[1]) === 'Rebond définitif', 'the new label', { timeout: 3000 });
    });

    it('updates the elements when the inputs change, and unmounts without errors', async () => {
      await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the first render', { timeout: 3000 });
      const first = stats();
      await page!.update({ contacts: [CONTACTS[0]!, { id: 'c-3', name: 'Grace Hopper', messageId: 'msg-3' }], thresholds: { bounced: { warning: 0.5, danger: 0.6 } } });
      expect(stats()).to.equal(first, 'the same element, updated in place');
      expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-3']);
      await waitUntil(() => badgeLabel(badges()[1]) === 'Ouvert', 'the new contact\'s badge', { timeout: 3000 });
      await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level !== 'danger', 'the new thresholds', { timeout: 3000 });
      const badge = badges()[1]!;
      const gone = page!;
      gone.unmount();
      page = undefined;
      gone.assertGone();
      // A status change after the unmount reaches no handler of the example.
      badge.dispatchEvent(new CustomEvent('status-change', { bubbles: true, composed: true }));
      expect(changes).to.deep.equal([]);
      expect(watch.errors).to.deep.equal([]);
    });
  });
}
