// The one check of an event time: an ISO 8601 / RFC 3339 date-time with its time zone, read the same on every
// machine. Shared by the core (reduceEvents, aggregate) and the data layer's validators.
import fc from 'fast-check';
import { expect } from '../support/expect.js';
import { isZonedTime, zonedTime } from '../../src/core/canonical-time.js';
import { DataSourceError } from '../../src/data/errors.js';
import { parseCampaignHistoryEntry, parseCanonicalEvent, parseMessageStatus } from '../../src/data/validate.js';

const ACCEPTED: readonly (readonly [string, string])[] = [
  ['2024-06-10T09:00:00.000Z', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10T09:00:00Z', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10T09:00:00.5Z', '2024-06-10T09:00:00.500Z'],
  ['2024-06-10T09:00:00.1239999Z', '2024-06-10T09:00:00.123Z'],
  ['2024-06-10T11:00:00+02:00', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10T03:30:00.25-05:30', '2024-06-10T09:00:00.250Z'],
  ['2024-06-10T09:00:00-00:00', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10t09:00:00z', '2024-06-10T09:00:00.000Z'],
  ['2024-02-29T09:00:00Z', '2024-02-29T09:00:00.000Z'],
  // A leap second is read as the second before it.
  ['2016-12-31T23:59:60Z', '2016-12-31T23:59:59.000Z'],
  ['2016-12-31T23:59:60.999Z', '2016-12-31T23:59:59.999Z'],
  // What common stacks write, unambiguous too: an offset without its colon (Python's %z, Java, PHP's DATE_ISO8601),
  // without its minutes (PostgreSQL's text output), a space for the T (RFC 3339's note, SQL drivers, PostgreSQL).
  ['2024-06-10T11:00:00+0200', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10T09:00:00+0000', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10T03:30:00.25-0530', '2024-06-10T09:00:00.250Z'],
  ['2024-06-10T11:00:00+02', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10T04:00:00.5-05', '2024-06-10T09:00:00.500Z'],
  ['2024-06-10 09:00:00Z', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10 09:00:00.000Z', '2024-06-10T09:00:00.000Z'],
  ['2024-06-10 11:00:00.123456+02', '2024-06-10T09:00:00.123Z'],
  ['2024-06-10 11:00:00+02:00', '2024-06-10T09:00:00.000Z'],
  ['2016-12-31 23:59:60+0000', '2016-12-31T23:59:59.000Z'],
];

// Not laid out as a time with its zone: refused by the core (isZonedTime) and the data layer (zonedTime).
const NOT_ZONED: readonly unknown[] = [
  undefined, null, 1718010000000, new Date(0), '', '1', '1718010000', 'June 5', 'June 5, 2024 09:00 UTC', 'Mon, 10 Jun 2024 09:00:00 GMT',
  '2024-06-10', '2024-06-10T09:00:00', '2024-06-10T09:00:00.000', '2024-06-10 09:00:00', '2024-06-10 09:00:00.123456',
  '2024-06-10T09:00Z', '2024-06-10 09:00+02', '2024-06-10T09:00:00+2', '2024-06-10T09:00:00+020', '2024-06-10T09:00:00.5+2',
  // A comma before the fraction (ISO 8601 allows it, RFC 3339 does not, no JSON serializer writes it); a space
  // before the offset (Ruby's Time#to_s, Go's Time.String: no API's JSON).
  '2024-06-10T09:00:00,5Z', '2024-06-10 09:00:00 +0200', '2024-06-10 09:00:00 UTC', '2024-06-10_09:00:00Z',
  '2024-06-10T09:00:00Z ', ' 2024-06-10T09:00:00Z', '2024-06-10T09:00:00.000Z (retried)', '+002024-06-10T09:00:00Z',
];
// Laid out right, but no instant: the core keeps them, ordered first as unreadable (cheap check); the data layer,
// which shows its times, refuses them.
const NO_INSTANT: readonly string[] = [
  '2024-06-10T09:00:00.Z', '2024-06-10T24:00:00Z', '2024-06-10T09:60:00Z', '2024-06-10T09:00:61Z', '2023-02-29T09:00:00Z',
  '2024-04-31T09:00:00.000Z', '2024-13-10T09:00:00Z', '2024-06-10T09:00:00+24:00', '2024-06-10T09:00:00+02:60', '２０２４-06-10T09:00:00Z',
  '2024-06-1xT09:00:00.000Z', '2024-06-10T09:00:00+2400', '2024-06-10T09:00:00+25', '2024-06-10T09:00:00+02:0',
  '2024-02-30 09:00:00+02',
];
const REFUSED: readonly unknown[] = [...NOT_ZONED, ...NO_INSTANT];

describe('zonedTime: an event time with its time zone', () => {
  it('reads every RFC 3339 spelling with Z or an offset, a fraction of any length, a leap second as :59, and the offsets and space SQL stacks write', () => {
    for (const [at, instant] of ACCEPTED) {
      expect(new Date(zonedTime(at)).toISOString(), at).to.equal(instant);
      expect(isZonedTime(at), at).to.equal(true);
    }
  });

  it('refuses Unix times, texts without a time zone, dates that do not exist, and anything else Date.parse reads', () => {
    for (const at of REFUSED) expect(zonedTime(at), String(at)).to.be.NaN;
  });

  it('isZonedTime, the core\'s cheap check, tells the layout only: it refuses what has no zone or is no ISO time, not impossible fields', () => {
    for (const at of NOT_ZONED) expect(isZonedTime(at), String(at)).to.equal(false);
    for (const at of NO_INSTANT) expect(isZonedTime(at), at).to.equal(true);
  });

  it('agrees with Date.parse on every instant of years 0 to 9999, in every spelling it reads; the data layer hands each on in one every engine reads', () => {
    const spelt = fc.tuple(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), fc.nat(6), fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }));
    const two = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(spelt, ([ms, style, anyOffset]) => {
        // Style 6 writes the hours only (PostgreSQL's `+02`): a whole number of hours then.
        const offset = style === 6 ? Math.trunc(anyOffset / 60) * 60 : anyOffset;
        const iso = new Date(ms).toISOString();
        const local = new Date(ms + offset * 60_000).toISOString();
        const sign = offset < 0 ? '-' : '+';
        const [hours, minutes] = [two(Math.trunc(Math.abs(offset) / 60)), two(Math.abs(offset) % 60)];
        const at = [
          iso,
          iso.replace('Z', '0999Z'),
          `${local.slice(0, 23)}${sign}${hours}:${minutes}`,
          iso.replace(/\.\d+Z$/, 'Z'),
          `${local.slice(0, 23)}${sign}${hours}${minutes}`,
          `${local.slice(0, 10)} ${local.slice(11, 23)}${sign}${hours}:${minutes}`,
          `${local.slice(0, 10)} ${local.slice(11, 23)}${sign}${hours}`,
        ][style]!;
        // Shifted by the offset, some instants fall outside years 0 to 9999: no four-digit spelling then.
        if (!/^\d{4}-/.test(at)) return;
        const instant = style === 3 ? ms - (ms % 1000 + 1000) % 1000 : ms;
        expect(zonedTime(at), at).to.equal(instant);
        expect(isZonedTime(at), at).to.equal(true);
        // Digits past the millisecond: V8 and Gecko cut them as the core does, WebKit rounds them. No engine reads
        // `…T11:00:00+02`; `+0200` and a space for the T are outside ECMAScript's format, read by each engine's own
        // fallback if at all (styles 4 and 5): the data layer hands them on rewritten.
        if (style < 4 && style !== 1) expect(zonedTime(at), at).to.equal(Date.parse(at));
        const handedOn = parseCanonicalEvent({ provider: 'host', channel: 'email', messageId: 'a', type: 'sent', at, raw: 'sent' }).at;
        expect(Date.parse(handedOn), `${at} handed on as ${handedOn}`).to.equal(instant);
      }),
      { numRuns: 3_000 },
    );
  });
});

describe('the data layer checks times as the core does', () => {
  const status = (updatedAt: unknown) => ({ messageId: 'a', channel: 'email', delivery: 'delivered', display: 'delivered', engagement: {}, updatedAt, settled: true });
  const event = (at: unknown) => ({ provider: 'host', channel: 'email', messageId: 'a', type: 'delivered', at, raw: 'delivered' });

  it('refuses, as malformed and naming the field, a time Date.parse reads but the core cannot order', () => {
    for (const at of REFUSED) {
      for (const parse of [() => parseMessageStatus(status(at), 'body'), () => parseCanonicalEvent(event(at), 'body'), () => parseCampaignHistoryEntry({ campaignId: 'c', action: 'sent', at }, 'body')]) {
        let error: unknown;
        try {
          parse();
        } catch (caught) {
          error = caught;
        }
        expect(error, String(at)).to.be.instanceOf(DataSourceError);
        expect((error as DataSourceError).kind).to.equal('malformed');
        expect((error as DataSourceError).message).to.match(/body\.(updatedAt|at) is not a (date|string)/);
      }
    }
  });

  it('accepts every time the core reads, and hands it on as RFC 3339 writes it (a leap second as :59), which every engine\'s Date.parse reads', () => {
    for (const [at] of ACCEPTED) {
      const kept = parseMessageStatus(status(at), 'body').updatedAt;
      expect(Date.parse(kept), at).to.equal(zonedTime(at));
      expect(parseCanonicalEvent(event(at), 'body').at).to.equal(kept);
    }
    expect(parseMessageStatus(status('2016-12-31T23:59:60Z'), 'body').updatedAt).to.equal('2016-12-31T23:59:59Z');
    expect(parseCanonicalEvent(event('2016-12-31T23:59:60.5+01:00'), 'body').at).to.equal('2016-12-31T23:59:59.5+01:00');
    expect(parseMessageStatus(status('2024-06-10T09:00:00.000Z'), 'body').updatedAt).to.equal('2024-06-10T09:00:00.000Z');
    // Cut to the millisecond, as the core reads it: WebKit's Date.parse would round the rest up.
    expect(parseMessageStatus(status('2024-06-10T09:00:00.1239999Z'), 'body').updatedAt).to.equal('2024-06-10T09:00:00.123Z');
    // Outside ECMAScript's format (no engine reads `…T11:00:00+02`): rewritten as RFC 3339 writes them.
    expect(parseMessageStatus(status('2024-06-10 11:00:00.123456+02'), 'body').updatedAt).to.equal('2024-06-10T11:00:00.123+02:00');
    expect(parseCanonicalEvent(event('2024-06-10T11:00:00+0200'), 'body').at).to.equal('2024-06-10T11:00:00+02:00');
    expect(parseCampaignHistoryEntry({ campaignId: 'c', action: 'sent', at: '2024-06-10 09:00:00z' }, 'body').at).to.equal('2024-06-10T09:00:00Z');
    expect(parseMessageStatus(status('2016-12-31 23:59:60-0130'), 'body').updatedAt).to.equal('2016-12-31T23:59:59-01:30');
  });
});
