// A Unix time of 0, -5 or 1e20 is a placeholder or a mistake, not the time of an email or SMS event: the epoch
// readers take only instants from 2000 to 2199, and the adapters treat any other as an invalid item.
import { expect } from '../support/expect.js';
import { fromEpoch, fromEpochText, fromIso } from '../../src/providers/timestamps.js';
import { normalize, ProviderPayloadError, type ProviderId, type WebhookBody } from '../../src/providers/index.js';

const IMPLAUSIBLE = [0, -5, 1e20] as const;

/** The error `normalize` throws for `body`; fails the test when it throws none. */
const failure = (provider: ProviderId, body: WebhookBody): ProviderPayloadError => {
  try {
    normalize(provider, body);
  } catch (error) {
    if (error instanceof ProviderPayloadError) return error;
    throw error;
  }
  throw new Error(`${provider}: expected a ProviderPayloadError`);
};

describe('Unix times: the plausible window', () => {
  it('refuses 0, negative times, and times read past 2199 whatever their unit', () => {
    for (const value of [...IMPLAUSIBLE, -1.5, 946_684_799, 7_258_118_400, 7_258_118_400_000, 7_258_118_400_000_000, 7.2581184e18])
      expect(fromEpoch(value), String(value)).to.equal(undefined);
    for (const text of ['0', '-5', '-1.5', '100000000000000000000', '946684799.999'])
      expect(fromEpochText(text), text).to.equal(undefined);
  });

  it('reads the first and last milliseconds of the window in each unit', () => {
    const first = '2000-01-01T00:00:00.000Z';
    for (const value of [946_684_800, 946_684_800_000, 946_684_800_000_000, 946_684_800_000_000_000]) expect(fromEpoch(value), String(value)).to.equal(first);
    expect(fromEpochText('946684800.000')).to.equal(first);
    expect(fromEpoch(7_258_118_399.999)).to.equal('2199-12-31T23:59:59.999Z');
    expect(fromEpochText('7258118399.999')).to.equal('2199-12-31T23:59:59.999Z');
  });

  it('leaves ISO 8601 texts alone: their year is written out', () => {
    expect(fromIso('0050-06-10T09:00:00Z')).to.equal('0050-06-10T09:00:00.000Z');
    expect(fromIso('1999-12-31T23:59:59Z')).to.equal('1999-12-31T23:59:59.000Z');
  });
});

describe('normalize: implausible Unix times are invalid items', () => {
  // Each provider's Unix-time field, in an otherwise valid event, and the path of that field.
  const cases: readonly [ProviderId, (time: number | string) => WebhookBody, string][] = [
    ['sendgrid', (timestamp) => [{ event: 'delivered', sg_message_id: 'm', timestamp }], '$[0].timestamp'],
    ['mailjet', (time) => ({ event: 'open', MessageID: 1, email: 'a@example.com', time }), '$.time'],
    ['mailgun', (timestamp) => ({ 'event-data': { event: 'delivered', timestamp, message: { headers: { 'message-id': 'm' } } } }), '$["event-data"].timestamp'],
    ['brevo', (ts_epoch) => ({ event: 'delivered', 'message-id': 'm', ts_epoch }), '$.ts_epoch'],
    ['sparkpost', (timestamp) => [{ msys: { message_event: { type: 'delivery', message_id: 'm', timestamp: String(timestamp) } } }], '$[0].msys.message_event.timestamp'],
  ];

  for (const [provider, body, path] of cases)
    it(`${provider}: refuses 0, -5 and 1e20 with a typed error naming ${path}`, () => {
      for (const time of IMPLAUSIBLE) {
        const error = failure(provider, body(time));
        expect(error.path, `${provider} ${time}`).to.equal(path);
        expect(error.message).to.match(/implausible Unix time/);
      }
      expect(normalize(provider, body(1718010000))[0]?.at).to.equal('2024-06-10T09:00:00.000Z');
    });

  it('hands such an event to onInvalidItem and keeps the rest of the batch', () => {
    const event = (n: number, timestamp: number) => ({ event: 'delivered', sg_message_id: `m${n}`, timestamp });
    const skipped: string[] = [];
    const events = normalize('sendgrid', [event(1, 1718010000), event(2, 0), event(3, 1e20), event(4, 1718010000123)], {
      onInvalidItem: (error) => skipped.push(error.path),
    });
    expect(events.map((e) => [e.messageId, e.at])).to.deep.equal([
      ['m1', '2024-06-10T09:00:00.000Z'],
      ['m4', '2024-06-10T09:00:00.123Z'],
    ]);
    expect(skipped).to.deep.equal(['$[1].timestamp', '$[2].timestamp']);
  });
});
