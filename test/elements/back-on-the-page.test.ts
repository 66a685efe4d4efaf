import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CanonicalEvent } from '../../src/core/index.js';
import { StaticDataSource, type StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { ev } from '../core/event-factory.js';

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

/** `source`, counting the lookups of statuses and figures. */
function counted(source: StatusDataSource) {
  const calls = { messages: 0, stats: 0 };
  const wrapped: StatusDataSource = {
    getMessages: (ids, options) => (calls.messages++, source.getMessages(ids, options)),
    getMessageEvents: (id, options) => source.getMessageEvents(id, options),
    getCampaignStats: (id, options) => (calls.stats++, source.getCampaignStats(id, options)),
    getCampaignHistory: (id, options) => source.getCampaignHistory(id, options),
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
});
