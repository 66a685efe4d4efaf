import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { CampaignHistoryEntry } from '../../core/campaign.js';
import { isTimeBasis, type CanonicalEvent, type TimeBasis } from '../../core/event.js';
import { timeOf } from '../../core/message-status.js';
import { isDeliveryState, isEngagementSignal, isFailureReason, statusInfo } from '../../core/statuses.js';
import { explanation, formatDateTime, formatRelativeTime, statusExplanation, translate, translatePlural, type Locale } from '../../i18n/index.js';
import { providerName } from '../../providers/names.js';
import { isolatedMessage } from '../shared/isolated-message.js';
import { campaignActionLabel, campaignActionLook, suspensionLabel } from './campaign-actions.js';
import { icon } from './icons.js';
import type { TimelineRow } from './row-store.js';
import { text } from '../shared/text.js';
import { linkHref } from './safe-url.js';

/** What drawing an entry depends on beside the entry itself: read from the element once per render. */
export interface EntryView {
  readonly locale: Locale;
  /** The locale dates and times are written in (a regional tag of `locale`, from the page). */
  readonly format: string;
  /** The `time-zone` the exact times are shown in; the browser's when undefined. */
  readonly timeZone: string | undefined;
  readonly compact: boolean;
  /** Laid out for a narrow column: the relative time only, the exact one as its title. */
  readonly narrow: boolean;
  /** Keys of the rows of a delivery that bounced afterwards. */
  readonly asyncKeys: ReadonlySet<string>;
  /** The message went to several people: each row says whom it is for. */
  readonly recipients: boolean;
  /** The time relative times are counted from. */
  readonly now: number;
}

/** A field of a row's second line: how it gives way when space runs out, and what it shows. */
type Field = readonly ['' | 'code' | 'tail', TemplateResult | string];

/**
 * The fields of an entry that its row shows as text but that are given as something else (an object, a list; a URL
 * that is not a string; an event's `detail` that is not an object, so holds none of them): left out of the row.
 * Named in a console warning (only the page's own `.events` / `.history` can hold them: a source's answers are
 * checked).
 */
export function fieldsNotText(item: CanonicalEvent | CampaignHistoryEntry): string[] {
  const detail: unknown = item.detail;
  if ('action' in item) return notText({ reason: item.reason, detail });
  const { code, text: said, url } = (detail ?? {}) as Record<string, unknown>;
  const named = notText({ provider: item.provider, raw: item.raw, recipient: item.recipient, 'detail.code': code, 'detail.text': said });
  if (detail != null && (typeof detail !== 'object' || Array.isArray(detail))) named.push('detail');
  else if (url != null && typeof url !== 'string') named.push('detail.url');
  return named;
}

/** The names of the fields given as something other than text (a number or a date reads as text). */
const notText = (fields: Record<string, unknown>): string[] =>
  Object.entries(fields).flatMap(([name, value]) => (value != null && typeof value !== 'string' && !text(value) ? [name] : []));

export const knownType = (event: CanonicalEvent): boolean => isDeliveryState(event.type) || isEngagementSignal(event.type);
/** The provider's own word for an event of a type we do not know. */
const rawWord = (event: CanonicalEvent): string => text(event.raw) ?? event.type;
/** Every row's time has happened: a provider's clock a few minutes ahead reads "now" (see formatRelativeTime). */
const PAST = { past: true } as const;
/** A time as `dateStyle` and the medium time style write it, in the view's time zone. */
export const exactTime = (view: Pick<EntryView, 'format' | 'timeZone'>, time: number, dateStyle: 'none' | 'medium' | 'full'): string =>
  formatDateTime(view.format, time, { dateStyle, timeStyle: 'medium', ...(view.timeZone && { timeZone: view.timeZone }) });
const bouncedAfter = (view: EntryView, event: CanonicalEvent, key: string): boolean => event.async === true || view.asyncKeys.has(key);

/** The event's label as plain text (the live region's): its status, or "Unknown status: " and the provider's word. */
export function eventLabel(locale: Locale, event: CanonicalEvent): string {
  return knownType(event) ? translate(locale, `status.${event.type}.label`) : translate(locale, 'common.unknown-value', { raw: rawWord(event) });
}

/** The event's label as shown: the same, with a provider's unknown word isolated from the text around it. */
function renderEventLabel(locale: Locale, event: CanonicalEvent): TemplateResult | string {
  return knownType(event) ? eventLabel(locale, event) : isolatedMessage(locale, 'common.unknown-value', { raw: rawWord(event) });
}

/** "To: address", the address isolated. */
const renderRecipient = (locale: Locale, recipient: string): TemplateResult => isolatedMessage(locale, 'timeline.recipient', { recipient });

/**
 * "provider: raw word", each value isolated; nothing when neither is text (a page's own `.events` may carry any value
 * there, an object from a webhook body: left out rather than shown as "[object Object]").
 */
function renderProviderEvent(locale: Locale, event: CanonicalEvent): TemplateResult | undefined {
  const provider = text(event.provider);
  const raw = text(event.raw);
  return provider || raw ? isolatedMessage(locale, 'timeline.provider-event', { provider: providerName(provider ?? ''), raw: raw ?? '' }) : undefined;
}

function renderTime(view: EntryView, at: string, basis?: TimeBasis): TemplateResult {
  const { locale, format } = view;
  // Read as the rows are ordered (timeOf): a time the order cannot place (no time zone, February 30th) is an unknown
  // date here too, rather than Date.parse's guess shown on a row that sorts as the oldest.
  const time = timeOf(at);
  const exact = exactTime(view, time, 'medium');
  const relative = formatRelativeTime(format, time, view.now, PAST);
  // A time the provider did not give exactly: "≈", why in its title (for a mouse; the details say it to everyone),
  // "approximate time" for screen readers, then a no-break space: a plain one, at the end of the hidden box, was
  // dropped from the row's name ("approximate timeNov 2").
  const approx = isTimeBasis(basis)
    ? html`<span class="approx" title=${ifDefined(explanation(locale, `timeline.time-basis.${basis}`))}
        ><span aria-hidden="true">≈ </span><span class="visually-hidden">${translate(locale, 'timeline.time-approx')}\u00a0</span></span
      >`
    : nothing;
  // Compact or narrow: the relative time, the exact one as its title (and in the details). An unreadable time says
  // "unknown date" once, not twice.
  return view.compact || view.narrow || time === -Infinity
    ? html`<time part="time" class="time" datetime=${at} title=${exact}>${approx}${relative}</time>`
    : html`<span class="time-group"><time part="time" class="time" datetime=${at}>${approx}${exact}</time><span class="relative">${relative}</span></span>`;
}

/**
 * A mark on a row: `shown`, with `long` as its title for a mouse, and `spoken` in the row's name for screen readers.
 * The title is on the part screen readers skip: Chromium made it the mark's description, which repeated the name
 * ("Bounced after delivery", then "Bounced after delivery: the recipient’s server…"). Keyboard and touch get `long`
 * in the selected row's details.
 */
const mark = (kind: string, shown: string, long: string, spoken = shown): TemplateResult =>
  html`<span part="mark" class="mark ${kind}"><span aria-hidden="true" title=${long}>${shown}</span><span class="visually-hidden">${spoken}</span></span>`;

function renderCount(locale: Locale, count: number): TemplateResult | typeof nothing {
  if (count < 2) return nothing;
  const help = translatePlural(locale, 'timeline.duplicates-help', count);
  return mark('count', translate(locale, 'timeline.duplicates', { count }), help, help);
}

/** A row with nothing for its second line centers its first line beside the icon (class `alone`). */
const firstLineClass = (view: EntryView, fields: readonly Field[]): string => (view.compact || fields.length > 0 ? 'line first' : 'line first alone');

/** The second line of a row: short fields kept whole, the long free text last and first to give way. */
function renderFields(view: EntryView, fields: readonly Field[]): TemplateResult | typeof nothing {
  if (view.compact || fields.length === 0) return nothing;
  return html`<span class="line second"
    >${fields.map(
      ([kind, content], i) =>
        html`${i > 0 ? html`<span class="sep" aria-hidden="true"> · </span>` : nothing}<span class="field ${kind}">${content}</span>`,
    )}</span
  >`;
}

/**
 * A clicked URL: a link only for http(s) and mailto, showing the whole URL the browser will follow (parsed and
 * normalized: an internationalized host reads in punycode), never a friendlier label that could hide where it
 * goes. Anything else stays the provider's text. In rows it is text, not a link: a row is an option of a listbox,
 * whose content cannot hold a control; the link is in the details of the selected row.
 */
function renderUrl(url: string, inRow: boolean): TemplateResult {
  const href = linkHref(url);
  // A URL reads left to right whatever the language around it (dir isolates it: no "/https://x.example" in Arabic).
  if (href === undefined || inRow) return html`<span class="url" dir="ltr">${href ?? url}</span>`;
  return html`<a part="link" class="url" dir="ltr" href=${href} target="_blank" rel="noopener noreferrer" title=${href}>${href}</a>`;
}

/** The inside of a message's row: icon, status, marks and time, then the provider's word, reason, code and text. */
export function renderEventRow(view: EntryView, row: TimelineRow<CanonicalEvent>): TemplateResult {
  const { locale } = view;
  const event = row.item;
  const info = statusInfo(event.type);
  const details: Field[] = [];
  const recipient = text(event.recipient);
  if (view.recipients && recipient) details.push(['', renderRecipient(locale, recipient)]);
  const providerEvent = renderProviderEvent(locale, event);
  if (providerEvent) details.push(['', providerEvent]);
  if (isFailureReason(event.reason)) details.push(['', translate(locale, `reason.${event.reason}.label`)]);
  const code = text(event.detail?.code);
  const detail = text(event.detail?.text);
  if (code) details.push(['code', isolatedMessage(locale, 'timeline.code', { code })]);
  const url = event.detail?.url;
  if (typeof url === 'string' && url !== '') details.push(['tail', renderUrl(url, true)]);
  // Provider text in its own <bdi>: "4.2.2 Mailbox full" keeps its order in a right-to-left row, and its bidi controls stay inside.
  else if (detail) details.push(['tail', html`<bdi>${detail}</bdi>`]);
  return html`<span part="icon-box" class="icon-box ${info.category}">${icon(info.icon)}</span>
    <span class=${firstLineClass(view, details)}>
      <span part="label" class="label">${renderEventLabel(locale, event)}</span>
      ${renderCount(locale, row.count)}
      ${event.automated ? mark('automated', translate(locale, 'timeline.automated'), translate(locale, 'badge.automated')) : nothing}
      ${bouncedAfter(view, event, row.key) ? mark('async danger', translate(locale, 'timeline.async-bounce'), translate(locale, 'badge.async-bounce')) : nothing}
      ${view.compact ? nothing : html`<span class="spacer"></span>`} ${renderTime(view, event.at, event.timeBasis)}
    </span>
    ${renderFields(view, details)}`;
}

/** The inside of a campaign's row: icon, action, count and time, then the suspension reason and the detail. */
export function renderHistoryRow(view: EntryView, row: TimelineRow<CampaignHistoryEntry>): TemplateResult {
  const { locale } = view;
  const entry = row.item;
  const look = campaignActionLook(entry.action);
  const details: Field[] = [];
  const reason = text(entry.reason);
  const detail = text(entry.detail);
  if (entry.action === 'suspended' && reason) details.push(['', suspensionLabel(locale, reason)]);
  if (detail) details.push(['tail', html`<bdi>${detail}</bdi>`]);
  return html`<span part="icon-box" class="icon-box ${look.category}">${icon(look.icon)}</span>
    <span class=${firstLineClass(view, details)}>
      <span part="label" class="label">${campaignActionLabel(locale, entry.action)}</span>
      ${renderCount(locale, row.count)} ${view.compact ? nothing : html`<span class="spacer"></span>`}
      ${renderTime(view, entry.at)}
    </span>
    ${renderFields(view, details)}`;
}

/** After the selected entry's name: " — The provider reported this event 3 times" (the row shows "×3"). */
const reported = (locale: Locale, count: number): TemplateResult | typeof nothing =>
  count > 1 ? html` — ${translatePlural(locale, 'timeline.duplicates-help', count)}` : nothing;

/** The selected entry's full time, with the relative one. */
function renderDetailTime(view: EntryView, at: string): TemplateResult {
  const time = timeOf(at);
  return html`<p class="detail-time"><time datetime=${at}>${exactTime(view, time, 'full')}</time> (${formatRelativeTime(view.format, time, view.now, PAST)})</p>`;
}

/** Everything about the selected event, under the list: the full time, what it means, the provider's text, its link. */
export function renderEventDetails(view: EntryView, row: TimelineRow<CanonicalEvent>): TemplateResult {
  const { locale } = view;
  const event = row.item;
  const url = event.detail?.url;
  const recipient = text(event.recipient);
  const code = text(event.detail?.code);
  const detail = text(event.detail?.text);
  const providerEvent = renderProviderEvent(locale, event);
  return html`<div part="details" id="details" class="details" role="group" aria-label=${translate(locale, 'timeline.details')}>
    <p class="detail-title">${renderEventLabel(locale, event)}${reported(locale, row.count)}</p>
    ${renderDetailTime(view, event.at)}
    ${isTimeBasis(event.timeBasis) ? html`<p>${explanation(locale, `timeline.time-basis.${event.timeBasis}`) ?? nothing}</p>` : nothing}
    ${knownType(event) ? html`<p>${statusExplanation(locale, event.type, 'meaning', event.channel) ?? nothing}</p>` : nothing}
    ${recipient ? html`<p class="untrusted">${renderRecipient(locale, recipient)}</p>` : nothing}
    ${providerEvent ? html`<p class="untrusted">${providerEvent}</p>` : nothing}
    ${isFailureReason(event.reason)
      ? html`<p>${[translate(locale, 'timeline.reason', { reason: translate(locale, `reason.${event.reason}.label`) }), explanation(locale, `reason.${event.reason}.explanation`)].filter(Boolean).join(' — ')}</p>`
      : nothing}
    ${code ? html`<p class="untrusted">${isolatedMessage(locale, 'timeline.code', { code })}</p>` : nothing}
    ${detail ? html`<p class="untrusted">${isolatedMessage(locale, 'timeline.detail', { text: detail })}</p>` : nothing}
    ${typeof url === 'string' && url !== '' ? html`<p class="untrusted">${isolatedMessage(locale, 'timeline.link', { url: renderUrl(url, false) })}</p>` : nothing}
    ${event.automated ? html`<p>${translate(locale, 'badge.automated')}</p>` : nothing}
    ${bouncedAfter(view, event, row.key) ? html`<p>${translate(locale, 'badge.async-bounce')}</p>` : nothing}
  </div>`;
}

/** Everything about the selected campaign action, under the list: the full time, why it was suspended, its detail. */
export function renderHistoryDetails(view: EntryView, row: TimelineRow<CampaignHistoryEntry>): TemplateResult {
  const { locale } = view;
  const entry = row.item;
  const reason = text(entry.reason);
  const detail = text(entry.detail);
  return html`<div part="details" id="details" class="details" role="group" aria-label=${translate(locale, 'timeline.details')}>
    <p class="detail-title">${campaignActionLabel(locale, entry.action)}${reported(locale, row.count)}</p>
    ${renderDetailTime(view, entry.at)}
    ${entry.action === 'suspended' && reason
      ? html`<p>${suspensionLabel(locale, reason)}. ${translate(locale, 'campaign.suspension-help')}</p>`
      : nothing}
    ${detail ? html`<p class="untrusted" dir="auto">${detail}</p>` : nothing}
  </div>`;
}
