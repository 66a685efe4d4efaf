// examples/angular/campaign-page.component.ts itself, compiled with Angular's decorators (server-plugins.mjs) and
// created with Angular 21 in the page (JIT, zoneless). Its <status-source endpoint="/api/estafette"> really goes to
// that endpoint: the page's fetch and EventSource answer for it from a StaticDataSource, as a server would.
import '@angular/compiler';
import { provideZonelessChangeDetection, type ApplicationRef, type ComponentRef } from '@angular/core';
import { createApplication } from '@angular/platform-browser';
import { expect, waitUntil } from '@open-wc/testing';
import { CampaignPageComponent } from '../../examples/angular/campaign-page.component.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { FakeEventSource } from '../data/helpers.js';
import {
  BASE, CAMPAIGN_ID, CONTACTS, STRICT_THRESHOLDS, badgeLabel, clickMetric, metricOf, pageSource, restFetch, shadowText, statusOf, watchErrors,
} from './page-data.js';

describe('Angular 21 with examples/angular/campaign-page.component.ts', () => {
  const realFetch = window.fetch;
  const RealEventSource = window.EventSource;
  let container: HTMLElement;
  let app: ApplicationRef;
  let page: ComponentRef<CampaignPageComponent>;
  let paths: string[];
  let watch: ReturnType<typeof watchErrors>;
  let filters: (readonly string[])[];
  let changes: [string, string][];
  const stats = () => container.querySelector<CampaignStatsElement>('campaign-stats')!;
  const badges = () => [...container.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
  const render = () => {
    page.changeDetectorRef.detectChanges();
  };

  beforeEach(async () => {
    watch = watchErrors();
    paths = [];
    filters = [];
    changes = [];
    FakeEventSource.reset();
    window.fetch = restFetch(pageSource(), paths);
    (window as { EventSource: unknown }).EventSource = FakeEventSource;
    container = document.body.appendChild(document.createElement('app-campaign-page'));
    app = await createApplication({ providers: [provideZonelessChangeDetection()] });
    page = app.bootstrap(CampaignPageComponent, container);
    page.setInput('campaignId', CAMPAIGN_ID);
    page.setInput('contacts', CONTACTS);
    page.setInput('thresholds', STRICT_THRESHOLDS);
    page.instance.filter.subscribe((statuses) => filters.push(statuses));
    page.instance.statusChange.subscribe(({ contact, status }) => changes.push([contact.name, status]));
    render();
  });

  afterEach(() => {
    app.destroy();
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
    expect(stats().getAttribute('campaign-id'), '[attr.campaign-id] sets the attribute').to.equal(CAMPAIGN_ID);
    expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-2']);
    expect([...container.querySelectorAll('td:first-child')].map((td) => td.textContent)).to.deep.equal(['Ada Lovelace', 'Alan Turing']);
    expect(watch.errors, 'no unknown-element error').to.deep.equal([]);
  });

  it('binds objects with [prop] as properties, not as "[object Object]" attributes', async () => {
    expect(stats().thresholds).to.equal(STRICT_THRESHOLDS);
    expect(stats().hasAttribute('thresholds')).to.equal(false);
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the threshold to apply', { timeout: 3000 });
  });

  it('turns metric-select into the component\'s filter output', async () => {
    await waitUntil(() => metricOf(stats(), 'bounced') !== null, 'the indicators', { timeout: 3000 });
    clickMetric(stats(), 'bounced');
    expect(filters).to.deep.equal([['soft-bounced', 'hard-bounced', 'bounced']]);
  });

  it('turns a live status-change into the component\'s statusChange output', async () => {
    await waitUntil(() => badgeLabel(badges()[1]) === 'Envoyé' && FakeEventSource.last !== undefined, 'the badges and the stream', { timeout: 3000 });
    FakeEventSource.last!.open();
    FakeEventSource.last!.emit('message-status', statusOf('msg-2', 'hard-bounced', '2026-11-02T09:05:00.000Z'), '1');
    await waitUntil(() => changes.length > 0, 'status-change', { timeout: 3000 });
    expect(changes).to.deep.equal([['Alan Turing', 'hard-bounced']]);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Rebond définitif', 'the new label', { timeout: 3000 });
  });

  it('updates the elements when the inputs change, and is destroyed without errors', async () => {
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level === 'danger', 'the first render', { timeout: 3000 });
    const first = stats();
    page.setInput('contacts', [CONTACTS[0]!, { id: 'c-3', name: 'Grace Hopper', messageId: 'msg-3' }]);
    page.setInput('thresholds', { bounced: { warning: 0.5 } });
    render();
    expect(stats()).to.equal(first, 'the same element, updated in place');
    expect(badges().map((b) => b.getAttribute('message-id'))).to.deep.equal(['msg-1', 'msg-3']);
    await waitUntil(() => badgeLabel(badges()[1]) === 'Ouvert', 'the new contact\'s badge', { timeout: 3000 });
    await waitUntil(() => metricOf(stats(), 'bounced')?.dataset.level !== 'danger', 'the new thresholds', { timeout: 3000 });
    // Destroyed, its outputs closed: a later live change reaches no handler of the component.
    const badge = badges()[1]!;
    page.destroy();
    expect(page.hostView.destroyed).to.equal(true);
    badge.dispatchEvent(new CustomEvent('status-change', { bubbles: true, composed: true }));
    expect(changes).to.deep.equal([]);
    expect(watch.errors).to.deep.equal([]);
  });
});
