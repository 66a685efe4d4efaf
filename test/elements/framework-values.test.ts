// What an integrator's framework hands the elements: React 19 and Vue set properties, not attribute text, so ids
// arrive as numbers, times as Date objects, empty states as null; a badge moves between data sources when a page
// switches tenants. Found by an integrator's review: before, a number left a badge blank with an uncaught
// "trim is not a function", and a badge kept a status its previous source had given.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CampaignStats, CanonicalEvent, MessageStatus } from '../../src/core/index.js';
import { StaticDataSource, type StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { labelOf, part, statusOf, tooltipOf } from './shared/badge-helpers.js';

/** A source answering the ids it holds, and counting what it is asked. */
function sourceOf(statuses: readonly MessageStatus[]) {
  const asked: string[] = [];
  const byId = new Map(statuses.map((s) => [s.messageId, s]));
  const source: StatusDataSource = {
    getMessages: async (ids) => {
      asked.push(...ids);
      return new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
    },
    getMessageEvents: async (id) => ({ events: [{ provider: 'p', channel: 'email', messageId: id, type: 'delivered', at: '2026-11-24T09:00:00.000Z', raw: 'delivered' }] }),
    getCampaignStats: async (id) => ({ campaign: { id, name: `Campaign ${id}`, channel: 'email' }, counts: { sent: 10, delivered: 9 }, updatedAt: '2026-11-24T09:00:00Z' }) as CampaignStats,
    getCampaignHistory: async () => ({ items: [] }),
  };
  return { source, asked, byId };
}

describe('values as frameworks pass them', () => {
  let uncaught: unknown[];
  const onError = (e: ErrorEvent) => uncaught.push(e.error ?? e.message);
  beforeEach(() => {
    uncaught = [];
    window.addEventListener('error', onError);
  });
  afterEach(() => window.removeEventListener('error', onError));

  it('a badge reads a number as its text: a status, a code, a message id', async () => {
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en"></email-status-badge>`);
    Object.assign(el, { status: 'hard-bounced', code: 550 });
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Hard bounce');
    await el.showTooltip();
    expect(tooltipOf(el)!.textContent).to.contain('550');
    el.hideTooltip();

    el.status = 42 as unknown as string;
    await el.updateComplete;
    expect(labelOf(el), 'an unknown word, shown as itself').to.equal('42');

    const { source, asked } = sourceOf([statusOf('12345', 'delivered')]);
    const byId = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" .source=${source}></email-status-badge>`);
    byId.messageId = 12345 as unknown as string;
    await waitUntil(() => labelOf(byId) === 'Delivered', 'the numeric id was not looked up', { timeout: 3000 });
    expect(asked).to.deep.equal(['12345']);
    expect(uncaught).to.deep.equal([]);
  });

  it('a badge reads a Date as its time, and shows it in the tooltip', async () => {
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" status="delivered"></email-status-badge>`);
    el.updatedAt = new Date(Date.now() - 5 * 60_000) as unknown as string;
    await el.updateComplete;
    await el.showTooltip();
    expect(tooltipOf(el)!.textContent).to.contain('5 minutes ago');
    expect(uncaught).to.deep.equal([]);
  });

  it('campaign-stats reads a Date as the time of its figures: shown, and written as ISO 8601 in its <time>', async () => {
    const stats = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" time-zone="UTC" .counts=${{ sent: 10, delivered: 9 }}></campaign-stats>`);
    stats.updatedAt = new Date(Date.UTC(2026, 10, 24, 9, 30)) as unknown as string;
    await stats.updateComplete;
    const time = stats.shadowRoot!.querySelector('time')!;
    expect(time.getAttribute('datetime')).to.equal('2026-11-24T09:30:00.000Z');
    expect(time.textContent).to.contain('9:30');
    stats.updatedAt = null as unknown as string;
    await stats.updateComplete;
    expect(stats.shadowRoot!.querySelector('time'), 'null: no time').to.equal(null);
    expect(uncaught).to.deep.equal([]);
  });

  it('campaign-stats and the timeline load a numeric id as its digits', async () => {
    const { source } = sourceOf([]);
    const stats = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" .source=${source}></campaign-stats>`);
    stats.campaignId = 42 as unknown as string;
    await waitUntil(() => stats.shadowRoot!.textContent!.includes('Campaign 42'), 'campaign 42 not shown', { timeout: 3000 });
    const timeline = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .source=${source}></status-timeline>`);
    timeline.messageId = 7 as unknown as string;
    await waitUntil(() => timeline.shadowRoot!.textContent!.includes('Delivered'), 'message 7 not shown', { timeout: 3000 });
    expect(uncaught).to.deep.equal([]);
  });

  it('a timeline given events = null reads its message-id, as with no events', async () => {
    const { source } = sourceOf([]);
    const timeline = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source} .events=${null}></status-timeline>`);
    await waitUntil(() => timeline.shadowRoot!.textContent!.includes('Delivered'), 'null events hid the message', { timeout: 3000 });
    expect(timeline.shadowRoot!.textContent).not.to.contain('No events yet');
  });

  it('campaign-stats reads metrics set as a string, as React 19 and Vue set it, like the attribute', async () => {
    const shown = (el: CampaignStatsElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="metric"]')].map((li) => li.dataset.metric);
    const counts = { sent: 10, delivered: 9, opened: 4, clicked: 1 };
    const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" .metrics=${'opened, delivered'} .counts=${counts}></campaign-stats>`);
    expect(shown(el)).to.deep.equal(['opened', 'delivered']);
    const warn = console.warn;
    const said: string[] = [];
    console.warn = (...args: unknown[]) => void said.push(args.join(' '));
    try {
      el.metrics = 42 as unknown as string;
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(shown(el), 'the defaults, not a blank card').to.include.members(['delivered', 'opened', 'clicked']);
    expect(said.join('\n')).to.contain('metrics must be indicator ids');
  });

  it('campaign-stats given both .counts and a campaign-id says which it shows', async () => {
    const warn = console.warn;
    const said: string[] = [];
    console.warn = (...args: unknown[]) => void said.push(args.join(' '));
    try {
      const { source } = sourceOf([]);
      await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c-9" .counts=${{ sent: 7, delivered: 7 }} .source=${source}></campaign-stats>`);
    } finally {
      console.warn = warn;
    }
    expect(said.join('\n')).to.contain('shows the figures of campaign "c-9"; its .counts are used only without a campaign-id');
  });
});

describe('a badge that changes data source', () => {
  it('shows what the new source says, not what the previous one said', async () => {
    const first = sourceOf([statusOf('m-2', 'hard-bounced')]);
    const second = sourceOf([]);
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-2" .source=${first.source}></email-status-badge>`);
    await waitUntil(() => labelOf(el) === 'Hard bounce', 'first source', { timeout: 3000 });
    el.source = second.source;
    await waitUntil(() => second.asked.length > 0, 'the new source was not asked', { timeout: 3000 });
    await waitUntil(() => labelOf(el) === 'Unavailable', 'the previous source’s status stayed', { timeout: 3000 });
    expect(part(el, 'badge').getAttribute('aria-label')).to.equal('Unavailable. No message was found with this identifier.');
  });

  it('moving into another <status-source> reads that source', async () => {
    const outer = new StaticDataSource({ events: [{ provider: 'p', channel: 'email', messageId: 'm-3', type: 'delivered', at: '2026-11-24T09:00:00.000Z', raw: 'delivered' } as CanonicalEvent] });
    const inner = sourceOf([statusOf('m-3', 'opened')]);
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">
      <status-source .source=${outer}><email-status-badge message-id="m-3"></email-status-badge></status-source>
      <status-source .source=${inner.source}></status-source>
    </div>`);
    const [from, to] = wrapper.querySelectorAll('status-source');
    const badge = from!.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await waitUntil(() => labelOf(badge) === 'Delivered', 'outer source', { timeout: 3000 });
    to!.append(badge);
    await waitUntil(() => labelOf(badge) === 'Opened', 'the badge kept the status of the source it left', { timeout: 3000 });
  });

  it('a source that no longer knows the message makes it not found', async () => {
    const { source, byId } = sourceOf([statusOf('m-4', 'delivered')]);
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-4" .source=${source}></email-status-badge>`);
    await waitUntil(() => labelOf(el) === 'Delivered', 'loaded', { timeout: 3000 });
    byId.delete('m-4');
    el.retry();
    await waitUntil(() => labelOf(el) === 'Unavailable', 'a deleted message stayed delivered', { timeout: 3000 });
  });
});

describe('input that is shown as it can be is also said', () => {
  const warn = console.warn;
  let said: string[];
  beforeEach(() => {
    said = [];
    console.warn = (...args: unknown[]) => void said.push(args.join(' '));
  });
  afterEach(() => (console.warn = warn));

  it('a badge whose updated-at is not a date, or whose .value is not a status', async () => {
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" status="delivered" updated-at="yesterday"></email-status-badge>`);
    await el.showTooltip();
    expect(tooltipOf(el)!.textContent).not.to.contain('yesterday');
    expect(said.join('\n')).to.contain('updated-at "yesterday" is not a date; the tooltip says "unknown date"');
    el.hideTooltip();
    el.value = { foo: 1 } as unknown as MessageStatus;
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Unknown status');
    expect(said.join('\n')).to.contain('.value has no display status (none); shown as unknown');
  });

  it('a badge whose .value writes a missing signal as null, or whose display is a BigInt or a cycle, still shows', async () => {
    const base = { messageId: 'm', channel: 'email', delivery: 'delivered', updatedAt: '2026-01-01T00:00:00Z', settled: true };
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en"></email-status-badge>`);
    el.value = { ...base, display: 'opened', engagement: { opened: null } } as unknown as MessageStatus;
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Opened');
    el.value = { ...base, display: 'opened', engagement: null } as unknown as MessageStatus;
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Opened');
    el.value = { ...base, display: 10n, engagement: {} } as unknown as MessageStatus;
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Unknown status');
    expect(said.join('\n')).to.contain('.value has no display status (of type bigint)');
    el.value = { ...base, display: cycle, engagement: {} } as unknown as MessageStatus;
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Unknown status');
    expect(said.join('\n')).to.contain('.value has no display status (of type object)');
  });

  it('campaign-stats whose figures contradict each other (more delivered than sent), once per set of figures', async () => {
    const counts = { sent: 2000, delivered: 2500 };
    const stats = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" .counts=${counts}></campaign-stats>`);
    expect(stats.shadowRoot!.textContent, 'capped, as providers’ counters are not always in step').to.contain('100%');
    stats.requestUpdate();
    await stats.updateComplete;
    const contradictions = said.filter((line) => line.includes('contradict'));
    expect(contradictions).to.have.length(1);
    expect(contradictions[0]).to.contain('delivered (2500) is more than its sent (2000)');
  });
});
