import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { EstafetteInputError, type CanonicalEvent, type MessageStatus } from '../../src/core/index.js';
import { DataSourceError, StaticDataSource, type LiveUpdate } from '../../src/data/index.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { labelOf, nameOf } from '../elements/shared/badge-helpers.js';
import '../../src/elements/status-timeline/define.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { rejectionOf } from './helpers.js';
import '../support/axe.js';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString();
const ev = (messageId: string, type: CanonicalEvent['type'], minute: number, extra: Partial<CanonicalEvent> = {}): CanonicalEvent => ({
  provider: 'test', channel: 'email', messageId, type, at: at(minute), raw: type, eventId: `${messageId}-${type}-${minute}`, ...extra,
});

const campaign = { id: 'c1', name: 'Soldes', channel: 'email' as const };

describe('StaticDataSource', () => {
  const events = [
    ev('m1', 'sent', 0), ev('m1', 'delivered', 1), ev('m1', 'opened', 5),
    ev('m2', 'sent', 0), ev('m2', 'hard-bounced', 1, { reason: 'invalid-recipient' }),
    ev('m3', 'sent', 0), ev('m3', 'delivered', 2),
  ];
  const make = () => new StaticDataSource({
    events,
    campaigns: [{
      campaign, messageIds: ['m1', 'm2', 'm3'], sending: false,
      history: [
        { campaignId: 'c1', action: 'sent', at: at(0) },
        { campaignId: 'c1', action: 'created', at: at(-60) },
        { campaignId: 'c1', action: 'started', at: at(-1) },
      ],
    }],
    pageSize: 2,
    now: () => Date.UTC(2026, 10, 24, 10),
  });

  it('reduces the events of each message into its status; unknown ids are absent', async () => {
    const found = await make().getMessages(['m1', 'm2', 'nope']);
    expect([...found.keys()]).to.deep.equal(['m1', 'm2']);
    expect(found.get('m1')!.display).to.equal('opened');
    expect(found.get('m2')!.display).to.equal('hard-bounced');
    expect(found.get('m2')!.reason).to.equal('invalid-recipient');
  });

  it('takes statuses as they are, unless the message also has events', async () => {
    const given: MessageStatus = {
      messageId: 'm9', channel: 'sms', delivery: 'delivered', display: 'replied', engagement: {}, updatedAt: at(3), settled: true,
    };
    const stale: MessageStatus = { ...given, messageId: 'm1', display: 'sent', delivery: 'sent' };
    const source = new StaticDataSource({ statuses: [given, stale], events });
    const found = await source.getMessages(['m9', 'm1']);
    expect(found.get('m9')).to.equal(given);
    expect(found.get('m1')!.display).to.equal('opened');
  });

  it('pages a message\'s events newest first, without duplicates, as the REST contract does', async () => {
    const source = new StaticDataSource({ events: [ev('m1', 'opened', 5), ev('m1', 'sent', 0), ev('m1', 'delivered', 1), ev('m1', 'sent', 0)], pageSize: 2 });
    const first = await source.getMessageEvents('m1');
    expect(first.events.map((e) => e.type)).to.deep.equal(['opened', 'delivered']);
    expect(first.nextCursor).to.be.a('string');
    const second = await source.getMessageEvents('m1', { cursor: first.nextCursor! });
    expect(second.events.map((e) => e.type)).to.deep.equal(['sent']);
    expect(second.nextCursor).to.equal(undefined);
    expect((await source.getMessageEvents('unknown')).events).to.deep.equal([]);
  });

  it('serves the next older page whole when an event arrived after the first page', async () => {
    const source = new StaticDataSource({ events: [ev('m1', 'sent', 0), ev('m1', 'delivered', 1), ev('m1', 'opened', 5)], pageSize: 2 });
    const first = await source.getMessageEvents('m1');
    source.update([ev('m1', 'clicked', 9)]);
    const second = await source.getMessageEvents('m1', { cursor: first.nextCursor! });
    expect(second.events.map((e) => e.type)).to.deep.equal(['sent']);
  });

  it('rejects a cursor that is not one with a 400 DataSourceError', async () => {
    const source = new StaticDataSource({ events: [ev('m1', 'sent', 0)] });
    for (const cursor of ['abc', '-1', '2']) {
      const error = (await rejectionOf(source.getMessageEvents('m1', { cursor }))) as DataSourceError;
      expect(error, cursor).to.be.instanceOf(DataSourceError);
      expect(error.status, cursor).to.equal(400);
    }
  });

  it('aggregates a campaign\'s counts from its messages', async () => {
    const stats = await make().getCampaignStats('c1');
    expect(stats.campaign).to.deep.equal(campaign);
    expect(stats.counts).to.include({ sent: 3, delivered: 2, hardBounced: 1, opened: 1 });
    expect(stats.sending).to.equal(false);
    expect(stats.updatedAt).to.equal('2026-11-24T10:00:00.000Z');
  });

  it('reports counts given as they are', async () => {
    const source = new StaticDataSource({ campaigns: [{ campaign, counts: { sent: 100, delivered: 97 } }] });
    expect((await source.getCampaignStats('c1')).counts).to.deep.equal({ sent: 100, delivered: 97 });
  });

  it('serves the history newest first, a page at a time', async () => {
    const source = make();
    const first = await source.getCampaignHistory('c1');
    expect(first.items.map((e) => e.action)).to.deep.equal(['sent', 'started']);
    const second = await source.getCampaignHistory('c1', { cursor: first.nextCursor! });
    expect(second.items.map((e) => e.action)).to.deep.equal(['created']);
  });

  it('serves the history newest first when its times are written as PostgreSQL or Python write them (+01, +0100)', async () => {
    const source = new StaticDataSource({
      campaigns: [{
        campaign,
        history: [
          { campaignId: 'c1', action: 'sent', at: '2026-11-24T10:00:00+01' },
          { campaignId: 'c1', action: 'completed', at: '2026-11-24 10:30:00+0100' },
          { campaignId: 'c1', action: 'created', at: '2026-11-24T09:00:00+01' },
          { campaignId: 'c1', action: 'started', at: '2026-11-24T08:59:00Z' },
        ],
      }],
    });
    expect((await source.getCampaignHistory('c1')).items.map((e) => e.action)).to.deep.equal(['completed', 'sent', 'started', 'created']);
  });

  it('rejects an unknown campaign with a 404 DataSourceError, as the REST contract does', async () => {
    const error = (await rejectionOf(make().getCampaignStats('nope'))) as DataSourceError;
    expect(error).to.be.instanceOf(DataSourceError);
    expect(error.status).to.equal(404);
    expect(error.retryable).to.equal(false);
    expect(((await rejectionOf(make().getCampaignHistory('nope'))) as DataSourceError).status).to.equal(404);
  });

  it('rejects an aborted call', async () => {
    const error = await rejectionOf(make().getMessages(['m1'], { signal: AbortSignal.abort() }));
    expect((error as Error).name).to.equal('AbortError');
  });

  it('tells subscribers about new events, changed statuses and changed counts on update()', async () => {
    const source = make();
    const message: LiveUpdate[] = [];
    const other: LiveUpdate[] = [];
    const counts: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'm3' }, (u) => message.push(u));
    source.subscribe({ kind: 'message', id: 'm1' }, (u) => other.push(u));
    source.subscribe({ kind: 'campaign', id: 'c1' }, (u) => counts.push(u));

    source.update([ev('m3', 'clicked', 9, { detail: { url: 'https://example.fr' } })]);

    expect(message.map((u) => u.type)).to.deep.equal(['message-event', 'message-status']);
    expect(message[1]!.type === 'message-status' && message[1]!.status.display).to.equal('clicked');
    expect(other).to.deep.equal([]);
    expect(counts).to.have.length(1);
    expect(counts[0]!.type === 'campaign-stats' && counts[0]!.stats.counts.clicked).to.equal(1);
    expect((await source.getMessages(['m3'])).get('m3')!.display).to.equal('clicked');
  });

  it('deletes messages on remove(): lookups and events leave them out, subscribers hear message-missing and the new counts', async () => {
    const source = make();
    const m2: LiveUpdate[] = [];
    const m1: LiveUpdate[] = [];
    const counts: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'm2' }, (u) => m2.push(u));
    source.subscribe({ kind: 'message', id: 'm1' }, (u) => m1.push(u));
    source.subscribe({ kind: 'campaign', id: 'c1' }, (u) => counts.push(u));

    source.remove(['m2', 'm2', 'nobody']);

    expect(m2).to.deep.equal([{ type: 'message-missing', messageId: 'm2' }]);
    expect(m1, 'another message').to.deep.equal([]);
    const figures = counts.map((u) => u.type === 'campaign-stats' && (({ sent, delivered, hardBounced }) => ({ sent, delivered, hardBounced }))(u.stats.counts));
    expect(figures, 'm2 (hard-bounced) no longer counted').to.deep.equal([{ sent: 2, delivered: 2, hardBounced: 0 }]);
    expect([...(await source.getMessages(['m1', 'm2'])).keys()]).to.deep.equal(['m1']);
    expect((await source.getMessageEvents('m2')).events).to.deep.equal([]);
    source.remove(['m2']);
    expect(m2, 'told once').to.have.length(1);
    expect(counts, 'counts unchanged: not told again').to.have.length(1);
    // Its events may come again (a message sent anew under the same id): they are not taken for duplicates.
    source.update([ev('m2', 'sent', 0)]);
    expect((await source.getMessages(['m2'])).get('m2')!.display).to.equal('sent');
  });

  it('a badge of a message removed says no message was found', async () => {
    const source = make();
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m1" .source=${source}></email-status-badge>`);
    await waitUntil(() => labelOf(el) === 'Opened', 'its status');
    source.remove(['m1']);
    await waitUntil(() => labelOf(el) === 'Unavailable', 'told of the deletion');
    expect(nameOf(el)).to.equal('Unavailable. No message was found with this identifier.');
    await expect(el).to.be.accessible();
  });

  it('a timeline of a message removed drops its rows and says no message was found; sent anew under the same id, it loads again', async () => {
    const source = make();
    const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m1" .source=${source}></status-timeline>`);
    const root = el.shadowRoot!;
    const rows = () => [...root.querySelectorAll('[part~="row"]')].map((row) => row.querySelector('[part~="label"]')!.textContent!.trim());
    const error = () => root.querySelector('[part~="error"]')?.textContent!.replace(/\s+/g, ' ').trim() ?? '';
    await waitUntil(() => rows().length === 2, 'its first page', { timeout: 3000 });
    expect(rows()).to.deep.equal(['Opened', 'Delivered']);
    source.remove(['m1']);
    await waitUntil(() => error() !== '', 'told of the deletion', { timeout: 3000 });
    expect(rows(), 'its events went with it').to.deep.equal([]);
    expect(error()).to.equal('No message was found with this identifier.');
    expect(root.querySelector('[part~="retry"]'), 'nothing to try again').to.equal(null);
    expect(root.querySelector('[part~="error"]')!.getAttribute('role'), 'said to screen readers').to.equal('alert');
    await expect(el).to.be.accessible();
    // Another message's news changes nothing; the same id sent anew is loaded again.
    source.update([ev('m3', 'opened', 9)]);
    source.update([ev('m1', 'sent', 20)]);
    await waitUntil(() => rows().length === 1, `reads ${rows().join(', ')} ${error()}`, { timeout: 3000 });
    expect(rows()).to.deep.equal(['Sent']);
    expect(error(), 'the error went').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('refuses events of another recipient of a message with a typed error, the rest of the update applied', async () => {
    const { EstafetteInputError } = await import('../../src/core/index.js');
    const to = (recipient: string) => ({ recipient });
    expect(() => new StaticDataSource({ events: [ev('m1', 'sent', 0, to('a@x.org')), ev('m1', 'delivered', 1, to('b@x.org'))] }))
      .to.throw(EstafetteInputError, /several recipients/);
    const source = new StaticDataSource({ events: [ev('m1', 'sent', 0, to('a@x.org'))] });
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'm1' }, (update) => heard.push(update));
    source.subscribe({ kind: 'message', id: 'm2' }, (update) => heard.push(update));
    expect(() => source.update([ev('m1', 'hard-bounced', 2, to('b@x.org')), ev('m2', 'delivered', 2)])).to.throw(EstafetteInputError, /a@x\.org and b@x\.org/);
    const statuses = await source.getMessages(['m1', 'm2']);
    expect(statuses.get('m1')!.delivery, 'm1 as before').to.equal('sent');
    expect(statuses.get('m2')!.delivery, 'the rest applied').to.equal('delivered');
    expect((await source.getMessageEvents('m1')).events.map((e) => e.type), 'the refused event is not kept').to.deep.equal(['sent']);
    expect(heard.map((u) => (u.type === 'message-event' ? `${u.type}:${u.event.messageId}` : `${u.type}:${u.type === 'message-status' ? u.status.messageId : ''}`)))
      .to.deep.equal(['message-event:m2', 'message-status:m2']);
    source.update([ev('m1', 'delivered', 3, to('A@x.org'))]);
    expect((await source.getMessages(['m1'])).get('m1')!.delivery, 'its own recipient, in another case').to.equal('delivered');
  });

  it('changes nothing, and tells nobody, when a webhook event arrives twice', () => {
    const source = make();
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'm1' }, (u) => heard.push(u));
    source.subscribe({ kind: 'campaign', id: 'c1' }, (u) => heard.push(u));
    source.update([ev('m1', 'opened', 5)]);
    expect(heard).to.deep.equal([]);
  });

  it('tells campaign subscribers about a new history entry', async () => {
    const source = make();
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'campaign', id: 'c1' }, (u) => heard.push(u));
    source.addHistory({ campaignId: 'c1', action: 'completed', at: at(30) });
    expect(heard.map((u) => u.type)).to.deep.equal(['campaign-history']);
    expect((await source.getCampaignHistory('c1')).items.map((e) => e.action)).to.deep.equal(['completed', 'sent']);
  });

  it('keeps telling the other listeners when one of them throws', () => {
    const source = make();
    const heard: string[] = [];
    const reported: unknown[] = [];
    const report = globalThis.reportError;
    globalThis.reportError = (error: unknown) => reported.push(error);
    try {
      source.subscribe({ kind: 'message', id: 'm3' }, () => {
        throw new Error('listener bug');
      });
      source.subscribe({ kind: 'message', id: 'm3' }, (u) => heard.push(u.type));
      source.update([ev('m3', 'opened', 20)]);
    } finally {
      globalThis.reportError = report;
    }
    expect(heard).to.deep.equal(['message-event', 'message-status']);
    expect(reported.map((e) => (e as Error).message)).to.deep.equal(['listener bug', 'listener bug']);
  });

  it('tells campaign subscribers about the history entries setCampaign() adds, not those the campaign had', () => {
    const source = make();
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'campaign', id: 'c1' }, (u) => heard.push(u));
    source.setCampaign({
      campaign, messageIds: ['m1', 'm2', 'm3'], sending: false,
      history: [
        { campaignId: 'c1', action: 'created', at: at(-60) },
        { campaignId: 'c1', action: 'started', at: at(-1) },
        { campaignId: 'c1', action: 'sent', at: at(0) },
        { campaignId: 'c1', action: 'completed', at: at(40) },
      ],
    });
    expect(heard.map((u) => (u.type === 'campaign-history' ? `${u.type}:${u.entry.action}` : u.type))).to.deep.equal(['campaign-stats', 'campaign-history:completed']);
  });

  it('a campaign timeline shows the entries setCampaign() adds', async () => {
    const source = make();
    const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" campaign-id="c1" .source=${source}></status-timeline>`);
    const actions = () => [...el.shadowRoot!.querySelectorAll('[part~="row"]')].map((row) => row.textContent!.replace(/\s+/g, ' ').trim().split(' ')[0]);
    await waitUntil(() => actions().length === 2, 'the first page is not shown', { timeout: 3000 });
    source.setCampaign({
      campaign, messageIds: ['m1', 'm2', 'm3'], sending: false,
      history: [{ campaignId: 'c1', action: 'created', at: at(-60) }, { campaignId: 'c1', action: 'sent', at: at(0) }, { campaignId: 'c1', action: 'completed', at: at(40) }],
    });
    await waitUntil(() => actions()[0] === 'Completed', `reads ${actions().join(', ')}`, { timeout: 3000 });
    await expect(el).to.be.accessible();
  });

  it('cuts a fractional pageSize to whole entries, so that every cursor it gives leads to a page', async () => {
    const source = new StaticDataSource({ events, pageSize: 1.5 });
    const first = await source.getMessageEvents('m1');
    expect(first.events.map((e) => e.type)).to.deep.equal(['opened']);
    const second = await source.getMessageEvents('m1', { cursor: first.nextCursor! });
    expect(second.events.map((e) => e.type)).to.deep.equal(['delivered']);
  });

  it('refuses a pageSize that is not a number of at least 1 with a RangeError naming it', () => {
    for (const pageSize of [0, -3, Number.NaN, '10' as unknown as number]) {
      expect(() => new StaticDataSource({ pageSize }), String(pageSize)).to.throw(RangeError, /StaticDataSource: pageSize must be a number of at least 1/);
    }
  });

  it('refuses what is no list, event, status or campaign with a typed error naming the item, before changing anything', async () => {
    const bad: [unknown, RegExp][] = [
      [{ events: {} }, /expected a list .*\(at events\)/],
      [{ events: [ev('m1', 'sent', 0), null] }, /not a message status nor an event \(at events\[1\]\)/],
      [{ events: [{}] }, /not a message status nor an event \(at events\[0\]\)/],
      [{ statuses: [{ messageId: 'm1', delivery: 'delivered' }] }, /not a message status nor an event \(at statuses\[0\]\)/],
      [{ statuses: [{ delivery: 'delivered', engagement: {} }] }, /a status needs its messageId \(at statuses\[0\]\.messageId\)/],
      [{ events: [{ ...ev('m1', 'sent', 0), messageId: 7 }] }, /not a message status nor an event \(at events\[0\]\)/],
      [{ campaigns: [{ messageIds: ['m1'] }] }, /a campaign needs its campaign.id \(at campaigns\[0\].campaign.id\)/],
    ];
    for (const [options, message] of bad) expect(() => new StaticDataSource(options as never), JSON.stringify(options)).to.throw(EstafetteInputError, message);

    const source = make();
    const heard: LiveUpdate[] = [];
    source.subscribe({ kind: 'message', id: 'm1' }, (u) => heard.push(u));
    const partial = { messageId: 'm1', delivery: 'bounced' } as unknown as MessageStatus;
    expect(() => source.update([ev('m1', 'clicked', 9), partial])).to.throw(EstafetteInputError, /not a message status nor an event \(at items\[1\]\)/);
    expect(() => source.update(undefined as never)).to.throw(EstafetteInputError, /\(at items\)/);
    expect(() => source.setCampaign({} as never)).to.throw(EstafetteInputError, /\(at campaign.campaign.id\)/);
    expect(() => source.remove('m1' as never), 'one id, not a list').to.throw(EstafetteInputError, /expected a list .*\(at messageIds\)/);
    expect(() => source.remove(undefined as never)).to.throw(EstafetteInputError, /\(at messageIds\)/);
    expect(heard, 'nothing applied').to.deep.equal([]);
    expect((await source.getMessages(['m1'])).get('m1')!.display).to.equal('opened');
  });
});
