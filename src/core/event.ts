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

/** One thing that happened to one message, in Estafette's words. */
export interface CanonicalEvent {
  /** Provider id (`sendgrid`, `mailjet`, ...) or the host's own name for its source. */
  readonly provider: string;
  readonly channel: Channel;
  /** The provider's message id, always a string (64-bit ids must not lose digits). */
  readonly messageId: string;
  /** Email address or phone number. */
  readonly recipient?: string;
  readonly type: EventType;
  /** When it happened, ISO 8601 in UTC. */
  readonly at: string;
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
