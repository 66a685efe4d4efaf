import { HttpResponse, delay, http, type HttpHandler } from 'msw';
import type { MockEndpoint } from './faults.js';
import { createEventStream } from './sse.js';
import { mockApi, recordRequest, type MockApi } from './state.js';
import { newestFirstPage } from '../data/newest-first-page.js';

/** Options of {@link createHandlers}. */
export interface MockHandlerOptions {
  /** Path the API is served under. Default `/api` (so `new RestDataSource({ baseUrl: '/api' })`). */
  readonly basePath?: string;
  /** The mock API to serve; default: the page's current one ({@link mockApi}), looked up at each request. */
  readonly api?: () => MockApi;
}

/** Most ids one messages request may ask for (the contract's limit). */
export const MAX_IDS_PER_REQUEST = 1_000;

const errorBody = (status: number, message: string, headers?: HeadersInit) =>
  HttpResponse.json({ error: { status, message } }, { status, ...(headers && { headers }) });

/** Latency, then a network error, an error status or a malformed body, as the endpoint's fault says. */
async function applyFault(api: MockApi, endpoint: MockEndpoint): Promise<{ response?: Response; dropAfter?: number }> {
  const fault = api.faults.take(endpoint);
  if (!fault) return {};
  if (fault.latency) await delay(fault.latency);
  if (fault.network) return { response: HttpResponse.error() };
  if (fault.status) {
    const headers = fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : undefined;
    return { response: errorBody(fault.status, `Injected fault: HTTP ${fault.status}`, headers) };
  }
  if (fault.malformed === 'json') {
    return { response: new HttpResponse('{"messages": [{"messageId": "nl-000', { headers: { 'content-type': 'application/json' } }) };
  }
  if (fault.malformed === 'shape') return { response: HttpResponse.json({ data: 'not what the contract says' }) };
  return fault.dropAfter === undefined ? {} : { dropAfter: fault.dropAfter };
}

/** A 200 answer: `body` as JSON, its times on the real clock (see `MockClock.realTimeOf`). */
const served = (api: MockApi, body: unknown) => new HttpResponse(api.clock.json(body), { headers: { 'content-type': 'application/json' } });

const cursorOf = (request: Request): string | undefined => new URL(request.url).searchParams.get('cursor') ?? undefined;

/**
 * MSW handlers implementing the whole REST contract (`openapi.yaml`) over the seeded dataset at the mock clock's
 * time, with fault injection per endpoint.
 */
export function createHandlers(options: MockHandlerOptions = {}): HttpHandler[] {
  const base = (options.basePath ?? '/api').replace(/\/+$/, '');
  const apiOf = options.api ?? mockApi;

  const messages = async (endpoint: MockEndpoint, method: string, url: string, ids: string[]) => {
    const api = apiOf();
    recordRequest(api, { endpoint, method, url, ids });
    const { response } = await applyFault(api, endpoint);
    if (response) return response;
    if (ids.length === 0) return errorBody(400, 'ids is required');
    if (ids.length > MAX_IDS_PER_REQUEST) return errorBody(400, `at most ${MAX_IDS_PER_REQUEST} ids per request`);
    const found = [];
    for (const id of new Set(ids)) {
      const status = api.store.status(id);
      if (status) found.push(status);
    }
    return served(api, { messages: found });
  };

  return [
    http.get(`${base}/messages`, ({ request }) => {
      const ids = new URL(request.url).searchParams.get('ids');
      return messages('messages', 'GET', request.url, ids ? ids.split(',').filter(Boolean) : []);
    }),

    http.post(`${base}/messages/batch`, async ({ request }) => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        body = undefined;
      }
      const ids = (body as { ids?: unknown } | undefined)?.ids;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) {
        recordRequest(apiOf(), { endpoint: 'messages-batch', method: 'POST', url: request.url });
        return errorBody(400, 'body must be { "ids": string[] }');
      }
      return messages('messages-batch', 'POST', request.url, ids as string[]);
    }),

    http.get(`${base}/messages/:id/events`, async ({ request, params }) => {
      const api = apiOf();
      recordRequest(api, { endpoint: 'message-events', method: 'GET', url: request.url });
      const { response } = await applyFault(api, 'message-events');
      if (response) return response;
      const found = newestFirstPage(api.store.events(String(params.id)), cursorOf(request), api.pageSize);
      if (!found) return errorBody(400, 'invalid cursor');
      return served(api, found.nextCursor === undefined ? { events: found.items } : { events: found.items, nextCursor: found.nextCursor });
    }),

    http.get(`${base}/campaigns/:id/stats`, async ({ request, params }) => {
      const api = apiOf();
      recordRequest(api, { endpoint: 'campaign-stats', method: 'GET', url: request.url });
      const { response } = await applyFault(api, 'campaign-stats');
      if (response) return response;
      const stats = api.store.stats(String(params.id));
      return stats ? served(api, stats) : errorBody(404, 'no such campaign');
    }),

    http.get(`${base}/campaigns/:id/history`, async ({ request, params }) => {
      const api = apiOf();
      recordRequest(api, { endpoint: 'campaign-history', method: 'GET', url: request.url });
      const { response } = await applyFault(api, 'campaign-history');
      if (response) return response;
      const history = api.store.history(String(params.id));
      if (!history) return errorBody(404, 'no such campaign');
      const found = newestFirstPage(history, cursorOf(request), api.pageSize);
      return found ? served(api, found) : errorBody(400, 'invalid cursor');
    }),

    http.get(`${base}/stream`, async ({ request }) => {
      const api = apiOf();
      const url = new URL(request.url);
      const header = request.headers.get('last-event-id');
      const query = url.searchParams.get('lastEventId');
      const lastEventId = header ?? query;
      recordRequest(api, {
        endpoint: 'stream',
        method: 'GET',
        url: request.url,
        lastEventId,
        ...(lastEventId !== null && { lastEventIdFrom: header !== null ? 'header' : 'query' }),
      });
      const { response, dropAfter } = await applyFault(api, 'stream');
      if (response) return response;
      const topics = url.searchParams.get('topics');
      const stream = createEventStream({
        store: api.store,
        topics: topics ? new Set(topics.split(',').filter(Boolean)) : undefined,
        resumeAfter: lastEventId !== null && /^\d+$/.test(lastEventId) ? Number(lastEventId) : undefined,
        retry: api.sseRetry,
        ...(dropAfter !== undefined && { dropAfter }),
      });
      return new HttpResponse(stream, { headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' } });
    }),
  ];
}

/** The handlers under `/api`, serving the page's current mock API. */
export const handlers: HttpHandler[] = createHandlers();
