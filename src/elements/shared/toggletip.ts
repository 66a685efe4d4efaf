import { html, svg, type TemplateResult } from 'lit';
import { directionOf, type Locale } from '../../i18n/locales.js';
import { positionTooltip } from './tooltip-position.js';

/**
 * An explanation behind an ⓘ button (a toggletip): `<campaign-stats>`' indicators, `<status-timeline>`'s stages.
 * The button opens and closes it (a click, a tap, Enter or Space), a click or a tap elsewhere and Escape close it
 * (the browser's own `popover="auto"`), and so does focus moving on. Unlike a badge's tooltip it shows nothing on
 * hover: what it explains is read on demand, by the keyboard, a finger and a mouse alike. The button is named
 * `label` ("About “Opened”"), and so is the explanation, a group: a screen reader reaching it says what it is. The
 * explanation reads in the direction of `locale`, its language.
 * Style it with `toggletipStyles`.
 */
export const toggletip = (id: string, label: string, locale: Locale, content: unknown): TemplateResult =>
  html`<button type="button" part="info-button" class="info" popovertarget=${id} @focusout=${closeWhenFocusMovesOn}
      aria-label=${label}>${INFO}</button><div class="tip-box"><div popover id=${id} part="tooltip" class="tooltip" role="group"
      aria-label=${label} dir=${directionOf(locale)} @beforetoggle=${placeBesideButton} @toggle=${tabStopWhenScrolling}
      @focusout=${closeWhenFocusMovesOn}>${content}</div></div>`;

/** The ⓘ, on the kit's 16 × 16 grid with its stroke. Decorative: the button is named. */
const INFO = svg`<svg class="icon" part="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M8 1.75a6.25 6.25 0 1 1 0 12.5a6.25 6.25 0 1 1 0-12.5ZM8 7.25v4M8 4.75V5"/></svg>`;

/**
 * An open explanation closes when focus moves on from its button, or from itself, to another control (Tab): it would
 * cover what comes next. A click inside the explanation (to select its text) moves focus nowhere and keeps it open.
 */
function closeWhenFocusMovesOn(event: FocusEvent): void {
  const at = event.currentTarget as HTMLElement;
  // From the explanation, its button is the element before its box in the template.
  const button = at instanceof HTMLButtonElement ? at : at.parentElement!.previousElementSibling;
  const tip = button instanceof HTMLButtonElement ? button.popoverTargetElement : null;
  const next = event.relatedTarget;
  if (tip instanceof HTMLElement && next instanceof Node && next !== button && !tip.contains(next)) tip.hidePopover(); // a no-op when closed
}

/** How each open explanation stops following its button. */
const stopPlacing = new WeakMap<HTMLElement, () => void>();

/**
 * An explanation opening is placed beside its button (the element before its box in the template), the way the badge's
 * tooltip is (`positionTooltip`: CSS anchor positioning, or Floating UI where that is missing or unsafe); closing, it
 * stops following the button, and gives the focus back to it if it had the focus (Escape in a scrolling
 * explanation: the browser would leave it on the page).
 */
function placeBesideButton(event: Event): void {
  const tip = event.currentTarget as HTMLElement;
  stopPlacing.get(tip)?.();
  stopPlacing.delete(tip);
  const button = tip.parentElement!.previousElementSibling as HTMLElement;
  if ((event as ToggleEvent).newState === 'open') stopPlacing.set(tip, positionTooltip(button, tip));
  else if ((tip.getRootNode() as ShadowRoot).activeElement === tip) button.focus();
}

/**
 * An explanation longer than the room it has (400% zoom) scrolls: it is then the Tab stop after its button, so that
 * the keyboard can reach and scroll it in every browser, a group named as its button ("About “Opened”") for screen
 * readers. One that fits stays out of the Tab order.
 */
function tabStopWhenScrolling(event: Event): void {
  const tip = event.currentTarget as HTMLElement;
  if ((event as ToggleEvent).newState !== 'open') return;
  if (tip.scrollHeight > tip.clientHeight) tip.tabIndex = 0;
  else tip.removeAttribute('tabindex');
}
