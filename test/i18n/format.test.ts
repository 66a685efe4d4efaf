import {
  formatDateTime,
  formatNumber,
  formatPercent,
  formatRelativeTime,
  intlFormatterCount,
  translatePlural,
} from '../../src/i18n/index.js';
import { numberFormat, pluralRules } from '../../src/i18n/intl-cache.js';
import { expect } from '../support/expect.js';

// Chromium's French output: narrow no-break space (U+202F) between thousands, no-break space (U+00A0) before %.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('groups thousands the French way, with a decimal comma', () => {
    expect(formatNumber('fr', 1234567.5)).to.equal(`1${NNBSP}234${NNBSP}567,5`);
  });

  it('groups thousands the English way', () => {
    expect(formatNumber('en', 1234567.5)).to.equal('1,234,567.5');
  });

  it('shows a dash rather than NaN or Infinity', () => {
    expect(formatNumber('fr', Number.NaN)).to.equal('—');
    expect(formatNumber('en', Infinity)).to.equal('—');
  });
});

describe('formatPercent', () => {
  it('uses a comma and a no-break space before % in French', () => {
    expect(formatPercent('fr', 0.125)).to.equal(`12,5${NBSP}%`);
  });

  it('writes 12.5% in English', () => {
    expect(formatPercent('en', 0.125)).to.equal('12.5%');
  });

  it('drops the decimals of a whole percentage', () => {
    expect(formatPercent('fr', 0.12)).to.equal(`12${NBSP}%`);
    expect(formatPercent('en', 1)).to.equal('100%');
    expect(formatPercent('en', 0)).to.equal('0%');
  });

  it('keeps one decimal by default', () => {
    expect(formatPercent('en', 0.12345)).to.equal('12.3%');
  });

  it('keeps two decimals under 1 % so that small rates do not read as zero', () => {
    expect(formatPercent('fr', 0.001)).to.equal(`0,1${NBSP}%`);
    expect(formatPercent('en', 0.0004)).to.equal('0.04%');
    expect(formatPercent('en', 0.00125)).to.equal('0.12%');
  });

  it('cuts the digits it does not show, never rounding up to a threshold or 100 % the rate has not reached', () => {
    expect(formatPercent('en', 796 / 10_000), 'below the 8 % bounce danger level').to.equal('7.9%');
    expect(formatPercent('en', 800 / 10_000)).to.equal('8%');
    expect(formatPercent('en', 496 / 10_000), 'below the 5 % bounce warning level').to.equal('4.9%');
    expect(formatPercent('en', 96 / 100_000), 'below the 0.1 % complaint warning level').to.equal('0.09%');
    expect(formatPercent('en', 296 / 100_000), 'below the 0.3 % complaint danger level').to.equal('0.29%');
    expect(formatPercent('en', 9_996 / 10_000)).to.equal('99.9%');
    expect(formatPercent('en', 29 / 100), 'a whole rate stays whole (no 28.9 % from floating point)').to.equal('29%');
    expect(formatPercent('en', 0.00009)).to.equal(`<${NBSP}0.01%`);
  });

  it('says "< 0.01 %" for a rate too small to show rather than zero', () => {
    expect(formatPercent('fr', 0.00001)).to.equal(`<${NBSP}0,01${NBSP}%`);
    expect(formatPercent('en', 0.00001)).to.equal(`<${NBSP}0.01%`);
  });

  it('honours an explicit number of decimals', () => {
    expect(formatPercent('fr', 0.12345, { maximumFractionDigits: 2 })).to.equal(`12,34${NBSP}%`);
    expect(formatPercent('en', 0.12345, { maximumFractionDigits: 0 })).to.equal('12%');
  });

  it('shows a dash when there is no rate', () => {
    expect(formatPercent('fr', Number.NaN)).to.equal('—');
  });
});

describe('formatDateTime', () => {
  const moment = '2024-03-05T14:30:00Z';

  it('writes a medium date and a short time in French, in the given time zone', () => {
    expect(formatDateTime('fr', moment, { timeZone: 'Europe/Paris' })).to.equal('5 mars 2024, 15:30');
  });

  it('writes a medium date and a short time in English', () => {
    expect(formatDateTime('en', moment, { timeZone: 'Europe/Paris' })).to.equal('Mar 5, 2024, 3:30 PM');
  });

  it('accepts a regional tag for regional conventions', () => {
    expect(formatDateTime('en-GB', moment, { timeZone: 'UTC' })).to.equal('5 Mar 2024, 14:30');
  });

  it('accepts epoch milliseconds and Date objects', () => {
    const ms = Date.UTC(2024, 2, 5, 14, 30);
    expect(formatDateTime('fr', ms, { timeZone: 'UTC' })).to.equal('5 mars 2024, 14:30');
    expect(formatDateTime('fr', new Date(ms), { timeZone: 'UTC' })).to.equal('5 mars 2024, 14:30');
  });

  it('can leave the time out', () => {
    expect(formatDateTime('fr', moment, { timeZone: 'UTC', timeStyle: 'none' })).to.equal('5 mars 2024');
  });

  it('says "unknown date" for an invalid date instead of "Invalid Date"', () => {
    expect(formatDateTime('fr', 'not a date')).to.equal('date inconnue');
    expect(formatDateTime('en', 'not a date')).to.equal('unknown date');
    expect(formatDateTime('en', Number.NaN)).to.equal('unknown date');
    expect(formatDateTime('en', new Date('nope'))).to.equal('unknown date');
    expect(formatDateTime('en', 1e20)).to.equal('unknown date');
    expect(formatDateTime('en', Infinity)).to.equal('unknown date');
  });

  it('writes the first and the last moments a Date can hold', () => {
    expect(formatDateTime('en', 8.64e15, { timeZone: 'UTC' })).to.match(/^Sep 13, 275760, 12:00\sAM$/);
    expect(formatDateTime('en', -8.64e15, { timeZone: 'UTC' })).to.match(/^Apr 20, -?27182[12], 12:00\sAM$/);
  });

  it('adds the zone to a time of the hour the clocks repeat in autumn, which reads twice otherwise', () => {
    // 02:30 in Paris on 25 October 2026 happens at 00:30 UTC (summer time), then again at 01:30 UTC (winter time).
    const paris = { timeZone: 'Europe/Paris' } as const;
    expect(formatDateTime('fr', '2026-10-25T02:30:00+02:00', paris)).to.equal('25 oct. 2026, 02:30:00 UTC+2');
    expect(formatDateTime('fr', '2026-10-25T02:30:00+01:00', paris)).to.equal('25 oct. 2026, 02:30:00 UTC+1');
    expect(formatDateTime('de', '2026-10-25T02:30:00+01:00', { ...paris, dateStyle: 'none', timeStyle: 'medium' })).to.equal('02:30:00 MEZ');
    // Either side of the repeated hour, and the spring hour that is skipped, stay as they were.
    expect(formatDateTime('fr', '2026-10-25T01:59:00+02:00', paris)).to.equal('25 oct. 2026, 01:59');
    expect(formatDateTime('fr', '2026-10-25T03:00:00+01:00', paris)).to.equal('25 oct. 2026, 03:00');
    expect(formatDateTime('fr', '2026-03-29T03:30:00+02:00', paris)).to.equal('29 mars 2026, 03:30');
    expect(formatDateTime('fr', '2026-10-25T02:30:00+02:00', { ...paris, timeStyle: 'none' })).to.equal('25 oct. 2026');
  });

  it('does not throw on an unknown time zone, and says once in the console which zone it did not know', () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      expect(() => formatDateTime('fr', moment, { timeZone: 'Mars/Olympus_Mons' })).to.not.throw();
      // It falls back to the machine's own time zone, which decides the day and the hour (UTC-12 to UTC+14).
      expect(formatDateTime('fr', moment, { timeZone: 'Mars/Olympus_Mons' })).to.match(/^[4-6] mars 2024, \d\d:\d\d$/);
      expect(formatDateTime('en', moment, { timeZone: 'Mars/Olympus_Mons', timeStyle: 'none' })).to.match(/^Mar [4-6], 2024$/);
      formatDateTime('en', moment, { timeZone: 'Europe/Paris' });
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.deep.equal(['estafette: unknown time zone "Mars/Olympus_Mons", the user\'s own is used.']);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.parse('2024-03-05T14:30:00Z');
  const minute = 60_000;
  const hour = 60 * minute;
  const day = 24 * hour;

  const table: [string, number, string, string][] = [
    ['the same moment', 0, 'maintenant', 'now'],
    ['a few seconds of clock drift', 4_000, 'maintenant', 'now'],
    ['45 seconds ago', -45_000, 'il y a 45 secondes', '45 seconds ago'],
    ['5 minutes ago', -5 * minute, 'il y a 5 minutes', '5 minutes ago'],
    ['59.7 minutes ago', -59.7 * minute, 'il y a 1 heure', '1 hour ago'],
    ['in 2 hours', 2 * hour, 'dans 2 heures', 'in 2 hours'],
    // Half a unit rounds away from now both ways: 90 minutes ago as 90 minutes ahead, 23 h 30 ago as ahead.
    ['90 minutes ago', -90 * minute, 'il y a 2 heures', '2 hours ago'],
    ['in 90 minutes', 90 * minute, 'dans 2 heures', 'in 2 hours'],
    ['23 h 30 ago', -(23 * hour + 30 * minute), 'il y a 1 jour', '1 day ago'],
    ['59.5 seconds ago', -59_500, 'il y a 1 minute', '1 minute ago'],
    ['in 5 minutes', 5 * minute, 'dans 5 minutes', 'in 5 minutes'],
    // Elapsed days in numbers, never "yesterday": that names a calendar day, which 23 h 40 ago may not be.
    ['a day ago', -day, 'il y a 1 jour', '1 day ago'],
    ['23 h 40 ago (the same calendar day, from 00:20 to 23:59)', -(23 * hour + 40 * minute), 'il y a 1 jour', '1 day ago'],
    ['in 1 day', day, 'dans 1 jour', 'in 1 day'],
    ['3 days ago', -3 * day, 'il y a 3 jours', '3 days ago'],
    ['90 days ago', -90 * day, 'il y a 3 mois', '3 months ago'],
    ['31 days ago', -31 * day, 'il y a 1 mois', '1 month ago'],
    ['400 days ago', -400 * day, 'il y a 1 an', '1 year ago'],
    ['800 days ago', -800 * day, 'il y a 2 ans', '2 years ago'],
  ];
  for (const [what, offset, french, english] of table) {
    it(`says ${what} in French and English`, () => {
      expect(formatRelativeTime('fr', now + offset, now)).to.equal(french);
      expect(formatRelativeTime('en', new Date(now + offset).toISOString(), new Date(now))).to.equal(english);
    });
  }

  it('says "now" for a moment that has happened but reads up to five minutes ahead (another machine\'s clock), and only then', () => {
    const past = { past: true };
    expect(formatRelativeTime('fr', now + 2 * minute, now, past)).to.equal('maintenant');
    expect(formatRelativeTime('en', now + 5 * minute, now, past)).to.equal('now');
    expect(formatRelativeTime('en', now + 6 * minute, now, past), 'too far ahead for a clock: shown as it is').to.equal('in 6 minutes');
    expect(formatRelativeTime('en', now - 2 * minute, now, past)).to.equal('2 minutes ago');
    expect(formatRelativeTime('en', now + 2 * minute, now), 'a moment to come').to.equal('in 2 minutes');
  });

  it('says "unknown date" for an invalid date or an invalid now', () => {
    expect(formatRelativeTime('fr', 'yesterday-ish', now)).to.equal('date inconnue');
    expect(formatRelativeTime('en', now, Number.NaN)).to.equal('unknown date');
  });
});

describe('Intl formatter cache', () => {
  it('builds one formatter per locale and options, however many values it formats', () => {
    // Locales no other test uses, so that the counts below start from a cold cache.
    formatPercent('fr-CH', 0.5);
    const before = intlFormatterCount();
    for (let i = 0; i < 200; i++) formatPercent('fr-CH', 0.2 + i / 1000);
    expect(intlFormatterCount()).to.equal(before);

    formatPercent('en-NZ', 0.5);
    expect(intlFormatterCount()).to.equal(before + 1);
    formatPercent('en-NZ', 0.25);
    expect(intlFormatterCount()).to.equal(before + 1);
  });

  it('reuses date, relative-time and plural formatters', () => {
    const now = Date.UTC(2024, 0, 1);
    formatDateTime('fr', now, { timeZone: 'UTC' });
    formatRelativeTime('fr', now - 1000 * 3600, now);
    translatePlural('fr', 'stats.total-opens', 3);
    const before = intlFormatterCount();
    for (let i = 0; i < 100; i++) {
      formatDateTime('fr', now + i * 60_000, { timeZone: 'UTC' });
      formatRelativeTime('fr', now - i * 3_600_000, now);
      translatePlural('fr', 'stats.total-opens', i);
    }
    expect(intlFormatterCount()).to.equal(before);
  });

  it('keeps each kind of formatter apart, also under polyfills whose minified classes share one name', () => {
    // A page may replace Intl constructors with polyfills (older Safari lacks some); minified, two may both be "e".
    const { NumberFormat, PluralRules } = Intl;
    const named = <C extends abstract new (...args: never[]) => object>(Base: C): C => {
      const Polyfill = class extends (Base as unknown as new (...args: unknown[]) => object) {};
      Object.defineProperty(Polyfill, 'name', { value: 'e' });
      return Polyfill as unknown as C;
    };
    try {
      Object.assign(Intl, { NumberFormat: named(NumberFormat), PluralRules: named(PluralRules) });
      expect(numberFormat('es-UY')).to.be.instanceOf(NumberFormat);
      expect(pluralRules('es-UY'), 'not the number format of the same locale and options').to.be.instanceOf(PluralRules);
    } finally {
      Object.assign(Intl, { NumberFormat, PluralRules });
    }
  });

  it('tells different options apart', () => {
    formatDateTime('fr-LU', 0, { timeZone: 'UTC' });
    const before = intlFormatterCount();
    formatDateTime('fr-LU', 0, { timeZone: 'Asia/Tokyo' });
    formatDateTime('fr-LU', 0, { timeZone: 'UTC', timeStyle: 'none' });
    formatDateTime('fr-LU', 0, { timeZone: 'UTC' });
    expect(intlFormatterCount()).to.equal(before + 2);
  });
});
