import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { repeat } from 'lit/directives/repeat.js';
import type { CampaignHistoryEntry } from '../../core/campaign.js';
import type { CanonicalEvent } from '../../core/event.js';
import { recipientsOf, reduceOrderedEvents, sameRecipient, timeOf, type MessageStatus } from '../../core/message-status.js';
import { isZonedTime } from '../../core/canonical-time.js';
import { DataSourceError, noSourceError } from '../../data/errors.js';
import type { LiveUpdate, StatusDataSource } from '../../data/source.js';
import {
  directionOf,
  translate,
  translatePlural,
  type Locale,
} from '../../i18n/index.js';
import { LocalizedElement } from '../shared/localized-element.js';
import { AutoRetry, isAbort } from '../shared/retry.js';
import { SourceController } from '../shared/source-controller.js';
import { styleProps } from '../shared/style-props.js';
import { campaignActionLabel } from './campaign-actions.js';
import { EntrySelectEvent, StageChangeEvent } from './events.js';
// The events it fires, exported with it: importing the element also brings `addEventListener('stage-change', …)`'s
// typing (the event map lives in that module).
export { EntrySelectEvent, StageChangeEvent } from './events.js';
import { computeLifecycle, type Lifecycle } from './lifecycle.js';
import { icon } from './icons.js';
import { warnOnce } from '../../data/warn-once.js';
import { reflectedText, text } from '../shared/text.js';
import { ThrottledAnnouncer, systemClock, type Clock } from '../shared/throttled-announcer.js';
import { FocusHandOver } from '../shared/focus-hand-over.js';
import { dataErrorReason, isNotFound, loadFailure, warnLoadFailure } from '../shared/data-error.js';
import { createEventStore, createHistoryStore, type Origin, type RowStore, type TimelineRow } from './row-store.js';
import { styles } from './status-timeline.styles.js';
import { printing, subscribeTicker, tickerNow } from './ticker.js';
import { anchorAt, revealRow, visibleRange, type ScrollAnchor } from './windowing.js';
import { eventLabel, exactTime, fieldsNotText, knownType, renderEventDetails, renderEventRow, renderHistoryDetails, renderHistoryRow, type EntryView } from './entry-view.js';
import { renderStages } from './lifecycle-stages.js';
import { oneOf } from '../shared/one-of.js';

/** Which end of the list the latest entry is at. */
export type TimelineOrder = 'newest-first' | 'oldest-first';
const ORDERS: readonly TimelineOrder[] = ['newest-first', 'oldest-first'];

type Kind = 'message' | 'campaign';
type Entry = CanonicalEvent | CampaignHistoryEntry;
type Phase = 'idle' | 'loading' | 'ready' | 'error';

/** What the timeline shows, whichever way its entries arrive. */
type Input =
  | { readonly kind: Kind; readonly items: readonly Entry[] }
  | { readonly kind: Kind; readonly id: string }
  | undefined;

// One empty list for anything that is not an array (`null` from a host): a new [] per render would reload forever.
const NO_ITEMS: readonly Entry[] = [];

// Before the first measurement: a 600 px box (the default max-height at 16 px) of 3.5rem rows.
const GUESSED_VIEWPORT = 600;
const GUESSED_ROW_HEIGHT = 56;
/** What a timeline shows of a message the source said was deleted: a 404's "No message was found" (see gone). */
const GONE = /* @__PURE__ */ new DataSourceError('Message deleted.', { kind: 'http', status: 404 });
/** How long a status newer than the rows waits for its events to arrive live before the latest page is loaded again. */
const CATCH_UP_WAIT = 1_000;
/** Below this width, in ems of the element's font size, the timeline lays out for a narrow column. */
const NARROW_EMS = 30;

// Host-provided arrays may hold anything; rows need at least a type and a time to be ordered and keyed.
const isEventLike = (value: unknown): value is CanonicalEvent =>
  value != null && typeof value === 'object' && typeof (value as CanonicalEvent).type === 'string' && typeof (value as CanonicalEvent).at === 'string';
const isEntryLike = (value: unknown): value is CampaignHistoryEntry =>
  value != null && typeof value === 'object' && typeof (value as CampaignHistoryEntry).action === 'string' && typeof (value as CampaignHistoryEntry).at === 'string';
/** What a remote timeline loads, for a console warning: "the events of message "m-1"". */
const whatIsLoaded = (kind: Kind, id: string): string => `the ${kind === 'message' ? 'events of message' : 'history of campaign'} ${JSON.stringify(id)}`;

/**
 * The story of one message (every event, in event-time order, with where it stands in its four-stage lifecycle)
 * or of one campaign (its actions: created, scheduled, started, paused, suspended and why, ...).
 *
 * Give it a `message-id` or a `campaign-id` to load through the data source (its own `source`, the nearest
 * `<status-source>`, or the page default), page after page, and to follow live updates (a message the source says was
 * deleted: its rows go and the timeline says no message was found; sent anew, it loads again); or set `.events` (`.history`
 * for a campaign) to show entries you already have. Duplicated reports collapse into one row with a count. Long
 * histories are windowed: only the rows in view (and a few around) are in the DOM, so the row count stays bounded
 * whatever the number of events (the first render of 10,000 events costs under 2x that of 100); printing the page
 * draws every loaded row, one under the other, and the window again afterwards. The list is a listbox
 * with one tab stop (screen readers switch to their focus mode there, so every entry can be reached, not only those
 * drawn); arrow keys, Home, End, Page Up and Page Down move through it. Selection follows focus: the entry reached
 * is the selected one (`aria-selected`, a bar on its start edge) and its details are shown under the list; Enter,
 * Space or a click picks it, which fires `entry-select`. With `announce`, entries that arrive live are also said to screen readers, politely: "New event:
 * Delivered, 14:02:31", or several at once ("3 new events, the last one: ...") at most once per `announce-interval`;
 * so are entries the page adds to the same message's `.events` (or campaign's `.history`) from its own feed.
 * What the four stages mean is behind an ⓘ button after them, as `<campaign-stats>` explains its indicators: a
 * click, a tap, Enter or Space shows it, a second press, a tap or click elsewhere, Escape or Tab closes it.
 *
 * @summary Delivery history of a message, or action history of a campaign.
 *
 * @attr lang - Language of the texts and dates (`fr`, `en`, `de`, `es`, `it`, `nl`, or one added with `addMessages()`; regional tags such as `nl-BE` work); inherited from the closest `[lang]` otherwise.
 *
 * @fires {StageChangeEvent} stage-change - The message's lifecycle stage changed (after loading, a live update or
 * new `.events`); `lifecycle` tells the stage reached and where it stopped.
 * @fires {EntrySelectEvent} entry-select - The user picked a row (click, Enter or Space); `entry` is the event
 * or history entry and `count` how many times it was reported.
 *
 * @csspart base - The whole widget.
 * @csspart stages - The lifecycle stages of a message (received, processed, delivered, engaged).
 * @csspart stage - One stage; also one of the four parts below.
 * @csspart stage-done - A stage the message went through.
 * @csspart stage-current - The stage the message is at (`aria-current="step"`).
 * @csspart stage-upcoming - A stage still ahead.
 * @csspart stage-stopped - The stage where a failed message stopped.
 * @csspart stage-marker - A stage's disc (check, clock or cross); its icon is also `icon`.
 * @csspart info-button - The small button after the stages that shows what each stage means.
 * @csspart tooltip - What each stage means, shown by `info-button`.
 * @csspart outcome - The line saying where a failed message stopped, or that it bounced after delivery.
 * @csspart summary - The number of entries.
 * @csspart scroller - The scrolling box around the list.
 * @csspart list - The list of entries.
 * @csspart row - One entry.
 * @csspart icon - Every icon: an inline SVG drawn with `currentColor` (as in the other elements).
 * @csspart icon-box - The colored disc around an entry's icon.
 * @csspart label - An entry's name (status or action).
 * @csspart mark - A mark on an entry: duplicate count, automatic, bounced after delivery.
 * @csspart time - An entry's time.
 * @csspart link - A clicked URL shown as a link.
 * @csspart details - The full details of the selected entry (the one last reached by focus or picked).
 * @csspart jump-latest - The "jump to the latest" button.
 * @csspart load-more - The "show older events" button.
 * @csspart status - Loading and empty messages.
 * @csspart error - The error message.
 * @csspart retry - The "try again" button.
 *
 * @cssprop --estafette-timeline-max-height - Height of the list before it scrolls (default `37.5rem`).
 * @cssprop --estafette-timeline-row-height - Height of a row (default: two lines of text and `1rem`, `3.5rem` at the default text size; one line and `1rem`, `2.25rem`, when compact; three lines and `1rem` in a column under 20em wide, compact or not).
 * @cssprop --estafette-timeline-accent - Color of the current stage, of links and of the selected row's bar (stages passed take the success color); falls back to `--estafette-accent`.
 * @cssprop --estafette-tooltip-bg - Background of the stages' explanation (as the badge's tooltip).
 * @cssprop --estafette-tooltip-fg - Text color of the stages' explanation.
 * @cssprop --estafette-tooltip-border - Border color of the stages' explanation.
 * @cssprop --estafette-tooltip-max-width - Widest the explanation gets (default 20rem, never wider than the viewport).
 * @cssprop --estafette-tooltip-font-size - Text size of the explanation (default 0.8125rem).
 * @cssprop --estafette-tooltip-radius - Corner radius of the explanation (default `--estafette-radius`).
 *
 * @tagname status-timeline
 */
export class StatusTimelineElement extends LocalizedElement {
  // Its rows' details explain statuses and reasons.
  protected static override explains = true;
  protected static override panels = true;

  static override styles = styles;

  /** The message whose events to load, page by page, and follow live. */
  @property({ attribute: 'message-id' }) messageId: string | undefined;

  /** The campaign whose history to load, page by page, and follow live (used when no message is given). */
  @property({ attribute: 'campaign-id' }) campaignId: string | undefined;

  /** A message's events, when you have them already; wins over `message-id` and `campaign-id` (`null` is none). */
  @property({ attribute: false }) events: readonly CanonicalEvent[] | undefined;

  /** A campaign's history entries, when you have them already; used when neither `events` nor `message-id` is set (`null` is none). */
  @property({ attribute: false }) history: readonly CampaignHistoryEntry[] | undefined;

  /**
   * For a message sent to several people (one message id, one delivery each, as Amazon SES, Mailgun or Postmark
   * report them): whose stages to show, from their events and the delivery states that name no one. Without it, such
   * a message shows no stages (each recipient has their own). It filters no rows: with it or without, every
   * recipient's rows show, each saying whom it is for (to list one recipient's rows only, give `.events` theirs and
   * those that name no one).
   */
  @property() recipient: string | undefined;

  /** `newest-first` (default): the latest entry on top; `oldest-first`: in reading order, the latest at the bottom. */
  @property({ reflect: true, converter: reflectedText }) order: TimelineOrder = 'newest-first';

  /** One line per entry and a smaller stage bar; the selected entry's details still show in full. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /**
   * Time zone of the exact times (IANA id); the user's own by default, and also for an id `Intl` does not know
   * (`Paris` for `Europe/Paris`), which the console names once.
   */
  @property({ attribute: 'time-zone' }) timeZone: string | undefined;

  /** The data source, over `<status-source>` and the page default. */
  @property({ attribute: false }) source: StatusDataSource | undefined;

  /**
   * Say the entries that arrive live to screen readers (a polite live region): each with its time, or several
   * together, at most one message every `announce-interval` ms. Off by default, like the other elements. With
   * `.events` or `.history`, a new list for the same message or campaign says the entries it adds, if no older than
   * the latest shown; the first list, another subject's, and older entries filled in are not news.
   */
  @property({ type: Boolean }) announce = false;

  /** Minimum time between two announcements, in milliseconds (default 10,000). */
  @property({ type: Number, attribute: 'announce-interval' }) announceInterval = 10_000;

  /** Time functions behind the announcement throttle and the wait before catching up (see below); replace in tests. */
  @property({ attribute: false }) clock: Clock = systemClock;

  @state() private phase: Phase = 'idle';
  @state() private loadError?: unknown;
  @state() private more: 'idle' | 'loading' | 'error' = 'idle';
  @state() private moreError?: unknown;
  @state() private scrollPos = 0;
  @state() private viewport = GUESSED_VIEWPORT;
  @state() private rowHeight = GUESSED_ROW_HEIGHT;
  /**
   * Narrower than 30em (a phone, a side panel): rows show the relative time only (the exact one is its title and is
   * in the details), and stage names go under their marks, so that nothing is cut off.
   */
  @state() private narrow = false;
  @state() private atLatest = true;
  @state() private unseen = 0;
  @state() private activeKey?: string;
  @state() private liveStatus?: MessageStatus;
  /** What the live region says (see `announce`). */
  @state() private announcement = '';

  readonly #eventStore = createEventStore();
  readonly #historyStore = createHistoryStore();
  #kind: Kind = 'message';
  #sources?: SourceController;
  #loadedFor?: string;
  #loadedSource?: StatusDataSource;
  /** The load (kind and id) that failed last, so that trying it again keeps its error shown until an answer. */
  #failedFor?: string;
  #appliedItems?: readonly Entry[];
  #nextCursor?: string;
  #abort?: AbortController;
  #stopLive?: () => void;
  #generation = 0;
  #version = 0;
  #pendingScroll?: { readonly anchor: ScrollAnchor | undefined; readonly atLatest: boolean };
  #scrollToApply?: number;
  #focusAfterUpdate?: number;
  /**
   * A control an update takes away with the focus (a retry once loaded, the older events' button once all are, a row
   * whose events were replaced): focus moves to what replaced it, the older events' button or its retry, else the
   * list's tab stop; not back to the page.
   */
  private readonly focusHandOver = new FocusHandOver(
    this,
    (gone) =>
      (gone.matches('.more, .more-error > *') ? this.renderRoot.querySelector<HTMLElement>('.more, .more-error > .button') : null) ??
      this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]'),
  );
  /** After older events loaded from their button: the newest of them, to move to. */
  #revealAfterLoad?: string;
  /** The rows' version the lifecycle was computed for (see computeStage). */
  #lifecycleVersion = -1;
  /**
   * The generation (see `#stopRemote`) for which a catch-up load of the latest page is waiting or under way (see
   * catchUp): one left behind when the element left the page does not hold back the next one's.
   */
  #catchingUp = -1;
  /** The `since` of the last status or figures heard while a catch-up waits (see catchUp). */
  #catchUpSince = 0;
  /** It left the page with its rows shown, and missed live updates meanwhile (see comeBack). */
  #away = false;
  /** Live entries heard, and how many had been when the last live status came (see catchUp). */
  #streamed = 0;
  #streamedAtStatus = 0;
  /** Whether the campaign was sending, by its last live figures. */
  #campaignSending?: boolean;
  /** The events name several recipients: rows say whom each is for. */
  #severalRecipients = false;
  #lifecycle?: Lifecycle;
  /** Rows of bounces that came after the message had been delivered. */
  #asyncKeys: ReadonlySet<string> = new Set();
  #announcedLifecycle?: string;
  /** Live entries not said yet: said together when the announcer's quiet period ends. */
  #unsaid = 0;
  readonly #announcer = new ThrottledAnnouncer(
    (message) => {
      this.announcement = message;
      // Emptied (another language) is not said: the entries wait for their words in the new one.
      if (message) this.#unsaid = 0;
    },
    () => this.announceInterval,
    () => this.clock,
  );
  #stopTicker?: () => void;
  #resizeObserver?: ResizeObserver;
  // A first page that failed in a way that may go away by itself (network, 5xx, timeout) is tried again.
  readonly #retries = new AutoRetry(() => this.#retry());
  /** The load of the latest page that failed last (see loadLatest), tried again likewise. */
  #latestAgain?: () => void;
  // (No status told again would start another: its listeners were told it already.)
  readonly #latestRetries = new AutoRetry(() => this.#latestAgain?.());

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopTicker = subscribeTicker(() => this.requestUpdate());
    // A list taken out of the page is back at its top: moved (its rows kept), it goes back to where it was read.
    if (this.scrollPos > 0) this.#scrollToApply = this.scrollPos;
    // Coming back on the page: follow again, and catch up with what was missed meanwhile (see syncInput).
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTicker?.();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    // Moved within the page (a list reordered, a panel put elsewhere) disconnects and reconnects in the same task: it
    // goes on following (stopping, then following again at its next update, would be leaving for the source: see
    // RestLive's sync), and its requests, rows, selection and older pages stay. One that really left follows nothing
    // (see syncInput for the way back) and stops its requests; its rows, selection and older pages stay to be shown at
    // once if it comes back (a drawer opened again), caught up then (see comeBack), as `<email-status-badge>` and
    // `<campaign-stats>` keep what they show. One still loading, or that failed, loads again.
    queueMicrotask(() => {
      if (this.isConnected) return;
      this.#stopRemote();
      if (this.phase === 'ready' && this.#loadedFor) this.#away = true;
      else this.#loadedFor = undefined;
      // Older events asked for and never to come: the button offers them again.
      if (this.more === 'loading') this.more = 'idle';
      this.#silence();
    });
  }

  /** Scrolls to the latest entry. */
  jumpToLatest(): void {
    if (this.#store.size === 0) return;
    this.unseen = 0;
    this.#scrollListTo(this.#latestScrollTop());
  }

  /** Brings the entry at display position `index` (0 = top of the list) into view. */
  scrollToIndex(index: number): void {
    const count = this.#store.size;
    if (count === 0) return;
    const d = Math.min(count - 1, Math.max(0, Math.trunc(index)));
    this.#scrollListTo(revealRow(d, this.rowHeight, this.scrollPos, this.viewport));
  }

  /** Loads the next page of a remote timeline, if there is one. */
  async loadMore(): Promise<void> {
    const input = this.#input();
    const source = this.#loadedSource;
    const cursor = this.#nextCursor;
    if (!input || !('id' in input) || !source || cursor === undefined || this.more === 'loading') return;
    const generation = this.#generation;
    this.more = 'loading';
    try {
      const items = await this.#fetchPage(source, input.kind, input.id, cursor, this.#abort?.signal);
      if (generation !== this.#generation) return;
      this.#nextCursor = items.nextCursor;
      this.more = 'idle';
      const oldest = this.#store.rows[0]?.key;
      this.#mutate(() => this.#addItems(items.items, 'page'), false);
      // Asked for from the button: focus goes to what was asked for, the newest of the older events (said by screen
      // readers; the button may be gone, all loaded).
      const c = this.#store.indexOf(oldest);
      if (c > 0 && this.shadowRoot?.activeElement?.classList.contains('more')) this.#revealAfterLoad = this.#store.rows[c - 1]!.key;
    } catch (error) {
      if (generation !== this.#generation || isAbort(error)) return;
      warnLoadFailure(error, () => `more of ${whatIsLoaded(input.kind, input.id)}`);
      this.moreError = error;
      this.more = 'error';
    }
  }

  // ---------------------------------------------------------------- inputs and loading

  get #store(): RowStore<Entry> {
    return (this.#kind === 'message' ? this.#eventStore : this.#historyStore) as RowStore<Entry>;
  }

  #input(): Input {
    // null is not given either (a framework's empty state): the ids are read then.
    if (this.events != null) return { kind: 'message', items: Array.isArray(this.events) ? this.events : NO_ITEMS };
    if (this.messageId) return { kind: 'message', id: this.messageId };
    if (this.history != null) return { kind: 'campaign', items: Array.isArray(this.history) ? this.history : NO_ITEMS };
    if (this.campaignId) return { kind: 'campaign', id: this.campaignId };
    return undefined;
  }

  #addItems(items: readonly unknown[], origin: Origin): boolean {
    const message = this.#kind === 'message';
    const kept = items.filter(message ? isEventLike : isEntryLike) as (CanonicalEvent | CampaignHistoryEntry)[];
    // Only the page's own `.events` / `.history` can hold these (a source's answers are checked): said, not lost silently.
    if (kept.length < items.length) {
      warnOnce(`<status-timeline> left out ${items.length - kept.length} of its ${items.length} ${message ? 'events' : 'history entries'}: each needs a ${message ? 'type' : 'action'} and a time (at) given as strings.`);
    }
    const notText = new Set(kept.flatMap(fieldsNotText));
    if (notText.size) warnOnce(`<status-timeline> left out fields that are not text: ${[...notText].join(', ')}.`);
    return message ? this.#eventStore.add(kept as CanonicalEvent[], origin) : this.#historyStore.add(kept as CampaignHistoryEntry[], origin);
  }

  #stopRemote(): void {
    this.#retries.stop();
    this.#latestRetries.stop();
    this.#generation++;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#stopLive?.();
    this.#stopLive = undefined;
  }

  #reset(kind: Kind): void {
    this.#stopRemote();
    this.#kind = kind;
    this.#eventStore.clear();
    this.#historyStore.clear();
    this.#version++;
    this.#nextCursor = undefined;
    this.more = 'idle';
    this.moreError = undefined;
    this.loadError = undefined;
    this.liveStatus = undefined;
    this.#campaignSending = undefined;
    this.#streamed = this.#streamedAtStatus = 0;
    this.unseen = 0;
    this.#silence();
    this.activeKey = undefined;
    this.#pendingScroll = { anchor: undefined, atLatest: true };
  }

  #syncInput(): void {
    const input = this.#input();
    if (input && 'items' in input) {
      if (input.items === this.#appliedItems && input.kind === this.#kind) return;
      this.#loadedFor = undefined;
      if (input.kind !== this.#kind || this.#appliedItems === undefined) this.#reset(input.kind);
      this.#appliedItems = input.items;
      this.phase = 'ready';
      const shown = this.#store.rows;
      this.#mutate(() => {
        this.#store.clear();
        this.#addItems(input.items, 'page');
        return true;
      }, true);
      this.#followGivenItems(shown);
      return;
    }
    this.#appliedItems = undefined;
    if (!input) {
      if (this.#loadedFor !== '') {
        this.#reset(this.#kind);
        this.#loadedFor = '';
        this.phase = 'idle';
      }
      return;
    }
    // Off the page (an update can still run there): load and follow once back, or the subscription would never end.
    if (!this.isConnected) return;
    this.#sources ??= new SourceController(this);
    const source = this.#sources.source;
    const wanted = `${input.kind}\u0000${input.id}`;
    if (wanted !== this.#loadedFor || source !== this.#loadedSource) return this.#start(input.kind, input.id, source, wanted);
    // Moved within the page, or back on it: following again what it shows.
    if (!this.#stopLive && source) {
      this.#follow(source, input.kind, input.id);
      if (this.#away) this.#comeBack(source, input.kind, input.id);
    }
  }

  /**
   * Back on the page after being away, its rows shown meanwhile (no loading state): live updates were missed. A
   * message's status, read through the source's cache as the badge reads it, tells whether events came meanwhile;
   * the latest page is loaded again then (as after a stream outage), and for a campaign, whose history no status
   * dates. Its entries arrive as live ones would.
   */
  #comeBack(source: StatusDataSource, kind: Kind, id: string): void {
    this.#away = false;
    const generation = this.#generation;
    const signal = (this.#abort = new AbortController()).signal;
    const load = () => generation === this.#generation && void this.#loadLatest(generation, source, kind, id);
    if (kind === 'campaign') return void load();
    source.getMessages([id], { signal }).then((found) => {
      const status = found.get(id);
      if (status && generation === this.#generation) this.liveStatus = status;
      // A status that may be another recipient's, or none: the page says.
      if (!status || this.#severalRecipients || this.#behind(status)) load();
    }, load);
  }

  /** Whether a message's status is newer than every row: events happened that no row shows. */
  #behind(status: MessageStatus | undefined): boolean {
    const latest = this.#eventStore.rows.at(-1)?.item;
    return status !== undefined && (!latest || timeOf(latest.at) < timeOf(status.updatedAt));
  }

  #follow(source: StatusDataSource, kind: Kind, id: string): void {
    const generation = this.#generation;
    // (The source is checked: see SourceController. Its subscribe() neither throws nor returns anything but a function.)
    this.#stopLive = source.subscribe?.({ kind, id }, (update) => this.#onLive(generation, id, update));
  }

  #start(kind: Kind, id: string, source: StatusDataSource | undefined, wanted: string): void {
    this.#away = false;
    // Trying the same load again after a failure (automatically or with the button): the error stays on screen
    // until an answer comes, rather than flickering to "loading" and back at each attempt.
    const failed = this.phase === 'error' && wanted === this.#failedFor && source === this.#loadedSource ? this.loadError : undefined;
    this.#reset(kind);
    this.#loadedFor = wanted;
    this.#loadedSource = source;
    if (!source) {
      this.phase = 'error';
      this.loadError = noSourceError();
      return;
    }
    const generation = this.#generation;
    const abort = (this.#abort = new AbortController());
    this.phase = failed === undefined ? 'loading' : 'error';
    this.loadError = failed;
    // Subscribe before loading, so nothing that happens during the first request is missed; copies of an event
    // seen both live and in a page collapse (see RowStore).
    this.#follow(source, kind, id);
    this.#fetchPage(source, kind, id, undefined, abort.signal).then(
      (page) => {
        if (generation !== this.#generation) return;
        this.#retries.reset();
        this.#nextCursor = page.nextCursor;
        this.phase = 'ready';
        this.#mutate(() => this.#addItems(page.items, 'page'), false);
        // Older events not loaded yet: the stages come from the source's status of the message, its reduction of
        // every event (the rows alone may miss the delivery an old page holds), when it is not older than the rows.
        if (kind === 'message' && page.nextCursor !== undefined) {
          source.getMessages([id], { signal: abort.signal }).then(
            (found) => {
              const status = found.get(id);
              if (generation === this.#generation && status && !this.liveStatus) this.liveStatus = status;
            },
            () => {}, // the rows' own stages stay
          );
        }
      },
      (error: unknown) => {
        if (generation !== this.#generation || isAbort(error)) return;
        warnLoadFailure(error, () => whatIsLoaded(kind, id));
        this.loadError = error;
        this.#failedFor = wanted;
        this.phase = 'error';
        this.#retries.failed(error);
      },
    );
  }

  /** `fresh`: loading again what changed (see loadLatest), past a request of the page already on its way. */
  async #fetchPage(
    source: StatusDataSource,
    kind: Kind,
    id: string,
    cursor: string | undefined,
    signal: AbortSignal | undefined,
    fresh?: boolean,
  ): Promise<{ items: readonly unknown[]; nextCursor?: string | undefined }> {
    const options = { ...(signal && { signal }), ...(cursor !== undefined && { cursor }), ...(fresh && { fresh }) };
    // Checked pages (see SourceController): entries of this message or campaign, a cursor only when there is more.
    const page = kind === 'message' ? await source.getMessageEvents(id, options) : await source.getCampaignHistory(id, options);
    return { items: 'events' in page ? page.events : page.items, nextCursor: page.nextCursor };
  }

  #onLive(generation: number, id: string, update: LiveUpdate): void {
    if (generation !== this.#generation || update == null) return;
    const message = this.#kind === 'message';
    if (message && update.type === 'message-missing' && update.messageId === id) return this.#gone(id);
    const item = message
      ? update.type === 'message-event' && update.event?.messageId === id && update.event
      : update.type === 'campaign-history' && update.entry?.campaignId === id && update.entry;
    // Not found (deleted, or not known yet when loaded), and now news of it: sent anew under that id. Loaded again.
    if (this.phase === 'error' && isNotFound(this.loadError) && (item || (message && update.type === 'message-status' && update.status?.messageId === id))) {
      return this.#retry();
    }
    if (item) {
      this.#streamed++;
      this.#arrived(item, this.#mutate(() => this.#addItems([item], 'live'), true));
    } else if (this.#kind === 'message' && update.type === 'message-status' && update.status?.messageId === id) {
      this.liveStatus = update.status;
      this.#catchUp(generation, id, this.#statusHeard());
    } else if (this.#kind === 'campaign' && update.type === 'campaign-stats' && update.stats?.campaign?.id === id) {
      // Sending started or stopped (started, completed...): a history entry no live one brought may be there (a
      // source whose polls bring none).
      const sending = update.stats.sending === true;
      const since = this.#statusHeard();
      if (this.#campaignSending !== undefined && sending !== this.#campaignSending) this.#catchUp(generation, id, since);
      this.#campaignSending = sending;
    }
  }

  /**
   * The source says the message was deleted, and its events with it: the rows go, and the timeline says no message
   * was found, as a badge does, without a request (a page asked for meanwhile is dropped). It goes on following the id:
   * news of it (the message sent anew) loads it again (see onLive).
   */
  #gone(id: string): void {
    const source = this.#loadedSource!;
    this.#reset('message');
    this.#follow(source, 'message', id);
    this.loadError = GONE;
    this.#failedFor = this.#loadedFor;
    this.phase = 'error';
  }

  /** A live status or figures came: how many live entries had been heard when the one before came. */
  #statusHeard(): number {
    const since = this.#streamedAtStatus;
    this.#streamedAtStatus = this.#streamed;
    return since;
  }

  /**
   * Entries happened that no live one brought: polled statuses (`live="poll"` sends no events), or events sent
   * while the stream was down. Told by a message's status newer than every row, or by a campaign's sending
   * starting or stopping. The latest page is loaded again, a moment later (an entry sent with the status
   * may be on its way), and what it adds arrives as live entries would. Not when an entry came live since the
   * status or figures before the last one heard (`since`, a count of live entries; a later one during the wait counts)
   * or during the wait: the source is bringing them, and a status stamped later than its events (when a back end
   * stored it) would otherwise cost a load at each change.
   */
  #catchUp(generation: number, id: string, since: number): void {
    this.#catchUpSince = since;
    if (this.#catchingUp === generation) return;
    this.#catchingUp = generation;
    const kind = this.#kind;
    const done = () => void (this.#catchingUp === generation && (this.#catchingUp = -1));
    this.clock.setTimeout(() => {
      const source = this.#loadedSource;
      const behind = this.#streamed === this.#catchUpSince && (kind === 'campaign' || this.#behind(this.liveStatus));
      if (generation !== this.#generation || !source || !behind) return done();
      void this.#loadLatest(generation, source, kind, id).finally(done);
    }, CATCH_UP_WAIT);
  }

  /**
   * Loads the latest page again: what it adds arrives as live entries would (see catchUp, comeBack). More may have come
   * meanwhile than a page holds: the pages after it are loaded too, until one reaches the rows it had (`since`, the
   * time of the latest), so that none is left out between them (the older events' button goes on from its own page).
   */
  #loadLatest(generation: number, source: StatusDataSource, kind: Kind, id: string, cursor?: string, since = timeOf(this.#store.rows.at(-1)?.item.at ?? '')): Promise<void> {
    return this.#fetchPage(source, kind, id, cursor, this.#abort?.signal, true).then(
      (page) => {
        if (generation !== this.#generation) return;
        this.#latestRetries.reset();
        const added = this.#mutate(() => this.#addItems(page.items, 'refresh'), true);
        if (added > 0) {
          this.#arrived(this.#store.rows.at(-1)!.item, added);
          // (A page that adds nothing reached the rows: a source that ignores the cursor is not asked for ever.)
          if (page.nextCursor !== undefined && !page.items.some((item) => timeOf((item as Entry).at) <= since)) return this.#loadLatest(generation, source, kind, id, page.nextCursor, since);
        }
      },
      (error: unknown) => {
        if (generation !== this.#generation || isAbort(error)) return;
        warnLoadFailure(error, () => `the latest of ${whatIsLoaded(kind, id)}`);
        this.#latestAgain = () => void this.#loadLatest(generation, source, kind, id, cursor, since);
        this.#latestRetries.failed(error);
      },
    );
  }

  /**
   * With `announce`: says that `added` entries arrived live, the last of them `item`. A report of an entry already
   * shown (a duplicate, counted on its row) is not news.
   */
  #arrived(item: Entry, added: number): void {
    if (!this.announce || added <= 0) return;
    this.#unsaid += added;
    // Worded when said: every entry not said yet, the last of them named, in the page's language then.
    this.#announcer.push((locale) => {
      const event = 'action' in item ? campaignActionLabel(locale, item.action) : eventLabel(locale, item);
      const time = exactTime({ format: this.formatFor(locale), timeZone: this.timeZone }, timeOf(item.at), 'none');
      return translatePlural(locale, 'timeline.announcement', this.#unsaid, { event, time }, this.formatFor(locale));
    }, this.locale);
  }

  /**
   * A new `.events` / `.history` list replaced `shown`: the page follows its own feed. Entries it adds to the same
   * message or campaign, no older than the latest shown, are said like live ones; another subject is not news (and
   * what waited to be said about the previous one is dropped).
   */
  #followGivenItems(shown: readonly TimelineRow<Entry>[]): void {
    const latest = shown.at(-1)?.item;
    const rows = this.#store.rows;
    const subject = (item: Entry | undefined): string | undefined => item && ('action' in item ? item.campaignId : item.messageId);
    if (latest === undefined || subject(rows.at(-1)?.item) !== subject(latest)) {
      this.#silence();
      return;
    }
    const before = new Set(shown.map((row) => row.key));
    const since = timeOf(latest.at);
    const added = rows.filter((row) => !before.has(row.key) && timeOf(row.item.at) >= since);
    if (added.length > 0) this.#arrived(added.at(-1)!.item, added.length);
  }

  /** Empties the live region and drops what waits to be said (another message, language, or off the page). */
  #silence(): void {
    this.#announcer.cancel();
    this.#unsaid = 0;
  }

  #retry(): void {
    this.#loadedFor = undefined;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------- scrolling and windowing

  /**
   * Applies a change to the rows while keeping the view where it is: the row at the top of the view stays at the
   * top, whatever was inserted above it. A view at the latest entry follows new entries instead.
   */
  #mutate(change: () => boolean, fresh: boolean): number {
    const before = this.#store.size;
    const scroller = this.#scroller;
    const atLatest = this.#isAtLatest();
    const anchor = scroller ? anchorAt(scroller.scrollTop, this.rowHeight, (d) => this.#keyAt(d)) : undefined;
    if (!change()) return 0;
    this.#version++;
    const added = this.#store.size - before;
    if (fresh && !atLatest && added > 0) this.unseen += added;
    // Several changes before one render: the view was last seen before the first of them.
    this.#pendingScroll ??= { anchor, atLatest };
    this.requestUpdate();
    return added;
  }

  get #scroller(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  get #newestFirst(): boolean {
    return oneOf('status-timeline', 'order', this.order, ORDERS, 'newest-first') == 'newest-first';
  }

  /** Chronological index of the row at display position `d`. */
  #chrono(d: number): number {
    return this.#newestFirst ? this.#store.size - 1 - d : d;
  }

  /** (A position out of the list, or NaN, falls out of the rows both ways round: undefined.) */
  #keyAt(d: number): string | undefined {
    return this.#store.rows[this.#chrono(d)]?.key;
  }

  #displayIndexOf(key: string | undefined): number {
    const c = this.#store.indexOf(key);
    // (The same reversal both ways: display position of chronological index c.)
    return c < 0 ? -1 : this.#chrono(c);
  }

  #latestDisplayIndex(): number {
    return this.#newestFirst ? 0 : this.#store.size - 1;
  }

  #maxScroll(): number {
    return Math.max(0, this.#store.size * this.rowHeight - this.viewport);
  }

  #latestScrollTop(): number {
    return this.#newestFirst ? 0 : this.#maxScroll();
  }

  #isAtLatest(): boolean {
    const scroller = this.#scroller;
    if (!scroller || this.#store.size === 0) return true;
    const slack = this.rowHeight / 2;
    if (this.#newestFirst) return scroller.scrollTop <= slack;
    return scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - slack;
  }

  #scrollListTo(top: number): void {
    const target = Math.min(this.#maxScroll(), Math.max(0, top));
    this.scrollPos = target;
    this.#scrollToApply = target;
    const scroller = this.#scroller;
    if (scroller) scroller.scrollTop = target;
  }

  #resolvePendingScroll(): void {
    const pending = this.#pendingScroll;
    if (!pending) return;
    this.#pendingScroll = undefined;
    let target: number;
    const d = pending.anchor ? this.#displayIndexOf(pending.anchor.key) : -1;
    if (pending.atLatest || d < 0) {
      target = this.#latestScrollTop();
      // Beyond the end on purpose: the browser stops at the real bottom even if the box grew meanwhile.
      this.#scrollToApply = this.#newestFirst ? 0 : this.#store.size * this.rowHeight;
      this.unseen = 0;
    } else {
      target = d * this.rowHeight + pending.anchor!.offset;
      this.#scrollToApply = target;
    }
    this.scrollPos = Math.min(this.#maxScroll(), Math.max(0, target));
  }

  #onScroll(): void {
    const scroller = this.#scroller;
    // Printing, the box is as long as its rows and scrolls back to its top: not the reader's doing (see updated()).
    if (!scroller || printing) return;
    this.scrollPos = scroller.scrollTop;
    this.atLatest = this.#isAtLatest();
    if (this.atLatest) this.unseen = 0;
  }

  #observeSizes(): void {
    if (this.#resizeObserver || typeof ResizeObserver === 'undefined') return;
    // Measured in the next frame: re-rendering from the observer's callback would resize the observed scroller again
    // in the same frame, which the browser reports to the page as a "ResizeObserver loop" error (compact rows did).
    this.#resizeObserver = new ResizeObserver(() => requestAnimationFrame(() => this.#measure()));
    const probe = this.renderRoot.querySelector('.probe');
    if (probe) this.#resizeObserver.observe(probe);
    const scroller = this.#scroller;
    if (scroller) this.#resizeObserver.observe(scroller);
    this.#resizeObserver.observe(this);
  }

  #measure(): void {
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    const height = probe?.getBoundingClientRect().height ?? 0;
    if (height > 0 && Math.abs(height - this.rowHeight) > 0.01) {
      // Keep the same row at the top when rows change height (font size, compact).
      const first = this.scrollPos / this.rowHeight;
      this.rowHeight = height;
      this.#scrollListTo(first * height);
    }
    const scroller = this.#scroller;
    if (scroller && scroller.clientHeight > 0 && scroller.clientHeight !== this.viewport) this.viewport = scroller.clientHeight;
    this.atLatest = this.#isAtLatest();
    const width = this.clientWidth;
    if (width > 0) this.narrow = width < NARROW_EMS * parseFloat(getComputedStyle(this).fontSize);
  }

  // ---------------------------------------------------------------- keyboard

  #tabStop(): number {
    const d = this.#displayIndexOf(this.activeKey);
    return d >= 0 ? d : 0;
  }

  #onKeydown(event: KeyboardEvent): void {
    const count = this.#store.size;
    if (count === 0 || event.altKey || event.ctrlKey || event.metaKey) return;
    const row = (event.target as Element).closest?.('[role="option"]');
    if (!row) return;
    const current = Number((row as HTMLElement).dataset.index); // (every row says it: see renderRow)
    const page = Math.max(1, Math.floor(this.viewport / this.rowHeight) - 1);
    if (event.key === 'Enter' || event.key === ' ') {
      if ((event.target as Element).closest('a')) return;
      event.preventDefault();
      this.#select(current);
      return;
    }
    // Read as an own key only: `event.key` may be any string (a synthetic event's "toString").
    const next: unknown = ({ ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: count - 1, PageDown: current + page, PageUp: current - page } as Record<string, number>)[event.key];
    if (typeof next !== 'number') return;
    event.preventDefault();
    this.#moveTo(Math.min(count - 1, Math.max(0, next)));
  }

  /** Makes row `d` the active one, scrolls it into view (rendering it if it was windowed out) and focuses it. */
  #moveTo(d: number): void {
    this.activeKey = this.#keyAt(d);
    this.#scrollListTo(revealRow(d, this.rowHeight, this.scrollPos, this.viewport));
    this.#focusAfterUpdate = d;
  }

  /** The button disappears once at the latest: the focus moves to the latest row rather than to the page. */
  #onJump(): void {
    this.jumpToLatest();
    const latest = this.#latestDisplayIndex();
    this.activeKey = this.#keyAt(latest);
    this.#focusAfterUpdate = latest;
  }

  #onFocusIn(event: FocusEvent): void {
    const row = (event.target as Element).closest?.<HTMLElement>('[role="option"]');
    const d = Number(row?.dataset.index);
    if (row && Number.isInteger(d)) this.activeKey = this.#keyAt(d);
  }

  #onClick(event: MouseEvent): void {
    const row = (event.target as Element).closest?.<HTMLElement>('[role="option"]');
    const d = Number(row?.dataset.index);
    if (!row || !Number.isInteger(d)) return;
    this.activeKey = this.#keyAt(d);
    if (!(event.target as Element).closest('a')) row.focus({ preventScroll: true });
    this.#select(d);
  }

  #select(d: number): void {
    const row = this.#store.rows[this.#chrono(d)];
    if (row) this.dispatchEvent(new EntrySelectEvent(row.item, row.count));
  }

  // ---------------------------------------------------------------- lifecycle of a message

  #computeStage(changed: PropertyValues): void {
    // (A campaign's rows read no asyncKeys.)
    if (this.#kind !== 'message') {
      this.#lifecycle = undefined;
      this.#severalRecipients = false;
      return;
    }
    const recipient = text(this.recipient);
    // Computed again when the rows, the live status or the recipient changed (in this update, or in willUpdate before it).
    if (this.#lifecycleVersion === this.#version && !changed.has('liveStatus') && !changed.has('recipient')) return;
    this.#lifecycleVersion = this.#version;
    // The rows are in the order reduceEvents sorts into, duplicates already dropped: not sorted a second time (for
    // 10,000 events, 4 ms of script instead of 10, in a first render of about 50 ms: npm run bench, scenario 4).
    // Rows of unknown types, or whose time cannot be ordered (reduceEvents refuses both), still show; they leave the stages alone.
    const events = this.#eventStore.rows.map((row) => row.item).filter((event) => knownType(event) && isZonedTime(event.at));
    this.#severalRecipients = recipientsOf(events).length > 1;
    let status: MessageStatus | undefined;
    try {
      status = reduceOrderedEvents(events, recipient === undefined ? {} : { recipient });
    } catch {
      // Several recipients and none chosen, or events of several messages (a host mistake): the rows still show, one
      // set of stages would be meaningless.
      this.#lifecycle = undefined;
      this.#asyncKeys = new Set();
      return;
    }
    // The back-end's status of a message to several people is one recipient's, maybe not this one.
    const live = this.#severalRecipients ? undefined : this.liveStatus;
    // A live status is the back-end's own reduction, possibly of events not loaded yet: the more recent wins.
    // Times read as the rows are ordered (timeOf): a page's own events may spell them as no Date.parse reads (`…T10:00:00+01`).
    if (live && (events.length === 0 || timeOf(live.updatedAt) >= timeOf(status.updatedAt))) status = live;
    this.#lifecycle = events.length === 0 && !live ? undefined : computeLifecycle(status, events);
    // The bounce that overrode a delivery: same state as the outcome, later than the delivery.
    const asyncKeys = new Set<string>();
    if (status.asyncBounce && status.deliveredAt !== undefined) {
      const deliveredAt = timeOf(status.deliveredAt);
      for (const { item, key } of this.#eventStore.rows) {
        // For one recipient of several: their rows only, not another's bounce of the same kind.
        const theirs = !this.#severalRecipients || item.recipient === undefined || sameRecipient(item.recipient, recipient!);
        if (theirs && item.type === status.delivery && deliveredAt > -Infinity && timeOf(item.at) >= deliveredAt) asyncKeys.add(key);
      }
    }
    this.#asyncKeys = asyncKeys;
  }

  // ---------------------------------------------------------------- Lit

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messageId')) this.messageId = text(this.messageId); // a number from a framework, or blank
    if (changed.has('campaignId')) this.campaignId = text(this.campaignId); // a number from a framework, or blank
    this.#syncInput();
    // Words in a language the page has left are emptied; entries waiting are said in the new one. Once `announce` is
    // off, nothing is said or waits.
    if (this.announce) this.#announcer.speakIn(this.locale);
    else if (this.#announcer.language !== undefined) this.#silence();
    if (changed.has('order') && changed.get('order') !== undefined) this.#pendingScroll = { anchor: undefined, atLatest: true };
    this.#resolvePendingScroll();
    if (this.#revealAfterLoad !== undefined) {
      const d = this.#displayIndexOf(this.#revealAfterLoad);
      this.#revealAfterLoad = undefined;
      if (d >= 0) this.#moveTo(d);
    }
    this.#computeStage(changed);
  }

  protected override updated(): void {
    this.#observeSizes();
    const scroller = this.#scroller;
    // While printing, the box has nothing to scroll (see onScroll): where it was is kept, and scrolled back to after.
    if (printing) this.#scrollToApply = this.scrollPos;
    else if (scroller && this.#scrollToApply !== undefined) {
      scroller.scrollTop = this.#scrollToApply;
      this.#scrollToApply = undefined;
    }
    if (this.#focusAfterUpdate !== undefined) {
      const row = this.renderRoot.querySelector<HTMLElement>(`[role="option"][data-index="${this.#focusAfterUpdate}"]`);
      this.#focusAfterUpdate = undefined;
      row?.focus({ preventScroll: true });
    }
    // What stage-change tells (its stages follow from where it reached and stopped), written out to compare.
    const signature = JSON.stringify(this.#lifecycle);
    if (signature !== this.#announcedLifecycle) {
      this.#announcedLifecycle = signature;
      if (this.#lifecycle) this.dispatchEvent(new StageChangeEvent(this.#lifecycle));
    }
  }

  protected override render(): TemplateResult {
    const locale = this.locale;
    const count = this.#store.size;
    const view: EntryView = {
      locale,
      format: this.formatFor(locale),
      timeZone: this.timeZone,
      compact: this.compact,
      narrow: this.narrow,
      asyncKeys: this.#asyncKeys,
      recipients: this.#severalRecipients,
      now: tickerNow(),
    };
    // The stages, or why there are none: a campaign has neither (see computeStage).
    return html`<div part="base" class=${this.narrow ? 'base narrow' : 'base'} lang=${locale} dir=${directionOf(locale)}>
      ${this.#lifecycle
        ? renderStages(locale, this.#lifecycle)
        : this.#severalRecipients
          ? html`<p class="note">${translate(locale, 'timeline.several-recipients')}</p>`
          : nothing}
      ${count > 0
        ? // Older pages still to load: the count is of the most recent ones.
          html`<p part="summary" class="summary">${translatePlural(locale, this.#nextCursor === undefined ? 'timeline.events' : 'timeline.events-latest', count, undefined, this.formatFor(locale))}</p>`
        : nothing}
      ${this.#renderState(locale, count)}
      <div class="frame">
        <div part="scroller" class="scroller" @scroll=${this.#onScroll}>
          ${count > 0 ? this.#renderList(view, count) : nothing}
        </div>
        ${count > 0 && !this.atLatest ? this.#renderJump(locale) : nothing}
        <div class="probe" aria-hidden="true"></div>
      </div>
      ${this.#renderMore(locale)} ${this.#renderDetails(view)}
      ${this.announce ? html`<div class="visually-hidden" role="status">${this.announcement}</div>` : nothing}
    </div>`;
  }

  #renderState(locale: Locale, count: number): TemplateResult | typeof nothing {
    if (this.phase === 'loading' && count === 0) return this.#renderStatusLine(translate(locale, 'timeline.loading'));
    if (this.phase === 'error') {
      // No such campaign (or message, from a source that says so rather than answering no events): no retry.
      const [message, retry] = loadFailure(locale, this.loadError, this.#kind === 'campaign' ? 'campaign.not-found' : 'badge.not-found', 'timeline.error');
      return this.#renderError(message, retry ? this.#retry : undefined, locale);
    }
    if (this.phase === 'ready' && count === 0) return this.#renderStatusLine(translate(locale, 'timeline.empty'));
    return nothing;
  }

  /** An error as `<campaign-stats>` draws one: a tinted box, its icon beside the first line, a retry button if any. */
  #renderError(message: string, retry: (() => void) | undefined, locale: Locale, more = ''): TemplateResult {
    return html`<div part="error" class="error danger ${more}" role="alert">
      <span class="error-message">${icon('error')}<span>${message}</span></span>
      ${retry ? html`<button part="retry" class="button" type="button" @click=${retry}>${icon('retry')} ${translate(locale, 'timeline.retry')}</button>` : nothing}
    </div>`;
  }

  /**
   * "Loading…", then "No events yet.": one template, so the same status region changes its text and screen readers
   * say the second (a region inserted with its text already in it is not read out).
   */
  #renderStatusLine(text: string): TemplateResult {
    return html`<p part="status" class="status" role="status">${text}</p>`;
  }

  #renderList(view: EntryView, count: number): TemplateResult {
    const h = this.rowHeight;
    // On paper, every loaded row (as many around the window as there are rows): the window would be all it printed.
    const { start, end } = visibleRange(this.scrollPos, this.viewport, h, count, printing ? count : undefined);
    const indexes: number[] = [];
    for (let d = start; d < end; d++) indexes.push(d);
    // The row holding the tab stop stays in the DOM even when scrolled away, so focus is never lost. (A row of the
    // list: the active one's position, or the first.)
    const stop = this.#tabStop();
    if (stop < start) indexes.unshift(stop);
    else if (stop >= end) indexes.push(stop);
    const title = translate(view.locale, this.#kind === 'message' ? 'timeline.title' : 'timeline.campaign-title');
    // (aria-busy and aria-selected: Lit writes a boolean out as "true" or "false".) Sizes through the CSSOM (styleProps), never a style attribute: a page whose CSP has no 'unsafe-inline' in
    // style-src blocks style attributes, and the rows would all stack at the top.
    return html`<div
      part="list"
      class="list"
      role="listbox"
      aria-label=${title}
      aria-busy=${this.phase === 'loading' || this.more === 'loading'}
      style=${styleProps({ height: `${count * h}px` })}
      @keydown=${this.#onKeydown}
      @focusin=${this.#onFocusIn}
      @click=${this.#onClick}
    >
      ${repeat(
        indexes,
        (d) => this.#keyAt(d),
        (d) => this.#renderRow(view, d, count, d === stop),
      )}
    </div>`;
  }

  #renderRow(view: EntryView, d: number, count: number, isStop: boolean): TemplateResult {
    const row = this.#store.rows[this.#chrono(d)]!;
    // (The store of this kind's rows: see #store.)
    const body = this.#kind === 'message' ? renderEventRow(view, row as TimelineRow<CanonicalEvent>) : renderHistoryRow(view, row as TimelineRow<CampaignHistoryEntry>);
    return html`<div
      part="row"
      class="row"
      role="option"
      tabindex=${isStop ? 0 : -1}
      aria-setsize=${count}
      aria-posinset=${d + 1}
      aria-selected=${row.key === this.activeKey}
      aria-details=${ifDefined(row.key === this.activeKey ? 'details' : undefined)}
      data-index=${d}
      style=${styleProps({ top: `${d * this.rowHeight}px` })}
    >
      ${body}
    </div>`;
  }

  #renderJump(locale: Locale): TemplateResult {
    const label = translate(locale, 'timeline.jump-latest');
    return html`<button part="jump-latest" class="button jump ${this.#newestFirst ? 'top' : 'bottom'}" type="button" @click=${this.#onJump}>
      ${label}${this.unseen > 0 ? html` <span class="unseen">(${translatePlural(locale, 'timeline.new-events', this.unseen, undefined, this.formatFor(locale))})</span>` : nothing}
    </button>`;
  }

  #renderMore(locale: Locale): TemplateResult | typeof nothing {
    if (this.#nextCursor === undefined || this.phase !== 'ready') return nothing;
    // Its retry is the older events' button again: loadMore() goes on from an error (the page asked for is still there).
    if (this.more === 'error') {
      return this.#renderError(translate(locale, 'timeline.error', { reason: dataErrorReason(locale, this.moreError) }), this.loadMore, locale, 'more-error');
    }
    // aria-disabled while loading, not disabled: a disabled button would drop the keyboard focus (loadMore() ignores
    // a second press).
    return html`<button part="load-more" class="button more" type="button" aria-disabled=${ifDefined(this.more === 'loading' ? 'true' : undefined)} @click=${this.loadMore}>
      ${translate(locale, this.more === 'loading' ? 'timeline.loading' : 'timeline.load-more')}
    </button>`;
  }

  #renderDetails(view: EntryView): TemplateResult | typeof nothing {
    const row = this.#store.rows[this.#store.indexOf(this.activeKey)];
    if (!row) return nothing;
    return this.#kind === 'message'
      ? renderEventDetails(view, row as TimelineRow<CanonicalEvent>)
      : renderHistoryDetails(view, row as TimelineRow<CampaignHistoryEntry>);
  }
}
