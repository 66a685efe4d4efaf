import { translate, type FormatLocale, type Locale } from '../../i18n/index.js';
import type { NumberFormatOptions } from '../../i18n/format.js';
import { numberFormat } from '../../i18n/intl-cache.js';
import type { Indicator } from './indicators.js';
import { shownPercent } from './shown-percent.js';

/** Columns of the CSV export: machine-readable values, each followed by its text in the user's language. */
export const CSV_COLUMNS = [
  'metric', 'label', 'count', 'rate', 'rate_text', 'denominator', 'denominator_label', 'base', 'level',
] as const;

// RFC 4180: quote a field holding a separator (either), a quote or a line break; double the quotes inside.
const field = (value: string | number): string => {
  const s = String(value);
  return /[",;\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** What separates CSV fields. */
export type CsvSeparator = ',' | ';';

/**
 * The separator a spreadsheet expects for `locale`: `;` where numbers are written with a decimal comma (French,
 * German, Spanish, Italian, Dutch: Excel there opens a comma-separated file as one column), else `,`.
 */
export const spreadsheetSeparator = (locale: FormatLocale): CsvSeparator =>
  numberFormat(locale).formatToParts(0.5).some((part) => part.type === 'decimal' && part.value === ',') ? ';' : ',';

// Six decimals are enough for any rate a person reads (0.0001 %), and avoid 0.44444444444444442. Cut, not rounded,
// as the rate text is: 2,499,999 delivered of 2,500,000 is 0.999999, not 1 beside "99.9 %". Cut by Intl, which reads
// the number's shortest decimal form: Math.trunc(rate * 1e6) cuts 0.29 to 0.289999.
const FRACTION: NumberFormatOptions = { maximumFractionDigits: 6, roundingMode: 'trunc', useGrouping: false };
const fraction = (rate: number): string => numberFormat('en', FRACTION).format(rate);

/**
 * The indicators as RFC 4180 CSV (comma-separated unless `separator` says otherwise, CRLF line ends, header row):
 * the ids, counts and rates as plain numbers for spreadsheets and scripts, the label, rate and denominator as the
 * user reads them.
 */
export function indicatorsToCsv(indicators: readonly Indicator[], locale: Locale, separator: CsvSeparator, format: FormatLocale): string {
  const rows = indicators.map((i) => [
    i.metric,
    translate(locale, `metric.${i.metric}.label`),
    i.count,
    i.rate === null ? '' : fraction(i.rate),
    i.rate === null ? '' : shownPercent(format, i.rate, i.limit),
    i.denominator ?? '',
    i.denominator ? translate(locale, `denominator.${i.denominator}`) : '',
    i.base ?? '',
    i.level,
  ]);
  return [CSV_COLUMNS, ...rows].map((row) => row.map(field).join(separator)).join('\r\n') + '\r\n';
}
