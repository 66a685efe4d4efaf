// Runs under Node, where there is no page to resolve a relative base URL against: it stays relative, and a query
// string in it is still merged with the request's (buildUrl used to join strings: `/api?tenant=acme/messages?ids=`).
import { expect } from '../support/expect.js';
import { buildUrl } from '../../src/data/request-url.js';

describe('buildUrl without a page (Node)', () => {
  const table: [base: string, path: string, query: Record<string, string | undefined>, url: string][] = [
    ['https://api.example/api?tenant=acme', '/messages', { ids: 'a,b' }, 'https://api.example/api/messages?tenant=acme&ids=a%2Cb'],
    ['https://api.example/api/?tenant=acme', '/messages', { ids: 'a' }, 'https://api.example/api/messages?tenant=acme&ids=a'],
    ['https://api.example?tenant=acme#top', '/stream', { topics: undefined, lastEventId: '7' }, 'https://api.example/stream?tenant=acme&lastEventId=7'],
    ['https://api.example/estafette/', '/campaigns/c%201/stats', {}, 'https://api.example/estafette/campaigns/c%201/stats'],
    ['/api', '/messages', { ids: 'with space' }, '/api/messages?ids=with%20space'],
    ['/api/', '/messages', {}, '/api/messages'],
    ['/api?tenant=acme', '/messages', { ids: 'a' }, '/api/messages?tenant=acme&ids=a'],
    ['/api/?tenant=a%26b#x', '/stream', {}, '/api/stream?tenant=a%26b'],
    ['api?next=/', '/messages', { cursor: undefined }, 'api/messages?next=/'],
  ];
  for (const [base, path, query, url] of table) {
    it(`builds ${url} from ${base}`, () => {
      expect(buildUrl(base, path, query)).to.equal(url);
    });
  }
});
