import { countStatuses, type Channel, type Denominator, type DisplayStatus, type MessageStatus } from '../../core/index.js';
import { indicatorCount } from './metrics.js';
import { metricFitsChannel, type CampaignMetric } from './metrics.js';

/** How the indicator counted its messages, for {@link MetricSelectEvent.matches}. */
export interface MetricCounting {
  readonly channel: Channel;
  /** Machine-only opens were left out of `opened`. */
  readonly excludeAutomated?: boolean;
}

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
  /**
   * `true` when the indicator activated was the `selected` one: the user pressed it again to unselect it, so list
   * every contact again and remove `selected`. Absent otherwise.
   */
  readonly unselect?: boolean;
}

/**
 * Fired by `<campaign-stats>` when an indicator is activated (click, Enter or Space), so that the host can list
 * the matching contacts. Bubbles and crosses shadow roots.
 */
export class MetricSelectEvent extends Event {
  static readonly eventName = 'metric-select';
  readonly detail: MetricSelectDetail;

  readonly #counting: MetricCounting | undefined;

  constructor(detail: MetricSelectDetail, counting?: MetricCounting) {
    super(MetricSelectEvent.eventName, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail, statuses: Object.freeze([...detail.statuses]) });
    this.#counting = counting;
  }

  /**
   * Whether the indicator counts this message: the exact list behind its number, for a host that holds each
   * message's status. `statuses` can only approximate it (a message opened and then unsubscribed shows
   * `unsubscribed`, yet counts as opened). Fired by `<campaign-stats>`, it counts as the element did (channel,
   * `exclude-automated`); an event built without `counting` falls back to `statuses`.
   */
  matches(status: MessageStatus): boolean {
    if (!this.#counting) return this.detail.statuses.includes(status.display);
    const { metric } = this.detail;
    const { channel, excludeAutomated } = this.#counting;
    return metricFitsChannel(metric, channel) && indicatorCount(metric, countStatuses([status]), excludeAutomated) > 0;
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
