/**
 * The keys every catalogue must hold, derived from the core's id tables so that adding a status, a reason, a
 * metric or a campaign action to the core breaks the build until both languages explain it.
 */
import type { CampaignAction, SuspensionReason } from '../core/campaign.js';
import type { Denominator, RateMetric } from '../core/rates.js';
import type { Channel, DisplayStatus, EventType, FailureReason, StatusCategory } from '../core/statuses.js';

/**
 * Campaign indicators the catalogues describe: every metric that has a rate, plus the counts shown without one.
 */
export type MetricId = RateMetric | 'sent' | 'deferred' | 'pending' | 'failed' | 'expired';

/** The four stages of a message's lifecycle drawn by the timeline. */
export type TimelineStage = 'received' | 'processed' | 'delivered' | 'engaged';

/**
 * Keys a catalogue cannot do without. Statuses cover every event type too (`resubscribed` is not a display status
 * but the timeline still has to name it).
 */
export type RequiredKey =
  | `status.${DisplayStatus | EventType}.${'label' | 'meaning' | 'caveat'}`
  | `reason.${FailureReason}.${'label' | 'explanation'}`
  | `category.${StatusCategory}`
  | `channel.${Channel}`
  | `metric.${MetricId}.${'label' | 'help'}`
  | `denominator.${Denominator}`
  | `timeline.stage.${TimelineStage}`
  | `campaign.action.${CampaignAction}`
  | `campaign.suspended.${SuspensionReason}`;
