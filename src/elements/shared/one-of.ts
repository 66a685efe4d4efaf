import { text } from './text.js';

const told = new Set<string>();

/**
 * The value of an enumerated attribute: `value` when it is one of `allowed`, else `fallback`, as HTML's own
 * attributes do; but a value given and not taken (`layout="gird"`) is said once in the console, with the values it
 * takes, so that the page's developer sees why nothing changed. Absent or empty: the fallback, without a word.
 */
export function oneOf<T extends string>(tag: string, name: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (allowed.includes(value as T)) return value as T;
  const given = value === '' || value == null ? undefined : (text(value) ?? typeof value);
  const key = `${tag} ${name}=${given}`;
  if (given !== undefined && !told.has(key)) {
    told.add(key);
    console.warn(`estafette: <${tag}> ${name}="${given}" is none of ${allowed.join(', ')}: ${fallback} is used.`);
  }
  return fallback;
}
