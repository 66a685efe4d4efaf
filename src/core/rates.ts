import { EstafetteInputError } from './errors.js';

/**
 * A campaign's counters. Every field is a count of messages unless it says "total"; an absent field means 0.
 * `sent` is every message the campaign sent out, whatever became of it.
 */
export interface CampaignCounts {
  sent?: number;
  delivered?: number;
  /** Messages opened at least once (unique opens). Includes messages clicked without a tracked open. */
  opened?: number;
  /** Every open, repeated opens included. */
  openedTotal?: number;
  /** Messages whose only opens were done by machines (privacy proxies, scanners). */
  openedAutomated?: number;
  /** Messages with at least one tracked click (unique clicks). */
  clicked?: number;
  clickedTotal?: number;
  softBounced?: number;
  hardBounced?: number;
  /** Bounces whose permanence is not known. */
  bounced?: number;
  blocked?: number;
  dropped?: number;
  deferred?: number;
  /** Still on the way: queued, held, sending, or handed on without confirmation yet. */
  pending?: number;
  failed?: number;
  expired?: number;
  complained?: number;
  unsubscribed?: number;
  replied?: number;
  /** Messages whose provider status is not known to Estafette (kept, never silently lost). */
  unknown?: number;
  scheduled?: number;
  canceled?: number;
}

/** Every field of {@link CampaignCounts}, for iteration and validation. */
export const COUNT_FIELDS = [
  'sent', 'delivered', 'opened', 'openedTotal', 'openedAutomated', 'clicked', 'clickedTotal',
  'softBounced', 'hardBounced', 'bounced', 'blocked', 'dropped', 'deferred', 'pending', 'failed', 'expired',
  'complained', 'unsubscribed', 'replied', 'unknown', 'scheduled', 'canceled',
] as const satisfies readonly (keyof CampaignCounts)[];

/** Indicators for which a rate is computed. */
export const RATE_METRICS = [
  'delivered', 'opened', 'clicked', 'click-to-open', 'unsubscribed', 'complained',
  'bounced', 'soft-bounced', 'hard-bounced', 'blocked', 'dropped', 'replied',
] as const;
/** One of {@link RATE_METRICS}. */
export type RateMetric = (typeof RATE_METRICS)[number];

/** What a rate is divided by. */
export const DENOMINATORS = ['sent', 'delivered', 'opened'] as const;
/** One of {@link DENOMINATORS}: the count a rate is divided by. */
export type Denominator = (typeof DENOMINATORS)[number];

/** Where a rate stands against its thresholds. */
export type RateLevel = 'ok' | 'warning' | 'danger';

/** One indicator's rate, with what it is divided by and its level ({@link computeRates}). */
export interface Rate {
  readonly metric: RateMetric;
  /** The numerator: how many messages the metric counts. */
  readonly count: number;
  readonly denominator: Denominator;
  /** The denominator's own count. */
  readonly base: number;
  /** `count / base`, between 0 and 1; `null` when `base` is 0 (no NaN, no Infinity). */
  readonly rate: number | null;
  readonly level: RateLevel;
  /** The threshold the rate reached, when its level is not `ok`. */
  readonly limit?: number;
}

/**
 * A level starts at its threshold (rate >= warning is a warning), a fraction between 0 and 1. `null` switches a
 * level off; an absent level keeps its default.
 */
export interface Threshold {
  readonly warning?: number | null;
  readonly danger?: number | null;
}
/** Per metric; `null` switches a metric's thresholds off. */
export type Thresholds = { readonly [M in RateMetric]?: Threshold | null };

/**
 * Default thresholds. Bounces: 5 % is where mailbox providers and sending platforms start to look closely, 8 %
 * hurts the sender's reputation. Complaints: keep under 0.1 %, never reach 0.3 % (Gmail's bulk-sender line).
 * Hard bounces over 2 % and unsubscribes over 1 % are where platforms suspend campaigns.
 */
export const DEFAULT_THRESHOLDS: Thresholds = {
  bounced: { warning: 0.05, danger: 0.08 },
  complained: { warning: 0.001, danger: 0.003 },
  'hard-bounced': { warning: 0.02 },
  unsubscribed: { warning: 0.01 },
};

/**
 * Named denominator conventions.
 * - `default`: what our first users' help pages state: delivered / sent, opened / delivered, clicked / delivered,
 *   unsubscribed / opened, complained / sent, bounces / sent.
 * - `per-delivered`: the convention of provider statistics pages (Mailjet's API, SparkPost's "accepted"):
 *   every engagement and complaint rate over delivered messages. Mailjet's API divides clicks by opens instead,
 *   which is our `click-to-open`.
 */
export const CONVENTIONS = {
  default: {
    delivered: 'sent', opened: 'delivered', clicked: 'delivered', 'click-to-open': 'opened',
    unsubscribed: 'opened', complained: 'sent', bounced: 'sent', 'soft-bounced': 'sent',
    'hard-bounced': 'sent', blocked: 'sent', dropped: 'sent', replied: 'delivered',
  },
  'per-delivered': {
    delivered: 'sent', opened: 'delivered', clicked: 'delivered', 'click-to-open': 'opened',
    unsubscribed: 'delivered', complained: 'delivered', bounced: 'sent', 'soft-bounced': 'sent',
    'hard-bounced': 'sent', blocked: 'sent', dropped: 'sent', replied: 'delivered',
  },
} as const satisfies Record<string, { readonly [M in RateMetric]: Denominator }>;
/** A denominator preset: `default` or `per-delivered` (see {@link CONVENTIONS}). */
export type Convention = keyof typeof CONVENTIONS;

/** Options of {@link computeRates}. */
export interface RateOptions {
  /** Denominator preset; `default` unless said. */
  readonly convention?: Convention;
  /** Per-metric denominators, over the convention (e.g. `{ clicked: 'opened' }` for click-to-open style). */
  readonly denominators?: { readonly [M in RateMetric]?: Denominator };
  /**
   * Thresholds merged over {@link DEFAULT_THRESHOLDS} level by level: `{ bounced: { warning: 0.02 } }` keeps the
   * default danger level of bounces. `null` switches a level (`{ danger: null }`) or a metric (`bounced: null`) off.
   */
  readonly thresholds?: Thresholds;
  /** Count only human opens: messages whose only opens were automated are left out of `opened`. */
  readonly excludeAutomated?: boolean;
  /** Which metrics, in which order; all of {@link RATE_METRICS} by default. */
  readonly metrics?: readonly RateMetric[];
}

/** Reads one counter: absent is 0; negative, fractional or non-finite values are input errors. */
export function countOf(counts: CampaignCounts, field: keyof CampaignCounts): number {
  const value = counts[field];
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || !Number.isInteger(value))
    throw new EstafetteInputError(`count "${field}" must be a whole number >= 0, got ${String(value)}`, `counts.${field}`);
  return value;
}

/** Messages opened, less those whose only opens were automated when `excludeAutomated`. */
const openedOf = (counts: CampaignCounts, excludeAutomated: boolean | undefined): number =>
  Math.max(0, countOf(counts, 'opened') - (excludeAutomated ? countOf(counts, 'openedAutomated') : 0));

/**
 * How many messages a rate metric counts (its numerator), as {@link computeRates} does: e.g. one message's counts
 * (`countStatuses([status])`) give 1 when the metric counts that message.
 *
 * @throws {EstafetteInputError} on invalid counts.
 */
export const rateCount = (metric: RateMetric, counts: CampaignCounts, options: { excludeAutomated?: boolean } = {}): number =>
  numerator(metric, counts, openedOf(counts, options.excludeAutomated));

/** The numerator of each metric, from the counts. */
function numerator(metric: RateMetric, counts: CampaignCounts, opened: number): number {
  switch (metric) {
    case 'delivered': return countOf(counts, 'delivered');
    case 'opened': return opened;
    case 'clicked':
    case 'click-to-open': return countOf(counts, 'clicked');
    case 'unsubscribed': return countOf(counts, 'unsubscribed');
    case 'complained': return countOf(counts, 'complained');
    // Every bounce, whatever its kind: soft, hard and undetermined.
    case 'bounced': return countOf(counts, 'softBounced') + countOf(counts, 'hardBounced') + countOf(counts, 'bounced');
    case 'soft-bounced': return countOf(counts, 'softBounced');
    case 'hard-bounced': return countOf(counts, 'hardBounced');
    case 'blocked': return countOf(counts, 'blocked');
    case 'dropped': return countOf(counts, 'dropped');
    case 'replied': return countOf(counts, 'replied');
  }
}

type Levels = { warning?: number; danger?: number };

/**
 * The thresholds in force: `given` merged over {@link DEFAULT_THRESHOLDS} level by level (see
 * {@link RateOptions.thresholds}), with the levels switched off left out.
 *
 * @throws {EstafetteInputError} on a metric that has no rate, a level that is not a number between 0 and 1 or null, or
 * a warning level above the danger level once merged (`{ bounced: { warning: 0.1 } }` against the default danger 8 %).
 */
export function resolveThresholds(given: Thresholds | undefined): { readonly [M in RateMetric]?: Levels } {
  const fail = (path: string, message = 'thresholds are fractions between 0 and 1 (or null), per rate metric'): never => {
    throw new EstafetteInputError(message, path);
  };
  if (given != null && typeof given !== 'object') fail('thresholds');
  for (const metric in given) if (!(RATE_METRICS as readonly string[]).includes(metric)) fail(`thresholds.${metric}`);
  const resolved: { [M in RateMetric]?: Levels } = {};
  for (const metric of RATE_METRICS) {
    const own = given?.[metric];
    if (own != null && typeof own !== 'object') fail(`thresholds.${metric}`);
    const levels: Record<string, unknown> = own === null ? {} : { ...DEFAULT_THRESHOLDS[metric] };
    // An absent level keeps its default, and so does one given as undefined (a form's empty field): only null clears it.
    for (const [level, value] of Object.entries(own ?? {})) if (value !== undefined) levels[level] = value;
    const kept: Levels = {};
    for (const level in levels) {
      const value = levels[level];
      if (value === null || value === undefined) continue;
      if ((level !== 'warning' && level !== 'danger') || typeof value !== 'number' || !(value >= 0 && value <= 1)) fail(`thresholds.${metric}.${level}`);
      // Read as the decimal it was meant as: a threshold set by arithmetic (1.1 / 100 is 0.011000000000000001 in
      // JavaScript) is then reached by the rate it means (11 of 1,000 is 0.011), and written as it (1.1 %).
      kept[level as keyof Levels] = +(value as number).toPrecision(12);
    }
    // Merged level by level, a warning given alone can land above the default danger level: it would never show.
    if (kept.warning !== undefined && kept.danger !== undefined && kept.warning > kept.danger) {
      fail(`thresholds.${metric}.warning`, 'the warning level is above the danger level');
    }
    if (Object.keys(kept).length) resolved[metric] = kept;
  }
  return resolved;
}

const levelOf = (rate: number | null, threshold: Levels | undefined): { level: RateLevel; limit?: number } => {
  if (rate === null || !threshold) return { level: 'ok' };
  if (threshold.danger !== undefined && rate >= threshold.danger) return { level: 'danger', limit: threshold.danger };
  if (threshold.warning !== undefined && rate >= threshold.warning) return { level: 'warning', limit: threshold.warning };
  return { level: 'ok' };
};

/**
 * Rates of a campaign, each with its denominator and level against thresholds.
 * A zero denominator gives `rate: null`, never NaN or Infinity. A count above its denominator (provider counters are
 * not always consistent: an open counted before its delivery) gives a rate of 1, never over 100 %; `count` keeps
 * the figure as given.
 *
 * @throws {EstafetteInputError} on a negative, fractional or non-numeric count, an unknown convention, metric or
 * denominator, or invalid thresholds (see {@link resolveThresholds}).
 */
export function computeRates(counts: CampaignCounts, options: RateOptions = {}): Rate[] {
  if (counts == null || typeof counts !== 'object') throw new EstafetteInputError('counts must be an object', 'counts');
  const convention = CONVENTIONS[options.convention ?? 'default'];
  if (!convention) throw new EstafetteInputError(`unknown convention "${String(options.convention)}"`, 'options.convention');
  const opened = openedOf(counts, options.excludeAutomated);
  const bases: Record<Denominator, number> = { sent: countOf(counts, 'sent'), delivered: countOf(counts, 'delivered'), opened };
  const thresholds = resolveThresholds(options.thresholds);
  return (options.metrics ?? RATE_METRICS).map((metric, index) => {
    if (!Object.hasOwn(convention, metric)) throw new EstafetteInputError(`unknown rate metric "${String(metric)}"`, `options.metrics[${index}]`);
    const denominator = options.denominators?.[metric] ?? convention[metric];
    if (!Object.hasOwn(bases, denominator))
      throw new EstafetteInputError(`unknown denominator "${String(denominator)}" (sent, delivered or opened)`, `options.denominators.${metric}`);
    const count = numerator(metric, counts, opened);
    const base = bases[denominator];
    // Counters from providers are not always consistent (an open counted before its delivery): cap at 100 %.
    const rate = base > 0 ? Math.min(1, count / base) : null;
    return { metric, count, denominator, base, rate, ...levelOf(rate, thresholds[metric]) };
  });
}
