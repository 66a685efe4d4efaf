// A host's own data source may answer anything. The elements check its answers like the REST client checks a
// server's (src/data/checked-source.ts): a wrong answer is a load error the element shows and the console explains,
// never a crash, a blank element or a badge loading forever.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { CampaignStats, MessageStatus } from '../../src/core/index.js';
import { checkedSource } from '../../src/data/checked-source.js';
import { RestDataSource, StaticDataSource, batchMessages, type LiveListener, type StatusDataSource } from '../../src/data/index.js';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusTimelineElement } from '../../src/elements/status-timeline/status-timeline.js';
import { labelOf, part, statusOf } from '../elements/shared/badge-helpers.js';
import { STATS, badgeWith, good, watchConsole } from './host-source-helpers.js';
import '../support/axe.js';

describe('a host’s own data source, checked by the elements', () => {
  let watch: ReturnType<typeof watchConsole>;
  beforeEach(() => (watch = watchConsole()));
  afterEach(() => watch.restore());

  describe('<email-status-badge>', () => {
    it('shows the status of a good source', async () => {
      const el = await badgeWith(good());
      expect(labelOf(el)).to.equal('Delivered');
      expect(watch.warnings).to.deep.equal([]);
    });

    it('says it could not read a status filed under another id, instead of loading forever, and the console says why', async () => {
      const source = { ...good(), getMessages: async (ids: readonly string[]) => new Map(ids.map((id) => [id, statusOf(id.toUpperCase(), 'delivered')])) };
      const el = await badgeWith(source, 'm-1');
      expect(part(el, 'badge').getAttribute('aria-label')).to.equal('Unavailable. Couldn’t load the status: the server’s answer is unreadable');
      expect(labelOf(el)).to.equal('Unavailable');
      expect(watch.warnings.join('\n')).to.contain('getMessages().get("m-1").messageId is "M-1", not the id asked for');
      await expect(el).to.be.accessible();
    });

    it('says when an answer is filed under another spelling of the id asked for, and not when a source hands back more ids', async () => {
      const cache = new Map(['m-1', 'm-2', 'm-3'].map((id) => [id, statusOf(id, 'delivered')]));
      const whole = await badgeWith({ ...good(), getMessages: async () => cache }, 'm-2');
      expect(labelOf(whole), 'its whole cache: extra ids are no fault').to.equal('Delivered');
      expect(watch.warnings).to.deep.equal([]);

      const upper = await badgeWith({ ...good(), getMessages: async (ids: readonly string[]) => new Map(ids.map((id) => [id.toUpperCase(), statusOf(id.toUpperCase(), 'delivered')])) }, 'm-7');
      expect(part(upper, 'badge').getAttribute('aria-label')).to.equal('Unavailable. No message was found with this identifier.');
      expect(watch.warnings.join('\n')).to.contain('getMessages() answered "M-7", an id not asked for (ids are compared exactly); left out.');
    });

    it('says so for wrong shapes (a date as a number, null instead of a Map), with the field in the console; nothing crashes', async () => {
      const numberDate = { ...good(), getMessages: async (ids: readonly string[]) => new Map(ids.map((id) => [id, { ...statusOf(id, 'delivered'), updatedAt: 1764000000000 } as unknown as MessageStatus])) };
      const el = await badgeWith(numberDate);
      expect(labelOf(el)).to.equal('Unavailable');
      expect(watch.warnings.join('\n')).to.contain('getMessages().get("m-1").updatedAt is not a string');

      const nothingBack = { ...good(), getMessages: async () => null as unknown as Map<string, MessageStatus> };
      const other = await badgeWith(nothingBack, 'm-2');
      expect(labelOf(other)).to.equal('Unavailable');
      expect(watch.warnings.join('\n')).to.contain('getMessages() returned null, not a Map');
      expect(watch.uncaught).to.deep.equal([]);
    });

    it('shows a status word it does not know as itself', async () => {
      const el = await badgeWith({ ...good(), getMessages: async (ids: readonly string[]) => new Map(ids.map((id) => [id, { ...statusOf(id, 'delivered'), delivery: 'bounced_hard', display: 'bounced_hard' } as unknown as MessageStatus])) }, 'm-9');
      expect(labelOf(el)).to.equal('bounced_hard');
      expect(part(el, 'badge').getAttribute('aria-label')).to.contain('bounced_hard');
    });

    it('warns nothing while the page has not set its source yet', async () => {
      const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="en" message-id="m-1"></email-status-badge>`);
      await waitUntil(() => part(el, 'badge').classList.contains('error'), 'no "no source" state', { timeout: 3000 });
      el.source = good();
      await waitUntil(() => labelOf(el) === 'Delivered', 'the source set later is not read', { timeout: 3000 });
      expect(watch.warnings).to.deep.equal([]);
    });

    it('logs what the source threw, with its own words', async () => {
      const el = await badgeWith({ ...good(), getMessages: async () => { throw new Error('my api is down'); } }, 'm-3');
      expect(part(el, 'badge').getAttribute('aria-label')).to.equal('Unavailable. Couldn’t load the status: an unexpected error occurred');
      expect(watch.warnings.join('\n')).to.contain('could not load the status of message "m-3": Error: my api is down');
    });

    it('still shows the status when subscribe() throws or returns nothing, and warns', async () => {
      const throwing = await badgeWith({ ...good(), subscribe: () => { throw new Error('no live'); } });
      expect(labelOf(throwing)).to.equal('Delivered');
      const silent = await badgeWith({ ...good(), subscribe: () => undefined as unknown as () => void }, 'm-5');
      expect(labelOf(silent)).to.equal('Delivered');
      silent.remove(); // stops the subscription it does not have
      throwing.remove();
      const said = watch.warnings.join('\n');
      expect(said).to.contain('subscribe() threw; message "m-1" is not followed live: Error: no live');
      expect(said).to.contain('subscribe() must return a function that stops it, not undefined.');
      expect(watch.uncaught).to.deep.equal([]);
    });

    it('applies good live updates and leaves out malformed ones, saying so', async () => {
      let listener: LiveListener | undefined;
      const el = await badgeWith({ ...good(), subscribe: (_topic, l) => ((listener = l), () => {}) });
      listener!({ type: 'message-status', status: { ...statusOf('m-1', 'opened'), updatedAt: 'yesterday' } });
      await el.updateComplete;
      expect(labelOf(el), 'a time no parser reads').to.equal('Delivered');
      expect(watch.warnings.join('\n')).to.contain('a live update of message "m-1" was left out: DataSourceError: Malformed data: data.updatedAt is not a date');
      listener!({ type: 'message-status', status: { ...statusOf('m-1', 'opened'), updatedAt: '2026-11-24T10:00:00Z' } });
      await el.updateComplete;
      expect(labelOf(el)).to.equal('Opened');
    });
  });

  describe('<campaign-stats>', () => {
    const statsWith = async (source: StatusDataSource) => {
      const el = await fixture<CampaignStatsElement>(html`<campaign-stats lang="en" campaign-id="c1" .source=${source}></campaign-stats>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="metric"], .error'), 'still loading', { timeout: 3000 });
      return el;
    };

    it('says it could not read figures of another campaign (an id in another case), instead of loading forever', async () => {
      const el = await statsWith({ ...good(), getCampaignStats: async () => ({ ...STATS, campaign: { ...STATS.campaign, id: 'C1' } }) });
      expect(el.shadowRoot!.querySelector('.error')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
        'Couldn’t load the results: the server’s answer is unreadable Try again',
      );
      expect(watch.warnings.join('\n')).to.contain('getCampaignStats("c1").campaign.id is "C1", not the id asked for');
      await expect(el).to.be.accessible();
    });

    it('says so for bare counts in place of the stats', async () => {
      await statsWith({ ...good(), getCampaignStats: async () => ({ sent: 10, delivered: 9 }) as unknown as CampaignStats });
      expect(watch.warnings.join('\n')).to.contain('getCampaignStats("c1").campaign is not an object');
      expect(watch.uncaught).to.deep.equal([]);
    });

    it('survives a subscribe() that returns nothing, removed and moved to another campaign', async () => {
      const el = await statsWith({ ...good(), subscribe: () => undefined as unknown as () => void });
      expect(el.shadowRoot!.querySelector('[data-metric="delivered"] [part~="count"]')!.textContent).to.equal('9');
      el.campaignId = 'c2';
      await el.updateComplete;
      el.remove();
      await new Promise((r) => setTimeout(r, 50));
      expect(watch.uncaught).to.deep.equal([]);
    });
  });

  describe('<status-timeline>', () => {
    it('says it could not read events whose times are numbers, rather than "no events"', async () => {
      const source = {
        ...good(),
        getMessageEvents: async (id: string) => ({ events: [{ provider: 'p', channel: 'email', messageId: id, type: 'delivered', at: 1764000000000, raw: 'x' }] }),
      } as unknown as StatusDataSource;
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" message-id="m-1" .source=${source}></status-timeline>`);
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Couldn’t load the history: the server’s answer is unreadable'), 'no error said', { timeout: 3000 });
      expect(el.shadowRoot!.textContent).not.to.contain('No events yet');
      expect(watch.warnings.join('\n')).to.contain('getMessageEvents("m-1").events[0].at is not a string');
      await expect(el).to.be.accessible();
    });

    it('warns about entries of its own .events it cannot place', async () => {
      const events = [
        { provider: 'p', channel: 'email', messageId: 'm-1', type: 'delivered', at: '2026-11-24T09:00:00Z', raw: 'x' },
        { provider: 'p', channel: 'email', messageId: 'm-1', type: 'opened', at: 1764000000000, raw: 'y' },
      ];
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="row"]')).to.have.length(1);
      expect(watch.warnings.join('\n')).to.contain('<status-timeline> left out 1 of its 2 events');
    });

    it('warns about fields of its own .events and .history that its rows leave out, not being text', async () => {
      const events = [
        { provider: {}, channel: 'email', messageId: 'm-1', type: 'hard-bounced', at: '2026-11-24T09:00:00Z', raw: 'bounce', recipient: ['a@example.com'], detail: { code: 550, text: { a: 1 } } },
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'delivered', at: '2026-11-24T08:59:00Z', raw: 'delivered', detail: { text: '  ' } },
      ];
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="row"]'), 'both rows shown').to.have.length(2);
      // 550 is written as the code; a blank text is no text given.
      expect(watch.warnings).to.deep.equal(['estafette: <status-timeline> left out fields that are not text: provider, recipient, detail.text.']);
      const history = [{ action: 'suspended', at: '2026-11-24T09:00:00Z', reason: { code: 'spam' }, detail: 'Too many complaints' }];
      const campaign = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .history=${history}></status-timeline>`);
      await campaign.updateComplete;
      expect(campaign.shadowRoot!.textContent).to.contain('Too many complaints');
      expect(watch.warnings.at(-1)).to.equal('estafette: <status-timeline> left out fields that are not text: reason.');
    });

    it('warns about an event detail that is not an object, and a clicked URL that is not a string', async () => {
      const events = [
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'hard-bounced', at: '2026-11-24T09:00:00Z', raw: 'bounce', detail: '550 Mailbox unknown' },
        { provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'clicked', at: '2026-11-24T09:05:00Z', raw: 'click', detail: { url: 42 } },
      ];
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="row"]'), 'both rows shown').to.have.length(2);
      expect(el.shadowRoot!.textContent, 'neither shown').not.to.match(/Mailbox unknown|42/);
      expect(watch.warnings).to.deep.equal(['estafette: <status-timeline> left out fields that are not text: detail, detail.url.']);
      const listed = [{ provider: 'sendgrid', channel: 'email', messageId: 'm-2', type: 'hard-bounced', at: '2026-11-24T09:00:00Z', raw: 'bounce', detail: ['550'] }];
      await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${listed}></status-timeline>`);
      expect(watch.warnings.at(-1), 'a list is no detail either').to.equal('estafette: <status-timeline> left out fields that are not text: detail.');
    });

    it('says nothing of its own .events whose fields are all text', async () => {
      const events = [{ provider: 'sendgrid', channel: 'email', messageId: 'm-1', type: 'hard-bounced', at: '2026-11-24T09:00:00Z', raw: 'bounce', recipient: 'a@example.com', detail: { code: 550, text: 'Mailbox unknown' } }];
      const el = await fixture<StatusTimelineElement>(html`<status-timeline lang="en" .events=${events}></status-timeline>`);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('[part~="row"]')).to.have.length(1);
      expect(watch.warnings).to.deep.equal([]);
    });
  });

  describe('batchMessages()', () => {
    it('loads the ids of a table of badges in calls of batchSize distinct ids, each id once', async () => {
      const calls: string[][] = [];
      const source: StatusDataSource = {
        ...good(),
        getMessages: batchMessages(async (ids) => {
          calls.push(ids);
          return new Map(ids.filter((id) => id !== 'm-13').map((id) => [id, statusOf(id, 'opened')]));
        }, { batchSize: 20 }),
      };
      // 50 badges, 25 distinct messages (each twice).
      const ids = Array.from({ length: 50 }, (_, i) => `m-${i % 25}`);
      const el = await fixture<HTMLElement>(html`<div lang="en">${ids.map((id) => html`<email-status-badge message-id=${id} .source=${source}></email-status-badge>`)}</div>`);
      const badges = [...el.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
      await waitUntil(() => badges.every((b) => !part(b, 'badge').classList.contains('loading')), 'a badge still loads', { timeout: 3000 });
      expect(calls.map((c) => c.length)).to.deep.equal([20, 5]);
      expect(new Set(calls.flat()).size).to.equal(25);
      expect(badges.filter((b) => labelOf(b) === 'Opened')).to.have.length(48);
      expect(part(badges[13]!, 'badge').getAttribute('aria-label'), 'absent from the map: not found').to.equal('Unavailable. No message was found with this identifier.');
    });

    it('says a loader that returns no Map is wrong, in the badges and the console', async () => {
      const source = { ...good(), getMessages: batchMessages(async () => [] as unknown as Map<string, MessageStatus>) };
      const el = await badgeWith(source, 'm-1');
      expect(labelOf(el)).to.equal('Unavailable');
      expect(watch.warnings.join('\n')).to.contain('batchMessages(): load() returned object, not a Map');
    });

    it('says when the loader files a status under another id than the one asked for', async () => {
      // The loader keys its map on the status's own id, which the back-end spelled differently.
      const source = { ...good(), getMessages: batchMessages(async (ids) => new Map(ids.map((id) => [id.toUpperCase(), statusOf(id.toUpperCase(), 'delivered')]))) };
      const el = await badgeWith(source, 'm-77');
      expect(part(el, 'badge').getAttribute('aria-label')).to.equal('Unavailable. No message was found with this identifier.');
      expect(watch.warnings.join('\n')).to.contain('"M-77", an id not asked for');
    });

    it('withdraws the ids of badges removed before the call, and aborts a call nobody waits for', async () => {
      const signals: AbortSignal[] = [];
      const calls: string[][] = [];
      const source = {
        ...good(),
        getMessages: batchMessages((ids, { signal }) => {
          calls.push(ids);
          signals.push(signal);
          return new Promise<Map<string, MessageStatus>>(() => {});
        }, { wait: 500 }), // long enough that a loaded machine renders the fixture before the call goes out
      };
      const el = await fixture<HTMLElement>(html`<div lang="en">${['a', 'b'].map((id) => html`<email-status-badge message-id=${id} .source=${source}></email-status-badge>`)}</div>`);
      el.querySelector('email-status-badge')!.remove(); // "a" leaves before the call goes out
      await waitUntil(() => calls.length === 1, 'no call', { timeout: 3000 });
      expect(calls[0]).to.deep.equal(['b']);
      el.remove();
      await waitUntil(() => signals[0]!.aborted, 'the call was not aborted', { timeout: 2000 });
    });
  });

  it('checks only what is not checked already: a RestDataSource as it is, one wrapper per host source', () => {
    const rest = new RestDataSource({ baseUrl: '/api', live: 'off' });
    expect(checkedSource(rest)).to.equal(rest);
    rest.close();
    const own = new StaticDataSource();
    expect(checkedSource(own)).to.not.equal(own);
    expect(checkedSource(own), 'the same wrapper: elements compare sources').to.equal(checkedSource(own));
  });
});
