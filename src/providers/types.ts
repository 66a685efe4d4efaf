import type { CanonicalEvent, Channel, DeliveryState, DisplayStatus, EventType, FailureReason } from '../core/index.js';
import type { ProviderPayloadError } from './errors.js';

/** Every provider `normalize` and `mapStatus` know, by id. */
export const PROVIDERS = [
  'sendgrid',
  'mailjet',
  'brevo',
  'mailgun',
  'postmark',
  'amazon-ses',
  'twilio',
  'vonage',
  'sparkpost',
  'resend',
  'tipimail',
] as const;

/** A provider id from {@link PROVIDERS}. */
export type ProviderId = (typeof PROVIDERS)[number];

const PROVIDER_SET: ReadonlySet<string> = new Set(PROVIDERS);

/** True when `value` is one of {@link PROVIDERS} (e.g. to check the provider segment of a webhook URL). */
export const isProviderId = (value: unknown): value is ProviderId => typeof value === 'string' && PROVIDER_SET.has(value);

/** How `at` was obtained when the provider did not give an exact instant in UTC: see the core's {@link TimeBasis}. */
export type { TimeBasis } from '../core/event.js';

/** A canonical event as the adapters produce it (`timeBasis` set when its time is not an exact UTC instant). */
export type ProviderEvent = CanonicalEvent;

/** Options for `normalize`. */
export interface NormalizeOptions {
  /**
   * When the webhook was received, or the status API answered. Stands in for the event time when the provider
   * gives none (Twilio status callbacks without `RawDlrDoneDate`, polled current statuses such as Mailjet Message
   * API items or Resend `last_event`); such events carry `timeBasis: 'received'`. Default: now.
   */
  readonly receivedAt?: Date | string | number;
  /**
   * IANA time zone for provider times written as a local wall clock without zone (Brevo SMS `date`, which Brevo
   * documents as CET/CEST, others report as the account's zone). Default: `Europe/Paris`.
   */
  readonly timeZone?: string;
  /**
   * Called with the error of each event of the body the adapter cannot read, which is then left out; without it,
   * such an event fails the whole body. For a webhook endpoint: answer 2xx for the events read, log the rest,
   * rather than have the provider post the whole batch again.
   */
  readonly onInvalidItem?: (error: ProviderPayloadError) => void;
}

/**
 * What a webhook delivered: a parsed JSON object or array, the raw JSON text (parsed losslessly), the raw bytes,
 * or for form-encoded providers (Twilio, Vonage) a `URLSearchParams` or the raw `x-www-form-urlencoded` text.
 */
export type WebhookBody = string | URLSearchParams | ArrayBuffer | ArrayBufferView | object;

/** One row of an adapter's mapping: a provider word (with an optional condition) and what it becomes. */
export interface EventRule {
  /** The provider's word as it arrives (event name, record type, status). Matched case-insensitively. */
  readonly raw: string;
  /**
   * The provider's numeric code for the same word, for items that may give the code alone (Mailjet SMS
   * `Status.Code`): matched like `raw`, by `normalize` and `mapStatus`.
   */
  readonly code?: string;
  /** A condition on other fields, in the provider's own terms (`type=blocked`). Absent: the default for `raw`. */
  readonly when?: string;
  /** The canonical event type produced. */
  readonly type: EventType;
  /** A delivery the word also proves, emitted as a second event (Mailjet Message API `clicked` = delivered + clicked). */
  readonly implies?: DeliveryState;
  /** The failure reason, or the fallback when `smtp`/`codes` find nothing more precise. */
  readonly reason?: FailureReason;
  /** The reason is read from the SMTP code and diagnostic (`classifySmtp`) when they say more than `reason`. */
  readonly smtp?: boolean;
  /** The reason is read from the provider's error-code table (see the adapter's `reasons`). */
  readonly codes?: boolean;
  /** Always a machine (image proxy, scanner), never a person. */
  readonly automated?: boolean;
  /** A bounce that arrives after the receiver had accepted the message. */
  readonly async?: boolean;
  /** Why, for rows the research marked uncertain or where a choice was made. */
  readonly note?: string;
}

/** A group of rules for one kind of body the provider sends (webhook events, a status API, SMS...). */
export interface EventSource {
  /** What this body is, for the docs: "Event webhook", "Message API `Status`". */
  readonly name: string;
  readonly channel: Channel;
  readonly rules: readonly EventRule[];
}

/** A stored status word that is not an event name (subscription names, report names, API statuses). */
export interface StatusRule {
  readonly raw: string;
  readonly status: DisplayStatus;
  /** Only for this channel, when the same word means different things per channel. */
  readonly channel?: Channel;
  readonly note?: string;
}

/** One provider error code or error word and the failure reason it gives. */
export interface ReasonRule {
  readonly raw: string;
  /** The provider's numeric code for the same word, where another of its APIs gives only that (Mailjet `StateID`). */
  readonly code?: string;
  readonly reason: FailureReason;
  /**
   * What the code says of the recipient, when it says it: `hard`, the number or address cannot receive (an unknown
   * subscriber, a landline); `soft`, it may later (a handset switched off, a validity period run out). A bounce of
   * unknown kind (`bounced`, from a rule with `codes`) carrying such a code becomes `hard-bounced` or `soft-bounced`.
   */
  readonly permanence?: 'hard' | 'soft';
  readonly note?: string;
}

/** A provider's error vocabulary, keyed by the field it comes from. */
export interface ReasonTable {
  /** The field the value is read from, for the docs (`ErrorCode`, `error`, `bounce_class`). */
  readonly field: string;
  readonly rules: readonly ReasonRule[];
}

/** Everything an adapter knows about its provider's words; the README tables are generated from it. */
export interface ProviderMapping {
  readonly id: ProviderId;
  /** Display name. */
  readonly name: string;
  /** The bodies `normalize` accepts, in a sentence, for the docs. */
  readonly accepts: string;
  readonly sources: readonly EventSource[];
  /** Stored status words beyond the event names above. */
  readonly statuses: readonly StatusRule[];
  readonly reasons: readonly ReasonTable[];
  /** Caveats worth a line in the docs. */
  readonly notes: readonly string[];
}
