import { DISPLAY_STATUSES, RATE_METRICS, countOf, rateCount, type Channel, type DisplayStatus, type RateMetric } from '../../core/index.js';
import type { CampaignCounts } from '../../core/index.js';
import type { MetricId } from '../../i18n/index.js';

/**
 * Every indicator `<campaign-stats>` can show: the rate metrics of the core plus the counters shown as a count
 * only. The catalogues describe each one under `metric.<id>.label|help`.
 */
export const CAMPAIGN_METRICS = [
  'sent', 'delivered', 'opened', 'clicked', 'click-to-open', 'unsubscribed', 'complained', 'bounced',
  'soft-bounced', 'hard-bounced', 'blocked', 'dropped', 'deferred', 'pending', 'scheduled', 'replied', 'failed',
  'expired', 'canceled', 'unknown',
] as const satisfies readonly MetricId[];
export type CampaignMetric = (typeof CAMPAIGN_METRICS)[number];

// Fails to compile when the catalogues describe a metric this table forgets (or the other way round).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _everyMetricKnown: Same<CampaignMetric, MetricId> = true;
void _everyMetricKnown;

const METRIC_SET: ReadonlySet<string> = new Set(CAMPAIGN_METRICS);
const RATE_SET: ReadonlySet<string> = new Set(RATE_METRICS);

export const isCampaignMetric = (value: unknown): value is CampaignMetric =>
  typeof value === 'string' && METRIC_SET.has(value);
export const isRateMetric = (metric: CampaignMetric): metric is CampaignMetric & RateMetric => RATE_SET.has(metric);

/** Indicators that only make sense on one channel: an SMS campaign has no opens, an email gets no SMS replies. */
const ONLY_ON: { readonly [M in CampaignMetric]?: Channel } = {
  opened: 'email',
  'click-to-open': 'email',
  complained: 'email',
  replied: 'sms',
};

export const metricFitsChannel = (metric: CampaignMetric, channel: Channel): boolean =>
  (ONLY_ON[metric] ?? channel) === channel;

/**
 * What a back-office shows by default, in this order. Email follows the reading order of a campaign page
 * (outcome, engagement, complaints, failures, still in flight); SMS follows the order of SMS campaign reports
 * (delivered, soft and hard bounces, in progress, replies, unsubscribes). Entries in {@link SHOWN_WHEN_COUNTED}
 * appear only when their counter is above zero: a provider that reports SMS failures as `failed` rather than as
 * bounces must not make 100 messages vanish from the summary.
 */
export const DEFAULT_METRICS: { readonly [C in Channel]: readonly CampaignMetric[] } = {
  email: [
    'sent', 'delivered', 'opened', 'clicked', 'click-to-open', 'unsubscribed', 'complained', 'bounced',
    'soft-bounced', 'hard-bounced', 'blocked', 'dropped', 'failed', 'expired', 'canceled', 'deferred', 'pending',
    'scheduled', 'unknown',
  ],
  sms: [
    'sent', 'delivered', 'clicked', 'soft-bounced', 'hard-bounced', 'bounced', 'blocked', 'dropped', 'failed',
    'expired', 'canceled', 'deferred', 'pending', 'scheduled', 'replied', 'unsubscribed', 'unknown',
  ],
};

/**
 * Default indicators shown only when they count something, per channel. Messages scheduled for later or canceled
 * before they went out are in no other indicator (not in `sent`): they show whenever there are some. SMS reports
 * list soft and hard bounces; their total (`bounced`, every kind) joins them as soon as there is one, since the
 * bounce thresholds (and the risk of a suspended campaign) are set on that total.
 */
export const SHOWN_WHEN_COUNTED: { readonly [C in Channel]: readonly (CampaignMetric & keyof CampaignCounts)[] } = {
  email: ['failed', 'expired', 'canceled', 'scheduled', 'unknown'],
  sms: ['clicked', 'bounced', 'blocked', 'dropped', 'failed', 'expired', 'canceled', 'deferred', 'scheduled', 'unknown'],
};

/**
 * How many messages an indicator counts: its number (for a rate, the numerator: every kind of bounce for `bounced`).
 * An indicator shown as a count only (sent, pending, scheduled, ...) reads the counter of its own name.
 *
 * @throws {EstafetteInputError} on invalid counts.
 */
export const indicatorCount = (metric: CampaignMetric, counts: CampaignCounts, excludeAutomated?: boolean): number =>
  isRateMetric(metric) ? rateCount(metric, counts, { excludeAutomated: excludeAutomated === true }) : countOf(counts, metric);

/**
 * The indicators to show: the requested ones that exist and fit the channel, once each; else (none requested, or
 * none of them usable: a typo must not leave an empty card) the channel's defaults, the optional ones only when
 * `counts` has something for them (none while the counts are unknown).
 */
export function metricsFor(
  channel: Channel,
  requested: readonly string[] | undefined,
  counts?: CampaignCounts,
): CampaignMetric[] {
  const seen = new Set<CampaignMetric>();
  for (const id of requested ?? []) if (isCampaignMetric(id) && metricFitsChannel(id, channel)) seen.add(id);
  if (seen.size > 0) return [...seen];
  const optional: readonly CampaignMetric[] = SHOWN_WHEN_COUNTED[channel];
  return DEFAULT_METRICS[channel].filter((metric) => !optional.includes(metric) || (counts !== undefined && indicatorCount(metric, counts) > 0));
}

const NOT_SENT_OUT: ReadonlySet<DisplayStatus> = new Set(['scheduled', 'canceled']);

/** The indicators that cover more than the display status of their own name (see METRIC_STATUSES). */
const STATUS_GROUPS: { readonly [M in CampaignMetric]?: readonly DisplayStatus[] } = {
  sent: DISPLAY_STATUSES.filter((status) => !NOT_SENT_OUT.has(status)),
  delivered: ['delivered', 'opened', 'clicked', 'read', 'replied', 'unsubscribed', 'complained'],
  opened: ['opened', 'clicked', 'read'],
  'click-to-open': ['clicked'],
  bounced: ['soft-bounced', 'hard-bounced', 'bounced'],
  pending: ['queued', 'held', 'sending', 'sent'],
};

/**
 * The display statuses of "the contacts behind this number", sent with `metric-select` so that a host can list
 * them. A display status is each message's headline (a delivered message that was opened shows `opened`), so an
 * indicator covers every headline that implies it: delivered covers the engagement statuses, opened covers
 * clicked. The pending and bounce groups follow the counters of `aggregate()` exactly (scheduled and deferred
 * messages have counters of their own). A host holding per-message data can filter on the canonical fields
 * instead; this table is the best a status filter can do. Every indicator, in the order of
 * {@link CAMPAIGN_METRICS}: those of STATUS_GROUPS, and each other one the status of its own name (clicked: clicked).
 */
export const METRIC_STATUSES: { readonly [M in CampaignMetric]: readonly DisplayStatus[] } = Object.fromEntries(
  CAMPAIGN_METRICS.map((metric) => [metric, STATUS_GROUPS[metric] ?? [metric as DisplayStatus]]),
) as { readonly [M in CampaignMetric]: readonly DisplayStatus[] };

/** Rates whose warnings also mean an SMS campaign can be suspended by the platform. */
export const SMS_SUSPENSION_METRICS: ReadonlySet<CampaignMetric> = new Set([
  'unsubscribed', 'bounced', 'soft-bounced', 'hard-bounced',
]);
