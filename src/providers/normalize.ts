import { decodeBody } from './body.js';
import { Cursor } from './cursor.js';
import type { Context } from './emit.js';
import { ProviderPayloadError, quote } from './errors.js';
import { ADAPTERS } from './registry.js';
import { checkTimeZone, fromEpoch, fromEpochText, fromIso } from './timestamps.js';
import { isProviderId, PROVIDERS, type NormalizeOptions, type ProviderId, type ProviderEvent, type WebhookBody } from './types.js';

const DEFAULT_TIME_ZONE = 'Europe/Paris';

/** `receivedAt` as ISO 8601; a TypeError for a value that is not a time (a programming error, not a payload one). */
function receivedIso(value: Date | string | number): string {
  const iso =
    value instanceof Date ? (Number.isNaN(value.getTime()) ? undefined : value.toISOString())
    : typeof value === 'number' ? fromEpoch(value)
    : typeof value === 'string' ? (fromIso(value) ?? fromEpochText(value))
    : undefined;
  if (iso === undefined) throw new TypeError(`normalize: options.receivedAt is not a time: ${quote(value)}`);
  return iso;
}

function contextFor(provider: ProviderId, options: NormalizeOptions): Context {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  checkTimeZone(timeZone);
  const given = options.receivedAt === undefined ? undefined : receivedIso(options.receivedAt);
  let now: string | undefined;
  const skip = options.onInvalidItem;
  const each = <T>(items: readonly T[], read: (item: T) => ProviderEvent[]): ProviderEvent[] =>
    skip === undefined
      ? items.flatMap(read)
      : items.flatMap((item) => {
          try {
            return read(item);
          } catch (error) {
            if (!(error instanceof ProviderPayloadError)) throw error;
            skip(error);
            return [];
          }
        });
  return { provider, timeZone, receivedAt: () => given ?? (now ??= new Date().toISOString()), each };
}

/**
 * Reads what a provider's webhook delivered into canonical events, one per event and recipient, in body order.
 *
 * `body` may be the parsed JSON, the raw JSON text (parsed losslessly: 64-bit ids such as Mailjet's `MessageID`
 * keep every digit), the raw bytes, or for form-encoding providers (Twilio, Vonage) the form text or a
 * `URLSearchParams`. Every envelope is unwrapped: batches, Mailgun's `event-data`, SNS notifications, SparkPost's
 * `msys`, Resend's `{type, data}`... An unknown event name gives an event of type `unknown` with `raw` kept;
 * pings and subscription confirmations give no event. Provider strings are copied as they are, never
 * interpreted: render them as text.
 *
 * Signatures are not checked: verify them before calling this.
 *
 * One unreadable event fails the whole body, unless `options.onInvalidItem` is given: then each event of a batch
 * the adapter cannot read is handed to it (a `ProviderPayloadError` with its path) and left out, and the others
 * are returned. A body that is not the provider's shape at all still throws.
 *
 * @throws {ProviderPayloadError} when the body is not the provider's shape (with the path of the offending field),
 *   or the provider id is unknown.
 * @throws {TypeError} when `options.receivedAt` is not a time; {RangeError} when `options.timeZone` is unknown.
 */
export function normalize(provider: ProviderId, body: WebhookBody, options: NormalizeOptions = {}): ProviderEvent[] {
  if (!isProviderId(provider)) {
    throw new ProviderPayloadError(String(provider), '$', `unknown provider ${quote(provider)}; expected one of ${PROVIDERS.join(', ')}`);
  }
  const adapter = ADAPTERS[provider];
  const ctx = contextFor(provider, options);
  const value = decodeBody(provider, body, adapter.acceptsForm);
  return adapter.normalize(new Cursor(provider, value), ctx);
}
