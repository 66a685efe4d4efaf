// An id goes into a URL path for a message's events and a campaign's stats and history. "." and ".." are path
// segments a URL resolves away: `/messages/../events` is `/events`, another endpoint, whose answer was read as this
// message's. They are asked for nothing and are not found; every other id is encoded as one segment.
import { expect } from '@open-wc/testing';
import { DataSourceError, RestDataSource } from '../../src/data/index.js';

function recording() {
  const urls: string[] = [];
  const source = new RestDataSource({
    baseUrl: 'https://api.example/estafette',
    live: 'off',
    retry: { retries: 0 },
    fetch: (async (input: RequestInfo | URL) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ events: [], items: [] }), { headers: { 'content-type': 'application/json' } });
    }) as typeof fetch,
  });
  return { source, urls };
}

describe('RestDataSource ids in URL paths', () => {
  for (const id of ['.', '..']) {
    it(`makes no request for the id ${JSON.stringify(id)}, and says it is not found`, async () => {
      const { source, urls } = recording();
      for (const call of [() => source.getMessageEvents(id), () => source.getCampaignHistory(id), () => source.getCampaignStats(id)]) {
        const error = await call().then(() => undefined, (e: unknown) => e);
        expect(error).to.be.instanceOf(DataSourceError);
        expect(error).to.include({ kind: 'http', status: 404, retryable: false });
      }
      expect(urls).to.deep.equal([]);
    });
  }

  it('encodes any other id as one segment of its own path', async () => {
    const { source, urls } = recording();
    await source.getMessageEvents('a/../b');
    await source.getMessageEvents('...');
    await source.getCampaignHistory('c 1?x');
    expect(urls.map((url) => new URL(url).pathname)).to.deep.equal([
      '/estafette/messages/a%2F..%2Fb/events',
      '/estafette/messages/.../events',
      '/estafette/campaigns/c%201%3Fx/history',
    ]);
  });
});
