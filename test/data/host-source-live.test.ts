// A host's own `subscribe()` may hand over anything, at any time: updates about another message than the one
// followed, or updates after it was told to stop. The elements hear only what belongs to what they show; the
// console says what was left out. (A file of its own: the console takes 20 data-source warnings per page.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LiveListener } from '../../src/data/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { labelOf, statusOf } from '../elements/shared/badge-helpers.js';
import { STATS, badgeWith, good, watchConsole } from './host-source-helpers.js';
import '../support/axe.js';

describe('live updates of a host’s own data source', () => {
  let watch: ReturnType<typeof watchConsole>;
  beforeEach(() => (watch = watchConsole()));
  afterEach(() => watch.restore());

  it('a badge moved to another source keeps that source’s status, whatever the old subscription still sends', async () => {
    let listener: LiveListener | undefined;
    let stops = 0;
    const el = await badgeWith({ ...good(), subscribe: (_topic, l) => ((listener = l), () => void stops++) }, 'm-1');
    el.source = { ...good(), getMessages: async (ids) => new Map(ids.map((id) => [id, statusOf(id, 'opened')])) };
    await waitUntil(() => labelOf(el) === 'Opened', 'the new source is not read', { timeout: 3000 });
    expect(stops, 'the old subscription was stopped').to.equal(1);
    listener!({ type: 'message-status', status: statusOf('m-1', 'complained', { updatedAt: '2026-12-01T00:00:00Z' }) });
    listener!({ type: 'message-status', status: statusOf('m-1', 'clicked', { updatedAt: '2026-12-02T00:00:00Z' }) });
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Opened');
    expect(watch.warnings.filter((w) => w.includes('after it was stopped')), 'said once').to.deep.equal([
      'estafette: the subscription of message "m-1" still sends updates after it was stopped; left out.',
    ]);
    expect(watch.uncaught).to.deep.equal([]);
  });

  it('campaign figures of the new source stay, whatever the old subscription still sends', async () => {
    let listener: LiveListener | undefined;
    const el = await fixture<CampaignStatsElement>(
      html`<campaign-stats lang="en" campaign-id="c1" .source=${{ ...good(), subscribe: (_topic: unknown, l: LiveListener) => ((listener = l), () => {}) }}></campaign-stats>`,
    );
    const delivered = () => el.shadowRoot!.querySelector('[data-metric="delivered"] [part~="count"]')?.textContent;
    await waitUntil(() => delivered() === '9', 'the first source is not read', { timeout: 3000 });
    el.source = { ...good(), getCampaignStats: async () => ({ ...STATS, counts: { sent: 10, delivered: 7 } }) };
    await waitUntil(() => delivered() === '7', 'the new source is not read', { timeout: 3000 });
    listener!({ type: 'campaign-stats', stats: { ...STATS, counts: { sent: 10, delivered: 2 }, updatedAt: '2026-12-01T00:00:00Z' } });
    await el.updateComplete;
    expect(delivered()).to.equal('7');
    expect(watch.warnings).to.include('estafette: the subscription of campaign "c1" still sends updates after it was stopped; left out.');
  });

  it('leaves out, and names, an update about another message or campaign than the one followed', async () => {
    let listener: LiveListener | undefined;
    const el = await badgeWith({ ...good(), subscribe: (_topic, l) => ((listener = l), () => {}) }, 'm-1');
    listener!({ type: 'message-status', status: statusOf('m-2', 'complained', { updatedAt: '2026-12-01T00:00:00Z' }) });
    listener!({ type: 'campaign-stats', stats: STATS });
    listener!({ type: 'message-missing', messageId: 'm-2' });
    listener!({ type: 'message-missing' } as never);
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Delivered');
    expect(watch.warnings).to.include.members([
      'estafette: the subscription of message "m-1" was sent a message-missing of message "m-2"; left out.',
      'estafette: the subscription of message "m-1" was sent a message-status of message "m-2"; left out.',
      'estafette: the subscription of message "m-1" was sent a campaign-stats of campaign "c1"; left out.',
    ]);
    listener!({ type: 'message-status', status: statusOf('m-1', 'opened', { updatedAt: '2026-12-01T00:00:00Z' }) });
    await el.updateComplete;
    expect(labelOf(el), 'its own updates still apply').to.equal('Opened');
  });

  it('a timeline adds the live events of its own message only', async () => {
    let listener: LiveListener | undefined;
    const el = await fixture<StatusTimelineElement>(
      html`<status-timeline lang="en" message-id="m-1" .source=${{ ...good(), subscribe: (_topic: unknown, l: LiveListener) => ((listener = l), () => {}) }}></status-timeline>`,
    );
    const rows = () => el.shadowRoot!.querySelectorAll('[part~="row"]').length;
    await waitUntil(() => rows() === 1, 'the first page is not shown', { timeout: 3000 });
    const opened = (messageId: string) => ({ provider: 'p', channel: 'email', messageId, type: 'opened', at: '2026-11-24T10:00:00Z', raw: 'open' }) as const;
    listener!({ type: 'message-event', event: opened('m-2') });
    await el.updateComplete;
    expect(rows()).to.equal(1);
    expect(watch.warnings).to.include('estafette: the subscription of message "m-1" was sent a message-event of message "m-2"; left out.');
    listener!({ type: 'message-event', event: opened('m-1') });
    await waitUntil(() => rows() === 2, 'its own live event is not shown', { timeout: 3000 });
    await expect(el).to.be.accessible();
  });
});
