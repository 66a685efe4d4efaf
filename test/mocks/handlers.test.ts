import { expect, waitUntil } from '@open-wc/testing';
import {
  CAMPAIGN_ACTIONS, CHANNELS, DELIVERY_STATES, DISPLAY_STATUSES, ENGAGEMENT_SIGNALS, FAILURE_REASONS, SUSPENSION_REASONS,
} from '../../src/core/index.js';
import { parseCampaignStats, parseLiveUpdate } from '../../src/data/index.js';
import { parseEventPage, parseHistoryPage, parseMessagesBody } from '../../src/data/validate.js';

/** The statuses of a `{ messages: [...] }` body, every one of them readable. */
const readableStatuses = (body: unknown) => {
  const { statuses, failed, unattributed } = parseMessagesBody(body);
  expect([...failed.keys()], 'statuses that cannot be read').to.deep.equal([]);
  expect(unattributed, 'a status without an id').to.equal(undefined);
  return statuses;
};
import { DEMO_CAMPAIGNS, MAX_IDS_PER_REQUEST, createHandlers, mockApi, resetMockApi, sampleMessageId } from '../../src/mocks/index.js';
import { startWorker } from '../data/helpers.js';
import { describeWithMockStream } from '../support/engine.js';

/** `{ path, method }` of every operation under `paths:`, read line by line (no YAML parser needed for this). */
function openApiOperations(text: string): { path: string; method: string }[] {
  const out: { path: string; method: string }[] = [];
  let inPaths = false;
  let path = '';
  for (const line of text.split('\n')) {
    if (/^\S/.test(line)) inPaths = line.startsWith('paths:');
    if (!inPaths) continue;
    const pathLine = /^ {2}(\/\S*):\s*$/.exec(line);
    if (pathLine) path = pathLine[1]!;
    const methodLine = /^ {4}(get|post|put|patch|delete):\s*$/.exec(line);
    if (methodLine) out.push({ path, method: methodLine[1]!.toUpperCase() });
  }
  return out;
}

/** The inline `enum: [...]` of a schema under components/schemas. */
function openApiEnum(text: string, schema: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`    ${schema}:`);
  const line = lines.slice(start + 1).find((l) => /^ {6}enum: \[/.test(l));
  return line!.replace(/^ {6}enum: \[/, '').replace(/\]\s*$/, '').split(',').map((v) => v.trim());
}

type Sse = { id: string; event: string; data: string }[];

/** Reads a text/event-stream until `enough` says so, or the stream ends. */
async function readStream(response: Response, enough: (events: Sse, text: string) => boolean): Promise<{ events: Sse; text: string; ended: boolean }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  const events = () =>
    text.split('\n\n').filter((block) => block.includes('data: ')).map((block) => {
      const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
      return { id: field('id'), event: field('event'), data: field('data') };
    });
  while (!enough(events(), text)) {
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      break;
    }
    text += decoder.decode(value, { stream: true });
  }
  if (!ended) await reader.cancel();
  return { events: events(), text, ended };
}

describe('mock API handlers', () => {
  let msw: { stop(): void };
  before(async () => {
    msw = await startWorker();
  });
  after(() => msw.stop());
  beforeEach(() => resetMockApi({ pageSize: 5 }));

  describe('against openapi.yaml', () => {
    let yaml: string;
    before(async () => {
      yaml = await (await fetch('/src/data/openapi.yaml')).text();
    });

    it('handles every operation of the contract, and nothing else', () => {
      const operations = openApiOperations(yaml);
      expect(operations).to.have.length(6);
      const handled = createHandlers({ basePath: '/api' }).map((h) => `${h.info.method} ${String(h.info.path)}`).sort();
      const documented = operations.map((o) => `${o.method} /api${o.path.replace(/\{(\w+)\}/g, ':$1')}`).sort();
      expect(handled).to.deep.equal(documented);
    });

    it('lists the same statuses, reasons and actions as the core', () => {
      expect(openApiEnum(yaml, 'Channel')).to.deep.equal([...CHANNELS]);
      expect(openApiEnum(yaml, 'DeliveryState')).to.deep.equal([...DELIVERY_STATES]);
      expect(openApiEnum(yaml, 'EngagementSignal')).to.deep.equal([...ENGAGEMENT_SIGNALS]);
      expect(openApiEnum(yaml, 'DisplayStatus')).to.deep.equal([...DISPLAY_STATUSES]);
      expect(openApiEnum(yaml, 'FailureReason')).to.deep.equal([...FAILURE_REASONS]);
      expect(openApiEnum(yaml, 'CampaignAction')).to.deep.equal([...CAMPAIGN_ACTIONS]);
      expect(openApiEnum(yaml, 'SuspensionReason')).to.deep.equal([...SUSPENSION_REASONS]);
    });
  });

  describe('answers', () => {
    it('GET /messages with the statuses of the ids that exist, in the contract\'s shape', async () => {
      const delivered = sampleMessageId('delivered');
      const response = await fetch(`/api/messages?ids=${delivered},nope`);
      const statuses = readableStatuses(await response.json());
      expect(statuses.map((s) => s.messageId)).to.deep.equal([delivered]);
      expect(statuses[0]!.display).to.equal('delivered');
    });

    it('POST /messages/batch like GET /messages, and 400 for a body without ids', async () => {
      const ids = [sampleMessageId('replied'), sampleMessageId('held')];
      const response = await fetch('/api/messages/batch', { method: 'POST', body: JSON.stringify({ ids }), headers: { 'content-type': 'application/json' } });
      expect(readableStatuses(await response.json()).map((s) => s.display).sort()).to.deep.equal(['held', 'replied']);
      expect((await fetch('/api/messages/batch', { method: 'POST', body: '{"id": 1}' })).status).to.equal(400);
    });

    it('400 for a messages request without ids or with too many', async () => {
      expect((await fetch('/api/messages')).status).to.equal(400);
      const many = Array.from({ length: MAX_IDS_PER_REQUEST + 1 }, (_, i) => `m${i}`);
      const response = await fetch('/api/messages/batch', { method: 'POST', body: JSON.stringify({ ids: many }) });
      expect(response.status).to.equal(400);
    });

    it('GET /messages/{id}/events in pages, newest first', async () => {
      const id = sampleMessageId('complained');
      const first = parseEventPage(await (await fetch(`/api/messages/${id}/events`)).json(), id);
      expect(first.events.map((e) => e.type)).to.deep.equal(['complained', 'opened', 'delivered', 'sent']);
      const expired = sampleMessageId('expired', 'timeout');
      const page1 = parseEventPage(await (await fetch(`/api/messages/${expired}/events`)).json(), expired);
      expect(page1.events).to.have.length(5);
      expect(page1.events[0]!.type).to.equal('expired');
      const page2 = parseEventPage(await (await fetch(`/api/messages/${expired}/events?cursor=${page1.nextCursor}`)).json(), expired);
      expect(page2.events.map((e) => e.type)).to.deep.equal(['queued']);
      expect(page2.nextCursor).to.equal(undefined);
      expect((await fetch(`/api/messages/${expired}/events?cursor=abc`)).status).to.equal(400);
    });

    it('GET /campaigns/{id}/stats and /history, 404 for an unknown campaign', async () => {
      const stats = parseCampaignStats(await (await fetch(`/api/campaigns/${DEMO_CAMPAIGNS.sms}/stats`)).json());
      expect(stats.campaign.name).to.equal('SMS Black Friday');
      expect(stats.counts.sent).to.equal(2_000);
      const history = parseHistoryPage(await (await fetch(`/api/campaigns/${DEMO_CAMPAIGNS.sms}/history`)).json(), DEMO_CAMPAIGNS.sms);
      expect(history.items).to.have.length(5);
      const older = parseHistoryPage(await (await fetch(`/api/campaigns/${DEMO_CAMPAIGNS.sms}/history?cursor=${history.nextCursor}`)).json(), DEMO_CAMPAIGNS.sms);
      const all = [...history.items, ...older.items];
      expect(all.slice(-3).map((e) => e.action), 'the oldest last').to.deep.equal(['started', 'scheduled', 'created']);
      expect(all.map((e) => Date.parse(e.at)), 'newest first').to.deep.equal(all.map((e) => Date.parse(e.at)).sort((a, b) => b - a));
      expect((await fetch('/api/campaigns/nope/stats')).status).to.equal(404);
      expect((await fetch('/api/campaigns/nope/history')).status).to.equal(404);
    });
  });

  describe('fault injection', () => {
    it('answers the injected status, with Retry-After, for the given number of requests', async () => {
      mockApi().faults.set('campaign-stats', { status: 429, retryAfter: 3, times: 2 });
      const url = `/api/campaigns/${DEMO_CAMPAIGNS.newsletter}/stats`;
      const first = await fetch(url);
      expect(first.status).to.equal(429);
      expect(first.headers.get('retry-after')).to.equal('3');
      expect((await fetch(url)).status).to.equal(429);
      expect((await fetch(url)).status).to.equal(200);
    });

    it('breaks only the endpoint named, or every endpoint with *', async () => {
      mockApi().faults.set('campaign-history', { status: 500 });
      expect((await fetch(`/api/campaigns/${DEMO_CAMPAIGNS.sms}/history`)).status).to.equal(500);
      expect((await fetch(`/api/campaigns/${DEMO_CAMPAIGNS.sms}/stats`)).status).to.equal(200);
      mockApi().faults.set('*', { status: 503 });
      expect((await fetch(`/api/messages?ids=a`)).status).to.equal(503);
      mockApi().faults.clear();
      expect((await fetch(`/api/campaigns/${DEMO_CAMPAIGNS.sms}/history`)).status).to.equal(200);
    });

    it('answers malformed JSON or a body of the wrong shape', async () => {
      mockApi().faults.set('messages', { malformed: 'json', times: 1 });
      const broken = await fetch('/api/messages?ids=a');
      expect(broken.status).to.equal(200);
      let parsed = true;
      await broken.json().catch(() => (parsed = false));
      expect(parsed).to.equal(false);
      mockApi().faults.set('messages', { malformed: 'shape', times: 1 });
      expect(() => parseMessagesBody(null)).to.throw();
      const shaped = await (await fetch('/api/messages?ids=a')).json();
      expect(() => parseMessagesBody(shaped)).to.throw(/body.messages/);
    });

    it('waits the injected latency before answering: a request made after it, with none, is answered first', async () => {
      mockApi().faults.set('message-events', { latency: 1_000, times: 1 });
      const answered: string[] = [];
      const slow = fetch('/api/messages/nl-00001/events').then((response) => (answered.push('with latency'), response));
      // Once the mock has taken the fault (it records a request before applying it), the same endpoint without one.
      await waitUntil(() => mockApi().requests.length === 1, 'the first request never reached the mock');
      const quick = await fetch('/api/messages/nl-00002/events');
      answered.push('without');
      expect(quick.status).to.equal(200);
      expect((await slow).status).to.equal(200);
      expect(answered).to.deep.equal(['without', 'with latency']);
    });
  });

  describeWithMockStream('the stream', () => {
    it('says how long to wait before reconnecting, then sends the updates of its topics as the clock moves', async () => {
      const response = await fetch(`/api/stream?topics=campaign:${DEMO_CAMPAIGNS.newsletter}`);
      expect(response.headers.get('content-type')).to.equal('text/event-stream');
      mockApi().clock.advance(60_000);
      const { events, text } = await readStream(response, (e) => e.length > 0);
      expect(text.startsWith('retry: 1000\n')).to.equal(true);
      expect(events.map((e) => e.event)).to.deep.equal(['campaign-stats']);
      const update = parseLiveUpdate(events[0]!.event, JSON.parse(events[0]!.data));
      expect(update.type === 'campaign-stats' && update.stats.campaign.id).to.equal(DEMO_CAMPAIGNS.newsletter);
      expect(Number(events[0]!.id)).to.be.greaterThan(0);
    });

    it('replays what came after Last-Event-ID, from the header or the query, for its topics only', async () => {
      const { clock, store } = mockApi();
      clock.advance(10 * 60_000);
      const entries = store.entriesAfter(0);
      const topic = entries.find((e) => e.type === 'message-event')!.topic;
      const expected = entries.filter((e) => e.topic === topic);

      const byHeader = await fetch(`/api/stream?topics=${topic}`, { headers: { 'last-event-id': '0' } });
      const replayed = await readStream(byHeader, (e) => e.length >= expected.length);
      expect(replayed.events.map((e) => Number(e.id))).to.deep.equal(expected.map((e) => e.id));

      const byQuery = await fetch(`/api/stream?topics=${topic}&lastEventId=${expected[0]!.id}`);
      const rest = await readStream(byQuery, (e) => e.length >= expected.length - 1);
      expect(rest.events.map((e) => Number(e.id))).to.deep.equal(expected.slice(1).map((e) => e.id));
      expect(mockApi().requests.filter((r) => r.endpoint === 'stream').map((r) => r.lastEventIdFrom)).to.deep.equal(['header', 'query']);
    });

    it('drops the connection after the injected number of events', async () => {
      mockApi().faults.set('stream', { dropAfter: 2, times: 1 });
      const response = await fetch('/api/stream');
      mockApi().clock.advance(10 * 60_000);
      const { events, ended } = await readStream(response, () => false);
      expect(ended).to.equal(true);
      expect(events).to.have.length(2);
    });
  });
});
