/**
 * Every time form the providers use, to ISO 8601 UTC with millisecond precision (`2024-06-10T09:00:00.000Z`).
 * Readers return `undefined` for what they cannot read; callers decide whether that is an error or a fallback.
 * Sub-millisecond digits are truncated, never rounded, so a time never moves into the next millisecond.
 */

// Dates representable by `Date` (±8.64e15 ms).
const MAX_MS = 8.64e15;

const NUMERIC = /^-?\d+(?:\.\d+)?$/;

const iso = (ms: number): string | undefined =>
  Number.isFinite(ms) && Math.abs(ms) <= MAX_MS ? new Date(ms).toISOString() : undefined;

// The instants a Unix time may stand for: from 2000-01-01 (inclusive) to 2200-01-01 (exclusive), UTC.
const EPOCH_FROM = Date.UTC(2000, 0, 1);
const EPOCH_UNTIL = Date.UTC(2200, 0, 1);

/**
 * Whether a Unix time, once read in milliseconds, is a plausible event time: from 2000 to 2199 (UTC). Anything
 * else is a placeholder (0), a sign or unit mistake, or garbage, never an email or SMS event. In that window,
 * the four units of {@link fromEpoch} cover ranges of numbers that do not overlap, so the unit read is never a guess.
 */
const isPlausibleEpochMs = (ms: number): boolean => ms >= EPOCH_FROM && ms < EPOCH_UNTIL;

const plausibleIso = (ms: number): string | undefined => (isPlausibleEpochMs(ms) ? iso(ms) : undefined);

/** Whether `value` is written as a Unix time: a finite number, or a decimal numeric string. */
export const isEpochLike = (value: unknown): boolean =>
  typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && NUMERIC.test(value.trim());

/**
 * Unix time as a number, unit detected by magnitude: below 1e11 seconds (until year 5138), below 1e14
 * milliseconds, below 1e17 microseconds, else nanoseconds. Fractions are kept to the millisecond. `undefined`
 * for a time outside 2000–2199 (see {@link isPlausibleEpochMs}): 0, negative numbers, 1e20.
 */
export function fromEpoch(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const magnitude = Math.abs(value);
  // Scale to whole microseconds first: 1718010000.9 * 1000 is 1718010000899.9998 in binary floating point.
  const micros =
    magnitude < 1e11 ? Math.round(value * 1e6) : magnitude < 1e14 ? Math.round(value * 1e3) : magnitude < 1e17 ? Math.round(value) : Math.round(value / 1e3);
  return plausibleIso(Math.floor(micros / 1e3));
}

/** Unix time written as a decimal string (SparkPost `"1718010000"`, Mailgun signature times); same window as {@link fromEpoch}. */
export function fromEpochText(text: string): string | undefined {
  const trimmed = text.trim();
  if (!NUMERIC.test(trimmed)) return undefined;
  const [whole = '', fraction = ''] = trimmed.split('.');
  // Exact decimal handling for seconds with a fraction: no binary rounding of "…0.9".
  if (fraction && Math.abs(Number(whole)) < 1e11) {
    const ms = Number(whole) * 1000 + Math.sign(Number(`${whole}1`)) * Number(fraction.slice(0, 3).padEnd(3, '0'));
    return plausibleIso(ms);
  }
  return fromEpoch(Number(trimmed));
}

interface Parts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly ms: number;
}

/** Milliseconds since the epoch for wall-clock parts read as UTC; undefined when a part is out of range. */
const utcMs = (p: Parts): number | undefined => {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 60) return undefined;
  const date = new Date(Date.UTC(2000, p.month - 1, p.day, p.hour, p.minute, Math.min(p.second, 59), p.ms));
  // Date.UTC reads years 0-99 as 1900-1999: set the year by itself, which takes it literally.
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  // Date.UTC rolls 31 June over into July: reject instead.
  if (date.getUTCDate() !== p.day || date.getUTCMonth() !== p.month - 1) return undefined;
  return date.getTime();
};

// 2024-06-10T09:00:00Z, 2024-06-10 11:00:02.2735393+02:00, 2024-06-10T09:00:01.829+0000, 2024-06-10T09:00.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/;

/** Offset in minutes of `Z`, `+02:00`, `+0200`, `-05`. */
const offsetMinutes = (zone: string): number => {
  if (/^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
};

/** Wall-clock parts of an ISO-like text, and its zone designator when it has one. */
const isoParts = (text: string): { parts: Parts; zone?: string } | undefined => {
  const m = ISO.exec(text.trim());
  if (!m) return undefined;
  const parts: Parts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    ms: Number((m[7] ?? '').slice(0, 3).padEnd(3, '0')),
  };
  return m[8] === undefined ? { parts } : { parts, zone: m[8] };
};

/**
 * ISO 8601 text (Postmark, SES, Resend, Tipimail), any number of fraction digits, offsets with or without colon.
 * Text without a zone is read as UTC only when `assumeUtc` is set, else it is unreadable.
 */
export function fromIso(text: string, assumeUtc = false): string | undefined {
  const read = isoParts(text);
  if (!read || (read.zone === undefined && !assumeUtc)) return undefined;
  const ms = utcMs(read.parts);
  if (ms === undefined) return undefined;
  return iso(ms - offsetMinutes(read.zone ?? 'Z') * 60_000);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Mon, 10 Jun 2024 09:01:01 +0000 (Twilio REST `date_updated`).
const RFC2822 = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(Z|UT|UTC|GMT|[+-]\d{4})?$/;

/** RFC 2822 date (`Mon, 10 Jun 2024 09:01:01 +0000`); a missing zone is read as UTC. */
export function fromRfc2822(text: string): string | undefined {
  const m = RFC2822.exec(text.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1;
  const ms = utcMs({ year: Number(m[3]), month, day: Number(m[1]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0), ms: 0 });
  if (ms === undefined) return undefined;
  const zone = m[7] === undefined || /^(?:ut|utc|gmt|z)$/i.test(m[7]) ? 'Z' : m[7];
  return iso(ms - offsetMinutes(zone) * 60_000);
}

const CARRIER = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?$/;

/**
 * SMS carrier time `YYMMDDhhmm` (or `YYMMDDhhmmss`), as in Twilio `RawDlrDoneDate` and Vonage `scts`. It has
 * no zone: it is read as UTC (Vonage documents UTC; carriers do not always follow), and callers mark the
 * event `timeBasis: 'assumed-utc'`. Years are 20YY.
 */
export function fromCarrierTime(text: string): string | undefined {
  const m = CARRIER.exec(text.trim());
  if (!m) return undefined;
  const ms = utcMs({
    year: 2000 + Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
    ms: 0,
  });
  return ms === undefined ? undefined : iso(ms);
}

const zoneFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at instant `ms`, in milliseconds, through Intl (works in browsers and Node). */
const zoneOffset = (ms: number, timeZone: string): number => {
  let format = zoneFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    zoneFormats.set(timeZone, format);
  }
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(format.formatToParts(new Date(ms)).find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
};

/** Throws a RangeError when `timeZone` is not an IANA zone the platform knows. */
export function checkTimeZone(timeZone: string): void {
  new Intl.DateTimeFormat('en-US', { timeZone });
}

/**
 * A wall-clock time without zone (`2024-06-10 11:00:00`, Brevo SMS `date`) read in the IANA zone `timeZone`.
 * In the hour a DST change repeats, the earlier instant is taken; a skipped hour is shifted forward.
 */
export function fromLocalTime(text: string, timeZone: string): string | undefined {
  const read = isoParts(text);
  if (!read) return undefined;
  const wall = utcMs(read.parts);
  if (wall === undefined) return undefined;
  if (read.zone !== undefined) return iso(wall - offsetMinutes(read.zone) * 60_000);
  // The instant whose wall clock in the zone is `wall`: try the offsets in force a few hours either side.
  const before = wall - zoneOffset(wall - 3 * 3_600_000, timeZone);
  if (before + zoneOffset(before, timeZone) === wall) return iso(before);
  const after = wall - zoneOffset(wall + 3 * 3_600_000, timeZone);
  if (after + zoneOffset(after, timeZone) === wall) return iso(after);
  // A wall time the zone skipped (spring forward): `before` lands just after the gap.
  return iso(before);
}
