import { ProviderPayloadError, quote } from './errors.js';
import { fromEpoch, fromEpochText, fromIso, isEpochLike } from './timestamps.js';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** JSON-path-like child path: `$.event`, `$[0]`, `$["event-data"]`. */
const childPath = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);

/** True for a JSON object (not null, not an array). */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A position in an untrusted body: its value, its path and the provider, so that every read can fail with a
 * precise {@link ProviderPayloadError}. Only own properties are read: a body's "__proto__" or "constructor" key
 * is data like any other, and a missing key never reaches `Object.prototype`.
 */
export class Cursor {
  constructor(
    readonly provider: string,
    readonly value: unknown,
    readonly path = '$',
  ) {}

  /** The child at `key` (a missing key gives a cursor on `undefined`). */
  at(key: string | number): Cursor {
    const value =
      typeof key === 'number'
        ? Array.isArray(this.value) ? (this.value as unknown[])[key] : undefined
        : isRecord(this.value) && hasOwn(this.value, key) ? this.value[key] : undefined;
    return new Cursor(this.provider, value, childPath(this.path, key));
  }

  /** Throws a {@link ProviderPayloadError} at this position. */
  fail(message: string): never {
    throw new ProviderPayloadError(this.provider, this.path, message);
  }

  /** True when the value is a JSON object. */
  get isRecord(): boolean {
    return isRecord(this.value);
  }

  /** True when the value is an array. */
  get isArray(): boolean {
    return Array.isArray(this.value);
  }

  /** True when the value is present: not undefined, not null. */
  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  /** True when the key exists on this object, whatever its value. */
  has(key: string): boolean {
    return isRecord(this.value) && hasOwn(this.value, key);
  }

  /** This cursor, after checking that it is an object. */
  record(what = 'an object'): this {
    if (!isRecord(this.value)) this.fail(`expected ${what}`);
    return this;
  }

  /** The items of an array (each with its own path). */
  items(what = 'an array'): Cursor[] {
    if (!Array.isArray(this.value)) this.fail(`expected ${what}`);
    return (this.value as unknown[]).map((_, index) => this.at(index));
  }

  /**
   * The value as text: a non-empty string as is, a finite number or bigint in decimal. Anything else, and the
   * empty string, is `undefined`. Strings are never trimmed, decoded or interpreted.
   */
  text(): string | undefined {
    const value = this.value;
    if (typeof value === 'string') return value === '' ? undefined : value;
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
    if (typeof value === 'bigint') return String(value);
    return undefined;
  }

  /** {@link text}, or a {@link ProviderPayloadError} naming `what` when absent. */
  need(what: string): string {
    const text = this.text();
    if (text === undefined) this.fail(this.present ? `${what} is not a string (got ${typeof this.value})` : `missing ${what}`);
    return text;
  }

  /** A boolean, also from the strings "true"/"false" form bodies carry. */
  bool(): boolean | undefined {
    const value = this.value;
    if (typeof value === 'boolean') return value;
    if (value === 'true') return true;
    if (value === 'false') return false;
    return undefined;
  }

  /**
   * A provider time: Unix time as a number or numeric string (seconds, milliseconds... by magnitude) or ISO 8601
   * with a zone. Undefined when absent; a {@link ProviderPayloadError} when present but unreadable, or when a
   * Unix time falls outside 2000–2199 (0, negative, 1e20: see `isPlausibleEpochMs`).
   */
  time(): string | undefined {
    const value = this.value;
    if (value === undefined || value === null || value === '') return undefined;
    const read =
      typeof value === 'number' ? fromEpoch(value)
      : typeof value === 'string' ? (fromEpochText(value) ?? fromIso(value))
      : undefined;
    if (read === undefined && isEpochLike(value))
      this.fail(`implausible Unix time ${quote(value)}: expected an instant from 2000 to 2199 (seconds, milliseconds, microseconds or nanoseconds)`);
    if (read === undefined) this.fail(`unreadable time ${quote(typeof value === 'string' ? value : typeof value)}`);
    return read;
  }
}
