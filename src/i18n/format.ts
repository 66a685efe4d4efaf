import { dateTimeFormat, numberFormat, relativeTimeFormat } from './intl-cache.js';
import { DEFAULT_LOCALE, matchLocale, type Locale } from './locales.js';
import { translate } from './translate.js';

/**
 * A supported locale, or any BCP 47 tag (`en-GB`) when a host wants regional number and date conventions; texts
 * still come from the matching catalogue.
 */
export type FormatLocale = Locale | (string & {});

/** A moment: an ISO 8601 string, epoch milliseconds or a `Date`. */
export type DateInput = string | number | Date;

/** How `formatDateTime` renders a moment; `'none'` leaves that part out. */
export interface DateTimeStyle {
  /** Default `medium` ("5 mars 2024"). */
  readonly dateStyle?: 'full' | 'long' | 'medium' | 'short' | 'none';
  /** Default `short` ("15:30"). */
  readonly timeStyle?: 'full' | 'long' | 'medium' | 'short' | 'none';
  /** IANA zone; defaults to the user's own. Mostly for tests and for back-offices that pin one zone. */
  readonly timeZone?: string;
}

const textLocale = (locale: FormatLocale): Locale => matchLocale(locale) ?? DEFAULT_LOCALE;

// Beyond ±8.64e15 ms a Date is invalid and Intl throws instead of formatting.
const LAST_TIME = 8.64e15;

/** Epoch milliseconds, or NaN for anything that is not a valid moment. */
function toTime(value: DateInput): number {
  const time = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  return Math.abs(time) <= LAST_TIME ? time : NaN;
}

/** A number with the locale's grouping and decimal marks ("12 345,5" in French). */
export function formatNumber(locale: FormatLocale, n: number): string {
  if (!Number.isFinite(n)) return translate(textLocale(locale), 'format.no-number');
  return numberFormat(locale).format(n);
}

/** Options of `formatPercent`. */
export interface PercentOptions {
  /** Overrides the automatic precision (1 digit, 2 under 1 %, none when the value is whole). */
  readonly maximumFractionDigits?: number;
}

/** With ES2023's `roundingMode`, typed here so that the kit compiles against an older `lib` too. */
export type NumberFormatOptions = Intl.NumberFormatOptions & { readonly roundingMode?: 'trunc' };

// Cut to its digits, not rounded: a rate never reads as a threshold it has not reached (7.96 % of bounces reads
// "7.9 %" below the 8 % danger level, not "8 %"), nor 99.96 % as "100 %".
const DEFAULT_PERCENT: NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1, roundingMode: 'trunc' };
// Complaint rates live around 0.1 %: one digit would cut a real 0.04 % to a reassuring "0 %".
const SMALL_PERCENT: NumberFormatOptions = { style: 'percent', maximumFractionDigits: 2, roundingMode: 'trunc' };
const SMALLEST_SHOWN = 0.0001;

/**
 * A fraction (0.125) as a percentage ("12,5 %" in French, "12.5%" in English). Trailing zeros are dropped
 * ("12 %"), rates under 1 % get two digits, digits beyond are cut rather than rounded (so a shown rate is never
 * above the real one: it reaches a threshold of that precision only when the rate does), and a non-zero rate too
 * small to show reads "< 0,01 %" rather than a misleading zero.
 */
export function formatPercent(locale: FormatLocale, fraction: number, options: PercentOptions = {}): string {
  if (!Number.isFinite(fraction)) return translate(textLocale(locale), 'format.no-number');
  const { maximumFractionDigits } = options;
  if (maximumFractionDigits !== undefined && Number.isFinite(maximumFractionDigits)) {
    const digits = Math.min(20, Math.max(0, Math.trunc(maximumFractionDigits)));
    const cut: NumberFormatOptions = { style: 'percent', maximumFractionDigits: digits, roundingMode: 'trunc' };
    return numberFormat(locale, cut).format(fraction);
  }
  if (fraction > 0 && fraction < SMALLEST_SHOWN) {
    return `<\u00a0${numberFormat(locale, SMALL_PERCENT).format(SMALLEST_SHOWN)}`;
  }
  return numberFormat(locale, Math.abs(fraction) < 0.01 ? SMALL_PERCENT : DEFAULT_PERCENT).format(fraction);
}

/**
 * A date and time in the user's time zone, medium date and short time by default ("5 mars 2024, 15:30").
 * An invalid input gives the translated "unknown date", never "Invalid Date". A time of the hour the clocks repeat
 * in autumn also gives its zone, with the seconds ("25 oct. 2026, 02:30:00 UTC+2"): it reads twice otherwise.
 */
export function formatDateTime(locale: FormatLocale, value: DateInput, style: DateTimeStyle = {}): string {
  const time = toTime(value);
  if (Number.isNaN(time)) return translate(textLocale(locale), 'format.unknown-date');
  const dateStyle = style.dateStyle ?? 'medium';
  const timeStyle = style.timeStyle ?? 'short';
  const options: Intl.DateTimeFormatOptions = {};
  if (dateStyle !== 'none') options.dateStyle = dateStyle;
  if (timeStyle !== 'none') options.timeStyle = timeStyle;
  if (style.timeZone !== undefined) options.timeZone = style.timeZone;
  const format = (at: number): string => dateTimeFormat(locale, options).format(at);
  const shown = format(time);
  // In the hour the clocks repeat in autumn, every time shown happens twice, an hour apart: there the zone tells the
  // two apart ("02:30:00 UTC+2", then "UTC+1"). 'long' is the first time style that writes it (with the seconds).
  return (timeStyle === 'short' || timeStyle === 'medium') && Math.abs(time) < LAST_TIME - HOUR && (format(time - HOUR) === shown || format(time + HOUR) === shown)
    ? dateTimeFormat(locale, { ...options, timeStyle: 'long' }).format(time)
    : shown;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30.436875 * DAY; // average Gregorian month
const YEAR = 365.2425 * DAY;
// Provider clocks and ours drift by a few seconds; "in 3 seconds" for a past event would look broken.
const NOW_WINDOW = 10 * SECOND;
// A server or provider clock ahead of the browser's, for a moment that has happened: "now", not "in 2 minutes".
const CLOCK_AHEAD = 5 * MINUTE;

/** The first unit whose rounded amount stays under its limit wins; beyond them all, years. */
const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number, number])[] = [
  ['second', SECOND, 60],
  ['minute', MINUTE, 60],
  ['hour', HOUR, 24],
  ['day', DAY, 30],
  ['month', MONTH, 12],
];

// "now", "in 5 minutes"; days and longer always in numbers: "yesterday" and "last month" name calendar days and
// months, which an elapsed time rounded to days is not (an event at 00:20 seen at 23:59 the same day was "yesterday").
const RELATIVE: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
const COUNTED: Intl.RelativeTimeFormatOptions = { numeric: 'always' };
const isCalendarUnit = (unit: Intl.RelativeTimeFormatUnit): boolean => unit === 'day' || unit === 'month' || unit === 'year';

/** Options of `formatRelativeTime`. */
export interface RelativeTimeOptions {
  /**
   * The moment has happened (an event, a status update): up to five minutes ahead of `now` is the other machine's
   * clock running ahead of this one, and reads "now" rather than "in 2 minutes".
   */
  readonly past?: boolean;
}

/**
 * How long ago (or how far ahead) a moment is, in the largest fitting unit: "il y a 5 minutes", "il y a 1 jour",
 * "in 2 hours". Within ten seconds of `now` it says "now". Invalid input gives the translated "unknown date".
 */
export function formatRelativeTime(locale: FormatLocale, value: DateInput, now: number | Date = Date.now(), options: RelativeTimeOptions = {}): string {
  const diff = toTime(value) - toTime(now);
  if (Number.isNaN(diff)) return translate(textLocale(locale), 'format.unknown-date');
  if (Math.abs(diff) < NOW_WINDOW || (options.past && diff > 0 && diff <= CLOCK_AHEAD)) return relativeTimeFormat(locale, RELATIVE).format(0, 'second');
  const say = (amount: number, unit: Intl.RelativeTimeFormatUnit): string =>
    relativeTimeFormat(locale, isCalendarUnit(unit) ? COUNTED : RELATIVE).format(amount, unit);
  // Rounded by size, then signed: Math.round(-1.5) is -1, which made 90 minutes ago "1 hour ago" but 90 minutes
  // ahead "in 2 hours".
  const sign = diff < 0 ? -1 : 1;
  for (const [unit, size, limit] of UNITS) {
    const amount = Math.round((sign * diff) / size);
    if (amount < limit) return say(sign * amount, unit);
  }
  return say(sign * Math.round((sign * diff) / YEAR), 'year');
}
