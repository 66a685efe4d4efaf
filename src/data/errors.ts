/** Why a data-source call failed. */
export type DataSourceErrorKind = 'network' | 'http' | 'malformed' | 'timeout' | 'aborted' | 'no-source';

/**
 * What marks a `DataSourceError` of any copy of Estafette: a page may hold two (the CDN file and the npm build, or two
 * bundles), and each copy's class is another object. A registered symbol is the same in every copy.
 */
const BRAND: unique symbol = Symbol.for('estafette.data-source-error');

/**
 * The one error type data sources reject with.
 *
 * `error instanceof DataSourceError` is true for an error of any copy of Estafette on the page (the CDN file's, the
 * npm build's, another bundle's): an app's source throwing the class it imported from `estafette` is understood by
 * elements the CDN file registered, and the other way round. A subclass keeps the ordinary `instanceof`.
 */
export class DataSourceError extends Error {
  /** True for a `DataSourceError` made by any copy of the class (see the class's description). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass inherits this method: `x instanceof MySubclass` asks for that class, not for any copy's error.
    if (this !== DataSourceError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  static {
    // On the prototype, out of the public type: nothing added to each error, nothing for a host to fake by accident.
    Object.defineProperty(this.prototype, BRAND, { value: true });
  }

  override readonly name = 'DataSourceError';
  readonly kind: DataSourceErrorKind;
  /** HTTP status, when there was a response. */
  readonly status?: number;
  /** Whether trying again later may work (network errors, time-outs, 5xx, 408, 425, 429). */
  readonly retryable: boolean;
  /** Milliseconds the server asked to wait (Retry-After), when it said. */
  readonly retryAfter?: number;
  constructor(
    message: string,
    init: { kind: DataSourceErrorKind; status?: number; retryable?: boolean; retryAfter?: number; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    if (init.status !== undefined) this.status = init.status;
    this.retryable = init.retryable ?? false;
    if (init.retryAfter !== undefined) this.retryAfter = init.retryAfter;
  }
}

/**
 * Made as this module loads, not by the first element that needs it: an error keeps the frames of its stack trace
 * until it is read, and with them that element, and the tree it was removed with (a table, a closed drawer), for as
 * long as the page lives.
 */
const noSource = /* @__PURE__ */ new DataSourceError('No data source is configured.', { kind: 'no-source' });

/**
 * The error of an element that has no data source (no `source`, no `<status-source>` around it, no page default):
 * one instance, shared. A page of 10,000 badges upgraded before its source is set would otherwise build 10,000
 * errors and their stack traces (about 0.5 s of script in Chromium). It says nothing about where it was thrown.
 */
export const noSourceError = (): DataSourceError => noSource;
