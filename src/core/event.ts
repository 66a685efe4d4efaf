import type { Channel, EventType, FailureReason } from './statuses.js';

/** Provider details kept alongside a failure or a click. Untrusted text: render it as text only. */
export interface EventDetail {
  /** SMTP reply or enhanced status code, or the provider's own error code. */
  readonly code?: string;
  /** Diagnostic text as the provider or the receiving server gave it. */
  readonly text?: string;
  /** The clicked URL, for `clicked` events. */
  readonly url?: string;
}

/**
 * How an event's `at` was obtained when the provider did not give an exact instant in UTC:
 * - `assumed-utc`: a carrier time without zone (SMS `YYMMDDhhmm`: Twilio `RawDlrDoneDate`, Vonage `scts`), read as UTC;
 * - `assumed-zone`: a wall-clock time without zone (Brevo SMS `date`), read in a configured zone;
 * - `message-time`: the message's creation or send time stands in for the event's (the adapters of
 *   `estafette/providers` no longer write it: they date a polled status when it was observed, `received`);
 * - `received`: no time at all; the time the webhook was received, or a polled current status (Mailjet Message
 *   API, Resend `last_event`) observed, stands in: a later poll is a later event.
 */
export const TIME_BASES = ['assumed-utc', 'assumed-zone', 'message-time', 'received'] as const;
/** One of {@link TIME_BASES}. */
export type TimeBasis = (typeof TIME_BASES)[number];
/** Whether `value` is a {@link TimeBasis}. */
export const isTimeBasis = (value: unknown): value is TimeBasis => (TIME_BASES as readonly unknown[]).includes(value);

/** One thing that happened to one message, in Estafette's words. */
export interface CanonicalEvent {
  /** Provider id (`sendgrid`, `mailjet`, ...) or the host's own name for its source. */
  readonly provider: string;
  readonly channel: Channel;
  /** The provider's message id, always a string (64-bit ids must not lose digits). */
  readonly messageId: string;
  /**
   * Email address or phone number. Absent when the provider does not say: on a message whose other events name
   * several recipients, a delivery state naming no one applies to each, engagement naming no one to the message
   * only (see `ReduceOptions.recipient`).
   */
  readonly recipient?: string;
  readonly type: EventType;
  /** When it happened, ISO 8601 in UTC. */
  readonly at: string;
  /** Set only when `at` is not an exact UTC instant given by the provider (see {@link TimeBasis}): shown as approximate. */
  readonly timeBasis?: TimeBasis;
  /** Provider event id, used to drop duplicates when a webhook is delivered twice. */
  readonly eventId?: string;
  readonly reason?: FailureReason;
  readonly detail?: EventDetail;
  /** A machine did it (an image proxy or a security scanner opening the message), not a person. */
  readonly automated?: boolean;
  /** A bounce known to arrive after the receiving server had accepted the message. */
  readonly async?: boolean;
  /** The provider's own event or status word, kept verbatim. */
  readonly raw: string;
}
