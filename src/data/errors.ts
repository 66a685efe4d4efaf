/** Why a data-source call failed. */
export type DataSourceErrorKind = 'network' | 'http' | 'malformed' | 'timeout' | 'aborted' | 'no-source';

/** The one error type data sources reject with. */
export class DataSourceError extends Error {
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

let noSource: DataSourceError | undefined;

/**
 * The error of an element that has no data source (no `source`, no `<status-source>` around it, no page default):
 * one instance, shared. A page of 10,000 badges upgraded before its source is set would otherwise build 10,000
 * errors and their stack traces (about 0.5 s of script in Chromium). It says nothing about where it was thrown.
 */
export function noSourceError(): DataSourceError {
  return (noSource ??= new DataSourceError('No data source is configured.', { kind: 'no-source' }));
}
