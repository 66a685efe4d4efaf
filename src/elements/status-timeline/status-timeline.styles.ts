import { css } from 'lit';
import { baseStyles } from '../../styles/base.js';
import { tokenStyles } from '../../styles/tokens.js';
import { errorBoxStyles } from '../shared/error-box.styles.js';
import { toggletipStyles } from '../shared/toggletip.styles.js';

/*
 * Colors fall back from the element's own custom properties to the kit's --estafette-* tokens, then to values
 * that pass WCAG AA in light and dark schemes. Rows have one height (a CSS length the element measures through
 * .probe), which is what lets the list be windowed: a row's position is its index times that height.
 * A line is its text's size plus a fixed leading (`calc(1em + …)`: 20 px for the 14 px default), and a row's default
 * height is counted in lines (`lh`), so both grow with --estafette-font-size instead of overlapping or clipping.
 */
const own = css`
  :host {
    --_text: var(--_surface-fg);
    --_muted: var(--_surface-muted);
    --_surface: var(--_surface-bg);
    --_hover: var(--_surface-hover);
    --_border: var(--_surface-border);
    --_reached: var(--estafette-timeline-accent, var(--_accent));
    --_radius: var(--estafette-radius, 0.5rem);
    /* Two lines and 1rem of room (3.5rem at the default size); resolved where it is used, in that element's lines. */
    --_row-height: var(--estafette-timeline-row-height, calc(2lh + 1rem));

    display: block;
    color: var(--_text);
    font-family: var(--estafette-font-family, system-ui, sans-serif);
    font-size: var(--estafette-font-size, 0.875rem);
    line-height: calc(1em + 0.375rem);
    font-variant-numeric: tabular-nums;
  }
  :host([compact]) {
    --_row-height: var(--estafette-timeline-row-height, calc(1lh + 1rem));
  }
  .icon {
    flex: none;
    width: 1rem;
    height: 1rem;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  p {
    margin: 0;
  }

  /* Lifecycle stages, and the ⓘ that explains them at their end */
  .progress {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    margin-block-end: 0.5rem;
  }
  .stages {
    flex: 1;
    display: grid;
    grid-template-columns: repeat(4, minmax(0, 1fr));
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .stage {
    display: flex;
    align-items: center;
    gap: 0.25rem;
    min-width: 0;
    padding: 0.375rem 0.25rem;
    border-block-end: 3px solid var(--_border);
    color: var(--_muted);
  }
  .stage-label {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .stage.done {
    border-color: var(--_fg);
    color: var(--_text);
  }
  .stage.done .marker {
    color: var(--_fg);
  }
  .stage.current {
    border-color: var(--_reached);
    color: var(--_text);
    font-weight: 600;
  }
  .stage.current .marker {
    color: var(--_reached);
  }
  .stage.stopped {
    border-color: var(--_fg);
    border-block-end-style: double;
    color: var(--_fg);
    font-weight: 600;
  }
  .stage.upcoming {
    border-block-end-style: dashed;
  }
  .marker {
    display: inline-flex;
  }
  /* Only its height: its sides are the stage's, or none in a narrow column (they took a long name's room there). */
  :host([compact]) .stage {
    padding-block: 0.125rem;
    font-size: 0.75rem;
  }
  /* A narrow column: each stage's name under its mark, smaller, whole: as wide as its name (a long name, or the
     current one in bold, would not fit a quarter). When the four do not fit side by side, the last ones go to a second
     row, names whole (a grid of four columns broke every name mid-word, "Afgele|verd", Chromium having no hyphenation
     there); a name is wrapped only when it alone is wider than the column, never cut with an ellipsis. */
  .narrow .stages {
    display: flex;
    flex-wrap: wrap;
  }
  .narrow .stage {
    flex: 1 1 auto;
    flex-direction: column;
    gap: 0.125rem;
    padding-inline: 0;
    font-size: 0.75rem;
    line-height: calc(1em + 0.25rem);
    text-align: center;
  }
  .narrow .stage-label {
    max-width: 100%;
    white-space: normal;
    overflow-wrap: anywhere;
    hyphens: auto;
  }
  /*
   * Everything but the time may give way, with an ellipsis: the time stays whole (its exact value is its title).
   * The marks first (down to their first letters: .mark), then the label; short fields take the room there is (no 40% cap).
   */
  .narrow .label,
  .narrow .field {
    flex: 0 1 auto;
    max-width: none;
  }
  .outcome {
    margin-block-end: 0.5rem;
    color: var(--_fg);
    font-weight: 600;
  }
  .failure {
    margin-inline-start: 0.5rem;
    font-weight: 400;
  }
  .summary,
  .status,
  .note {
    margin-block-end: 0.25rem;
    color: var(--_muted);
  }

  /* The windowed list */
  .frame {
    position: relative;
    /* The container of the narrow rows' queries (below). */
    container-type: inline-size;
  }
  .scroller {
    position: relative;
    max-height: var(--estafette-timeline-max-height, 37.5rem);
    overflow-y: auto;
    overscroll-behavior: contain;
    border-radius: var(--_radius);
  }
  .frame:has(.list) .scroller {
    border: 1px solid var(--_border);
  }
  .list {
    position: relative;
    overflow: hidden;
  }
  .probe {
    position: absolute;
    top: 0;
    width: 1px;
    height: var(--_row-height);
    visibility: hidden;
  }
  .row {
    position: absolute;
    inset-inline: 0;
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    grid-template-rows: 1fr 1fr;
    column-gap: 0.5rem;
    align-items: center;
    height: var(--_row-height);
    padding: 0.25rem 0.75rem;
    overflow: hidden;
    /* Above each row but the first: under the last one, a line of its own doubled the box's border. */
    border-block-start: 1px solid var(--_border);
    background: var(--_surface);
    cursor: default;
    contain: layout paint style;
  }
  .row[aria-posinset='1'] {
    border-block-start: 0;
  }
  :host([compact]) .row {
    grid-template-rows: 1fr;
  }
  .row[aria-selected='true'] {
    box-shadow: inset 3px 0 0 var(--_reached);
  }
  .row[aria-selected='true']:dir(rtl) {
    box-shadow: inset -3px 0 0 var(--_reached);
  }
  .row:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
  }
  .icon-box {
    grid-row: 1 / -1;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 1.75rem;
    height: 1.75rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    color: var(--_fg);
  }
  :host([compact]) .icon-box {
    width: 1.5rem;
    height: 1.5rem;
  }
  .line {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
  }
  /* A row without a second line: its first line spans both, centered beside the icon like the others. */
  .line.alone {
    grid-row: 1 / -1;
  }
  .line.second {
    gap: 0;
    color: var(--_muted);
    font-size: 0.8125rem;
  }
  /* When space runs out, the marks give way first, then the relative time (.time-group); the label only when the exact
     time alone still does not fit beside it (a reader's wider letter spacing): it shrinks a thousandth as readily as
     the others, not a pixel before they are at their minimum. */
  .label {
    flex: 0 0.001 auto;
    max-width: 50%;
    overflow: hidden;
    text-overflow: ellipsis;
    font-weight: 600;
  }
  .spacer {
    flex: 1 1 0;
  }
  /*
   * Short fields (provider word, reason, code) keep their width up to a cap; the long free text last on the line
   * (a URL, a server's diagnostic) takes what is left, and gives way first (a million times as readily): the short
   * ones shrink only once it is down to its last letters. (They never shrank above the narrow layout: with a reader's
   * wider spacing, three of them at their cap no longer fitted, and the last ran past the line's end, cut. A thousand
   * times still left each a tenth of a pixel short of its text beside a long diagnostic: enough for an ellipsis.)
   */
  .field {
    min-width: 0;
    max-width: 40%;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .field.tail {
    flex-shrink: 1e6;
    min-width: min(3em, 100%);
    max-width: none;
  }
  .sep {
    flex: none;
    white-space: pre;
  }
  /* The first to give way on its line, a million times as readily as the rest: a thousand times still took a few
     hundredths of a pixel from the label beside it, enough for its ellipsis ("Ouv…" for "Ouvert" at 360 px). */
  .mark {
    flex-shrink: 1e6;
    min-width: 1.75rem;
    overflow: hidden;
    text-overflow: ellipsis;
    padding: 0 0.375rem;
    border: 1px solid;
    border-radius: 999px;
    font-size: 0.75rem;
    line-height: calc(1em + 0.25rem);
    color: var(--_muted);
  }
  .mark.async {
    color: var(--_fg);
  }
  /* The exact time stays whole; the relative one after it, when the line has no room for it (a long label just above
     the narrow layout, a reader's wider letter or word spacing), wraps onto a second line that is clipped: shown
     whole or not at all, never cut. */
  .time-group {
    display: inline-flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0 0.5rem;
    block-size: 1lh;
    overflow: clip;
    margin-inline-start: auto;
    color: var(--_muted);
  }
  :host([compact]) .time,
  .narrow .time {
    flex: none;
    margin-inline-start: auto;
    color: var(--_muted);
  }
  /* Under 20em wide (288 px at 200 % text; 280 px at the default size): a relative time alone may be wider than a
     row's line ("il y a 29 minutes" is 234 px at 28 px, the line 168 px), and beside the label it left the label
     nothing and ran past the line's end, cut. Each row then has three lines, one under the other, and narrower sides:
     its label, its time (wrapped onto the third line if it must), then its marks where there is room left; what does
     not fit is left out whole, never cut (the lines are exactly three high), and the second line (provider word,
     reason, code, text) is left to the selected row's details. The frame is the container (.frame, above): its rows
     are placed out of its flow, so inline-size containment takes nothing from its width. */
  @container (width < 20em) {
    .probe,
    .row {
      --_row-height: var(--estafette-timeline-row-height, calc(3lh + 1rem));
    }
    .row {
      padding-inline: 0.25rem;
    }
    .line.first {
      grid-row: 1 / -1;
      flex-wrap: wrap;
      align-content: safe center;
      row-gap: 0;
      block-size: 3lh;
    }
    .row .label,
    .row .line .time {
      flex: 0 1 100%;
    }
    .time {
      white-space: normal;
    }
    /* On one line, sharing it: each as wide as its text at most, or down to its first letters. */
    .row .mark {
      order: 1;
      flex: 1;
      max-width: max-content;
    }
    .spacer,
    .line.second {
      display: none;
    }
  }
  /* Under 10em (240 px at 200 % text): a relative time alone may take three lines ("29 / minutes / ago"), which with
     the label made four, the last one cut. A row then has four. */
  @container (width < 10em) {
    .probe,
    .row {
      --_row-height: var(--estafette-timeline-row-height, calc(4lh + 1rem));
    }
    .line.first {
      block-size: 4lh;
    }
  }
  a.url {
    color: var(--_reached);
  }
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Controls */
  .button {
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  /* Under a mouse only: a touch screen keeps :hover on the row or button last tapped, which would stay lit. */
  @media (hover: hover) {
    .row:hover,
    .button:hover {
      background: var(--_hover);
    }
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
  .jump {
    position: absolute;
    left: 50%;
    transform: translateX(-50%);
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
    font-weight: 600;
  }
  .jump.top {
    top: 0.5rem;
  }
  .jump.bottom {
    bottom: 0.5rem;
  }
  .unseen {
    font-weight: 400;
  }
  .more {
    margin-block-start: 0.5rem;
  }
  /* The error box is errorBoxStyles (as <campaign-stats> draws its own); here, its room, its icons at the text's size
     and the retry button in the surface's border (inside .danger, --_border is the danger one). */
  .error {
    margin-block: 0.5rem;
  }
  .error .icon {
    width: 1em;
    height: 1em;
  }
  .error .button {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    border-color: var(--_surface-border);
  }

  /* Details of the selected entry */
  .details {
    display: grid;
    /* The title may be an unknown status word given by the host: a long one wraps instead of widening the panel.
       What no line break can narrow, one character wider than the panel (a letter under hundreds of accents, drawn
       side by side by a browser without a font for them), is cut at its padding, which a link's focus ring fits in. */
    grid-template-columns: minmax(0, 1fr);
    overflow-wrap: anywhere;
    overflow-x: clip;
    margin-block-start: 0.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .detail-title {
    font-weight: 600;
  }
  .detail-time {
    color: var(--_muted);
  }
  .untrusted {
    overflow-wrap: anywhere;
    white-space: pre-wrap;
  }

  /* Paper: the light colors whatever the page's theme (browsers leave a dark page's backgrounds out, its light text
     would print pale on white), as the stats do; no ⓘ to press, no button to jump to the latest entry. */
  @media print {
    :host {
      color-scheme: light;
    }
    .info,
    .jump {
      display: none;
    }
    /* Every loaded row is drawn then (see ticker.ts), in the flow, one under the other (the list is as high as they
       are), the box around them as long as they are. */
    .scroller {
      max-height: none;
    }
    .row {
      position: static;
    }
  }

  @media (forced-colors: active) {
    .stage.current,
    .stage.stopped,
    .row[aria-selected='true'] {
      outline: 2px solid CanvasText;
      /* Inside: outside a row, its paint containment and the next row hid it (and forced colors drop its bar). */
      outline-offset: -2px;
    }
    /* Focus lands on the selected row: thicker, in the highlight color, so that taking the focus shows. */
    .row:focus-visible {
      outline: 3px solid Highlight;
      outline-offset: -3px;
    }
  }
`;

/** Token defaults (category classes, focus ring) first, then the element's own rules. */
export const styles = [tokenStyles, baseStyles, toggletipStyles, errorBoxStyles, own];
