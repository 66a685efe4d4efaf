import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { TaskStatus } from '@lit/task';
import {
  COUNT_FIELDS,
  CONVENTIONS,
  EstafetteInputError,
  isChannel,
  type CampaignCounts,
  type CampaignStats,
  type Channel,
  type Convention,
  type Thresholds,
} from '../../core/index.js';
import type { StatusDataSource } from '../../data/source.js';
import {
  directionOf,
  explanationOf,
  formatDateTime,
  formatNumber,
  translate,
  translatePlural,
  type Locale,
} from '../../i18n/index.js';
import { reflectedText, text } from '../shared/text.js';
import { timeText } from '../shared/time-text.js';
import { warnOnce } from '../../data/warn-once.js';
import { loadFailure } from '../shared/data-error.js';
import { LocalizedElement } from '../shared/localized-element.js';
import { isAbort } from '../shared/retry.js';
import { LoadTask } from '../shared/load-task.js';
import { FocusHandOver } from '../shared/focus-hand-over.js';
import { SourceController } from '../shared/source-controller.js';
import { toggletip } from '../shared/toggletip.js';
import { ThrottledAnnouncer, systemClock, type Clock } from '../shared/throttled-announcer.js';
import { styles } from './campaign-stats.styles.js';
import { indicatorsToCsv, spreadsheetSeparator, type CsvSeparator } from './csv.js';
import { shownPercent } from './shown-percent.js';
import { icon } from './icons.js';
import { computeIndicators, flagged, type Indicator } from './indicators.js';
import { MetricSelectEvent } from './metric-select-event.js';
// The event it fires, exported with it: importing the element also brings `addEventListener('metric-select', …)`'s
// typing (the event map lives in that module).
export { MetricSelectEvent, type MetricCounting, type MetricSelectDetail } from './metric-select-event.js';
import { CAMPAIGN_METRICS, METRIC_STATUSES, SMS_SUSPENSION_METRICS, isCampaignMetric, metricsFor } from './metrics.js';
import { oneOf } from '../shared/one-of.js';

/** How the indicators are laid out. */
export type CampaignStatsLayout = 'grid' | 'list' | 'compact';
const LAYOUTS: readonly CampaignStatsLayout[] = ['grid', 'list', 'compact'];
const CONVENTION_NAMES = Object.keys(CONVENTIONS) as Convention[];

/** What the element shows, whichever way the figures arrived. */
interface Shown {
  readonly counts: CampaignCounts;
  readonly channel?: Channel;
  readonly name?: string | undefined;
  readonly updatedAt?: string | undefined;
  readonly sending: boolean;
}

type View =
  | { readonly state: 'loading' }
  | { readonly state: 'error'; readonly error: unknown }
  | { readonly state: 'ready'; readonly shown: Shown };

/** Figures, and the data source they came from. */
interface FromSource {
  readonly stats: CampaignStats;
  readonly from: StatusDataSource;
}

// Loaded stats and live updates race; the most recent figures win, by their own timestamp.
const newest = (a: CampaignStats | undefined, b: CampaignStats | undefined): CampaignStats | undefined => {
  if (!a || !b) return a ?? b;
  return Date.parse(b.updatedAt) >= Date.parse(a.updatedAt) ? b : a;
};

/** Indicator ids written as the attribute is: separated by spaces or commas. */
const metricIds = (value: string): string[] => value.split(/[\s,]+/).filter(Boolean);

// Read only: the property is not reflected.
const metricsConverter = {
  fromAttribute: (value: string | null): string[] | undefined => (value === null ? undefined : metricIds(value)),
};

/** Figures already checked for contradictions (see indicatorsOf): each set is said at most once. */
const checkedCounts = new WeakSet<object>();

/**
 * A campaign's indicators (sent, delivered, opened, clicked, bounces, complaints, ...) with their counts, their
 * rates in the user's locale, the denominator of every rate said in words, and a warning or danger mark where a
 * rate crosses a threshold; messages not sent out (scheduled, canceled) are counted apart, without a rate, when there
 * are some. Every indicator is a button that asks the host to list the contacts behind it.
 *
 * Give it a `campaign-id` to load the figures through the data source (its own `source`, the nearest
 * `<status-source>`, or the page default) and follow live updates, or set `.counts` for static figures.
 *
 * @summary The indicators of an email or SMS campaign, with rates, denominators and threshold warnings.
 *
 * @attr lang - Language of the texts and number formats (`fr`, `en`, `de`, `es`, `it`, `nl`, or one added with `addMessages()`; regional tags such as `nl-BE` work); inherited from the closest `[lang]` otherwise.
 *
 * @fires {MetricSelectEvent} metric-select - An indicator was activated; `detail` holds the metric, the display
 * statuses it covers, its count, rate and denominator, so the host can list the matching contacts; a host holding
 * each message's status lists exactly the ones counted with `event.matches(status)`. `detail.unselect` is `true`
 * when it was the `selected` indicator, pressed again: list every contact again and remove `selected`.
 *
 * @csspart base - The whole widget.
 * @csspart header - Title, campaign name, channel, sending state and time of the last update.
 * @csspart status - The sending / last update line; while loading, the line that says so.
 * @csspart metrics - The list of indicators.
 * @csspart metric - One indicator.
 * @csspart metric-ok - An indicator under its thresholds, or without any (also `metric`).
 * @csspart metric-warning - An indicator whose rate crossed its warning threshold (also `metric`).
 * @csspart metric-danger - An indicator whose rate crossed its danger threshold (also `metric`).
 * @csspart metric-button - The button of an indicator (drill-down).
 * @csspart selected - The button of the `selected` indicator (also `metric-button`).
 * @csspart label - An indicator's name.
 * @csspart count - An indicator's count.
 * @csspart rate - An indicator's rate.
 * @csspart denominator - What an indicator's rate is divided by, in words.
 * @csspart level - The warning or danger mark of an indicator.
 * @csspart info-button - The small button that shows an indicator's explanation.
 * @csspart tooltip - An indicator's explanation.
 * @csspart warnings - The list of threshold warnings under the indicators.
 * @csspart actions - The download action.
 * @csspart icon - Every icon: an inline SVG drawn with `currentColor` (as in the other elements).
 *
 * @cssprop --estafette-stats-columns - Minimum width of a grid cell (default `12rem`; never more than the element's width: one column then).
 * @cssprop --estafette-stats-gap - Space between indicators in the `grid` layout (default `0.75rem`; `list` rows touch, `compact` keeps `0.375rem`), and around the header and warnings in every layout.
 * @cssprop --estafette-stats-surface - Background of an indicator; falls back to `--estafette-surface`.
 * @cssprop --estafette-stats-border - Border color of an indicator; falls back to `--estafette-border`.
 * @cssprop --estafette-stats-hover - Background of an indicator under the pointer; falls back to `--estafette-surface-hover`.
 * @cssprop --estafette-tooltip-bg - Background of an indicator's explanation (as the badge's tooltip).
 * @cssprop --estafette-tooltip-fg - Text color of an indicator's explanation.
 * @cssprop --estafette-tooltip-border - Border color of an indicator's explanation.
 * @cssprop --estafette-tooltip-max-width - Widest an explanation gets (default 20rem, never wider than the viewport).
 * @cssprop --estafette-tooltip-font-size - Text size of an explanation (default 0.8125rem).
 * @cssprop --estafette-tooltip-radius - Corner radius of an explanation (default `--estafette-radius`).
 *
 * @tagname campaign-stats
 */
export class CampaignStatsElement extends LocalizedElement {
  // Each indicator's help (its description for assistive technologies) is there from the first render.
  protected static override explains = true;
  protected static override panels = true;

  static override styles = styles;

  /** The campaign to load through the data source; its live updates are followed while the element is on the page. */
  @property({ attribute: 'campaign-id' }) campaignId: string | undefined;

  /**
   * Static figures, used when no `campaign-id` is set (with one, they are ignored, with a console warning). With
   * neither, the element shows its loading skeleton.
   */
  @property({ attribute: false }) counts: CampaignCounts | undefined;

  /**
   * `email` or `sms`: picks the default indicators and hides those the channel lacks (an SMS has no opens).
   * Defaults to the loaded campaign's channel, else `email`. Set it when loading by id to size the skeleton.
   */
  @property() channel: Channel | undefined;

  /**
   * Which indicators, in which order (attribute: ids separated by spaces or commas, e.g. `"delivered opened"`; the
   * property takes an array of ids, or such a string, as React and Vue set it).
   * Ids unknown or not fitting the channel are left out (unknown ones with a console warning); the channel's
   * defaults when none is left.
   */
  @property({ converter: metricsConverter }) metrics: string[] | string | undefined;

  /** `metrics` as a list of ids. */
  #requestedMetrics: string[] = [];

  /** Denominator preset: `default` (opened / delivered, unsubscribed / opened, ...) or `per-delivered`. */
  @property() convention: Convention = 'default';

  /**
   * Thresholds merged over the defaults level by level: `{ bounced: { warning: 0.03 } }` moves the bounces' warning
   * and keeps their danger level. `null` switches a level (`{ danger: null }`) or a metric (`{ bounced: null }`) off.
   * Invalid thresholds (not a fraction between 0 and 1, a metric without a rate, a warning above the danger level
   * once merged: `{ bounced: { warning: 0.1 } }` against the default 8 %) are said in place of the figures.
   */
  @property({ attribute: false }) thresholds: Thresholds | undefined;

  /** Count human opens only: messages whose only opens were automatic (privacy proxies, scanners) are left out. */
  @property({ type: Boolean, attribute: 'exclude-automated' }) excludeAutomated = false;

  /** Also show the total number of opens (repeated opens included) under the unique opens. */
  @property({ type: Boolean, attribute: 'total-opens' }) totalOpens = false;

  /** `grid` (cards), `list` (one row per indicator) or `compact` (a dense strip). */
  @property({ reflect: true, converter: reflectedText }) layout: CampaignStatsLayout = 'grid';

  /** Announce live updates to screen readers: one polite summary at most every `announce-interval` ms. */
  @property({ type: Boolean }) announce = false;

  /** Minimum time between two announcements, in milliseconds. */
  @property({ type: Number, attribute: 'announce-interval' }) announceInterval = 30_000;

  /** For static figures: they are not final yet (messages still going out, or their outcomes still coming in). */
  @property({ type: Boolean }) sending = false;

  /**
   * The campaign's name, shown under the title and part of the panel's accessible name, so that two panels on a page
   * are told apart, from the start (while figures load, and when they fail). Loaded figures carry the API's name: this
   * one, the host's (in the page's language, say), wins.
   */
  @property({ attribute: 'campaign-name' }) campaignName: string | undefined;

  /** For static figures: when they were computed (ISO 8601; a `Date` from a framework is read as its ISO text). */
  @property({ attribute: 'updated-at' }) updatedAt: string | undefined;

  /**
   * Time zone of the last-update time (IANA id); the user's own by default, and also for an id `Intl` does not know
   * (`Paris` for `Europe/Paris`), which the console names once.
   */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** Level of the title in the page's outline (the warnings heading is one level below). */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /**
   * The indicator whose contacts the page shows (a metric id, e.g. `"bounced"`): its button is pressed, for
   * assistive technologies (`aria-pressed="true"`, the others `"false"`: toggle buttons while a selection is marked)
   * and on screen (an accent border and a 4 px bar along its bottom edge, told apart from the focus ring by its shape;
   * style them with `::part(selected)` and `::part(selected)::after`). Pressing it again fires `metric-select` with
   * `detail.unselect`. The element never sets it: set it in your `metric-select` listener, and remove it on
   * `unselect` or when the list is no longer filtered by that indicator. An id not shown marks nothing.
   */
  @property({ reflect: true, converter: reflectedText }) selected: string | undefined;

  /** Hide the download action (`exportCsv()` still works). */
  @property({ type: Boolean, attribute: 'no-export' }) noExport = false;

  /** The data source, over `<status-source>` and the page default. */
  @property({ attribute: false }) source: StatusDataSource | undefined;

  /** Time functions behind the announcement throttle; replace in tests. */
  @property({ attribute: false }) clock: Clock = systemClock;

  /** The figures of the last live update, with the source that sent them. */
  @state() private live?: FromSource;
  @state() private announcement = '';

  #sources?: SourceController;
  /** The retry button goes with its error (or a control with its indicator): focus moves to the first indicator. */
  private readonly focusHandOver = new FocusHandOver(this, () => this.renderRoot.querySelector<HTMLElement>('[part~="metric-button"]'));
  #following?: { source: StatusDataSource; id: string; stop: () => void };
  #previousShown?: Shown;
  /** The source `previousShown` came from. */
  #previousSource?: StatusDataSource;
  readonly #announcer = new ThrottledAnnouncer(
    (message) => (this.announcement = message),
    () => this.announceInterval,
    () => this.clock,
  );

  readonly #load = new LoadTask<FromSource>(this, {
    args: () => [this.campaignId, this.campaignId ? this.#sources?.source : undefined],
    load: async (source, id, options) => ({ stats: await source.getCampaignStats(id, options), from: source }),
    what: () => `the figures of campaign ${JSON.stringify(this.campaignId)}`,
    // Past the source's cache, as the retry button.
    retryFresh: true,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.campaignId) this.requestUpdate(); // resubscribe to live updates
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Moved within the page (a dashboard reordered) disconnects and reconnects in the same task: it goes on following.
    // Stopping, then following again only at its next update, would be leaving for the source (see RestLive's sync).
    queueMicrotask(() => this.isConnected || this.#unfollow());
    this.#announcer.cancel();
  }

  /** Loads the figures again, past any cache of the source (what the retry button does). */
  refresh(): Promise<void> {
    return this.#load.refresh();
  }

  /**
   * The indicators shown, as RFC 4180 CSV: `metric,label,count,rate,rate_text,denominator,denominator_label,base,level`,
   * CRLF line ends. `rate` is a fraction (0.444444), `rate_text` the rate as shown ("44,4 %"). Only the header
   * row while there are no figures. `separator` `';'` for the spreadsheets of languages with a decimal comma.
   *
   * @throws {EstafetteInputError} when the counts are not valid.
   */
  exportCsv(separator: CsvSeparator = ','): string {
    const view = this.#view();
    const shown = view.state === 'ready' ? view.shown : undefined;
    const locale = this.locale;
    return indicatorsToCsv(shown ? this.#indicatorsOf(shown) : [], locale, separator, this.formatFor(locale));
  }

  /**
   * Downloads {@link exportCsv} as a file for a spreadsheet: with a byte-order mark (so accents read right), and
   * separated by `;` where the language writes decimals with a comma (French Excel opens a comma-separated file
   * as one column), else by `,`.
   */
  downloadCsv(filename = `${this.campaignId ?? 'campaign'}-stats.csv`, separator: CsvSeparator = spreadsheetSeparator(this.formatFor(this.locale))): void {
    const blob = new Blob(['\uFEFF', this.exportCsv(separator)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = filename.replace(/[^\w.-]+/g, '_');
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    // The download starts asynchronously: give it time to read the blob before the URL is released.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  get #layoutShown(): CampaignStatsLayout {
    return oneOf('campaign-stats', 'layout', this.layout, LAYOUTS, 'grid');
  }

  #view(): View {
    if (this.campaignId) {
      // Only figures from the source in force: another one (the page switched tenants, the element moved into another
      // <status-source>) may know the same campaign id with other figures, or fail.
      const source = this.#sources?.source;
      const of = (figures: FromSource | undefined) => (figures && figures.from === source ? figures.stats : undefined);
      const { task, retries } = this.#load;
      const stats = newest(of(task.value), of(this.live));
      if (stats && stats.campaign.id === this.campaignId) {
        return {
          state: 'ready',
          shown: {
            counts: stats.counts,
            channel: stats.campaign.channel,
            name: text(this.campaignName) ?? stats.campaign.name,
            updatedAt: stats.updatedAt,
            sending: stats.sending === true,
          },
        };
      }
      // An aborted load is not an error to show: the element left the page, and loads again when it comes back. The
      // same load tried again: its error stays until an answer (see AutoRetry.retrying).
      const failed = task.status === TaskStatus.ERROR || (task.status === TaskStatus.PENDING && retries.retrying(this.campaignId, source));
      return failed && !isAbort(task.error) ? { state: 'error', error: task.error } : { state: 'loading' };
    }
    if (this.counts) {
      return {
        state: 'ready',
        shown: { counts: this.counts, sending: this.sending, name: text(this.campaignName), updatedAt: timeText(this.updatedAt) },
      };
    }
    return { state: 'loading' };
  }

  #channelOf(shown: Shown | undefined): Channel {
    if (isChannel(this.channel)) return this.channel;
    return isChannel(shown?.channel) ? shown.channel : 'email';
  }

  #indicatorsOf(shown: Shown): Indicator[] {
    const indicators = computeIndicators(shown.counts, {
      channel: this.#channelOf(shown),
      metrics: this.#requestedMetrics,
      convention: oneOf('campaign-stats', 'convention', this.convention, CONVENTION_NAMES, 'default'),
      thresholds: this.thresholds,
      excludeAutomated: this.excludeAutomated,
    });
    // The rate is capped at 100%: providers' counters are not always in step while a campaign runs (an open
    // counted before its delivery). But the page's own static .counts with a count above what it is counted over
    // (2,500 delivered of 2,000 sent) contradict each other: said, once per set of figures.
    if (shown.counts === this.counts && !checkedCounts.has(shown.counts)) {
      checkedCounts.add(shown.counts);
      const over = indicators.filter((indicator) => indicator.base !== undefined && indicator.count > indicator.base);
      if (over.length) {
        warnOnce(`<campaign-stats>: ${over.map((i) => `${i.metric} (${i.count}) is more than its ${i.denominator ?? 'base'} (${i.base})`).join('; ')}: the figures contradict each other; rates capped at 100%.`);
      }
    }
    return indicators;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const newId = changed.has('campaignId');
    if (newId) this.campaignId = text(this.campaignId); // a number from a framework, or blank
    // Both given: the campaign's figures are shown, and the page hears why its own are not.
    if ((changed.has('counts') || newId) && this.counts && this.campaignId) {
      console.warn(`estafette: <campaign-stats> shows the figures of campaign ${JSON.stringify(this.campaignId)}; its .counts are used only without a campaign-id.`);
    }
    if (changed.has('metrics')) {
      // Frameworks set the property, with what the page wrote: a string like the attribute's is read the same way.
      const given: unknown = this.metrics;
      const ids = typeof given === 'string' ? metricIds(given) : Array.isArray(given) ? given : [];
      if (given != null && typeof given !== 'string' && !Array.isArray(given)) console.warn(`estafette: <campaign-stats> metrics must be indicator ids (an array, or a string like "delivered opened"), not ${typeof given}; showing the defaults.`);
      this.#requestedMetrics = ids.map(String);
      const unknown = this.#requestedMetrics.filter((id) => !isCampaignMetric(id));
      if (unknown.length) console.warn(`estafette: <campaign-stats> has no indicator ${unknown.map((id) => JSON.stringify(id)).join(', ')}; known ones: ${CAMPAIGN_METRICS.join(' ')}`);
    }
    // Only an element that loads by id pays for the context request and the default-source listener.
    if (newId) {
      if (this.campaignId) this.#sources ??= new SourceController(this);
      this.live = undefined;
    }
    // Another campaign, or the same one from another source (another tenant, another API), is news, not an update.
    const source = this.#sources?.source;
    const other = newId || source !== this.#previousSource;
    this.#previousSource = source;
    if (other) this.#previousShown = undefined;
    // A summary of another campaign or source is stale: empty the live region and drop what waits to be said. One in
    // a language the page has left is emptied too (not kept hidden, to come back on a switch back to that language);
    // a summary of this campaign waiting for the quiet period is said in the new language.
    if (other) this.#announcer.cancel();
    else this.#announcer.speakIn(this.locale);

    const view = this.#view();
    const shown = view.state === 'ready' ? view.shown : undefined;
    // Only figures that changed are news (final figures included): a live update repeating them (a stream's first
    // message) says nothing.
    if (this.announce && shown && this.#previousShown && !sameFigures(shown, this.#previousShown)) {
      this.#announcer.push((locale) => this.#summary(shown, locale), this.locale);
    }
    if (shown) this.#previousShown = shown;
  }

  protected override updated(): void {
    this.#follow();
  }

  /** Follows live updates of the campaign shown, through the source in force; nothing while off the page. */
  #follow(): void {
    // A removed element still updates (a load finishing, a property set): following then would never end.
    const source = this.isConnected && this.campaignId ? this.#sources?.source : undefined;
    const id = this.campaignId;
    if (this.#following && this.#following.source === source && this.#following.id === id) return;
    this.#unfollow();
    if (!source?.subscribe || !id) return;
    const stop = source.subscribe({ kind: 'campaign', id }, (update) => {
      if (update.type === 'campaign-stats' && update.stats.campaign.id === this.campaignId) this.live = { stats: update.stats, from: source };
    });
    this.#following = { source, id, stop };
  }

  #unfollow(): void {
    this.#following?.stop();
    this.#following = undefined;
  }

  /** A short spoken summary: flagged rates first, then the first indicators with a rate; three at most. */
  #summary(shown: Shown, locale: Locale): string {
    let indicators: Indicator[];
    try {
      indicators = this.#indicatorsOf(shown);
    } catch {
      return '';
    }
    const picked = [...flagged(indicators), ...indicators.filter((i) => i.denominator && i.level === 'ok')].slice(0, 3);
    const parts = picked.map((i) => {
      const line = translate(locale, 'stats.metric-summary', {
        label: translate(locale, `metric.${i.metric}.label`),
        count: formatNumber(this.formatFor(locale), i.count),
        rate: this.#rateText(locale, i),
        denominator: i.rate === null ? '' : translate(locale, `denominator.${i.denominator!}`),
      }).trim();
      return i.level === 'ok' ? line : `${line} (${translate(locale, `stats.level.${i.level}`)})`;
    });
    if (shown.sending) parts.unshift(translate(locale, 'stats.pending'));
    return translate(locale, 'stats.announcement', { summary: parts.join('. ') });
  }

  #rateText(locale: Locale, indicator: Indicator): string {
    return indicator.rate === null ? translate(locale, 'stats.rate-none') : this.#percent(locale, indicator.rate, indicator.limit);
  }

  #percent(locale: Locale, value: number, limit?: number): string {
    return shownPercent(this.formatFor(locale), value, limit);
  }

  /** The threshold explanation of a flagged indicator, plus the SMS suspension risk where it applies. */
  #thresholdNotes(locale: Locale, indicator: Indicator, channel: Channel): string[] {
    const own = this.#thresholdNote(locale, indicator, channel);
    if (!own) return [];
    return this.#suspensionRisk(indicator, channel) ? [own, translate(locale, 'threshold.sms-suspension')] : [own];
  }

  #suspensionRisk(indicator: Indicator, channel: Channel): boolean {
    // (Only flagged indicators are asked about: see thresholdNotes and the warnings.)
    return channel === 'sms' && SMS_SUSPENSION_METRICS.has(indicator.metric);
  }

  /** The note written for the metric on this channel (no spam folder for an SMS), else for the metric, else generic. */
  #thresholdNote(locale: Locale, indicator: Indicator, channel: Channel): string | undefined {
    if (indicator.level === 'ok' || indicator.rate === null) return undefined;
    const { metric, level } = indicator;
    const params = {
      label: translate(locale, `metric.${metric}.label`),
      rate: this.#percent(locale, indicator.rate, indicator.limit),
      limit: this.#percent(locale, indicator.limit ?? 0, indicator.limit),
    };
    for (const candidate of [`threshold.${metric}.${level}.${channel}`, `threshold.${metric}.${level}`]) {
      const own = translate(locale, candidate, params);
      if (own !== candidate) return own;
    }
    return translate(locale, `threshold.generic.${level}`, params);
  }

  #select(indicator: Indicator, unselect: boolean): void {
    const view = this.#view();
    const channel = this.#channelOf(view.state === 'ready' ? view.shown : undefined);
    this.dispatchEvent(
      new MetricSelectEvent({
        metric: indicator.metric,
        statuses: METRIC_STATUSES[indicator.metric],
        count: indicator.count,
        rate: indicator.rate,
        ...(indicator.denominator ? { denominator: indicator.denominator } : {}),
        ...(this.campaignId ? { campaignId: this.campaignId } : {}),
        ...(unselect ? { unselect } : {}),
      }, { channel, excludeAutomated: this.excludeAutomated }),
    );
  }

  override render(): TemplateResult {
    const locale = this.locale;
    const view = this.#view();
    const shown = view.state === 'ready' ? view.shown : undefined;
    const channel = this.#channelOf(shown);
    let indicators: Indicator[] | undefined;
    let invalid: unknown;
    if (shown) {
      try {
        indicators = this.#indicatorsOf(shown);
      } catch (error) {
        invalid = error;
      }
    }
    const loading = view.state === 'loading';
    return html`
      <section part="base" class="base layout-${this.#layoutShown}" lang=${locale} dir=${directionOf(locale)} aria-labelledby="title campaign-name channel" aria-busy=${loading}>
        ${this.#renderHeader(locale, shown, channel, loading)}
        ${view.state === 'error'
          ? this.#renderError(locale, view.error)
          : invalid !== undefined
            ? this.#renderError(locale, invalid)
            : indicators && shown
              ? this.#renderReady(locale, shown, indicators, channel)
              : this.#renderSkeleton(locale, channel)}
        ${this.announce
          ? html`<div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>`
          : nothing}
      </section>
    `;
  }

  #heading(level: number, id: string, content: string): TemplateResult {
    // (Written out by the attribute binding.)
    const aria = Math.min(6, Math.max(1, Math.trunc(level) || 2));
    return html`<div role="heading" aria-level=${aria} id=${id} class="heading">${content}</div>`;
  }

  #renderHeader(locale: Locale, shown: Shown | undefined, channel: Channel, loading: boolean): TemplateResult {
    // The host's name is known before any figures: said while they load and when they fail, not only once they come.
    const name = shown ? shown.name : text(this.campaignName);
    return html`
      <header part="header" class="header">
        <div class="title-row">
          ${this.#heading(this.headingLevel, 'title', translate(locale, 'stats.title'))}
          ${name ? html`<span class="campaign-name" id="campaign-name">${name}</span>` : nothing}
          <span class="channel" id="channel">${translate(locale, `channel.${channel}`)}</span>
        </div>
        ${shown && (shown.sending || shown.updatedAt)
          ? this.#renderStatus(locale, shown)
          : loading
            ? // Seen, not only heard: the bones alone left an empty-looking card on a slow network. Where the last
              // update goes, so the header keeps its height when it arrives. One status region, as before.
              html`<p part="status" class="status" role="status">${translate(locale, 'stats.loading')}</p>`
            : nothing}
      </header>
    `;
  }

  #renderStatus(locale: Locale, shown: Shown): TemplateResult {
    let updated: TemplateResult | typeof nothing = nothing;
    if (shown.updatedAt) {
      const marker = '\u0000';
      const [before = '', after = ''] = translate(locale, 'stats.updated', { time: marker }).split(marker);
      const time = formatDateTime(this.formatFor(locale), shown.updatedAt, this.timeZone ? { timeZone: this.timeZone } : {});
      // A value that is no date is not handed on as one (the text says "unknown date").
      const datetime = Number.isNaN(Date.parse(shown.updatedAt)) ? undefined : shown.updatedAt;
      updated = html`<span class="updated">${before}<time datetime=${ifDefined(datetime)}>${time}</time>${after}</span>`;
    }
    return html`
      <p part="status" class=${shown.sending ? 'status sending' : 'status'}>
        ${shown.sending
          ? html`<span class="sending-label">${icon('clock')} ${translate(locale, 'stats.pending')}</span>`
          : nothing}
        ${updated}
      </p>
      ${shown.sending ? html`<p class="sending-help">${translate(locale, 'stats.pending-help')}</p>` : nothing}
    `;
  }

  #renderSkeleton(locale: Locale, channel: Channel): TemplateResult {
    const count = metricsFor(channel, this.#requestedMetrics).length;
    return html`
      <ul part="metrics" class="metrics skeleton" aria-hidden="true">
        ${Array.from({ length: count }, () => html`
          <li class="metric">
            <span class="metric-button">
              <span class="label"><span class="bone"></span></span>
              <span class="figures">
                <span class="count"><span class="bone"></span></span>
                <span class="rate-line"><span class="bone"></span></span>
              </span>
            </span>
          </li>
        `)}
      </ul>
    `;
  }

  /** What is wrong with the figures or the options the page gave. */
  #invalidInput(locale: Locale, error: EstafetteInputError): string {
    return translate(locale, error.path.startsWith('thresholds') ? 'stats.invalid-thresholds' : 'stats.invalid-counts');
  }

  #renderError(locale: Locale, error: unknown): TemplateResult {
    const [message, retry] = error instanceof EstafetteInputError ? [this.#invalidInput(locale, error), false] : loadFailure(locale, error, 'campaign.not-found', 'stats.error');
    // An alert, as the timeline's: a status region inserted with its text already in it is not read out.
    return html`
      <div class="error danger" role="alert">
        <p class="error-message">${icon('danger')} <span>${message}</span></p>
        ${retry && this.campaignId
          ? html`<button type="button" class="action retry" @click=${this.refresh}>
              ${icon('retry')} ${translate(locale, 'stats.retry')}
            </button>`
          : nothing}
      </div>
    `;
  }

  #renderReady(locale: Locale, shown: Shown, indicators: Indicator[], channel: Channel): TemplateResult {
    const sent = indicators.find((i) => i.metric === 'sent')?.count ?? shown.counts.sent ?? 0;
    const warnings = flagged(indicators);
    const marked = indicators.some((i) => i.metric === this.selected);
    // Scheduled or canceled messages alone mean nothing was sent yet, not a missing sent count.
    return html`
      ${sent === 0
        ? html`<p class="empty">${translate(locale, COUNT_FIELDS.some((field) => field !== 'scheduled' && field !== 'canceled' && shown.counts[field]) ? 'stats.sent-missing' : 'stats.empty')}</p>`
        : nothing}
      <span id="drill-hint" class="visually-hidden">${translate(locale, 'stats.show-recipients')}.</span>
      <ul part="metrics" class="metrics">
        ${repeat(indicators, (indicator) => indicator.metric, (indicator) => this.#renderIndicator(locale, shown, indicator, channel, marked))}
      </ul>
      ${warnings.length > 0
        ? html`
            <div part="warnings" class="warnings" role="group" aria-labelledby="warnings-title">
              ${this.#heading(this.headingLevel + 1, 'warnings-title', translate(locale, 'stats.warning-heading'))}
              <ul>
                ${warnings.map(
                  (i) => html`
                    <li class="flag ${i.level}" data-level=${i.level} data-metric=${i.metric}>
                      <span class="level-word">${icon(i.level)}
                        ${translate(locale, `stats.level.${i.level}`)}</span>
                      <span class="note">${this.#thresholdNote(locale, i, channel)}</span>
                    </li>
                  `,
                )}
              </ul>
              ${warnings.some((i) => this.#suspensionRisk(i, channel))
                ? html`<p class="suspension">${translate(locale, 'threshold.sms-suspension')}</p>`
                : nothing}
            </div>
          `
        : nothing}
      ${this.noExport
        ? nothing
        : html`<div part="actions" class="actions">
            <button type="button" class="action" @click=${() => this.downloadCsv()}>
              ${icon('download')} ${translate(locale, 'stats.export-csv')}
            </button>
          </div>`}
    `;
  }

  #renderIndicator(locale: Locale, shown: Shown, indicator: Indicator, channel: Channel, marked: boolean): TemplateResult {
    const { metric, level } = indicator;
    const selected = metric === this.selected;
    // A toggle once the page marks a selection (pressing the pressed one asks to unselect it); plain buttons before,
    // as the element cannot tell whether the page will mark one. (Lit writes a boolean out as "true" or "false".)
    const pressed = marked ? selected : undefined;
    const label = translate(locale, `metric.${metric}.label`);
    const about = translate(locale, 'stats.explain', { label });
    const helpId = `help-${metric}`;
    const extras = this.#extraLines(locale, shown, indicator);
    const notes = this.#thresholdNotes(locale, indicator, channel);
    return html`
      <li part="metric metric-${level}" class="metric ${level}" data-level=${level} data-metric=${metric}>
        <button type="button" part=${selected ? 'metric-button selected' : 'metric-button'} class="metric-button"
          aria-describedby=${selected ? helpId : `drill-hint ${helpId}`} aria-pressed=${ifDefined(pressed)} @click=${() => this.#select(indicator, selected)}>
          <span part="label" class="label">${label}</span>
          <span class="figures">
          <span part="count" class="count">${formatNumber(this.formatFor(locale), indicator.count)}</span>
          <span class="rate-line">
            ${indicator.denominator
              ? indicator.rate === null
                ? html`<span part="rate" class="rate none">${translate(locale, 'stats.rate-none')}</span>`
                : html`<span part="rate" class="rate">${this.#percent(locale, indicator.rate, indicator.limit)}</span>
                    <span part="denominator" class="denominator">${translate(locale, `denominator.${indicator.denominator}`)}</span>`
              : nothing}
          </span>
          ${extras.map((line) => html`<span class="extra">${line}</span>`)}
          ${level === 'ok'
            ? nothing
            : html`<span part="level" class="level">${icon(level)}
                ${translate(locale, `stats.level.${level}`)}</span>`}
          </span>
        </button>
        ${toggletip(`tip-${metric}`, about, locale, html`<span id=${helpId}>
          <span class="tip-line">${explanationOf(locale, [`metric.${metric}.help.${channel}`, `metric.${metric}.help`]) ?? nothing}</span>
          ${indicator.denominator && indicator.rate === null
            ? html`<span class="tip-line">${translate(locale, 'stats.rate-none-help')}</span>`
            : nothing}
          ${metric === 'opened' && this.excludeAutomated
            ? html`<span class="tip-line">${translate(locale, 'stats.automated-excluded-help')}</span>`
            : nothing}
          ${notes.map((note) => html`<span class="tip-line note">${note}</span>`)}
        </span>`)}
      </li>
    `;
  }

  /** Secondary lines under opened: total opens on request, automatic opens left out. */
  #extraLines(locale: Locale, shown: Shown, indicator: Indicator): string[] {
    if (indicator.metric !== 'opened') return [];
    const lines: string[] = [];
    const total = shown.counts.openedTotal;
    if (this.totalOpens && typeof total === 'number' && Number.isFinite(total)) {
      lines.push(translatePlural(locale, 'stats.total-opens', total, undefined, this.formatFor(locale)));
    }
    const automated = shown.counts.openedAutomated;
    if (this.excludeAutomated && typeof automated === 'number' && automated > 0) {
      lines.push(translatePlural(locale, 'stats.automated-excluded', automated, undefined, this.formatFor(locale)));
    }
    return lines;
  }
}

/** Whether two views say the same: the same counts (an absent one and 0 alike) and the same sending state. */
const sameFigures = (a: Shown, b: Shown): boolean =>
  a.sending === b.sending && (a.counts === b.counts || COUNT_FIELDS.every((field) => (a.counts[field] ?? 0) === (b.counts[field] ?? 0)));
