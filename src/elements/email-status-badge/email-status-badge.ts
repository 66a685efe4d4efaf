import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { isDisplayStatus, isFailureReason, statusInfo, type DisplayStatus, type MessageStatus, type StatusCategory } from '../../core/index.js';
import { DataSourceError } from '../../data/errors.js';
import { warnOnce } from '../../data/warn-once.js';
import type { StatusDataSource } from '../../data/source.js';
// In this order for the CDN file: the bundler lays modules out as it first meets them, and this layout compresses
// best (0.15 KB gzipped less than the order before it). It changes nothing else: each module still loads after what it
// imports, and none of them does anything on load that another one reads.
import { directionOf, explanation, formatDateTime, formatRelativeTime, statusExplanation, translate, type Locale, type MessageParams } from '../../i18n/index.js';
import { text } from '../shared/text.js';
import { loadProviderWords, providerWordsSettled } from './provider-words.js';
import { explanationsPending, LocalizedElement } from '../shared/localized-element.js';
import { isolatedMessage } from '../shared/isolated-message.js';
import { TOOLTIP_HOST, TooltipController, installTooltipListeners, type TooltipHost } from '../shared/tooltip-controller.js';
import { dataErrorReason } from '../shared/data-error.js';
import { tokenStyles } from '../../styles/tokens.js';
import { tooltipStyles } from '../shared/tooltip.styles.js';
import { badgeStyles } from './email-status-badge.styles.js';
import { timeText } from '../shared/time-text.js';
import { ICON_PATHS } from '../shared/icons.js';
import { modelFromAttributes, modelFromStatus, type BadgeModel } from './badge-model.js';
import { providerName } from '../../providers/names.js';
import { MessageLoader, followedId, type LoadState } from './message-loader.js';
import { StatusChangeEvent } from '../shared/events.js';
import { oneOf } from '../shared/one-of.js';
// The event it fires, exported with it: importing the element also brings `addEventListener('status-change', …)`'s
// typing (the event map lives in that module).
export { StatusChangeEvent } from '../shared/events.js';

/** Sizes of the badge. */
export type BadgeSize = 'small' | 'medium';
/** How the badge draws its status: a pill with icon and label, a colored dot and label, or the icon alone. */
export type BadgeAppearance = 'pill' | 'dot' | 'icon-only';

const IDLE: LoadState = { kind: 'idle' };
/** The tooltip's "Trying again automatically." line, in the badge's own shadow root. */
const RETRYING_ID = 'tooltip-retrying';
/**
 * With a status, what describes the badge: the channel on the tooltip's first line and everything under it, not
 * the status name before the channel, which is the badge's own name already.
 */
const STATUS_DESCRIPTION = 'tooltip-channel tooltip-body';

const APPEARANCES: readonly BadgeAppearance[] = ['pill', 'dot', 'icon-only'];
const SIZES: readonly BadgeSize[] = ['small', 'medium'];

/** What one render shows; kept for the tooltip, which is rendered from the same data. */
interface View {
  readonly locale: Locale;
  readonly load: LoadState;
  /** The status shown, when there is one (loaded, `.value` or attributes). */
  readonly model: BadgeModel | undefined;
  readonly label: string;
  readonly name: string;
}

/**
 * One message's delivery status, explained: a label, an icon and a color by category (never color alone), and a
 * tooltip that says, in the reader's language, what the status means and what it does not, why a message failed
 * (with the raw code and diagnostic as plain text), when it last changed, and whether it may still change.
 *
 * Give it a status as attributes (`status`, or `status` + `provider` with the provider's own word), a whole
 * `MessageStatus` as `.value`, or a `message-id` to look the status up through the data source (batched with
 * every other badge on the page) and follow its live updates.
 *
 * Built for a table column: a few shadow nodes per badge (the icon is one path in the badge's own template), one
 * shared stylesheet, cached `Intl` formatters; a badge given its status as attributes creates no data-source
 * machinery, and no badge creates its tooltip before someone hovers, focuses or taps it.
 *
 * Accessibility: the badge is one focusable `role="img"` whose accessible name is the status label (or the provider's
 * word for an unknown status; "Unavailable" followed by the reason when there is no status to show); its tooltip
 * (`role="tooltip"`) becomes its `aria-describedby` description when created, on first focus or hover, without what
 * the name says already: the status name at its start, or, without a status, all but "Trying again automatically.".
 * Escape closes the tooltip; one longer than the room it has scrolls with the arrow keys, Page Up/Down, Home and End
 * while the badge has focus. There is no live region unless `announce` is set. In a big table, `tabindex="-1"` on the
 * element takes it out of the Tab order; `focus()` still reaches the badge inside and opens its tooltip (for a page's
 * own arrow-key navigation).
 *
 * Theming: colors are `light-dark()` pairs following the inherited `color-scheme` (set `color-scheme: light dark`
 * on the page to follow the system, or `dark`/`light` on any ancestor to force one); every color is a
 * `--estafette-*` custom property, and forced-colors mode swaps them for system colors with a visible outline.
 *
 * @tagname email-status-badge
 * @summary The delivery status of one email or SMS, with an explanatory tooltip.
 *
 * @attribute lang - The language of the texts (`fr`, `en`, `de`, `es`, `it`, `nl`, or one added with `addMessages()`; regional tags such as `fr-CA` work). Inherited from the closest ancestor with `lang`, else `<html lang>`, else the browser's languages; English for languages not shipped.
 *
 * @fires {StatusChangeEvent} status-change - The message's display status changed after the first load: a live update, or a lookup again (`retry()`, back on the page); not for the first status of a message the source did not know at first (`messageId`, `oldStatus`, `newStatus`, `status`, `previous`). Bubbles, composed.
 *
 * @csspart badge - The focusable badge (`role="img"`): border, background, padding, focus ring. While a `message-id` loads, the badge alone is the placeholder: its background paints a dimmed disc and bar.
 * @csspart icon - The status icon (an inline SVG drawn with `currentColor`); the dot in `appearance="dot"`. Not shown while a `message-id` loads (absent, or hidden when the badge had a status before).
 * @csspart label - The status label text. Not shown while a `message-id` loads (absent, or hidden when the badge had a status before).
 * @csspart tooltip - The explanatory tooltip, in the top layer; created on first use.
 *
 * @cssprop --estafette-tooltip-bg - Tooltip background.
 * @cssprop --estafette-tooltip-fg - Tooltip text color.
 * @cssprop --estafette-tooltip-muted - Tooltip secondary text color (headings, times).
 * @cssprop --estafette-tooltip-border - Tooltip border color.
 * @cssprop --estafette-tooltip-max-width - Widest the tooltip gets (default 22rem, never wider than the viewport).
 * @cssprop --estafette-tooltip-font-size - Tooltip text size (default 0.8125rem).
 * @cssprop --estafette-tooltip-radius - Tooltip corner radius (default 6px).
 * @cssprop --estafette-badge-font-size - Text size of a medium badge (default 0.8125rem); the badge scales with it.
 * @cssprop --estafette-badge-font-size-small - Text size of a small badge (default 0.75rem).
 * @cssprop --estafette-badge-radius - Badge corner radius (default: fully rounded).
 * @cssprop --estafette-badge-placeholder-width - Width reserved while a `message-id` loads, kept once loaded (default 6.5em).
 */
export class EmailStatusBadgeElement extends LocalizedElement implements TooltipHost {
  static override styles = [tokenStyles, tooltipStyles, badgeStyles];
  /** `badge.focus()` focuses the badge inside (its tooltip opens), for pages that move focus themselves. */
  static override shadowRootOptions: ShadowRootInit = { ...LocalizedElement.shadowRootOptions, delegatesFocus: true };

  /**
   * The status: one of Estafette's display statuses (`delivered`, `soft-bounced`, `opened`, ...); with `provider`,
   * the provider's own status word (`hard_bounce`, `undelivered`, `softbounced`...). Anything not understood
   * shows as "unknown" with the word itself as the label; no status at all (absent or blank) shows "No status", and
   * its tooltip says none was given yet. Ignored once a `message-id` has loaded. A back-office's own label
   * (`Délivré`, `Quarantaine`, `Crédits épuisés`) is not a status word: turn it into one with `mapLabel` from
   * `estafette/providers` (`labelMeaning` gives the reason too, for `reason`).
   */
  @property() status: string | undefined;

  /** The provider `status` comes from (`sendgrid`, `mailjet`, `brevo`, `twilio`...), to map its raw word. */
  @property() provider: string | undefined;

  /** Id of the message to look up through the data source and follow live. */
  @property({ attribute: 'message-id' }) messageId: string | undefined;

  /** `email` or `sms`. Default: `sms` with a provider that sends only SMS (`twilio`, `vonage`), else `email`. */
  @property() channel: 'email' | 'sms' | undefined;

  /** Why the message failed, was deferred or held: a failure reason id (`mailbox-full`...), or any text (shown as text). */
  @property() reason: string | undefined;

  /** The SMTP or provider code (`550 5.1.1`), shown as plain text. */
  @property() code: string | undefined;

  /** The diagnostic text from the provider or the receiving server, shown as plain text. */
  @property() detail: string | undefined;

  /** When the status last changed, ISO 8601. Shown relative ("5 minutes ago") with the absolute date. */
  @property({ attribute: 'updated-at' }) updatedAt: string | undefined;

  /** The open (or click) was made by a machine (privacy proxy, security scanner), not a person. Ignored for other statuses. */
  @property({ type: Boolean }) automated = false;

  /**
   * A whole `MessageStatus` (from `reduceEvents` or your own API). Wins over the status attributes; a loaded
   * `message-id` wins over it.
   */
  @property({ attribute: false }) value: MessageStatus | undefined;

  /** The data source for `message-id`; by default the closest `<status-source>`, else the page default (`setDefaultSource`). */
  @property({ attribute: false }) source: StatusDataSource | undefined;

  /**
   * `medium` (default) or `small`. A small badge is drawn 20 px tall (with the default text size) and takes a pointer
   * or a finger within 24 × 24 px around its center (WCAG 2.2, 2.5.8), its box unchanged.
   */
  @property() size: BadgeSize = 'medium';

  /** `pill` (default), `dot`, or `icon-only` (the label stays the accessible name and is in the tooltip). */
  @property() appearance: BadgeAppearance = 'pill';

  /**
   * Announce live status changes to screen readers (a polite live region). Off by default: a table of badges must
   * not chatter. Turn it on for a single message the user is watching.
   */
  @property({ type: Boolean }) announce = false;

  /** The polite live region of `announce`: outside the template, so that badges without it carry no part for it. */
  #liveRegion: HTMLElement | undefined;

  #loader: MessageLoader | undefined;
  #tooltip: TooltipController | undefined;
  #view: View | undefined;
  /** The status shown by the last update, for `announce`. */
  #shownStatus: DisplayStatus | undefined;
  /** Whether this badge renders its icon and label as a nested template: it had a `message-id` when first drawn. */
  #following: boolean | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Its own root: in a page's shadow root, the document does not hear hover and focus moves within that root.
    installTooltipListeners(this.getRootNode() as Document | ShadowRoot);
  }

  /** Looks the message up again now (after an error, say). Does nothing without a `message-id`. */
  retry(): void {
    this.#loader?.retry();
  }

  /**
   * Opens the explanatory tooltip, as keyboard focus does. Resolves once it shows and has faded in (the first time,
   * the explanations may still be loading): a page may then measure it, check it or take a screenshot. Called on a
   * badge just created, it waits for the badge's first render.
   */
  async showTooltip(): Promise<void> {
    if (!this.hasUpdated) await this.updateComplete;
    return this[TOOLTIP_HOST]().show();
  }

  /** Closes the explanatory tooltip. */
  hideTooltip(): void {
    this.#tooltip?.hide();
  }

  /** @internal The shared tooltip listeners ask for the controller on first hover, focus or tap. */
  [TOOLTIP_HOST](): TooltipController {
    this.#tooltip ??= new TooltipController(this, {
      trigger: () => this.renderRoot?.querySelector<HTMLElement>('[part~="badge"]'),
      content: () => this.#tooltipContent(),
      lang: () => this.#view?.locale,
      // The explanations load on demand (usually long before: prefetched at the first update); the tooltip opens
      // with them.
      ready: () => explanationsPending(this.#view?.locale ?? this.locale),
      // Only what the name does not say already: with a status, all but the status name that opens the tooltip;
      // without, the tooltip says what the name says ("Loading the status…", why it is unavailable), and only the
      // retry line adds to it.
      describedBy: () => {
        if (this.#view?.model) return STATUS_DESCRIPTION;
        const load = this.#view?.load;
        return load === undefined ? undefined : load.kind === 'error' && load.retrying ? RETRYING_ID : '';
      },
    });
    return this.#tooltip;
  }

  protected override scheduleUpdate(): void | Promise<unknown> {
    // A provider's word is mapped once its tables have loaded: no flash of "unknown" before.
    if (this.provider && this.status && !providerWordsSettled()) return loadProviderWords().then(() => this.scheduleUpdate());
    return super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Shown as unknown, or without its time: said, so that a page's wrong input is not lost without a word.
    const display: unknown = (this.value as Partial<MessageStatus> | undefined)?.display;
    if (changed.has('value') && this.value != null && !isDisplayStatus(display)) {
      // Named without JSON.stringify, which throws on a BigInt or a cycle.
      warnOnce(`<email-status-badge> .value has no display status (${typeof display === 'string' ? `"${display}"` : display === undefined ? 'none' : `of type ${typeof display}`}); shown as unknown. Give it a MessageStatus (reduceEvents() makes one).`);
    }
    if (changed.has('updatedAt')) {
      const at = timeText(this.updatedAt);
      if (at !== undefined && Number.isNaN(Date.parse(at))) warnOnce(`<email-status-badge> updated-at ${JSON.stringify(at)} is not a date; the tooltip says "unknown date".`);
    }
    // Data machinery only for badges that follow a message.
    if (changed.has('messageId') && followedId(this) && !this.#loader) {
      this.#loader = new MessageLoader(this, (previous, next) => {
        // Through a variable: the manifest's analyzer reads dispatchEvent(new X(a, ...)) as an event named a.
        const event = new StatusChangeEvent(previous, next);
        this.dispatchEvent(event);
      });
    }
  }

  protected override render(): TemplateResult {
    const view = (this.#view = this.#compute());
    const { load, model } = view;
    let category: StatusCategory = 'neutral';
    let icon: string | undefined = ICON_PATHS.unavailable;
    let stateClass = '';
    let loading = false;
    if (model) {
      category = model.info.category;
      icon = ICON_PATHS[model.info.icon];
      if (model.automated) stateClass = ' automated';
    } else if (load.kind === 'loading') {
      loading = true;
      icon = undefined;
      stateClass = ' loading';
    } else {
      stateClass = ' error';
    }
    if (load.kind !== 'idle') stateClass += ' reserved';
    const appearance = oneOf('email-status-badge', 'appearance', this.appearance, APPEARANCES, 'pill');
    const cls = `badge ${category} ${appearance}${oneOf('email-status-badge', 'size', this.size, SIZES, 'medium') == 'small' ? ' small' : ''}${stateClass}`;
    // No whitespace between tags: every text node would be cloned into each of thousands of badges. The label is a
    // property binding, and the live region of `announce` is not in the template (see updated()): 7 nodes per badge,
    // host included, against 10 with a child part for each (marker comments).
    // A badge following a message draws its icon and label only once there is something to show: its loading
    // placeholder is the badge box alone, painted by its background (a column of 10,000 loads about 15% faster,
    // npm run bench, scenario 2; measured A/B in one browser: 1.62-1.65x scenario 1, against 1.85x for the flat
    // template with its icon and label hidden while loading, and 2.0x before). The badge box stays the same element
    // throughout, so focus, the tooltip and its aria-describedby survive the status arriving. A badge that was first
    // drawn from attributes keeps its one flat template (the fastest to create); should it be given a message-id
    // later, its stylesheet hides the icon and label while it loads.
    this.#following ??= !!followedId(this);
    if (this.#following) {
      const content = loading ? nothing : this.#content(icon, view.label);
      return html`<span part="badge" class=${cls} role="img" tabindex="0" aria-label=${view.name} lang=${view.locale} dir=${directionOf(view.locale)}>${content}</span>`;
    }
    return html`<span part="badge" class=${cls} role="img" tabindex="0" aria-label=${view.name} lang=${view.locale} dir=${directionOf(view.locale)}><svg part="icon" viewBox="0 0 16 16" aria-hidden="true"><path d=${icon ?? nothing}></path></svg><span part="label" .textContent=${view.label}></span></span>`;
  }

  /** The icon and the label, for a badge following a message (the same nodes as the flat template's). */
  #content(icon: string | undefined, label: string): TemplateResult {
    return html`<svg part="icon" viewBox="0 0 16 16" aria-hidden="true"><path d=${icon ?? nothing}></path></svg><span part="label" .textContent=${label}></span>`;
  }

  /** What to show: a loaded status first, then `.value`, then the attributes; else the loading or error state. */
  #compute(): View {
    const locale = this.locale;
    const load: LoadState = followedId(this) && this.#loader ? this.#loader.state : IDLE;
    // While a lookup runs or after it failed, a status the page gave is still worth showing.
    const given = this.value !== undefined || text(this.status) !== undefined; // blank is none, as for the model
    const model =
      load.kind === 'ready'
        ? modelFromStatus(load.status)
        : load.kind === 'idle' || given
          ? this.value
            ? modelFromStatus(this.value)
            : modelFromAttributes(this)
          : undefined;
    const t = (key: string, params?: MessageParams) => translate(locale, key, params);
    if (model) {
      const label = model.missing
        ? t('badge.no-status-label')
        : model.status === 'unknown' && model.raw !== undefined
          ? model.raw
          : t(model.info.keys.label);
      const name = model.status === 'unknown' && model.raw !== undefined ? t('common.unknown-value', { raw: model.raw }) : label;
      return { locale, load, model, label, name };
    }
    if (load.kind === 'loading') return { locale, load, model, label: '', name: t('badge.loading') };
    // Its name starts with what it shows (WCAG 2.5.3, label in name): "Unavailable. Couldn't load the status: ...".
    const label = t('badge.unavailable');
    return { locale, load, model, label, name: t('badge.unavailable-name', { label, problem: this.#problem(locale, load) }) };
  }

  /** The sentence explaining why there is no status to show. */
  #problem(locale: Locale, load: LoadState): string {
    if (load.kind === 'not-found') return translate(locale, 'badge.not-found');
    if (load.kind !== 'error') return '';
    const error = load.error;
    if (error instanceof DataSourceError && error.kind === 'no-source') return translate(locale, 'badge.no-source');
    return translate(locale, 'badge.error', { reason: dataErrorReason(locale, error) });
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Before Lit's content, like the tooltip: the template never owns (or clears) it, and turning `announce` on or off
    // leaves the badge box, its focus and its aria-describedby in place.
    if (this.announce && !this.#liveRegion) {
      const region = (this.#liveRegion = document.createElement('span'));
      region.className = 'visually-hidden';
      region.setAttribute('role', 'status');
      this.renderRoot.insertBefore(region, this.renderRoot.firstChild);
    } else if (!this.announce && this.#liveRegion) {
      this.#liveRegion.remove();
      this.#liveRegion = undefined;
    }
    // Every change of the status shown is said, wherever it came from: a live update, or the page setting `status`
    // or `.value` from its own feed. Not the first status, nor the first of another message.
    const view = this.#view;
    if (changed.has('messageId')) this.#shownStatus = undefined;
    const shown = view?.model?.status;
    if (shown === undefined || !view) return;
    if (this.#liveRegion && this.#shownStatus !== undefined && shown !== this.#shownStatus) {
      this.#liveRegion.lang = view.locale;
      this.#liveRegion.textContent = translate(view.locale, 'badge.label', { status: translate(view.locale, statusInfo(shown).keys.label) });
    }
    this.#shownStatus = shown;
  }

  /**
   * The tooltip: rendered only once it exists, from the data of the last render; relative times are computed here,
   * when it opens or the badge updates, never on a timer. Every provider string goes through a text binding.
   */
  #tooltipContent(): TemplateResult {
    const view = this.#view ?? this.#compute();
    const { locale, model, load } = view;
    const t = (key: string, params?: MessageParams) => translate(locale, key, params);
    if (!model) {
      if (load.kind === 'loading') return html`<p>${view.name}</p>`;
      // The problem alone: the badge already shows, and is named, "Unavailable".
      const retrying = load.kind === 'error' && load.retrying ? translate(locale, 'badge.retrying') : undefined;
      return html`<p>${this.#problem(locale, load)}</p>${retrying ? html`<p class="muted" id=${RETRYING_ID}>${retrying}</p>` : nothing}`;
    }
    const reason = model.reason
      ? isFailureReason(model.reason)
        ? [t(`reason.${model.reason}.label`), explanation(locale, `reason.${model.reason}.explanation`)].filter(Boolean).join(' — ')
        : model.reason
      : undefined;
    const notes = [
      model.automated ? t('badge.automated') : undefined,
      model.asyncBounce ? t('badge.async-bounce') : undefined,
      model.inferred ? t('badge.inferred') : undefined,
    ].filter((note): note is string => note !== undefined);
    // Provider text inside our sentences, each value isolated (bidirectional controls in it stay inside it).
    const origin = [
      model.raw !== undefined && model.status !== 'unknown' ? isolatedMessage(locale, 'badge.raw-status', { raw: model.raw }) : undefined,
      model.provider !== undefined ? isolatedMessage(locale, 'badge.provider', { provider: providerName(model.provider) }) : undefined,
    ].filter((line): line is TemplateResult => line !== undefined);
    const name = model.status === 'unknown' && model.raw !== undefined ? isolatedMessage(locale, 'common.unknown-value', { raw: model.raw }) : view.name;
    // A time that is not a date says "unknown date", as <campaign-stats> and <status-timeline> do, rather than nothing.
    const updated = model.updatedAt;
    const problem = load.kind === 'error' || load.kind === 'not-found' ? this.#problem(locale, load) : undefined;
    // The description reads all the lines as one run of text: a colon after each heading and a stop after a line
    // without one, for screen readers only, make it sentences ("Code: 452 4.2.2. Technical details: …") where it read
    // "Code 452 4.2.2 Technical details …". The tooltip looks as before (see .said).
    const hidden = (key: string) => html`<span class="said">${t(key)}</span>`;
    const stop = (line: unknown) => (typeof line === 'string' && /[.!?…]$/.test(line) ? nothing : hidden('badge.line-end'));
    const term = (key: string, value: unknown, line = value) =>
      value === undefined ? nothing : html`<dt>${t(key)}${hidden('badge.heading-end')}</dt><dd>${value}${stop(line)}</dd>`;
    const time = updated === undefined ? '' : t('badge.updated', {
      time: Number.isNaN(Date.parse(updated))
        ? formatDateTime(locale, updated)
        : `${formatRelativeTime(this.formatFor(locale), updated, undefined, { past: true })} (${formatDateTime(this.formatFor(locale), updated)})`,
    });
    return html`
      <p class="title">${name} · <span id="tooltip-channel">${t(`channel.${model.channel}`)}${hidden('badge.line-end')}</span></p>
      <div id="tooltip-body" class="body">
        <dl>
          ${term('badge.meaning', model.missing ? t('badge.no-status') : statusExplanation(locale, model.status, 'meaning', model.channel))}
          ${model.missing ? nothing : term('badge.caveat', statusExplanation(locale, model.status, 'caveat', model.channel))}
          ${reason === undefined ? nothing : term('badge.reason', reason)}
          ${model.code === undefined ? nothing : term('badge.code', html`<code>${model.code}</code>`, model.code)}
          ${model.detail === undefined ? nothing : term('badge.diagnostic', html`<code>${model.detail}</code>`, model.detail)}
        </dl>
        ${notes.map((note) => html`<p>${note}${stop(note)}</p>`)}
        ${origin.length
          ? html`<p class="muted">${origin.map((line, i) => (i > 0 ? html`${hidden('badge.line-end')}<span aria-hidden="true"> · </span>${line}` : line))}${hidden('badge.line-end')}</p>`
          : nothing}
        ${time ? html`<p class="muted">${time}${stop(time)}</p>` : nothing}
        ${model.final ? nothing : html`<p class="muted">${t('badge.may-change')}</p>`}
        ${problem ? html`<p class="muted">${problem}${stop(problem)}</p>` : nothing}
      </div>
    `;
  }
}

