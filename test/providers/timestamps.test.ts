// Every time form the providers use. Expected values worked out by hand (1718010000 s = 2024-06-10T09:00:00Z).
import { expect } from '../support/expect.js';
import {
  fromCarrierTime,
  fromEpoch,
  fromEpochText,
  fromIso,
  fromLocalTime,
  fromRfc2822,
} from '../../src/providers/timestamps.js';
import { normalize } from '../../src/providers/index.js';

describe('timestamps', () => {
  it('reads Unix time in seconds, milliseconds, microseconds and nanoseconds by magnitude', () => {
    expect(fromEpoch(1718010000)).to.equal('2024-06-10T09:00:00.000Z');
    expect(fromEpoch(1718010000123)).to.equal('2024-06-10T09:00:00.123Z');
    expect(fromEpoch(1718010000123456)).to.equal('2024-06-10T09:00:00.123Z');
    expect(fromEpoch(Number('1718010000123456789'))).to.equal('2024-06-10T09:00:00.123Z');
  });

  it('reads float seconds to the millisecond, truncating, without binary rounding errors', () => {
    expect(fromEpoch(1718010000.641821)).to.equal('2024-06-10T09:00:00.641Z');
    // 1718010000.9 * 1000 is 1718010000899.9998 in doubles: still .900.
    expect(fromEpoch(1718010000.9)).to.equal('2024-06-10T09:00:00.900Z');
    expect(fromEpoch(1718013600.4046676)).to.equal('2024-06-10T10:00:00.404Z');
    expect(fromEpoch(1718010000.9999)).to.equal('2024-06-10T09:00:00.999Z');
  });

  it('reads numeric strings the same way, fractions exactly', () => {
    expect(fromEpochText('1718010000')).to.equal('2024-06-10T09:00:00.000Z');
    expect(fromEpochText(' 1718010000123 ')).to.equal('2024-06-10T09:00:00.123Z');
    expect(fromEpochText('1718010000.9')).to.equal('2024-06-10T09:00:00.900Z');
    expect(fromEpochText('1718010000.0456')).to.equal('2024-06-10T09:00:00.045Z');
    expect(fromEpochText('17180e5')).to.equal(undefined);
    expect(fromEpochText('')).to.equal(undefined);
  });

  it('refuses what is not a time', () => {
    expect(fromEpoch(Number.NaN)).to.equal(undefined);
    expect(fromEpoch(Number.POSITIVE_INFINITY)).to.equal(undefined);
    expect(fromEpochText('soon')).to.equal(undefined);
    expect(fromIso('2024-06-31T09:00:00Z'), '31 June').to.equal(undefined);
    expect(fromIso('2024-13-01T09:00:00Z')).to.equal(undefined);
    expect(fromIso('2024-06-10T24:00:00Z')).to.equal(undefined);
    expect(fromIso('<script>alert(1)</script>')).to.equal(undefined);
  });

  it('reads ISO 8601 with Z, offsets with and without colon, and any number of fraction digits', () => {
    expect(fromIso('2024-06-10T09:00:00Z')).to.equal('2024-06-10T09:00:00.000Z');
    expect(fromIso('2024-06-10T11:00:02.2735393+02:00')).to.equal('2024-06-10T09:00:02.273Z');
    expect(fromIso('2024-06-10T09:00:01.829+0000')).to.equal('2024-06-10T09:00:01.829Z');
    expect(fromIso('2024-06-10T04:00:00-05')).to.equal('2024-06-10T09:00:00.000Z');
    expect(fromIso('2024-06-10 09:00:00.5Z')).to.equal('2024-06-10T09:00:00.500Z');
    expect(fromIso('2024-06-10T01:30:00+02:00')).to.equal('2024-06-09T23:30:00.000Z');
  });

  it('takes years 0 to 99 literally, and still refuses dates that do not exist', () => {
    // Date.UTC alone would turn year 50 into 1950.
    expect(fromIso('0050-06-10T09:00:00Z')).to.equal('0050-06-10T09:00:00.000Z');
    expect(fromIso('0000-01-01T00:00:00Z')).to.equal('0000-01-01T00:00:00.000Z');
    expect(fromIso('2024-02-29T12:00:00Z')).to.equal('2024-02-29T12:00:00.000Z');
    expect(fromIso('2023-02-29T12:00:00Z')).to.equal(undefined);
    expect(fromIso('2024-06-31T09:00:00Z')).to.equal(undefined);
  });

  it('reads zone-less ISO only when told the text is UTC', () => {
    expect(fromIso('2024-06-10 09:01:05')).to.equal(undefined);
    expect(fromIso('2024-06-10 09:01:05', true)).to.equal('2024-06-10T09:01:05.000Z');
  });

  it('reads RFC 2822 dates', () => {
    expect(fromRfc2822('Mon, 10 Jun 2024 09:01:01 +0000')).to.equal('2024-06-10T09:01:01.000Z');
    expect(fromRfc2822('10 Jun 2024 11:01:01 +0200')).to.equal('2024-06-10T09:01:01.000Z');
    expect(fromRfc2822('Mon, 10 Jun 2024 09:01 GMT')).to.equal('2024-06-10T09:01:00.000Z');
    expect(fromRfc2822('Mon, 10 Foo 2024 09:01:01 +0000')).to.equal(undefined);
  });

  it('reads SMS carrier times YYMMDDhhmm(ss) as UTC', () => {
    expect(fromCarrierTime('2406101101')).to.equal('2024-06-10T11:01:00.000Z');
    expect(fromCarrierTime('240610110159')).to.equal('2024-06-10T11:01:59.000Z');
    expect(fromCarrierTime('2001011400')).to.equal('2020-01-01T14:00:00.000Z');
    expect(fromCarrierTime('2413101101'), 'month 13').to.equal(undefined);
    expect(fromCarrierTime('240610')).to.equal(undefined);
    expect(fromCarrierTime('0000000000')).to.equal(undefined);
  });

  it('reads zone-less wall-clock times in an IANA zone, across daylight saving changes', () => {
    expect(fromLocalTime('2024-06-10 11:00:00', 'Europe/Paris'), 'summer, UTC+2').to.equal('2024-06-10T09:00:00.000Z');
    expect(fromLocalTime('2024-01-10 11:00:00', 'Europe/Paris'), 'winter, UTC+1').to.equal('2024-01-10T10:00:00.000Z');
    expect(fromLocalTime('2024-06-10 11:00:00', 'UTC')).to.equal('2024-06-10T11:00:00.000Z');
    expect(fromLocalTime('2024-06-10 05:00:00', 'America/New_York')).to.equal('2024-06-10T09:00:00.000Z');
    // 27 Oct 2024 02:30 happens twice in Paris: the first (still summer time) is taken.
    expect(fromLocalTime('2024-10-27 02:30:00', 'Europe/Paris')).to.equal('2024-10-27T00:30:00.000Z');
    // 31 Mar 2024 02:30 never happens in Paris: shifted past the gap (03:30 summer time).
    expect(fromLocalTime('2024-03-31 02:30:00', 'Europe/Paris')).to.equal('2024-03-31T01:30:00.000Z');
    // A text that carries its own zone keeps it.
    expect(fromLocalTime('2024-06-10 11:00:00+00:00', 'Europe/Paris')).to.equal('2024-06-10T11:00:00.000Z');
  });

  it('gives every timestamp form through normalize', () => {
    const at = (provider: Parameters<typeof normalize>[0], body: object): string | undefined => normalize(provider, body)[0]?.at;
    const sendgrid = (timestamp: unknown) => [{ event: 'delivered', sg_message_id: 'm', timestamp }];
    expect(at('sendgrid', sendgrid(1718010000)), 'seconds').to.equal('2024-06-10T09:00:00.000Z');
    expect(at('sendgrid', sendgrid(1718010000123)), 'milliseconds (Single Sends)').to.equal('2024-06-10T09:00:00.123Z');
    expect(at('sendgrid', sendgrid('1718010000')), 'numeric string').to.equal('2024-06-10T09:00:00.000Z');
    expect(at('sendgrid', sendgrid('2024-06-10T11:00:00+02:00')), 'ISO').to.equal('2024-06-10T09:00:00.000Z');
    expect(at('mailgun', { event: 'delivered', timestamp: 1718010000.5, message: { headers: { 'message-id': 'm' } } }), 'float').to.equal(
      '2024-06-10T09:00:00.500Z',
    );
    expect(at('brevo', { event: 'delivered', 'message-id': 'm', ts_epoch: 1718010000 }), 'ts_epoch in seconds').to.equal('2024-06-10T09:00:00.000Z');
    expect(at('sparkpost', { msys: { message_event: { type: 'delivery', message_id: 'm', timestamp: '2024-06-10T09:00:00.000Z' } } }), 'Events API ISO').to.equal(
      '2024-06-10T09:00:00.000Z',
    );
    const carrier = normalize('twilio', 'MessageSid=SM1&MessageStatus=delivered&RawDlrDoneDate=2406101101')[0];
    expect(carrier?.at).to.equal('2024-06-10T11:01:00.000Z');
    expect(carrier?.timeBasis, 'carrier time is marked').to.equal('assumed-utc');
  });

  it('dates a Twilio receipt when it arrived if its carrier time, read as UTC, falls after that (a local clock)', () => {
    const body = 'MessageSid=SM1&MessageStatus=delivered&RawDlrDoneDate=2406101101';
    const early = normalize('twilio', body, { receivedAt: '2024-06-10T09:01:30.000Z' })[0];
    expect([early?.at, early?.timeBasis]).to.deep.equal(['2024-06-10T09:01:30.000Z', 'received']);
    const later = normalize('twilio', body, { receivedAt: '2024-06-10T11:01:20.000Z' })[0];
    expect([later?.at, later?.timeBasis]).to.deep.equal(['2024-06-10T11:01:00.000Z', 'assumed-utc']);
  });
});
