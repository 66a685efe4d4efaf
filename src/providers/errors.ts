/** Longest provider value quoted back in an error message: enough to recognize it, never a whole payload. */
const QUOTE_LIMIT = 60;

/** Quotes an untrusted value for an error message, shortened; the message stays plain text. */
export const quote = (value: unknown): string => {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text);
};

/**
 * Thrown by `normalize` when a body is not the provider's shape at all: not JSON, not an object, an envelope
 * without its event, an event without a message id or event name, a time that cannot be read. A known shape
 * with an unknown event name is not an error: it becomes an event of type `unknown`.
 */
export class ProviderPayloadError extends Error {
  override readonly name = 'ProviderPayloadError';
  /** The provider id `normalize` was called with. */
  readonly provider: string;
  /** Where in the body the problem is, JSON-path-like: `$[2]["event-data"].timestamp`. `$` is the whole body. */
  readonly path: string;

  constructor(provider: string, path: string, message: string) {
    super(`${provider}: ${message} (at ${path})`);
    this.provider = provider;
    this.path = path;
  }
}
