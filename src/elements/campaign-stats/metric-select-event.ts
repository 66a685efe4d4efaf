import type { Denominator, DisplayStatus } from '../../core/index.js';
import type { CampaignMetric } from './metrics.js';

/** What `metric-select` carries: the indicator and the contacts behind it. */
export interface MetricSelectDetail {
  /** The indicator activated. */
  readonly metric: CampaignMetric;
  /** Display statuses of the contacts counted by this indicator, to list them (drill-down). */
  readonly statuses: readonly DisplayStatus[];
  /** The number shown. */
  readonly count: number;
  /** The rate shown (0 to 1), null when there is none. */
  readonly rate: number | null;
  /** What the rate is divided by, for indicators that have a rate. */
  readonly denominator?: Denominator;
  /** The campaign, when the element loaded one by id. */
  readonly campaignId?: string;
}

/**
 * Fired by `<campaign-stats>` when an indicator is activated (click, Enter or Space), so that the host can list
 * the matching contacts. Bubbles and crosses shadow roots.
 */
export class MetricSelectEvent extends Event {
  static readonly eventName = 'metric-select';
  readonly detail: MetricSelectDetail;

  constructor(detail: MetricSelectDetail) {
    super(MetricSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail, statuses: Object.freeze([...detail.statuses]) });
  }

  get metric(): CampaignMetric {
    return this.detail.metric;
  }

  get statuses(): readonly DisplayStatus[] {
    return this.detail.statuses;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'metric-select': MetricSelectEvent;
  }
}
