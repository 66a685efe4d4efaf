// @ts-check
// A back-end written from the REST contract alone (src/data/openapi.yaml and README "Where the elements get their
// data"), in plain Node, as a back-end developer would write it: no code of the kit, no dependency. The browser tests
// point RestDataSource and <status-source endpoint> at it (test/data/contract.test.ts), so that the documented
// contract, and not only the MSW mock written beside the client, is what the kit is checked against.
//
//   node test/support/contract-server.mjs [port]    serves the dataset below (any origin allowed), for the demo:
//   npm start, then http://127.0.0.1:5173/?endpoint=http://127.0.0.1:<port>/api&directory=http://127.0.0.1:<port>/contacts.json
//
// What it does, endpoint by endpoint, is what the contract says; where the contract leaves a choice open, the choice
// made is said in a comment starting "Contract:".
import { Buffer } from 'node:buffer';
import { createServer } from 'node:http';
import { clearInterval, setInterval } from 'node:timers';
import { URLSearchParams } from 'node:url';

/** @typedef {Record<string, unknown>} Json */

/**
 * The dataset: a campaign of four email messages, all settled, and one SMS message. The statuses are written by hand
 * from the events (what `reduceEvents` would give), as a back-end that keeps both would store them.
 */
export function sampleDataset() {
  const email = { provider: 'sendgrid', channel: 'email' };
  /** @type {Record<string, Json[]>} newest last, as they happened */
  const events = {
    'msg-1': [
      { ...email, messageId: 'msg-1', recipient: 'ada@example.org', type: 'sent', at: '2026-11-23T09:00:00Z', raw: 'processed', eventId: 'e-1a' },
      { ...email, messageId: 'msg-1', recipient: 'ada@example.org', type: 'delivered', at: '2026-11-23T09:00:05Z', raw: 'delivered', eventId: 'e-1b' },
      { ...email, messageId: 'msg-1', recipient: 'ada@example.org', type: 'opened', at: '2026-11-23T09:10:00Z', raw: 'open', eventId: 'e-1c' },
      { ...email, messageId: 'msg-1', recipient: 'ada@example.org', type: 'clicked', at: '2026-11-23T09:11:00Z', raw: 'click', eventId: 'e-1d', detail: { url: 'https://example.org/winter' } },
    ],
    'msg-2': [
      { ...email, messageId: 'msg-2', recipient: 'bob@example.invalid', type: 'sent', at: '2026-11-23T09:00:00Z', raw: 'processed', eventId: 'e-2a' },
      { ...email, messageId: 'msg-2', recipient: 'bob@example.invalid', type: 'hard-bounced', at: '2026-11-23T09:00:03Z', raw: 'bounce', eventId: 'e-2b', reason: 'invalid-recipient', detail: { code: '5.1.1', text: 'User unknown' } },
    ],
    'msg-3': [
      { ...email, messageId: 'msg-3', recipient: 'cy@example.org', type: 'sent', at: '2026-11-23T09:00:00Z', raw: 'processed', eventId: 'e-3a' },
      { ...email, messageId: 'msg-3', recipient: 'cy@example.org', type: 'delivered', at: '2026-11-23T09:00:04Z', raw: 'delivered', eventId: 'e-3b' },
    ],
    'msg-4': [
      { ...email, messageId: 'msg-4', recipient: 'di@example.org', type: 'sent', at: '2026-11-23T09:00:00Z', raw: 'processed', eventId: 'e-4a' },
      { ...email, messageId: 'msg-4', recipient: 'di@example.org', type: 'delivered', at: '2026-11-23T09:00:06Z', raw: 'delivered', eventId: 'e-4b' },
      { ...email, messageId: 'msg-4', recipient: 'di@example.org', type: 'opened', at: '2026-11-23T09:30:00Z', raw: 'open', eventId: 'e-4c' },
    ],
  };
  const signal = (at, count = 1) => ({ count, automated: 0, first: at, last: at });
  /** @type {Record<string, Json>} */
  const statuses = {
    'msg-1': {
      messageId: 'msg-1', channel: 'email', recipient: 'ada@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'clicked', raw: 'delivered',
      engagement: { opened: signal('2026-11-23T09:10:00Z'), clicked: signal('2026-11-23T09:11:00Z') },
      updatedAt: '2026-11-23T09:11:00Z', settled: false, deliveredAt: '2026-11-23T09:00:05Z',
    },
    'msg-2': {
      messageId: 'msg-2', channel: 'email', recipient: 'bob@example.invalid', provider: 'sendgrid', delivery: 'hard-bounced', display: 'hard-bounced',
      reason: 'invalid-recipient', detail: { code: '5.1.1', text: 'User unknown' }, raw: 'bounce', engagement: {}, updatedAt: '2026-11-23T09:00:03Z', settled: true,
    },
    'msg-3': {
      messageId: 'msg-3', channel: 'email', recipient: 'cy@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'delivered', raw: 'delivered',
      engagement: {}, updatedAt: '2026-11-23T09:00:04Z', settled: false, deliveredAt: '2026-11-23T09:00:04Z',
    },
    'msg-4': {
      messageId: 'msg-4', channel: 'email', recipient: 'di@example.org', provider: 'sendgrid', delivery: 'delivered', display: 'opened', raw: 'delivered',
      engagement: { opened: signal('2026-11-23T09:30:00Z') }, updatedAt: '2026-11-23T09:30:00Z', settled: false, deliveredAt: '2026-11-23T09:00:06Z',
    },
  };
  /** @type {Record<string, { stats: Json, history: Json[] }>} history newest last */
  const campaigns = {
    'cmp-1': {
      stats: {
        campaign: { id: 'cmp-1', name: 'Winter newsletter', channel: 'email', sentAt: '2026-11-23T09:00:00Z' },
        counts: { sent: 4, delivered: 3, hardBounced: 1, opened: 2, openedTotal: 2, clicked: 1, clickedTotal: 1 },
        updatedAt: '2026-11-23T09:30:00Z',
        sending: false,
      },
      history: [
        { id: 'h-1', campaignId: 'cmp-1', action: 'created', at: '2026-11-20T14:00:00Z', detail: 'Ada' },
        { id: 'h-2', campaignId: 'cmp-1', action: 'scheduled', at: '2026-11-21T10:00:00Z', detail: 'Ada' },
        { id: 'h-3', campaignId: 'cmp-1', action: 'started', at: '2026-11-23T09:00:00Z' },
        { id: 'h-4', campaignId: 'cmp-1', action: 'sent', at: '2026-11-23T09:00:10Z' },
        { id: 'h-5', campaignId: 'cmp-1', action: 'completed', at: '2026-11-23T09:30:00Z' },
      ],
    },
  };
  return { events, statuses, campaigns };
}

/** The contact list the demo reads with `?directory=` (README, Develop). */
export const SAMPLE_DIRECTORY = {
  campaigns: [{ id: 'cmp-1', name: 'Winter newsletter', channel: 'email' }],
  rows: [
    { name: 'Ada', address: 'ada@example.org', messages: { 'cmp-1': 'msg-1' } },
    { name: 'Bob', address: 'bob@example.invalid', messages: { 'cmp-1': 'msg-2' } },
    { name: 'Cy', address: 'cy@example.org', messages: { 'cmp-1': 'msg-3' } },
    { name: 'Di', address: 'di@example.org', messages: { 'cmp-1': 'msg-4' } },
  ],
};

/**
 * One recorded request, as the server saw it: what the tests assert on.
 * @typedef {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body?: unknown, status?: number }} LoggedRequest
 */

/**
 * A scripted answer for the requests whose path (without the base) matches, `times` times (default every time).
 * @typedef {{ path: string | RegExp, method?: string, status: number, body?: unknown, headers?: Record<string, string>, times?: number }} Fault
 */

/**
 * @param {object} [options]
 * @param {string} [options.base] path prefix of the API (default `/api`), as a back-office mounts it
 * @param {number} [options.port] default: a free one
 * @param {number} [options.pageSize] entries per page of events and history (default 2: the tests page)
 * @param {'*' | 'echo' | 'none'} [options.allowOrigin] CORS: `*`, the request's origin, or no CORS at all
 * @param {boolean} [options.credentials] `Access-Control-Allow-Credentials: true` (with `echo`)
 * @param {string[]} [options.allowHeaders] named in preflights besides content-type
 * @param {string} [options.requireAuthorization] answer 401 unless `Authorization` is exactly this
 * @param {ReturnType<typeof sampleDataset>} [options.dataset]
 * @param {(request: LoggedRequest) => void} [options.onRequest] called once each answer is sent
 * @param {string} [options.cacheControl] on every JSON answer (default `no-store`); the contract says nothing of it
 */
export async function startContractServer(options = {}) {
  const {
    base = '/api',
    pageSize = 2,
    allowOrigin = 'echo',
    credentials = false,
    allowHeaders = [],
    requireAuthorization,
    dataset = sampleDataset(),
    cacheControl = 'no-store',
  } = options;
  /** @type {LoggedRequest[]} */
  const requests = [];
  /** @type {Fault[]} */
  const faults = [];
  /** Every live update sent, with its id: the stream replays them after a `Last-Event-ID`. */
  /** @type {{ id: number, event: string, topic: string, data: Json }[]} */
  const sent = [];
  /** @type {Set<{ res: import('node:http').ServerResponse, topics: Set<string> | null }>} */
  const streams = new Set();
  let nextEventId = 1;

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function cors(req, res) {
    if (allowOrigin === 'none') return;
    const origin = req.headers.origin;
    res.setHeader('Access-Control-Allow-Origin', allowOrigin === '*' ? '*' : (origin ?? '*'));
    if (allowOrigin === 'echo') res.setHeader('Vary', 'Origin');
    if (credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
    res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
  }

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
  function json(res, status, body, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': cacheControl, ...headers });
    res.end(JSON.stringify(body));
  }

  /** The Error schema: `{ error: { status, message } }`. */
  const error = (res, status, message, headers) => json(res, status, { error: { status, message } }, headers);

  /**
   * Contract: the cursor is opaque. Here it names the entry the next page ends before (`before:<eventId or id>`, in
   * base64), so that entries arriving meanwhile (appended) do not shift it.
   * @param {Json[]} list oldest first @param {string | undefined} cursor @param {(entry: Json) => string} key
   */
  function page(list, cursor, key) {
    let end = list.length;
    if (cursor !== undefined) {
      const match = /^before:(.+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
      const index = match ? list.findIndex((entry) => key(entry) === match[1]) : -1;
      if (index < 0) return null;
      end = index;
    }
    const start = Math.max(0, end - pageSize);
    const items = list.slice(start, end).reverse();
    // Base64, as many APIs write their cursors: "+", "/" and "=" must survive the query string.
    return { items, nextCursor: start > 0 ? Buffer.from(`before:${key(list[start])}`).toString('base64') : undefined };
  }

  /** @param {import('node:http').IncomingMessage} req */
  async function readBody(req) {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** @param {{ res: import('node:http').ServerResponse }} stream @param {{ id: number, event: string, data: Json }} update */
  function write(stream, update) {
    stream.res.write(`id: ${update.id}\nevent: ${update.event}\ndata: ${JSON.stringify(update.data)}\n\n`);
  }

  /**
   * A live update to every stream that asked for its topic (or for every topic), kept for replay. Also applied to
   * the dataset, so that a poll and a reload see what the stream said.
   * @param {'message-status' | 'message-missing' | 'message-event' | 'campaign-stats' | 'campaign-history'} event @param {Json} data
   */
  function push(event, data) {
    let topic;
    if (event === 'message-status') {
      topic = `message:${data.messageId}`;
      dataset.statuses[/** @type {string} */ (data.messageId)] = data;
    } else if (event === 'message-missing') {
      // Deleted: lookups leave it out, it has no events.
      topic = `message:${data.messageId}`;
      delete dataset.statuses[/** @type {string} */ (data.messageId)];
      delete dataset.events[/** @type {string} */ (data.messageId)];
    } else if (event === 'message-event') {
      topic = `message:${data.messageId}`;
      (dataset.events[/** @type {string} */ (data.messageId)] ??= []).push(data);
    } else if (event === 'campaign-stats') {
      const id = /** @type {{ id: string }} */ (data.campaign).id;
      topic = `campaign:${id}`;
      if (dataset.campaigns[id]) dataset.campaigns[id].stats = data;
    } else {
      topic = `campaign:${data.campaignId}`;
      dataset.campaigns[/** @type {string} */ (data.campaignId)]?.history.push(data);
    }
    const update = { id: nextEventId++, event, topic, data };
    sent.push(update);
    for (const stream of streams) if (!stream.topics || stream.topics.has(topic)) write(stream, update);
    return update.id;
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    /** @type {Record<string, string>} */
    const headers = {};
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
    /** @type {LoggedRequest} */
    const entry = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers };
    requests.push(entry);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      entry.status = res.statusCode;
      options.onRequest?.(entry);
    };
    res.on('finish', finish);
    res.on('close', finish);
    cors(req, res);

    if (url.pathname === '/contacts.json') return json(res, 200, SAMPLE_DIRECTORY);
    if (!url.pathname.startsWith(`${base}/`)) return error(res, 404, 'Not found');

    if (req.method === 'OPTIONS') {
      // A preflight: which methods and headers the page may use. Contract: GET, POST; content-type and the
      // host's headers.
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': ['content-type', ...allowHeaders].join(', '),
        'Access-Control-Max-Age': '600',
      });
      return res.end();
    }

    // Ids are URL-encoded path segments: split the raw path first, so that an id holding "/" (%2F) stays one.
    const segments = url.pathname.slice(base.length + 1).split('/').map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return '\u0000';
      }
    });
    const route = `/${segments.join('/')}`;
    const fault = faults.find((f) => (f.method ?? req.method) === req.method && (typeof f.path === 'string' ? f.path === route : f.path.test(route)));
    if (fault) {
      if (fault.times !== undefined && --fault.times <= 0) faults.splice(faults.indexOf(fault), 1);
      if (fault.status === 0) return void req.socket.destroy(); // a network error
      return json(res, fault.status, fault.body ?? { error: { status: fault.status, message: `scripted ${fault.status}` } }, fault.headers);
    }
    // Contract: 401 with the Error body. Not on the stream, which cannot carry the header (EventSource): a real API
    // authenticates it with a cookie or a token in the query.
    if (requireAuthorization !== undefined && req.headers.authorization !== requireAuthorization && route !== '/stream') {
      return error(res, 401, 'Sign in again');
    }

    const [resource, id, sub, ...rest] = segments;

    if (resource === 'messages' && id === undefined && req.method === 'GET') {
      const ids = url.searchParams.get('ids');
      if (!ids) return error(res, 400, '`ids` is required');
      return lookup(res, ids.split(','));
    }
    if (resource === 'messages' && id === 'batch' && sub === undefined && req.method === 'POST') {
      const text = await readBody(req);
      entry.body = text;
      /** @type {any} */
      let body;
      try {
        body = JSON.parse(text);
      } catch {
        return error(res, 400, 'The body is not JSON');
      }
      if (!Array.isArray(body?.ids) || !body.ids.every((x) => typeof x === 'string')) return error(res, 400, '`ids` must be an array of strings');
      return lookup(res, body.ids);
    }
    if (resource === 'messages' && id !== undefined && sub === 'events' && rest.length === 0 && req.method === 'GET') {
      // An unknown message has no events: an empty list, not a 404.
      const list = dataset.events[id] ?? [];
      const result = page(list, url.searchParams.get('cursor') ?? undefined, (event) => String(event.eventId ?? event.at));
      if (!result) return error(res, 400, 'Unknown cursor');
      return json(res, 200, { events: result.items, ...(result.nextCursor && { nextCursor: result.nextCursor }) });
    }
    if (resource === 'campaigns' && id !== undefined && rest.length === 0 && req.method === 'GET' && (sub === 'stats' || sub === 'history')) {
      const campaign = dataset.campaigns[id];
      if (!campaign) return error(res, 404, 'No such campaign');
      if (sub === 'stats') return json(res, 200, campaign.stats);
      const result = page(campaign.history, url.searchParams.get('cursor') ?? undefined, (item) => String(item.id ?? item.at));
      if (!result) return error(res, 400, 'Unknown cursor');
      return json(res, 200, { items: result.items, ...(result.nextCursor && { nextCursor: result.nextCursor }) });
    }
    if (resource === 'stream' && id === undefined && req.method === 'GET') {
      const topicsParam = url.searchParams.get('topics');
      const topics = topicsParam ? new Set(topicsParam.split(',')) : null;
      // The header (a browser's own reconnection) wins over the query (RestDataSource's). Without either, only what
      // happens from now on.
      const resume = req.headers['last-event-id'] ?? url.searchParams.get('lastEventId') ?? undefined;
      const after = resume === undefined ? nextEventId - 1 : Number(resume);
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' });
      res.write(': connected\n\n');
      const stream = { res, topics };
      for (const update of sent) if (update.id > after && (!topics || topics.has(update.topic))) write(stream, update);
      streams.add(stream);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        streams.delete(stream);
      });
      return undefined;
    }
    return error(res, 404, 'Not found');
  });

  /** @param {import('node:http').ServerResponse} res @param {string[]} ids */
  function lookup(res, ids) {
    if (ids.length > 1000) return error(res, 400, 'At most 1,000 ids');
    // Unknown ids are left out, never an error; in any order.
    const messages = [...new Set(ids)].filter((id) => Object.hasOwn(dataset.statuses, id)).map((id) => dataset.statuses[id]);
    return json(res, 200, { messages });
  }

  await new Promise((resolve) => server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    origin,
    baseUrl: `${origin}${base}`,
    dataset,
    /** Every request so far, preflights included, oldest first. */
    requests,
    push,
    /** @param {Fault} fault */
    fault: (fault) => void faults.push(fault),
    /** Ends every open stream (as a proxy or a deploy would). */
    dropStreams() {
      for (const stream of streams) stream.res.destroy();
      streams.clear();
    },
    openStreams: () => streams.size,
    close: () => new Promise((resolve) => {
      for (const stream of streams) stream.res.destroy();
      server.close(() => resolve(undefined));
      server.closeAllConnections();
    }),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await startContractServer({
    port: Number(process.argv[2] ?? 0) || undefined,
    onRequest: (r) => console.log(r.status, r.method, r.path, new URLSearchParams(r.query).toString(), r.headers['access-control-request-headers'] ?? ''),
  });
  console.log(`contract server: ${server.baseUrl} (contacts: ${server.origin}/contacts.json)`);
  // Something live to watch, 5 s after start: Cy opens the newsletter (an event, the new status, the new counts).
  setTimeout(() => {
    const at = new Date().toISOString();
    const event = { provider: 'sendgrid', channel: 'email', messageId: 'msg-3', recipient: 'cy@example.org', type: 'opened', at, raw: 'open', eventId: 'e-3c' };
    server.push('message-event', event);
    server.push('message-status', {
      ...server.dataset.statuses['msg-3'], display: 'opened', updatedAt: at, engagement: { opened: { count: 1, automated: 0, first: at, last: at } },
    });
    const { stats } = server.dataset.campaigns['cmp-1'];
    server.push('campaign-stats', { ...stats, counts: { .../** @type {Json} */ (stats.counts), opened: 3, openedTotal: 3 }, updatedAt: at });
    console.log('pushed: msg-3 opened');
  }, 5_000);
}
