/**
 * One `Intl` object per (kind, locale, options): constructing one costs 20 to 200 µs against 2 to 3 µs to use it,
 * and a page may hold thousands of badges. The cache is not bounded because its keys are a handful of option
 * shapes times the locales in use.
 */

const cache = new Map<string, object>();

/** How many `Intl` objects the kit has constructed so far; benchmarks check it stays flat as elements multiply. */
export const intlFormatterCount = (): number => cache.size;

type IntlConstructor<T, O> = new (locales: string, options?: O) => T;

/**
 * The cached instance, built on first use. A malformed locale tag or an unknown time zone makes `Intl` throw;
 * a formatter must never break rendering, so those fall back to the default time zone (named once in the console),
 * then to English.
 */
function cached<T extends object, O extends object>(
  kind: string,
  Ctor: IntlConstructor<T, O>,
  locale: string,
  options: O,
): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let instance = cache.get(key) as T | undefined;
  if (instance === undefined) {
    instance = construct(Ctor, locale, options);
    cache.set(key, instance);
  }
  return instance;
}

/** The unknown time zones already named in the console. */
const unknownZones = new Set<unknown>();

function construct<T, O extends object>(Ctor: IntlConstructor<T, O>, locale: string, options: O): T {
  try {
    return new Ctor(locale, options);
  } catch {
    const { timeZone, ...withoutTimeZone } = options as O & { timeZone?: unknown };
    try {
      const made = new Ctor(locale, withoutTimeZone as O);
      // Only the time zone was wrong (`Paris` for `Europe/Paris`): said once, not silently shown in another zone.
      if (timeZone !== undefined && !unknownZones.has(timeZone)) {
        unknownZones.add(timeZone);
        console.warn(`estafette: unknown time zone "${String(timeZone)}", the user's own is used.`);
      }
      return made;
    } catch {
      return new Ctor('en', withoutTimeZone as O);
    }
  }
}

/** Cached `Intl.NumberFormat`. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached('NumberFormat', Intl.NumberFormat, locale, options);

/** Cached `Intl.DateTimeFormat`. */
export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat =>
  cached('DateTimeFormat', Intl.DateTimeFormat, locale, options);

/** Cached `Intl.RelativeTimeFormat`. */
export const relativeTimeFormat = (
  locale: string,
  options: Intl.RelativeTimeFormatOptions = {},
): Intl.RelativeTimeFormat => cached('RelativeTimeFormat', Intl.RelativeTimeFormat, locale, options);

/** Cached `Intl.PluralRules`. */
export const pluralRules = (locale: string, options: Intl.PluralRulesOptions = {}): Intl.PluralRules =>
  cached('PluralRules', Intl.PluralRules, locale, options);
