/**
 * The keys every catalogue must hold, derived from the core's id tables so that adding a status, a reason, a
 * metric or a campaign action to the core breaks the build until both languages explain it.
 */
import type { CampaignAction, SuspensionReason } from '../core/campaign.js';
import type { TimeBasis } from '../core/event.js';
import type { Denominator, RateMetric } from '../core/rates.js';
import type { Channel, DisplayStatus, EventType, FailureReason, StatusCategory } from '../core/statuses.js';

/**
 * Campaign indicators the catalogues describe: every metric that has a rate, plus the counts shown without one.
 */
export type MetricId = RateMetric | 'sent' | 'deferred' | 'pending' | 'failed' | 'expired' | 'unknown' | 'scheduled' | 'canceled';

/** The four stages of a message's lifecycle drawn by the timeline. */
export type TimelineStage = 'received' | 'processed' | 'delivered' | 'engaged';

/**
 * Keys a catalogue cannot do without. Statuses cover every event type too (`resubscribed` is not a display status
 * but the timeline still has to name it).
 */
export type RequiredKey =
  | ExplanationKey
  | `status.${DisplayStatus | EventType}.label`
  | `reason.${FailureReason}.label`
  | `category.${StatusCategory}`
  | `channel.${Channel}`
  | `metric.${MetricId}.label`
  | `denominator.${Denominator}`
  | `timeline.stage.${TimelineStage}`
  | `campaign.action.${CampaignAction}`
  | `campaign.suspended.${SuspensionReason}`;

/** Required keys of the panels' texts (`en-panels.ts`), which load with `<campaign-stats>` and `<status-timeline>`. */
export type PanelRequiredKey = Extract<
  RequiredKey,
  `metric.${string}.label` | `denominator.${string}` | `timeline.${string}` | `campaign.${string}`
> extends infer K ? Exclude<K, ExplanationKey> : never;

/**
 * The explanations: what a status means and does not mean, what a failure reason is, what an indicator counts. Read
 * only in tooltips, help popovers and timeline details, they load on demand (see `loadExplanations`).
 */
export type ExplanationKey =
  | `status.${DisplayStatus | EventType}.${'meaning' | 'caveat'}`
  | `reason.${FailureReason}.explanation`
  | `metric.${MetricId}.help`
  | `timeline.time-basis.${TimeBasis}`
  | ChannelExplanationKey;

/**
 * Explanations written for SMS where the general text speaks of email (mail servers, spam folders, inboxes, images):
 * read before the general one for an SMS (see `statusExplanation`).
 */
export type ChannelExplanationKey =
  | 'status.sending.meaning.sms'
  | 'status.delivered.meaning.sms'
  | 'status.delivered.caveat.sms'
  | 'status.soft-bounced.meaning.sms'
  | 'status.soft-bounced.caveat.sms'
  | 'status.read.meaning.sms'
  | 'status.read.caveat.sms'
  | 'metric.delivered.help.sms';
