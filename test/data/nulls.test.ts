// Jackson, System.Text.Json and Pydantic write a field they have no value for as null unless told otherwise. A null
// in any optional field (`reason: null`, `deliveredAt: null`, `campaign.sentAt: null`...) used to make the whole
// record unreadable, though `nextCursor: null` was accepted. Null now reads as absent in every optional field;
// a required field still may not be null.
import { expect } from '@open-wc/testing';
import {
  DataSourceError, RestDataSource, parseCampaignHistoryEntry, parseCampaignStats, parseCanonicalEvent, parseLiveUpdate, parseMessageStatus,
} from '../../src/data/index.js';
import { fakeFetch, json, rejectionOf } from './helpers.js';

type Wire = Record<string, unknown>;
const AT = '2026-11-24T09:00:00Z';

/** Every field of each record, optional ones included, with a readable value. */
const status = (): Wire => ({
  messageId: 'm', channel: 'email', recipient: 'ada@example.org', provider: 'mailjet', delivery: 'hard-bounced', display: 'hard-bounced',
  reason: 'invalid-recipient', detail: { code: '550 5.1.1', text: 'no such user', url: 'https://example.org' }, raw: 'bounce',
  engagement: { opened: { count: 1, automated: 0, first: AT, last: AT } }, subscription: 'unsubscribed', updatedAt: AT, settled: true,
  asyncBounce: true, deliveredAt: AT, deliveryInferred: false, anomaly: 'engagement-after-failure',
});
const event = (): Wire => ({
  provider: 'mailjet', channel: 'email', messageId: 'm', recipient: 'ada@example.org', type: 'hard-bounced', at: AT, timeBasis: 'received',
  eventId: 'e-1', reason: 'invalid-recipient', detail: { code: '550', text: 'no such user', url: 'https://example.org' }, automated: false,
  async: true, raw: 'bounce',
});
const stats = (): Wire => ({
  campaign: { id: 'c', name: 'C', channel: 'email', sentAt: AT }, counts: { sent: 10, delivered: 8, opened: 3 }, updatedAt: AT, sending: true,
});
const entry = (): Wire => ({ campaignId: 'c', action: 'suspended', at: AT, id: 'h-1', reason: 'high-bounce-rate', detail: 'by the platform' });

const RECORDS: [name: string, make: () => Wire, parse: (value: unknown) => unknown, optional: string[], required: string[]][] = [
  ['a status', status, (v) => parseMessageStatus(v),
    ['recipient', 'provider', 'reason', 'detail', 'detail.code', 'detail.text', 'detail.url', 'raw', 'engagement.opened', 'subscription', 'asyncBounce', 'deliveredAt', 'deliveryInferred', 'anomaly'],
    ['messageId', 'channel', 'delivery', 'display', 'engagement', 'updatedAt', 'settled']],
  ['an event', event, (v) => parseCanonicalEvent(v),
    ['recipient', 'timeBasis', 'eventId', 'reason', 'detail', 'detail.code', 'automated', 'async'],
    ['provider', 'channel', 'messageId', 'type', 'at', 'raw']],
  ["a campaign's stats", stats, (v) => parseCampaignStats(v), ['campaign.sentAt', 'counts.opened', 'counts.sent', 'sending'], ['campaign', 'campaign.name', 'counts', 'updatedAt']],
  ['a campaign history entry', entry, (v) => parseCampaignHistoryEntry(v), ['id', 'reason', 'detail'], ['campaignId', 'action', 'at']],
];

/** `record` with the field at `path` (dotted) set to `value`, or deleted when `value` is undefined. */
function withField(record: Wire, path: string, value: unknown): Wire {
  const keys = path.split('.');
  let holder = record;
  for (const key of keys.slice(0, -1)) holder = holder[key] as Wire;
  if (value === undefined) delete holder[keys.at(-1)!];
  else holder[keys.at(-1)!] = value;
  return record;
}

describe('null in a server answer', () => {
  for (const [name, make, parse, optional, required] of RECORDS) {
    it(`reads null as absent in every optional field of ${name}`, () => {
      for (const field of optional) {
        expect(parse(withField(make(), field, null)), field).to.deep.equal(parse(withField(make(), field, undefined)));
      }
    });

    it(`still refuses null in a required field of ${name}`, () => {
      for (const field of required) {
        expect(() => parse(withField(make(), field, null)), field).to.throw(DataSourceError, field.split('.').at(-1));
      }
    });
  }

  it('reads such records from the server and the stream', async () => {
    const nulls = { reason: null, recipient: null, deliveredAt: null, detail: null, raw: null, asyncBounce: null };
    const server = fakeFetch((call) => {
      if (call.url.pathname.endsWith('/stats')) return json({ ...stats(), campaign: { id: 'c', name: 'C', channel: 'email', sentAt: null }, counts: { sent: 2, opened: null }, sending: null });
      if (call.url.pathname.endsWith('/events')) return json({ events: [{ ...event(), eventId: null, timeBasis: null }], nextCursor: null });
      if (call.url.pathname.endsWith('/history')) return json({ items: [{ ...entry(), id: null, reason: null, detail: null }], nextCursor: null });
      return json({ messages: [{ ...status(), ...nulls }] });
    });
    const source = new RestDataSource({ baseUrl: '/api', fetch: server.fetch, live: 'off' });
    const found = (await source.getMessages(['m'])).get('m')!;
    expect(found.display).to.equal('hard-bounced');
    expect(['reason', 'recipient', 'deliveredAt', 'detail', 'raw', 'asyncBounce'].filter((key) => key in found)).to.deep.equal([]);
    const page = await source.getMessageEvents('m');
    expect(page.events[0]!.eventId).to.equal(undefined);
    expect(page.nextCursor).to.equal(undefined);
    const figures = await source.getCampaignStats('c');
    expect(figures.campaign.sentAt).to.equal(undefined);
    expect(figures.counts).to.deep.equal({ sent: 2 });
    expect((await source.getCampaignHistory('c')).items[0]).to.deep.equal({ campaignId: 'c', action: 'suspended', at: AT });
    const update = parseLiveUpdate('message-status', { ...status(), ...nulls });
    expect(update.type === 'message-status' && update.status.reason).to.equal(undefined);
    expect(await rejectionOf(new RestDataSource({ baseUrl: '/api', live: 'off', fetch: fakeFetch(() => json({ messages: [{ ...status(), updatedAt: null }] })).fetch }).getMessages(['m'])))
      .to.be.instanceOf(DataSourceError);
  });
});
