import { warnOnce } from '../../data/warn-once.js';
import { DataSourceError } from '../../data/errors.js';
import { translate, type Locale } from '../../i18n/index.js';
import { isAbort } from './retry.js';

/** Why a load failed, in a few words that fit an element's "Couldn't load …: {reason}" message. */
export function dataErrorReason(locale: Locale, error: unknown): string {
  if (error instanceof DataSourceError) return translate(locale, `data-error.${error.kind}`, { status: error.status ?? '' });
  return translate(locale, 'data-error.unknown');
}

/** Whether `error` says the source has nothing of that id (a 404, or a message the source said was deleted). */
export const isNotFound = (error: unknown): boolean => error instanceof DataSourceError && error.kind === 'http' && error.status === 404;

/**
 * What an element says of a failed load, and whether trying again may help: no source connected, nothing of that
 * id (a 404: `notFoundKey`), or `failedKey` ("Couldn't load …: {reason}") with the reason in a few words.
 */
export function loadFailure(locale: Locale, error: unknown, notFoundKey: string, failedKey: string): readonly [text: string, retry: boolean] {
  if (error instanceof DataSourceError && (error.kind === 'no-source' || isNotFound(error))) {
    return [translate(locale, error.kind === 'no-source' ? 'common.source-missing' : notFoundKey), false];
  }
  return [translate(locale, failedKey, { reason: dataErrorReason(locale, error) }), true];
}

const told = new WeakSet<object>();

/**
 * Tells the developer why `what()` could not be loaded (the element itself only says so in a few words): once per
 * error object, so that a failed batch shared by 500 badges is one warning, and 20 warnings at most per page.
 * `what` is only called for a warning that is written: not 500 times for one failed batch.
 */
export function warnLoadFailure(error: unknown, what: () => string): void {
  // No source yet is no failure: pages often set theirs just after the elements upgrade, and the element says so.
  if (isAbort(error) || (error instanceof DataSourceError && error.kind === 'no-source')) return;
  if (typeof error === 'object' && error !== null) {
    if (told.has(error)) return;
    told.add(error);
  }
  // A source that rejects with nothing (`Promise.reject()`) says so, rather than a warning that ends at its colon.
  warnOnce(`could not load ${what()}:`, error ?? String(error));
}
