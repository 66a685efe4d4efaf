import {
  CONVENTIONS,
  computeRates,
  type CampaignCounts,
  type Channel,
  type Convention,
  type Denominator,
  type RateLevel,
  type RateMetric,
  type Thresholds,
} from '../../core/index.js';
import { indicatorCount, isRateMetric, metricsFor, type CampaignMetric } from './metrics.js';

/** What to compute the indicators with. */
export interface IndicatorOptions {
  readonly channel: Channel;
  /** Requested metric ids, in order; the channel's defaults when absent or empty. */
  readonly metrics?: readonly string[] | undefined;
  readonly convention: Convention;
  readonly thresholds?: Thresholds | undefined;
  readonly excludeAutomated?: boolean | undefined;
}

/** One indicator, ready to render or export. */
export interface Indicator {
  readonly metric: CampaignMetric;
  readonly count: number;
  /** What the rate is divided by; absent for the indicators shown as a count only (sent, pending, ...). */
  readonly denominator?: Denominator;
  /** The denominator's count. */
  readonly base?: number;
  /** Between 0 and 1; null for a zero denominator and for count-only indicators. */
  readonly rate: number | null;
  readonly level: RateLevel;
  /** The threshold the rate reached, when its level is not `ok`. */
  readonly limit?: number;
}

/**
 * The indicators of a campaign, in display order. Rates, denominators and levels come from the core's
 * `computeRates`; this only adds the count-only indicators and which threshold was crossed.
 *
 * @throws {EstafetteInputError} on invalid counts (negative, fractional, not a number) or thresholds.
 */
export function computeIndicators(counts: CampaignCounts, options: IndicatorOptions): Indicator[] {
  const metrics = metricsFor(options.channel, options.metrics, counts);
  const rateMetrics = metrics.filter(isRateMetric);
  // An SMS has no opens: a rate the convention divides by opens (unsubscribes) is divided by deliveries instead.
  const convention = CONVENTIONS[options.convention];
  const denominators: { [M in RateMetric]?: Denominator } = {};
  if (options.channel === 'sms') {
    for (const metric of rateMetrics) if (convention[metric] === 'opened') denominators[metric] = 'delivered';
  }
  const rates = new Map(
    computeRates(counts, {
      metrics: rateMetrics,
      denominators,
      convention: options.convention,
      excludeAutomated: !!options.excludeAutomated,
      ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    }).map((rate) => [rate.metric, rate]),
  );
  return metrics.map((metric): Indicator => {
    if (!isRateMetric(metric)) {
      return { metric, count: indicatorCount(metric, counts), rate: null, level: 'ok' };
    }
    // The core's rate is the indicator: the same fields.
    return rates.get(metric)!;
  });
}

/** An indicator whose rate reached a threshold. */
export type FlaggedIndicator = Indicator & { readonly level: 'warning' | 'danger' };

/** Danger first, then warnings, each in display order. */
export const flagged = (indicators: readonly Indicator[]): FlaggedIndicator[] => [
  ...indicators.filter((i): i is FlaggedIndicator => i.level === 'danger'),
  ...indicators.filter((i): i is FlaggedIndicator => i.level === 'warning'),
];
