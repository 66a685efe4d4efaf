import { expect } from '@open-wc/testing';
import type { CanonicalEvent } from '../../src/core/index.js';
import { RestDataSource, StaticDataSource, type StatusDataSource } from '../../src/data/index.js';
import { DEMO_CAMPAIGNS, mockApi, resetMockApi, sampleMessageId } from '../../src/mocks/index.js';
import { startWorker } from './helpers.js';

/** Every item of a paged list, following `nextCursor` to the end. */
async function allPages<T>(load: (cursor: string | undefined) => Promise<{ items: readonly T[]; nextCursor?: string }>): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return out;
}

const options = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });
const allEvents = (source: StatusDataSource, id: string): Promise<CanonicalEvent[]> =>
  allPages((cursor) => source.getMessageEvents(id, options(cursor)).then((page) => ({ ...page, items: page.events })));
const allHistory = (source: StatusDataSource, id: string) => allPages((cursor) => source.getCampaignHistory(id, options(cursor)));

describe('StaticDataSource and RestDataSource over the same data', () => {
  let msw: { stop(): void };
  let rest: RestDataSource;
  let statics: StaticDataSource;
  const campaignIds = Object.values(DEMO_CAMPAIGNS);

  before(async () => {
    msw = await startWorker();
    // Small pages, so that paging is exercised on both sides.
    const api = resetMockApi({ pageSize: 3 });
    const { store } = api;
    statics = new StaticDataSource({
      events: campaignIds.flatMap((id) => store.messageIds(id).flatMap((messageId) => store.events(messageId))),
      campaigns: campaignIds.map((id) => ({
        campaign: store.stats(id)!.campaign,
        messageIds: store.messageIds(id),
        history: store.history(id)!,
        sending: store.stats(id)!.sending!,
      })),
      pageSize: 4,
    });
    rest = new RestDataSource({ baseUrl: '/api', live: 'off' });
  });
  after(() => msw.stop());

  it('gives the same statuses, absent ids included', async () => {
    const ids = [...new Set([
      ...mockApi().dataset.showcase.map((entry) => entry.id),
      ...campaignIds.flatMap((id) => mockApi().store.messageIds(id).filter((_, i) => i % 37 === 5)),
      'not-a-message', 'nl-99999',
    ])];
    const [fromRest, fromStatic] = await Promise.all([rest.getMessages(ids), statics.getMessages(ids)]);
    expect(fromRest.size).to.equal(ids.length - 2);
    expect(Object.fromEntries(fromRest)).to.deep.equal(Object.fromEntries(fromStatic));
  });

  it('shows what the showcase promises through both sources', async () => {
    for (const display of ['complained', 'held', 'replied', 'unknown'] as const) {
      const id = sampleMessageId(display);
      expect((await rest.getMessages([id])).get(id)?.display, display).to.equal(display);
      expect((await statics.getMessages([id])).get(id)?.display, display).to.equal(display);
    }
  });

  it('gives the same events, page after page', async () => {
    for (const entry of mockApi().dataset.showcase.slice(0, 12)) {
      expect(await allEvents(rest, entry.id), entry.id).to.deep.equal(await allEvents(statics, entry.id));
    }
    expect(await allEvents(rest, 'not-a-message')).to.deep.equal([]);
  });

  it('gives the same campaign counts', async () => {
    for (const id of campaignIds) {
      const [a, b] = await Promise.all([rest.getCampaignStats(id), statics.getCampaignStats(id)]);
      expect(a.campaign, id).to.deep.equal(b.campaign);
      expect(a.counts, id).to.deep.equal(b.counts);
      expect(a.sending, id).to.equal(b.sending);
    }
    const newsletter = await rest.getCampaignStats(DEMO_CAMPAIGNS.newsletter);
    expect(newsletter.counts.sent).to.equal(5_000);
  });

  it('gives the same history', async () => {
    for (const id of campaignIds) expect(await allHistory(rest, id), id).to.deep.equal(await allHistory(statics, id));
    expect((await allHistory(rest, DEMO_CAMPAIGNS.sms)).map((e) => e.action), 'newest first').to.deep.equal(['sent', 'resumed', 'suspended', 'started', 'scheduled', 'created']);
  });
});
