/**
 * The canonical vocabulary of Estafette: every status, signal and failure reason, as kebab-case ids held in
 * `as const` tables. Types derive from the tables; labels and explanations live in the i18n catalogues,
 * looked up by these ids. No other file spells a status id as a literal list.
 */

/**
 * One delivery state per message: where the message itself stands. Listed in lifecycle order, which is
 * also the tie-break order when two events carry the same timestamp.
 */
export const DELIVERY_STATES = [
  'scheduled',
  'queued',
  'held',
  'sending',
  'sent',
  'deferred',
  'delivered',
  'soft-bounced',
  'hard-bounced',
  'bounced',
  'blocked',
  'dropped',
  'failed',
  'expired',
  'canceled',
  'unknown',
] as const;
/** Where a message itself stands: one of {@link DELIVERY_STATES}. */
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** What the recipient (or their software) did with a message. Signals never replace the delivery state. */
export const ENGAGEMENT_SIGNALS = [
  'opened',
  'clicked',
  'read',
  'replied',
  'unsubscribed',
  'resubscribed',
  'complained',
] as const;
/** Something the recipient (or their software) did: one of {@link ENGAGEMENT_SIGNALS}. */
export type EngagementSignal = (typeof ENGAGEMENT_SIGNALS)[number];

/** Every type a canonical event can carry. */
export type EventType = DeliveryState | EngagementSignal;

/** What a badge shows: the delivery states plus the signals strong enough to be a message's headline. */
export const DISPLAY_STATUSES = [
  ...DELIVERY_STATES,
  'opened',
  'clicked',
  'read',
  'replied',
  'unsubscribed',
  'complained',
] as const;
/** A badge's headline: one of {@link DISPLAY_STATUSES}. */
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

/** Why a message failed, was deferred or was held, whatever words the provider used. */
export const FAILURE_REASONS = [
  'invalid-recipient',
  'mailbox-full',
  'message-too-large',
  'domain-or-dns',
  'timeout',
  'content-block',
  'reputation-block',
  'policy',
  'suppressed',
  'duplicate',
  'template-error',
  'quota',
  'moderation',
  'landline',
  'carrier',
  'undetermined',
] as const;
/** Why a message failed, was deferred or held: one of {@link FAILURE_REASONS}. */
export type FailureReason = (typeof FAILURE_REASONS)[number];

/** The channels a message goes by. */
export const CHANNELS = ['email', 'sms'] as const;
/** `email` or `sms`. */
export type Channel = (typeof CHANNELS)[number];

/** Visual and semantic family of a display status; elements color by category, never by color alone. */
export const STATUS_CATEGORIES = ['pending', 'success', 'engagement', 'warning', 'danger', 'neutral'] as const;
/** One of {@link STATUS_CATEGORIES}. */
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** Icon names drawn by the elements' shared icon set. */
export const STATUS_ICONS = [
  'clock',
  'hourglass',
  'pause',
  'send',
  'arrow-right',
  'retry',
  'check',
  'check-double',
  'alert',
  'x-circle',
  'bounce-back',
  'ban',
  'shield',
  'skip',
  'error',
  'timer-off',
  'cancel',
  'question',
  'eye',
  'cursor',
  'book-open',
  'reply',
  'user-minus',
  'flag',
] as const;
/** One of {@link STATUS_ICONS}. */
export type StatusIcon = (typeof STATUS_ICONS)[number];

/** What the catalogue knows about one display status. */
export interface StatusInfo {
  readonly id: DisplayStatus;
  readonly category: StatusCategory;
  readonly icon: StatusIcon;
  /**
   * True when no further event is expected to change it in the normal course of things. Non-final statuses
   * (queued, deferred, soft-bounced, ...) are shown with "may still change".
   */
  readonly final: boolean;
  readonly channels: readonly Channel[];
  /** Message keys in the i18n catalogues. */
  readonly keys: { readonly label: string; readonly meaning: string; readonly caveat: string };
}

const BOTH: readonly Channel[] = ['email', 'sms'];
const EMAIL: readonly Channel[] = ['email'];
const SMS: readonly Channel[] = ['sms'];

/** What the catalogue says of one display status, its id aside: category, icon, final, channels. */
type Spec = readonly [category: StatusCategory, icon: StatusIcon, final: boolean, channels: readonly Channel[]];

/** The catalogue entries of `specs`, each with its id and its message keys. */
const catalogue = (specs: { readonly [S in DisplayStatus]: Spec }): { readonly [S in DisplayStatus]: StatusInfo } =>
  Object.fromEntries(
    Object.entries(specs).map(([id, [category, icon, final, channels]]) => [
      id,
      { id, category, icon, final, channels, keys: { label: `status.${id}.label`, meaning: `status.${id}.meaning`, caveat: `status.${id}.caveat` } },
    ]),
  ) as { readonly [S in DisplayStatus]: StatusInfo };

/** One entry per display status. */
export const STATUS_CATALOGUE = catalogue({
  scheduled: ['pending', 'clock', false, BOTH],
  queued: ['pending', 'hourglass', false, BOTH],
  held: ['warning', 'pause', false, BOTH],
  sending: ['pending', 'send', false, BOTH],
  sent: ['pending', 'arrow-right', false, BOTH],
  deferred: ['warning', 'retry', false, BOTH],
  // Settled, though a late asynchronous bounce can still revise it.
  delivered: ['success', 'check', true, BOTH],
  // The provider usually retries a soft bounce: it may still turn into a delivery.
  'soft-bounced': ['warning', 'alert', false, BOTH],
  'hard-bounced': ['danger', 'x-circle', true, BOTH],
  // Sent back, the provider not saying whether for good: its own shape, not the hard bounce's cross.
  bounced: ['danger', 'bounce-back', true, BOTH],
  blocked: ['danger', 'shield', true, BOTH],
  dropped: ['danger', 'skip', true, BOTH],
  failed: ['danger', 'error', true, BOTH],
  expired: ['danger', 'timer-off', true, BOTH],
  canceled: ['neutral', 'cancel', true, BOTH],
  unknown: ['neutral', 'question', false, BOTH],
  opened: ['engagement', 'eye', true, EMAIL],
  clicked: ['engagement', 'cursor', true, BOTH],
  read: ['engagement', 'book-open', true, BOTH],
  replied: ['engagement', 'reply', true, SMS],
  unsubscribed: ['warning', 'user-minus', true, BOTH],
  complained: ['danger', 'flag', true, EMAIL],
});

/**
 * Whether no further event is expected for `status` on `channel`: the catalogue's `final`, except that an SMS soft
 * bounce is final. The carrier has already retried the SMS itself (for up to 72 hours) before reporting it; an
 * email soft bounce comes before the sending platform's own retries.
 */
export const isFinalOn = (status: DisplayStatus, channel: Channel): boolean =>
  STATUS_CATALOGUE[status].final || (status === 'soft-bounced' && channel === 'sms');

const DELIVERY_SET: ReadonlySet<string> = new Set(DELIVERY_STATES);
const SIGNAL_SET: ReadonlySet<string> = new Set(ENGAGEMENT_SIGNALS);
const DISPLAY_SET: ReadonlySet<string> = new Set(DISPLAY_STATUSES);
const REASON_SET: ReadonlySet<string> = new Set(FAILURE_REASONS);
const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);

/** Whether `value` is a {@link DeliveryState} id. */
export const isDeliveryState = (value: unknown): value is DeliveryState =>
  typeof value === 'string' && DELIVERY_SET.has(value);
/** Whether `value` is an {@link EngagementSignal} id. */
export const isEngagementSignal = (value: unknown): value is EngagementSignal =>
  typeof value === 'string' && SIGNAL_SET.has(value);
/** Whether `value` is a {@link DisplayStatus} id. */
export const isDisplayStatus = (value: unknown): value is DisplayStatus =>
  typeof value === 'string' && DISPLAY_SET.has(value);
/** Whether `value` is a {@link FailureReason} id. */
export const isFailureReason = (value: unknown): value is FailureReason =>
  typeof value === 'string' && REASON_SET.has(value);
/** Whether `value` is a {@link Channel}. */
export const isChannel = (value: unknown): value is Channel => typeof value === 'string' && CHANNEL_SET.has(value);

/** Delivery states after which the platform has given up on the message (or it was never attempted). */
export const TERMINAL_FAILURES = [
  'hard-bounced',
  'bounced',
  'blocked',
  'dropped',
  'failed',
  'expired',
  'canceled',
] as const satisfies readonly DeliveryState[];

/** Delivery states on the way to an outcome, in progress order (held and queued share a rank). */
export const PENDING_STATES = ['scheduled', 'queued', 'held', 'sending', 'sent', 'deferred'] as const satisfies readonly DeliveryState[];

/** The catalogue entry for a display status; anything else gets the `unknown` entry. */
export const statusInfo = (status: unknown): StatusInfo =>
  isDisplayStatus(status) ? STATUS_CATALOGUE[status] : STATUS_CATALOGUE.unknown;
