import { DataSourceError } from '../../data/errors.js';
import { translate, type Locale } from '../../i18n/index.js';

/** Why a load failed, in a few words that fit an element's "Couldn't load …: {reason}" message. */
export function dataErrorReason(locale: Locale, error: unknown): string {
  if (error instanceof DataSourceError) return translate(locale, `data-error.${error.kind}`, { status: error.status ?? '' });
  return translate(locale, 'data-error.unknown');
}
