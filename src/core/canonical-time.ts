const DAY = 86_400_000;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeap(year) ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil), for any year 0–9999. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

// The last date read: the strings from `lastDate` (inclusive) to `dateEnd` (exclusive) start with it. Events
// come by the thousand from the same few days, so the date part is mostly compared, not read digit by digit.
let lastDate = '';
let dateEnd = '';
let lastMidnight = 0;

/** Midnight UTC of the `YYYY-MM-DDT` at the start of `at`, or NaN when that is not a valid date so written. */
function midnightOf(at: string): number {
  if (at >= lastDate && at < dateEnd) return lastMidnight;
  const y0 = at.charCodeAt(0) - 48;
  const y1 = at.charCodeAt(1) - 48;
  const y2 = at.charCodeAt(2) - 48;
  const y3 = at.charCodeAt(3) - 48;
  const m0 = at.charCodeAt(5) - 48;
  const m1 = at.charCodeAt(6) - 48;
  const d0 = at.charCodeAt(8) - 48;
  const d1 = at.charCodeAt(9) - 48;
  // `d | (9 - d)` is negative exactly when d is not a digit.
  const digits = y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | m0 | (9 - m0) | m1 | (9 - m1) | d0 | (9 - d0) | d1 | (9 - d1);
  if (digits < 0 || at.charCodeAt(4) !== 45 /* - */ || at.charCodeAt(7) !== 45 || at.charCodeAt(10) !== 84 /* T */) return Number.NaN;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1 || (day > 28 && day > daysInMonth(year, month))) return Number.NaN;
  lastDate = at.slice(0, 11);
  dateEnd = `${at.slice(0, 10)}U`; // 'U' follows 'T': every string starting with lastDate sorts before dateEnd
  lastMidnight = daysFromCivil(year, month, day) * DAY;
  return lastMidnight;
}

/**
 * The time of an ISO string in the exact form `Date.prototype.toISOString()` writes (`2026-11-02T09:00:00.000Z`),
 * read without `Date.parse`; `NaN` for any other spelling, valid or not, so that callers fall back to parsing.
 *
 * Stricter than `Date.parse` on purpose: a date it would roll over (February 30th, 24:00) is refused, so every
 * accepted string has one instant, every instant one accepted string, and equal strings mean equal times.
 */
export function canonicalTime(at: string): number {
  if (at.length !== 24) return Number.NaN;
  const h0 = at.charCodeAt(11) - 48;
  const h1 = at.charCodeAt(12) - 48;
  const m0 = at.charCodeAt(14) - 48;
  const m1 = at.charCodeAt(15) - 48;
  const s0 = at.charCodeAt(17) - 48;
  const s1 = at.charCodeAt(18) - 48;
  const f0 = at.charCodeAt(20) - 48;
  const f1 = at.charCodeAt(21) - 48;
  const f2 = at.charCodeAt(22) - 48;
  // As in midnightOf, with 2 and 5 for the first digit of the hour, minute and second.
  const digits = h0 | (2 - h0) | h1 | (9 - h1) | m0 | (5 - m0) | m1 | (9 - m1) | s0 | (5 - s0) | s1 | (9 - s1) | f0 | (9 - f0) | f1 | (9 - f1) | f2 | (9 - f2);
  if (digits < 0 || (h0 === 2 && h1 > 3)) return Number.NaN;
  if (at.charCodeAt(13) !== 58 /* : */ || at.charCodeAt(16) !== 58 || at.charCodeAt(19) !== 46 /* . */ || at.charCodeAt(23) !== 90 /* Z */) return Number.NaN;
  const midnight = midnightOf(at);
  return midnight + (((h0 * 10 + h1) * 60 + m0 * 10 + m1) * 60 + s0 * 10 + s1) * 1000 + f0 * 100 + f1 * 10 + f2;
}

/** The value of the two digits at `i` and `i + 1` of `at`, or -1 when either is not a digit. */
function twoDigits(at: string, i: number): number {
  const a = at.charCodeAt(i) - 48;
  const b = at.charCodeAt(i + 1) - 48;
  return (a | (9 - a) | b | (9 - b)) < 0 ? -1 : a * 10 + b;
}

/**
 * {@link zonedTime} for any spelling but `toISOString()`'s: `YYYY-MM-DD`, `T` or a space, `HH:MM:SS`, an optional
 * fraction of one digit or more (read to the millisecond, the rest dropped as Date.parse does), then `Z` or an
 * offset `±HH:MM`, `±HHMM` or `±HH`.
 */
function anyZonedTime(text: string): number {
  const length = text.length;
  if (length < 20) return Number.NaN;
  // RFC 3339 allows a lower-case `t` and `z`, and (its note to 5.6) a space for the `T`, as SQL stacks write it.
  const separator = text.charCodeAt(10);
  const at = separator === 116 /* t */ || separator === 32 /* space */ ? `${text.slice(0, 10)}T${text.slice(11)}` : text;
  const midnight = midnightOf(at);
  const hour = twoDigits(at, 11);
  const minute = twoDigits(at, 14);
  const second = twoDigits(at, 17);
  if (Number.isNaN(midnight) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return Number.NaN;
  if (at.charCodeAt(13) !== 58 /* : */ || at.charCodeAt(16) !== 58) return Number.NaN;
  let i = 19;
  let ms = 0;
  if (at.charCodeAt(i) === 46 /* . */) {
    const first = ++i;
    for (let scale = 100; i < length; i++, scale /= 10) {
      const digit = at.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      if (scale >= 1) ms += digit * scale;
    }
    if (i === first) return Number.NaN;
  }
  let offset = 0;
  const zone = at.charCodeAt(i);
  if ((zone === 90 /* Z */ || zone === 122) /* z */ && i + 1 === length) offset = 0;
  else if (zone === 43 /* + */ || zone === 45 /* - */) {
    // `+02:00`; `+0200` (Python's %z, Java, PHP's DATE_ISO8601); `+02` (PostgreSQL's text output).
    const colon = at.charCodeAt(i + 3) === 58;
    if (i + (colon ? 6 : 5) !== length && i + 3 !== length) return Number.NaN;
    const hours = twoDigits(at, i + 1);
    const minutes = i + 3 === length ? 0 : twoDigits(at, colon ? i + 4 : i + 3);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) return Number.NaN;
    offset = (zone === 43 ? 1 : -1) * (hours * 60 + minutes) * 60_000;
  } else return Number.NaN;
  // A leap second (23:59:60) is read as the second before it: ECMAScript times have none.
  return midnight + ((hour * 60 + minute) * 60 + Math.min(second, 59)) * 1000 + ms - offset;
}

/**
 * The time of an instant written as RFC 3339 says (ISO 8601 with a time zone): `YYYY-MM-DDTHH:MM:SS`, an
 * optional fraction, then `Z` or an offset `±HH:MM` (`T` and `Z` in either case, or a space for the `T`, as RFC
 * 3339 allows); a leap second (`:60`) is read as `:59`. Also the unambiguous spellings common stacks write: an
 * offset without its colon (`+0200`: Python's `%z`, Java, PHP's `DATE_ISO8601`) or its minutes (`+02`:
 * PostgreSQL). `NaN` for anything else: no time zone (read in the machine's own zone by Date.parse, so the order
 * would depend on where the code runs), a date that does not exist (February 30th, hour 24), no seconds, a comma
 * before the fraction (RFC 3339 has none; no JSON serializer writes one), a Unix time, a number, `undefined`.
 *
 * How the core orders event times (`timeOf`); the data layer reads the same spellings (validate.ts). The usual spelling,
 * `toISOString()`'s, is read by {@link canonicalTime} without a regular expression nor Date.parse.
 */
export function zonedTime(at: unknown): number {
  if (typeof at !== 'string') return Number.NaN;
  const time = canonicalTime(at);
  return Number.isNaN(time) ? anyZonedTime(at) : time;
}

/**
 * Whether `at` is laid out as {@link zonedTime} wants, by a few character positions only: a string with `-` at 4
 * and 7, `T` (or a space) at 10, `:` at 13 and 16, and a zone at the end (`Z`, after the seconds or a fraction; or
 * `±HH:MM`, `±HHMM`, `±HH`, likewise). The values of the fields are not read.
 *
 * The core's check of `CanonicalEvent.at` (reduceEvents, aggregate, the timeline's stages): what it refuses has no
 * time zone (its order would depend on the machine's), or is no ISO 8601 time at all (a Unix time, "June 5",
 * missing). It is cheap enough for aggregate to run on every event (about 9 ms over a million, bench scenario 5,
 * where reading every field costs about 40): a time of this layout whose fields make no instant (February 30th,
 * 24:00) passes it, and is ordered first, as a time that cannot be read (`timeOf`), in reduceEvents and aggregate
 * alike. The data layer, which must show its times, checks them whole.
 */
export function isZonedTime(at: unknown): at is string {
  if (typeof at !== 'string') return false;
  const n = at.length;
  const separator = at.charCodeAt(10);
  if (n < 20 || at.charCodeAt(4) !== 45 /* - */ || at.charCodeAt(7) !== 45 || ((separator | 32) !== 116 /* T or t */ && separator !== 32)) return false;
  if (at.charCodeAt(13) !== 58 /* : */ || at.charCodeAt(16) !== 58) return false;
  // `Z` right after the seconds, or after a fraction; else an offset (`±HH:MM`, `±HHMM` or `±HH`), likewise.
  if ((at.charCodeAt(n - 1) | 32) === 122 /* Z or z */) return n === 20 || at.charCodeAt(19) === 46 /* . */;
  const third = at.charCodeAt(n - 3);
  const width = third === 58 ? 6 : third === 43 || third === 45 ? 3 : 5;
  const sign = at.charCodeAt(n - width);
  return (sign === 43 /* + */ || sign === 45) && (n === 19 + width || at.charCodeAt(19) === 46);
}
