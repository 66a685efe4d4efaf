import { LitElement, css, html, nothing } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { DISPLAY_STATUSES, STATUS_CATEGORIES, statusInfo, type DisplayStatus, type MessageStatus } from '../core/index.js';
import { getDefaultSource, type StatusDataSource } from '../data/index.js';
import { define } from '../elements/shared/define.js';
import type { MetricSelectEvent } from '../elements/campaign-stats/metric-select-event.js';
import type { CampaignMetric } from '../elements/campaign-stats/metrics.js';
import { formatNumber, loadPanelTexts, translate } from '../i18n/index.js';
import { pluralRules } from '../i18n/intl-cache.js';
import { DirectoryError, campaignName, mockDirectory, remoteDirectory, type DemoDirectory, type DemoRow } from './demo-directory.js';
import { demoText, type DemoKey, type DemoLocale } from './demo-messages.js';
import { chosenLocale, chosenTheme, keepChoice, type DemoTheme } from './page-choices.js';

const PAGE = 200;
/** The demo's words for each way its contact directory can fail. */
const DIRECTORY_PROBLEMS = { unreachable: 'unreachable', http: 'notFound', 'not-json': 'notJson', 'not-directory': 'notDirectory' } as const satisfies Record<DirectoryError['kind'], DemoKey>;
/**
 * How often, at most, the table works its filter out again while the campaign's figures change: a change starts the
 * wait, the changes during it join the same refresh (a throttle: a stream of changes refreshes every 2 s, not never).
 */
const FILTER_REFRESH_DELAY = 2000;
/**
 * How long typing in the search field pauses before the count it leaves is said: one count, not one per key typed
 * ("200 of 3,413", "200 of 1,881", "200 of 303"… over the letters themselves).
 */
const SEARCH_PAUSE = 1000;

/**
 * The table's one status filter, whichever control set it: the status select (one status) or a stats indicator
 * (the statuses behind it). The select shows it either way, and so does the chip that clears it.
 */
type StatusFilter = ({ readonly status: DisplayStatus } | { readonly metric: CampaignMetric }) & {
  /** Whether a contact's message in the campaign belongs in the list. */
  readonly matches: (status: MessageStatus) => boolean;
};

/**
 * The demo back-office page: a campaign's stats, a contacts table with one status badge column per campaign,
 * drill-down from an indicator to the matching contacts, and a message's timeline in a side panel.
 */
export class EstafetteDemoAppElement extends LitElement {
  static override styles = css`
    :host { display: block; position: relative; max-width: 1200px; margin: 0 auto; padding: 16px 20px 48px; color: var(--demo-text); }
    header { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: end; justify-content: space-between; margin-bottom: 16px; }
    h1 { font-size: 1.5rem; margin: 0; }
    header p { margin: 4px 0 0; color: var(--demo-muted); }
    .controls { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; }
    label { display: grid; gap: 4px; font-size: 0.85rem; color: var(--demo-muted); }
    select, input[type='search'], button { font: inherit; color: var(--demo-text); background: var(--demo-surface); border: 1px solid var(--demo-border); border-radius: 6px; padding: 6px 10px; }
    select, input[type='search'] { border-color: var(--demo-field-border, var(--demo-border)); }
    button { cursor: pointer; }
    button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid var(--demo-accent); outline-offset: 2px; }
    section, .campaign { background: var(--demo-surface); border: 1px solid var(--demo-border); border-radius: 10px; padding: 16px; margin-bottom: 16px; }
    h2 { font-size: 1.15rem; margin: 0 0 12px; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: end; margin-bottom: 12px; }
    fieldset { border: 1px solid var(--demo-border); border-radius: 6px; padding: 4px 10px 8px; display: flex; gap: 12px; }
    fieldset label { display: flex; gap: 6px; align-items: center; color: inherit; }
    .chip { display: inline-flex; gap: 8px; align-items: center; border: 1px solid var(--demo-accent); border-radius: 999px; padding: 2px 4px 2px 12px; }
    .chip button { border-radius: 999px; padding: 2px 8px; }
    /* A narrow screen scrolls the table, not the page. A shadow at an edge says there is more on that side: the
       covers (the surface's color) scroll with the content and hide the shadow once its end is reached. */
    .table-scroll {
      overflow-x: auto;
      background:
        linear-gradient(to right, var(--demo-surface, Canvas) 40%, transparent) left / 32px 100% no-repeat local,
        linear-gradient(to left, var(--demo-surface, Canvas) 40%, transparent) right / 32px 100% no-repeat local,
        radial-gradient(farthest-side at 0 50%, rgb(0 0 0 / 30%), transparent) left / 12px 100% no-repeat scroll,
        radial-gradient(farthest-side at 100% 50%, rgb(0 0 0 / 30%), transparent) right / 12px 100% no-repeat scroll;
    }
    /* A phone: less margin, and a narrower contact column, so that the statuses start on screen. Its address wraps after
       the @ and before a dot (see breakable); a part longer than the column, only, is cut where it must. */
    @media (max-width: 600px) {
      :host { padding: 12px 8px 32px; }
      section, .campaign { padding: 12px 10px; }
      td:first-child { max-width: 9.5rem; }
      td:first-child .address { overflow-wrap: break-word; }
    }
    /* While a filter's contacts are looked up, the empty table keeps a window's height: the filter is scrolled to the
       top then (see focusAtTop), which a page cut short under it would not let it reach. */
    .table-scroll.finding { min-height: 100dvh; }
    table { width: 100%; border-collapse: collapse; }
    .empty { color: var(--demo-muted); padding: 12px 8px; margin: 0; }
    .problem { color: var(--demo-danger, inherit); }
    th, td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--demo-border); vertical-align: middle; }
    th { font-size: 0.85rem; color: var(--demo-muted); font-weight: 600; }
    td button.contact { border: none; background: none; padding: 0; color: var(--demo-accent); text-decoration: underline; text-align: start; }
    .address { color: var(--demo-muted); font-size: 0.9rem; }
    .hint { margin: 0 0 6px; color: var(--demo-muted); font-size: 0.85rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0; }
    .footer { display: flex; gap: 12px; align-items: center; margin-top: 12px; color: var(--demo-muted); }
    details summary { cursor: pointer; margin-top: 12px; }
    /* A drawer along the inline end, full height. 100%, not 100vw: a modal dialog is sized within the window less a
       classic scrollbar, which 100vw counts (the drawer stuck out past the start edge in Firefox below 732 px). */
    dialog { border: 1px solid var(--demo-border); border-radius: 10px 0 0 10px; background: var(--demo-surface); color: var(--demo-text); width: min(720px, 100%); height: 100dvh; max-height: none; max-width: 100%; padding: 0; margin: 0 0 0 auto; box-sizing: border-box; }
    dialog:dir(rtl) { margin: 0 auto 0 0; border-radius: 0 10px 10px 0; }
    dialog::backdrop { background: rgb(0 0 0 / 40%); }
    .panel { padding: 16px 20px; display: grid; gap: 16px; }
    /* The contact's name and the Close button stay at the top while the timelines scroll under them (a phone). */
    .panel-head { display: flex; flex-wrap: wrap; gap: 12px 24px; justify-content: space-between; align-items: center; position: sticky; top: 0; z-index: 1; margin: -16px -20px 0; padding: 16px 20px 12px; background: var(--demo-surface); border-bottom: 1px solid var(--demo-border); }
    /* Shown when focused: the first stop of the page, past the header and the stats to the 200 rows. */
    .skip { position: absolute; inset-inline-start: 8px; top: 8px; padding: 4px 8px; background: var(--demo-surface); color: var(--demo-accent); }
    .skip:not(:focus) { clip-path: inset(50%); width: 1px; height: 1px; padding: 0; overflow: hidden; white-space: nowrap; }
    .panel h3 { margin: 0 0 8px; font-size: 1rem; }
    /* Sized by its events, scrolling past 420px (the timeline windows its rows). */
    status-timeline { --estafette-timeline-max-height: 420px; }
    /* Paper, with a contact's panel open: the panel alone, full width and as long as its timelines, where the drawer
       covered the page's right side and its backdrop dimmed the rest (demo.css's ::backdrop rule cannot reach it here). */
    @media print {
      dialog::backdrop { background: none; }
      .under-panel, .panel-head button { display: none; }
      dialog { position: absolute; inset: 0 auto auto 0; width: 100%; height: auto; border: 0; border-radius: 0; }
    }
  `;

  @state() private locale: DemoLocale = 'fr';
  // The page's theme: the switch's choice (data-theme on <html>, and ?theme= in the address) once used, else the
  // system's (demo.css follows the same rule, through color-scheme: light dark).
  private readonly systemDark = matchMedia('(prefers-color-scheme: dark)');
  private readonly followSystem = (): void => {
    const chosen = document.documentElement.dataset.theme;
    this.theme = chosen === 'dark' || chosen === 'light' ? chosen : this.systemDark.matches ? 'dark' : 'light';
  };
  @state() private theme: DemoTheme = 'light';
  // A phone: the indicators as a list, a line each, where the grid's single column of cards ran two screens long
  // before the first contact.
  private readonly phone = matchMedia('(max-width: 480px)');
  private readonly followWidth = (): void => {
    this.onPhone = this.phone.matches;
  };
  @state() private onPhone = false;
  @state() private directory: DemoDirectory | undefined;
  @state() private campaignId = '';
  @state() private columns = new Set<string>();
  @state() private filter: StatusFilter | undefined;
  @state() private matching: ReadonlySet<string> | undefined;
  /** The filter's lookup failed (the API is down): said, with a retry, rather than "finding…" forever. */
  @state() private filterFailed = false;
  /**
   * Why the page has nothing to show: the contact list could not be read (retried with `load`), or the mock API did
   * not start (`startFailed`, from main.ts; a reload is the way out). Said, rather than "…" forever.
   */
  @state() private failure: { key: 'loadFailed' | 'startFailed'; reason: unknown } | undefined;
  /** The real API the page reads (?endpoint=), if not the mock one. */
  private readonly endpoint = new URLSearchParams(location.search).get('endpoint');
  @state() private search = '';
  @state() private limit = PAGE;
  @state() private selected: DemoRow | undefined;
  /** The rows the table lists (search and filter applied), worked out once per update. */
  private rows: DemoRow[] = [];
  /**
   * What the page's live region says: the last real change of what the table lists. The count on screen is not a
   * live region, so that a switch of language, which changes its words and nothing else, is not heard again.
   */
  @state() private announcement = '';
  /** The language of `announcement`: after a switch, the old words are dropped from the live region, unheard. */
  private announcedIn: DemoLocale | undefined;
  /** What the table listed when it was last told (or first shown): the change from it is what is said next. */
  private told: { readonly campaignId: string; readonly filter: StatusFilter | undefined; readonly search: string; readonly shown: number; readonly total: number } | undefined;
  /** The count a search left, said once typing pauses (see SEARCH_PAUSE). */
  private sayAfterTyping: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.systemDark.addEventListener('change', this.followSystem);
    // The switches' choices, kept in the address (see page-choices.ts): a reload shows the page as it was left.
    const theme = chosenTheme();
    if (theme) document.documentElement.dataset.theme = theme;
    this.followSystem();
    this.phone.addEventListener('change', this.followWidth);
    this.followWidth();
    // French by default (our first users write French), English when the page says so.
    this.locale = this.closest('[lang]')?.getAttribute('lang')?.startsWith('en') ? 'en' : 'fr';
    const locale = chosenLocale();
    if (locale) this.setLocale(locale, false);
    // The page switches between its two languages: the texts of the stats and timelines (which load with them) are
    // fetched for both, so that a switch shows every text at once.
    void Promise.all([loadPanelTexts('fr'), loadPanelTexts('en')]).then(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.systemDark.removeEventListener('change', this.followSystem);
    this.phone.removeEventListener('change', this.followWidth);
    this.unfollowCampaign();
    clearTimeout(this.sayAfterTyping);
  }

  protected override willUpdate(): void {
    this.rows = this.visibleRows();
    this.tell();
  }

  protected override updated(): void {
    this.followCampaign();
  }

  /**
   * Says a real change of what the table lists, once its count is known: another campaign (named), another filter
   * (with its campaign), or another count (a search, more rows shown, the filter worked out again). A switch of
   * language is none of these: the count on screen follows it, and nothing is said again.
   */
  private tell(): void {
    if (this.announcement && this.announcedIn !== this.locale) this.announcement = '';
    const directory = this.directory;
    const filter = this.filter;
    if (!directory || (filter && !this.matching)) return; // the filter's contacts are not known yet (or could not be read)
    const now = { campaignId: this.campaignId, filter, search: this.search, shown: Math.min(this.limit, this.rows.length), total: this.rows.length };
    const before = this.told;
    this.told = now;
    // The page's first list is what it shows, not news; nothing changed is nothing to say.
    if (!before || (before.campaignId === now.campaignId && before.filter === now.filter && before.shown === now.shown && before.total === now.total)) return;
    const count = now.total === 0 ? this.emptyText() : this.countText(now.shown, now.total);
    const shown = directory.campaigns.find((c) => c.id === now.campaignId);
    const campaign = shown ? campaignName(shown, this.locale) : '';
    const said = before.campaignId !== now.campaignId
      ? this.t('saidCampaign', { campaign, count })
      : filter && before.filter !== filter
        ? this.t('saidFilter', { metric: this.filterLabel(filter), campaign, count })
        : count;
    const locale = this.locale;
    const say = (): void => {
      this.sayAfterTyping = undefined;
      // A switch of language meanwhile: the words are dropped, unheard, as a said count is (the count on screen follows).
      if (this.locale !== locale) return;
      this.announcement = said;
      this.announcedIn = locale;
    };
    clearTimeout(this.sayAfterTyping);
    if (before.search !== now.search && before.campaignId === now.campaignId && before.filter === now.filter) {
      this.sayAfterTyping = setTimeout(say, SEARCH_PAUSE);
    } else {
      say();
    }
  }

  /** Why the table lists no one: nobody matches the search or the filter, or the list itself is empty. */
  private emptyText(): string {
    return this.search.trim() || this.filter ? this.t('noMatch') : this.t('noContacts');
  }

  /** "200 of 5,000 contacts shown", in the page's language. */
  private countText(shown: number, total: number): string {
    return this.t(this.plural(total) === 'one' ? 'shownOne' : 'shown', { shown: formatNumber(this.locale, shown), total: formatNumber(this.locale, total) });
  }

  private following: { readonly id: string; readonly source: StatusDataSource; readonly stop: () => void } | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * The live figures of the campaign shown: when they change, a filter in force is worked out again (2 s later, once
   * for the changes of those 2 s), so that the table keeps listing the contacts behind the indicator's number as
   * statuses progress, not those of the moment it was clicked. The wait is not restarted by each change: the mock's
   * replay sends them faster than that, and a restarted wait never ended.
   */
  private followCampaign(): void {
    const source = this.isConnected ? getDefaultSource() : undefined;
    const id = this.campaignId;
    if (this.following?.id === id && this.following.source === source) return;
    this.unfollowCampaign();
    if (!source?.subscribe || !id) return;
    const stop = source.subscribe({ kind: 'campaign', id }, (update) => {
      if (update.type !== 'campaign-stats' || !this.filter || !this.matching || this.refreshTimer !== undefined) return;
      this.refreshTimer = setTimeout(() => {
        this.refreshTimer = undefined;
        void this.refreshFilter();
      }, FILTER_REFRESH_DELAY);
    });
    this.following = { id, source, stop };
  }

  private unfollowCampaign(): void {
    this.following?.stop();
    this.following = undefined;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
  }

  /** The filter in force, worked out again quietly: the rows change, the focus and what is shown stay. */
  private async refreshFilter(): Promise<void> {
    const filter = this.filter;
    if (!filter || !this.matching) return;
    const keep = await this.matchingOf(filter).catch(() => undefined); // a failed refresh keeps the list it had
    if (keep && this.filter === filter && this.matching) this.matching = keep;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'ready'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'ready' && value !== null && !this.directory) void this.load();
  }

  private async load(): Promise<void> {
    const params = new URLSearchParams(location.search);
    const remote = params.get('directory');
    // A failure stays on screen while the list is asked for again, so that its button keeps the focus.
    const retry = this.failure !== undefined;
    try {
      this.directory = remote ? await remoteDirectory(remote) : await mockDirectory();
    } catch (error) {
      console.error('demo: the contact list could not be loaded', error);
      this.failure = { key: 'loadFailed', reason: error };
      return;
    }
    this.failure = undefined;
    // The retry button is gone with the failure: focus goes to the page's heading.
    if (retry) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('h1')?.focus());
    this.campaignId = this.directory.campaigns[0]?.id ?? '';
    this.columns = new Set(this.directory.campaigns.map((c) => c.id));
  }

  /** A failure in the page's language: a directory's in our words (an unreachable one too), anything else in its own. */
  private reasonOf(error: unknown): string {
    if (error instanceof DirectoryError) {
      return this.t(DIRECTORY_PROBLEMS[error.kind], { url: error.url, status: error.status ?? '' });
    }
    return error instanceof Error ? error.message : String(error);
  }

  /** Says that the mock API did not start (main.ts calls it instead of setting `ready`). */
  startFailed(error: unknown): void {
    this.failure = { key: 'startFailed', reason: error };
  }

  /** The plural category of `count` in the page's language (French says "0 contact", English "0 contacts"). */
  private plural(count: number): Intl.LDMLPluralRule {
    return pluralRules(this.locale).select(count);
  }

  private t(key: DemoKey, params?: Record<string, string | number>): string {
    return demoText(this.locale, key, params);
  }

  /** Switches the page's language; `keep`: in the address too (not when it came from there). */
  private setLocale(locale: DemoLocale, keep = true): void {
    this.locale = locale;
    // The elements follow the closest [lang]: the whole page switches at once.
    document.documentElement.lang = locale;
    // The tab's title too (index.html's is French), or an English page keeps a French name in the tab and history.
    document.title = this.t('pageTitle');
    if (this.hasAttribute('lang')) this.lang = locale;
    if (keep) keepChoice('lang', locale);
  }

  private setTheme(theme: DemoTheme): void {
    this.theme = theme;
    document.documentElement.dataset.theme = theme;
    keepChoice('theme', theme);
  }

  /** Keeps the rows whose message in the filter's campaign has one of the filter's statuses, as the data source says. */
  private async applyFilter(filter: StatusFilter | undefined): Promise<void> {
    this.filter = filter;
    this.matching = undefined;
    this.filterFailed = false;
    this.limit = PAGE;
    if (!filter || !getDefaultSource() || !this.directory) return;
    let keep: Set<string>;
    try {
      keep = await this.matchingOf(filter);
    } catch (error) {
      if (this.filter !== filter) return;
      console.warn('demo: the status filter could not read the statuses', error);
      this.filterFailed = true;
      return;
    }
    if (this.filter !== filter) return; // a newer filter came meanwhile
    this.matching = keep;
  }

  /** The message ids of the campaign shown whose status the filter keeps, as the data source says now. */
  private async matchingOf(filter: StatusFilter): Promise<Set<string>> {
    const source = getDefaultSource();
    if (!source || !this.directory) return new Set();
    const ids = this.directory.rows.map((row) => row.messages[this.campaignId]).filter((id): id is string => id !== undefined);
    const statuses: Map<string, MessageStatus> = await source.getMessages(ids);
    const keep = new Set<string>();
    for (const [id, status] of statuses) if (filter.matches(status)) keep.add(id);
    return keep;
  }

  private onMetricSelect(event: MetricSelectEvent): void {
    // The indicator already listed, pressed again: the table lists everyone again.
    if (event.detail.unselect) return this.clearFilter();
    // The exact contacts behind the number (a message opened, then unsubscribed, counts as opened).
    void this.applyFilter({ metric: event.metric, matches: (status) => event.matches(status) });
    // The answer is in the table below the stats: focus moves to the filter that now shows the indicator, brought
    // into view with the table under it (the pressed indicator is left behind, off screen on a phone).
    void this.updateComplete.then(() => this.focusStatusFilter());
  }

  private clearFilter(): void {
    void this.applyFilter(undefined);
    // The chip and its button are gone: focus goes to the filter, which now says "all statuses".
    void this.updateComplete.then(() => this.focusStatusFilter());
  }

  /** The retry button goes while the filter loads again: focus moves to the filter it retries, not to the page. */
  private retryFilter(filter: StatusFilter): void {
    void this.applyFilter(filter);
    void this.updateComplete.then(() => this.focusStatusFilter());
  }

  private focusStatusFilter(): void {
    this.focusAtTop('select.status-filter');
  }

  /** The skip link: its target is in this shadow root, where a fragment URL cannot reach it. */
  private readonly skipToContacts = (event: Event): void => {
    event.preventDefault();
    this.focusAtTop('#contacts-title');
  };

  /**
   * Focuses what `selector` finds and scrolls it to the top of the window, with what follows it under it: a field
   * with its label above it (a field alone at the top lost its name and the top of its focus ring off screen).
   */
  private focusAtTop(selector: string): void {
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    target?.focus({ preventScroll: true });
    (target?.closest('label') ?? target)?.scrollIntoView({ block: 'start' });
  }

  private showMore(): void {
    const first = this.limit;
    this.limit += PAGE;
    // Focus goes to the first contact added, rather than staying on a button pushed far below.
    void this.updateComplete.then(() => this.renderRoot.querySelectorAll<HTMLButtonElement>('tbody button.contact')[first]?.focus());
  }

  private onStatusFilter(value: string): void {
    if (value === 'indicator') return; // the indicator's own filter, already on
    if (!value) return void this.applyFilter(undefined);
    const status = value as DisplayStatus;
    void this.applyFilter({ status, matches: (message) => message.display === status });
  }

  /**
   * One tab stop per row, its contact: the ← and → arrows move along the row, to its badges (out of the Tab order,
   * `tabindex="-1"`; focusing one opens its explanation) and back. Hundreds of rows times three stops made the
   * page's end hard to reach by keyboard.
   */
  private onRowKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const target = event.target as HTMLElement;
    const stops = [...(target.closest('tr')?.querySelectorAll<HTMLElement>('button.contact, email-status-badge') ?? [])];
    const at = stops.indexOf(target);
    const next = at < 0 ? undefined : stops[at + (event.key === 'ArrowRight' ? 1 : -1)];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  /** The filter's words, in the page's language of the moment. */
  private filterLabel(filter: StatusFilter): string {
    // An indicator's name is a text of campaign-stats, fetched for both languages when the page connects.
    return 'status' in filter ? translate(this.locale, `status.${filter.status}.label`) : translate(this.locale, `metric.${filter.metric}.label`);
  }

  private visibleRows(): DemoRow[] {
    const rows = this.directory?.rows ?? [];
    const query = searchable(this.search.trim());
    return rows.filter((row) => {
      if (query && !searchTextOf(row).includes(query)) return false;
      if (this.filter) {
        const id = row.messages[this.campaignId];
        return id !== undefined && this.matching !== undefined && this.matching.has(id);
      }
      return true;
    });
  }

  private openPanel(row: DemoRow): void {
    this.selected = row;
    void this.updateComplete.then(() => this.renderRoot.querySelector('dialog')?.showModal());
  }

  /**
   * A click on the dimmed page beside the drawer closes it, as a side panel does (Escape and its button too). The
   * backdrop is the dialog's own: a click there targets the dialog, from outside its box (a click on the drawer's
   * empty end targets it too, from inside).
   */
  private onDialogClick(event: MouseEvent): void {
    const dialog = event.currentTarget as HTMLDialogElement;
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    if (!inside) dialog.close();
  }

  /**
   * The page's heading and switches, drawn whatever the state: a page that could not load its contacts still
   * switches language. The skip link is its first stop, inside the banner (axe wants every content in a landmark).
   */
  private renderHeader(directory: DemoDirectory | undefined) {
    // Under an open contact panel: left out in print (see .under-panel).
    return html`
      <header class=${this.selected ? 'under-panel' : ''}>
        ${directory ? html`<a class="skip" href="#contacts-title" @click=${this.skipToContacts}>${this.t('skip')}</a>` : nothing}
        <div>
          <h1 tabindex="-1">Estafette · ${this.t('title')}</h1>
          <p>${this.endpoint ? this.t('subtitleRemote', { endpoint: this.endpoint }) : this.t('subtitle')}</p>
        </div>
        <div class="controls">
          ${directory ? html`<label>${this.t('campaign')}
            <select @change=${(e: Event) => { this.campaignId = (e.target as HTMLSelectElement).value; void this.applyFilter(undefined); }}>
              ${directory.campaigns.map((c) => html`<option value=${c.id} ?selected=${c.id === this.campaignId}>${campaignName(c, this.locale)}</option>`)}
            </select>
          </label>` : nothing}
          <label>${this.t('language')}
            <select @change=${(e: Event) => this.setLocale((e.target as HTMLSelectElement).value as DemoLocale)}>
              <option value="fr" ?selected=${this.locale === 'fr'}>Français</option>
              <option value="en" ?selected=${this.locale === 'en'}>English</option>
            </select>
          </label>
          <label>${this.t('theme')}
            <select @change=${(e: Event) => this.setTheme((e.target as HTMLSelectElement).value as DemoTheme)}>
              <option value="light" ?selected=${this.theme === 'light'}>${this.t('light')}</option>
              <option value="dark" ?selected=${this.theme === 'dark'}>${this.t('dark')}</option>
            </select>
          </label>
        </div>
      </header>
    `;
  }

  override render() {
    const directory = this.directory;
    if (!directory) {
      const failure = this.failure;
      if (!failure) return html`${this.renderHeader(undefined)}<main><p role="status">${this.t('loading')}</p></main>`;
      const again = failure.key === 'startFailed'
        ? html`<button @click=${() => location.reload()}>${this.t('reload')}</button>`
        : html`<button @click=${() => this.load()}>${this.t('retry')}</button>`;
      return html`${this.renderHeader(undefined)}
        <main><p class="problem" role="alert">${this.t(failure.key, { reason: this.reasonOf(failure.reason) })} ${again}</p></main>`;
    }
    const campaign = directory.campaigns.find((c) => c.id === this.campaignId);
    const shownCampaigns = directory.campaigns.filter((c) => this.columns.has(c.id));
    const rows = this.rows;
    const filter = this.filter;
    return html`
      ${this.renderHeader(directory)}

      <main class=${this.selected ? 'under-panel' : ''}>
      <div class="campaign">
        <campaign-stats campaign-id=${this.campaignId} .campaignName=${campaign ? campaignName(campaign, this.locale) : undefined} .channel=${campaign?.channel} layout=${this.onPhone ? 'list' : 'grid'} announce .selected=${this.filter && 'metric' in this.filter ? this.filter.metric : undefined}
          @metric-select=${this.onMetricSelect}></campaign-stats>
        <details>
          <summary>${this.t('campaignHistory')}</summary>
          <status-timeline campaign-id=${this.campaignId} compact></status-timeline>
        </details>
      </div>

      <section aria-labelledby="contacts-title">
        <h2 id="contacts-title" tabindex="-1">${this.t('contacts')}</h2>
        <div class="toolbar">
          <label>${this.t('search')}
            <input type="search" .value=${this.search} @input=${(e: Event) => { this.search = (e.target as HTMLInputElement).value; this.limit = PAGE; }} />
          </label>
          <label>${this.t('filter')}
            <select class="status-filter" @change=${(e: Event) => this.onStatusFilter((e.target as HTMLSelectElement).value)}>
              <option value="" .selected=${!this.filter}>${this.t('all')}</option>
              ${STATUS_CATEGORIES.map((category) => {
                // The statuses of the campaign's channel: no "Opened" or "Reported as spam" to pick for an SMS campaign.
                const statuses = DISPLAY_STATUSES.filter((s) => statusInfo(s).category === category && (!campaign || statusInfo(s).channels.includes(campaign.channel)));
                return statuses.length ? html`<optgroup label=${capitalize(translate(this.locale, `category.${category}`))}>
                  ${statuses.map((s) => html`<option value=${s} .selected=${filter !== undefined && 'status' in filter && filter.status === s}>${translate(this.locale, `status.${s}.label`)}</option>`)}
                </optgroup>` : nothing;
              })}
              ${filter && 'metric' in filter ? html`<option value="indicator" .selected=${true}>${this.t('indicator', { metric: this.filterLabel(filter) })}</option>` : nothing}
            </select>
          </label>
          <fieldset>
            <legend>${this.t('columns')}</legend>
            ${directory.campaigns.map((c) => html`<label><input type="checkbox" .checked=${this.columns.has(c.id)} @change=${(e: Event) => {
              const next = new Set(this.columns);
              if ((e.target as HTMLInputElement).checked) next.add(c.id); else next.delete(c.id);
              this.columns = next;
            }} />${campaignName(c, this.locale)}</label>`)}
          </fieldset>
          ${filter ? html`<span class="chip">${this.t('filtered', { metric: this.filterLabel(filter), campaign: campaign ? campaignName(campaign, this.locale) : '' })}
            <button @click=${() => this.clearFilter()}>${this.t('clear')}</button></span>` : nothing}
        </div>
        ${filter && this.filterFailed
          ? html`<p class="problem" role="alert">${this.t('filterFailed')} <button @click=${() => this.retryFilter(filter)}>${this.t('retry')}</button></p>`
          : filter && !this.matching ? html`<p role="status">${this.t('loadingFilter')}</p>` : nothing}
        <p id="row-keys" class="hint">${this.t('rowKeys')}</p>
        <div class=${filter && !this.matching && !this.filterFailed ? 'table-scroll finding' : 'table-scroll'}>
          <table aria-labelledby="contacts-title" aria-describedby="row-keys" @keydown=${this.onRowKeydown}>
            <thead><tr><th scope="col">${this.t('name')}</th>${shownCampaigns.map((c) => html`<th scope="col">${campaignName(c, this.locale)}</th>`)}</tr></thead>
            <tbody>
              ${repeat(rows.slice(0, this.limit), (row) => row.key, (row) => html`<tr>
                <td><button class="contact" @click=${() => this.openPanel(row)}>${row.name}</button><div class="address">${breakable(row.address)}</div></td>
                ${shownCampaigns.map((c) => html`<td>${row.messages[c.id]
                  ? html`<email-status-badge message-id=${row.messages[c.id]!} channel=${c.channel} size="small" tabindex="-1"></email-status-badge>`
                  : html`<span class="address">—</span>`}</td>`)}
              </tr>`)}
            </tbody>
          </table>
          ${rows.length === 0 && (!filter || this.matching) ? html`<p class="empty">${this.emptyText()}</p>` : nothing}
        </div>
        <div class="footer">
          <span class="count">${(filter && !this.matching) || rows.length === 0
            ? nothing /* the filter's contacts are not known yet (or could not be read), or there are none (said above): no "0 of 0" */
            : this.countText(Math.min(this.limit, rows.length), rows.length)}</span>
          ${rows.length > this.limit ? html`<button @click=${() => this.showMore()}>${this.t('showMore')}</button>` : nothing}
        </div>
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </section>
      </main>

      <dialog aria-label=${this.selected ? `${this.t('history')} · ${this.selected.name}` : this.t('history')} @close=${() => { this.selected = undefined; }}
        @click=${this.onDialogClick}>
        ${this.selected ? html`<div class="panel">
          <div class="panel-head"><h2>${this.selected.name}</h2><button @click=${() => this.renderRoot.querySelector('dialog')?.close()}>${this.t('close')}</button></div>
          ${directory.campaigns.map((c) => html`<div>
            <h3>${campaignName(c, this.locale)}</h3>
            ${this.selected!.messages[c.id] ? html`<status-timeline message-id=${this.selected!.messages[c.id]!} announce></status-timeline>` : html`<p>${this.t('noMessage')}</p>`}
          </div>`)}
        </div>` : nothing}
      </dialog>
    `;
  }
}

define('estafette-demo-app', EstafetteDemoAppElement);

declare global {
  interface HTMLElementTagNameMap {
    'estafette-demo-app': EstafetteDemoAppElement;
  }
}

/** A label with its first letter in capitals ("échec" → "Échec"), for the status select's groups. */
function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/**
 * An address with its line-break points, as addresses are written on two lines: after the @ and before each dot
 * ("anais.leroy14@" / "outlook.fr"), rather than mid-word. The text stays the same (copy, search, screen readers).
 */
function breakable(address: string) {
  return address.split(/(?<=@)|(?=\.)/).map((part, index) => (index === 0 ? part : html`<wbr>${part}`));
}

/** Text as the search compares it: without accents, whatever their encoding ("Hélène", "He\u0301le\u0300ne" and "helene" match). */
function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

const searchTexts = new WeakMap<DemoRow, string>();

/** A row's name and address as the search compares them: worked out once per row, not at every key typed. */
function searchTextOf(row: DemoRow): string {
  let text = searchTexts.get(row);
  if (text === undefined) searchTexts.set(row, (text = searchable(`${row.name}\n${row.address}`)));
  return text;
}
