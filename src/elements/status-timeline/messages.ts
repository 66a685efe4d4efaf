import { DataSourceError } from '../../data/errors.js';
import { translate, type KeyLike, type Locale, type MessageParams } from '../../i18n/index.js';

/*
 * Texts the timeline needs that the catalogues do not hold yet. `tr()` prefers the catalogue, so once a key is
 * added there this table is dead weight and can go.
 */
const PENDING: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    'timeline.code': 'Code: {code}',
    'timeline.detail': 'Details: {text}',
    'timeline.stages': 'Progress',
    'timeline.details': 'Event details',
    'data-error.network': 'the server could not be reached',
    'data-error.http': 'the server answered with an error ({status})',
    'data-error.malformed': 'the server’s answer could not be read',
    'data-error.timeout': 'the server took too long to answer',
    'data-error.aborted': 'the request was canceled',
    'data-error.no-source': 'no data source is connected',
    'data-error.unknown': 'an unexpected error occurred',
  },
  fr: {
    'timeline.code': 'Code : {code}',
    'timeline.detail': 'Détails : {text}',
    'timeline.stages': 'Progression',
    'timeline.details': 'Détails de l’événement',
    'data-error.network': 'le serveur est injoignable',
    'data-error.http': 'le serveur a répondu par une erreur ({status})',
    'data-error.malformed': 'la réponse du serveur est illisible',
    'data-error.timeout': 'le serveur a mis trop de temps à répondre',
    'data-error.aborted': 'la requête a été annulée',
    'data-error.no-source': 'aucune source de données n’est connectée',
    'data-error.unknown': 'une erreur inattendue s’est produite',
  },
};

/** `translate()`, with this element's pending texts when the catalogue lacks the key. */
export function tr(locale: Locale, key: KeyLike, params?: MessageParams): string {
  const text = translate(locale, key, params);
  if (text !== key) return text;
  const pending = PENDING[locale]?.[key] ?? PENDING.en[key];
  if (pending === undefined) return text;
  // One pass, like the catalogue's own interpolation: inserted values are never expanded again.
  return pending.replace(/\{([\w-]+)\}/g, (whole, name: string) =>
    params && Object.hasOwn(params, name) ? String(params[name]) : whole);
}

/** Why a load failed, in words that fit `timeline.error`'s `{reason}`. */
export function errorReason(locale: Locale, error: unknown): string {
  if (error instanceof DataSourceError) {
    return tr(locale, `data-error.${error.kind}`, { status: error.status ?? '' });
  }
  return tr(locale, 'data-error.unknown');
}

/**
 * Splits a message around one placeholder, so that an element (a link) can stand where the value goes while
 * the rest of the sentence stays translated text.
 */
export function around(locale: Locale, key: KeyLike, name: string): readonly [string, string] {
  const marker = '\u0000';
  const text = tr(locale, key, { [name]: marker });
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}
