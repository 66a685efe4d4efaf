import { formatPercent, type FormatLocale } from '../../i18n/index.js';

/**
 * A rate, or the threshold it reached (`limit`), as the card and its CSV write it: to as many digits as that
 * threshold needs. A warning set at 1.25 % reads "1,25 %", and so does the rate that reached it, where the usual one
 * digit would show "1,2 %" for the threshold, and for a rate flagged as well as for one just under it.
 */
export function shownPercent(format: FormatLocale, value: number, limit?: number): string {
  // The digits the threshold needs as a percentage (0.0125: 2), the core having read it as a decimal (1.1 / 100 is
  // 0.011 there): what is left past them is float noise, small beside the threshold. Up to 4, or to its fourth
  // significant digit when it is smaller (0.0000005: 5 digits, "0,00005 %", not a "0 %" threshold). One digit is
  // always shown (two under 1 %, where two digits change nothing).
  const percent = (limit ?? 0) * 100;
  const most = Math.min(20, Math.max(4, 3 - Math.floor(Math.log10(percent))));
  let digits = 1;
  while (digits < most && Math.abs(percent - +percent.toFixed(digits)) > percent * 1e-9) digits++;
  return formatPercent(format, value, digits > 1 ? { maximumFractionDigits: digits } : {});
}
