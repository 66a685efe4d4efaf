import { expect } from '@open-wc/testing';
import { DataSourceError, RestDataSource } from '../../src/data/index.js';
import { fakeFetch, json, rejectionOf, wireStatus } from './helpers.js';

const sourceAnswering = (body: string | object, status = 200) => {
  const server = fakeFetch(() => (typeof body === 'string' ? new Response(body, { status }) : json(body, { status })));
  return { source: new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'off' }), calls: server.calls };
};

const malformedError = async (promise: Promise<unknown>) => {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(DataSourceError);
  expect((error as DataSourceError).kind).to.equal('malformed');
  return error as DataSourceError;
};

describe('RestDataSource response validation', () => {
  it('rejects a body that is not JSON as malformed, with the HTTP status, not retryable, tried once', async () => {
    const { source, calls } = sourceAnswering('<html>Bad gateway</html>');
    const error = await malformedError(source.getMessages(['a']));
    expect(error.status).to.equal(200);
    expect(error.retryable).to.equal(false);
    expect(calls).to.have.length(1);
  });

  it('rejects a messages body of the wrong shape', async () => {
    await malformedError(sourceAnswering({ messages: 'none' }).source.getMessages(['a']));
    await malformedError(sourceAnswering([wireStatus('a')]).source.getMessages(['a']));
    await malformedError(sourceAnswering({ data: [] }).source.getMessages(['a']));
  });

  it('names the field at fault', async () => {
    const { source } = sourceAnswering({ messages: [wireStatus('a'), wireStatus('b', { settled: 'yes' })] });
    const error = await malformedError(source.getMessages(['a', 'b']));
    expect(error.message).to.contain('body.messages[1].settled');
  });

  it('fails only the lookups of a status it cannot read: the other badges of the batch get theirs', async () => {
    const server = fakeFetch(() => json({ messages: [wireStatus('a'), wireStatus('b', { updatedAt: 1764000000000 }), wireStatus('c')] }));
    const source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'off' });
    // Three badges, one id each, in one task: one batch.
    const [a, b, c] = await Promise.allSettled(['a', 'b', 'c'].map((id) => source.getMessages([id])));
    expect(server.calls).to.have.length(1);
    expect(a.status === 'fulfilled' && a.value.get('a')?.display).to.equal('delivered');
    expect(c.status === 'fulfilled' && c.value.get('c')?.display).to.equal('delivered');
    expect(b.status).to.equal('rejected');
    const error = (b as PromiseRejectedResult).reason as DataSourceError;
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.contain('body.messages[1].updatedAt');
    // Not cached: asked again, and read once the server mends it.
    await malformedError(source.getMessages(['b']));
    expect(server.calls).to.have.length(2);
  });

  it('fails the ids an answer left out when one of its statuses says no id, rather than calling them not found', async () => {
    const { source } = sourceAnswering({ messages: [wireStatus('a'), { ...wireStatus('x'), messageId: 7 }] });
    const [a, b] = await Promise.allSettled(['a', 'b'].map((id) => source.getMessages([id])));
    expect(a.status === 'fulfilled' && a.value.has('a')).to.equal(true);
    expect(((b as PromiseRejectedResult).reason as DataSourceError).message).to.contain('body.messages[1].messageId');
  });

  it('rejects statuses with a wrong type, a missing field or an unreadable date', async () => {
    for (const bad of [
      wireStatus('a', { delivery: 42 }),
      wireStatus('a', { channel: 'fax' }),
      wireStatus('a', { updatedAt: 'yesterday' }),
      wireStatus('a', { engagement: { opened: { count: -1, automated: 0, first: '2026-11-24T09:00:00Z', last: '2026-11-24T09:00:00Z' } } }),
      { messageId: 'a', channel: 'email', delivery: 'delivered', display: 'delivered', updatedAt: '2026-11-24T09:00:00Z', settled: true },
    ]) {
      await malformedError(sourceAnswering({ messages: [bad] }).source.getMessages(['a']));
    }
  });

  it('reads a status or reason it does not know as unknown / undetermined (a newer server)', async () => {
    const { source } = sourceAnswering({ messages: [wireStatus('a', { delivery: 'archived', display: 'archived', reason: 'solar-flare', extra: 1 })] });
    const status = (await source.getMessages(['a'])).get('a')!;
    expect(status.delivery).to.equal('unknown');
    expect(status.display).to.equal('unknown');
    expect(status.reason).to.equal('undetermined');
    expect(status.raw, 'the word is kept, for the badge to show').to.equal('archived');
    expect('extra' in status).to.equal(false);
    const known = (await sourceAnswering({ messages: [wireStatus('b', { display: 'archived', delivery: 'delivered' })] }).source.getMessages(['b'])).get('b')!;
    expect(known.display, 'an unknown display, a known delivery').to.equal('delivered');
    expect(known.raw).to.equal(undefined);
    const own = (await sourceAnswering({ messages: [wireStatus('c', { display: 'archived', delivery: 'weird', raw: 'ARCHIVED_v2' })] }).source.getMessages(['c'])).get('c')!;
    expect(own.raw, 'raw says more').to.equal('ARCHIVED_v2');
  });

  it('rejects an events page holding another message\'s events', async () => {
    const event = { provider: 'p', channel: 'email', messageId: 'other', type: 'delivered', at: '2026-11-24T09:00:00Z', raw: 'delivered' };
    const error = await malformedError(sourceAnswering({ events: [event] }).source.getMessageEvents('mine'));
    expect(error.message).to.contain('body.events[0].messageId');
  });

  it('rejects stats or history of another campaign than the one asked, as a host source\'s answers are', async () => {
    const stats = { campaign: { id: 'C1', name: 'C', channel: 'email' }, counts: { sent: 1 }, updatedAt: '2026-11-24T09:00:00Z' };
    const statsError = await malformedError(sourceAnswering(stats).source.getCampaignStats('c1'));
    expect(statsError.message).to.contain('body.campaign.id is "C1", not the id asked for');
    const history = { items: [{ campaignId: 'other', action: 'created', at: '2026-11-24T09:00:00Z' }] };
    const historyError = await malformedError(sourceAnswering(history).source.getCampaignHistory('c1'));
    expect(historyError.message).to.contain('body.items[0].campaignId');
  });

  it('rejects stats with negative or fractional counts, and a history entry with no action or an empty one', async () => {
    const stats = (counts: object) => ({ campaign: { id: 'c', name: 'C', channel: 'email' }, counts, updatedAt: '2026-11-24T09:00:00Z' });
    await malformedError(sourceAnswering(stats({ sent: -1 })).source.getCampaignStats('c'));
    await malformedError(sourceAnswering(stats({ delivered: 1.5 })).source.getCampaignStats('c'));
    for (const action of ['', 7, null]) {
      const error = await malformedError(sourceAnswering({ items: [{ campaignId: 'c', action, at: '2026-11-24T09:00:00Z' }] }).source.getCampaignHistory('c'));
      expect(error.message).to.contain('body.items[0].action');
    }
  });

  it('keeps a campaign action it does not know as its word, and the rest of the page (a newer server)', async () => {
    const items = [
      { campaignId: 'c', action: 'archived', at: '2026-11-24T10:00:00Z', id: 'h-3', detail: 'Ada', reason: 'manual' },
      { campaignId: 'c', action: 'sent', at: '2026-11-24T09:00:00Z', id: 'h-2' },
    ];
    const page = await sourceAnswering({ items }).source.getCampaignHistory('c');
    expect(page.items).to.deep.equal([
      { campaignId: 'c', action: 'archived', at: '2026-11-24T10:00:00Z', id: 'h-3', detail: 'Ada', reason: 'manual' },
      { campaignId: 'c', action: 'sent', at: '2026-11-24T09:00:00Z', id: 'h-2' },
    ]);
  });

  it('leaves out a subscription state it does not know, and keeps the status (a newer server); a channel it does not know still fails that status only', async () => {
    const { source } = sourceAnswering({ messages: [wireStatus('a', { subscription: 'pending-confirmation' }), wireStatus('b', { subscription: 'unsubscribed' }), wireStatus('c', { channel: 'push' })] });
    const [a, b, c] = await Promise.allSettled(['a', 'b', 'c'].map((id) => source.getMessages([id])));
    const status = a.status === 'fulfilled' ? a.value.get('a') : undefined;
    expect(status?.display).to.equal('delivered');
    expect(status && 'subscription' in status).to.equal(false);
    expect(b.status === 'fulfilled' && b.value.get('b')?.subscription).to.equal('unsubscribed');
    expect(((c as PromiseRejectedResult).reason as DataSourceError).message).to.contain('body.messages[2].channel is not a known channel');
    await malformedError(sourceAnswering({ messages: [wireStatus('d', { subscription: 1 })] }).source.getMessages(['d']));
  });

  it('gives every caller of a batch with a malformed body the error, and does not cache it', async () => {
    let body: object = { messages: 3 };
    const server = fakeFetch(() => json(body));
    const source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'off' });
    const [one, two] = await Promise.all([rejectionOf(source.getMessages(['a'])), rejectionOf(source.getMessages(['b']))]);
    expect((one as DataSourceError).kind).to.equal('malformed');
    expect((two as DataSourceError).kind).to.equal('malformed');
    body = { messages: [wireStatus('a')] };
    expect((await source.getMessages(['a'])).has('a')).to.equal(true);
  });
});
