import { css } from 'lit';
import { baseStyles } from '../../styles/base.js';
import { errorBoxStyles } from '../shared/error-box.styles.js';
import { toggletipStyles } from '../shared/toggletip.styles.js';
import { tokenStylesFor } from '../../styles/tokens.js';

/*
 * Colors come from the kit's tokens (src/styles/tokens.ts): the surface colors for cards and text, the warning and
 * danger category colors for level marks (the `.warning` / `.danger` classes set `--_fg`, `--_bg`, `--_border`).
 * A line is its text's size plus a fixed leading (`calc(1em + …)`: 20 px for the 14 px default), so lines grow with
 * --estafette-font-size instead of overlapping; the lines the loading skeleton reserves are counted in those
 * lines (`lh`), so that it and the loaded indicators occupy the same space at any size.
 */
const own = css`
  :host {
    --_text: var(--_surface-fg);
    --_muted: var(--_surface-muted);
    --_surface: var(--estafette-stats-surface, var(--_surface-bg));
    --_line: var(--estafette-stats-border, var(--_surface-border));
    --_hover: var(--estafette-stats-hover, var(--_surface-hover));
    --_radius: var(--estafette-radius, 0.5rem);
    --_gap: var(--estafette-stats-gap, 0.75rem);
    /* Skeleton bones: the muted text color mixed into the card's, so they follow a brand's surface too. 90%, and a
       pulse down to 0.8 opacity (72%): 3.3:1 on the card (light) and 4:1 (dark) at the pulse's faintest, what shapes
       that tell the state need (WCAG 1.4.11); the border's color at 55% was 1.2:1, and a 0.45 pulse under 2:1. */
    --_bone: color-mix(in srgb, var(--_muted) 90%, var(--_surface));

    display: block;
    color: var(--_text);
    font-family: var(--estafette-font-family, system-ui, sans-serif);
    font-size: var(--estafette-font-size, 0.875rem);
    line-height: calc(1em + 0.375rem);
    font-variant-numeric: tabular-nums;
    /* A word longer than its line ("Kampagnenergebnisse", "Désabonnements" at 200 % text in a 320 px column) breaks
       rather than running out of its card and the element. */
    overflow-wrap: anywhere;
  }

  .icon {
    flex: none;
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Header */
  .header {
    margin-block-end: var(--_gap);
  }
  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }
  .heading {
    font-size: 1rem;
    font-weight: 600;
    line-height: calc(1em + 0.5rem);
  }
  .campaign-name {
    font-weight: 500;
    overflow-wrap: anywhere;
    /* What no line break can narrow, one character wider than the card (a letter under hundreds of accents, drawn
       side by side by a browser without a font for them), is cut at the edge rather than widening the page. */
    overflow-x: clip;
  }
  .channel {
    padding: 0 0.5rem;
    border: 1px solid var(--_line);
    border-radius: 999px;
    color: var(--_muted);
    font-size: 0.75rem;
  }
  .status,
  .sending-help,
  .empty {
    margin: 0.25rem 0 0;
    color: var(--_muted);
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.75rem;
  }
  .sending-label {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    color: var(--_text);
    font-weight: 600;
  }
  .empty {
    margin-block-end: var(--_gap);
  }

  /* Indicators */
  .metrics {
    display: grid;
    /* A cell is never wider than the card: one column when 12rem is more than it has (text at 200 %, a 320 px screen). */
    grid-template-columns: repeat(auto-fill, minmax(min(var(--estafette-stats-columns, 12rem), 100%), 1fr));
    gap: var(--_gap);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .metric {
    position: relative;
    display: flex;
  }
  .metric-button {
    display: flex;
    flex: 1;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.125rem;
    min-width: 0;
    padding: 0.75rem 0.875rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  /* A flagged indicator carries its category class (.warning, .danger), which sets --_fg / --_bg / --_border. */
  .metric.warning .metric-button,
  .metric.danger .metric-button {
    border-color: var(--_fg);
    box-shadow: inset 4px 0 0 var(--_fg);
  }
  /* The selected indicator: an accent border and a thick bar along its bottom edge, like a selected tab; a shape
     of its own, told apart from the focus ring (an outline around the button) and from the warning bar (its start). */
  .metric-button[aria-pressed="true"] {
    border-color: var(--_accent);
  }
  .metric-button[aria-pressed="true"]::after {
    content: "";
    position: absolute;
    inset: auto 0 0;
    block-size: 4px;
    border-radius: 0 0 var(--_radius) var(--_radius);
    background: var(--_accent);
    pointer-events: none;
  }
  .metric.warning .metric-button:dir(rtl),
  .metric.danger .metric-button:dir(rtl) {
    box-shadow: inset -4px 0 0 var(--_fg);
  }
  /* Everything under the name: no box of its own, except in the grid below. */
  .figures {
    display: contents;
  }
  /* Grid: the cards of a row share one height for their names (two rows of a subgrid, name and figures), so a
     name on two lines ("Rebonds temporaires" in a narrow card) no longer lowers its card's figures under the
     others'. */
  @supports (grid-template-rows: subgrid) {
    .layout-grid .metric,
    .layout-grid .metric-button {
      display: grid;
      grid-row: span 2;
      grid-template-rows: subgrid;
      row-gap: 0.125rem;
    }
    .layout-grid .metric-button {
      justify-items: start;
    }
    .layout-grid .figures {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 0.125rem;
    }
  }
  .label {
    min-height: 1lh;
    /* room for the info button, which sits over the label's line */
    padding-inline-end: 1.75rem;
    color: var(--_muted);
    font-weight: 500;
  }
  .count {
    font-size: 1.5rem;
    font-weight: 600;
    line-height: calc(1em + 0.5rem);
  }
  /* The rate on one line, its denominator under it; both lines are reserved even when empty (count-only
     indicators, skeleton), so every card of a row has the same height before and after loading. */
  .rate-line {
    display: flex;
    flex-direction: column;
    /* The rate's line and the denominator's (its 0.75rem text and 0.25rem of leading). */
    min-height: calc(1lh + 1rem);
  }
  .denominator {
    font-size: 0.75rem;
    line-height: calc(1em + 0.25rem);
  }
  .rate {
    font-weight: 600;
  }
  .rate.none,
  .denominator,
  .extra {
    color: var(--_muted);
  }
  .extra {
    font-size: 0.75rem;
  }
  .level,
  .level-word {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    color: var(--_fg);
    font-weight: 600;
  }

  /* Focus: visible on every button, never color alone (an outline). */
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .info {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
  }
  /* The explanations' look and place: toggletipStyles. */
  .tip-line.note {
    font-weight: 600;
  }

  /* Layout: list, one row per indicator. */
  .layout-list .metrics {
    grid-template-columns: 1fr;
    gap: 0;
    /* Its rows lay out by the list's own width (below). */
    container-type: inline-size;
  }
  .layout-list .metric-button {
    display: grid;
    /* The minimums give way together below 26rem (a narrow column) instead of overflowing it. */
    grid-template-columns:
      minmax(min(8rem, calc((100% - 2rem) * 0.3)), 1fr)
      minmax(min(6rem, calc((100% - 2rem) * 0.25)), auto)
      minmax(min(12rem, calc((100% - 2rem) * 0.45)), 1.2fr);
    align-items: baseline;
    gap: 0 1rem;
    padding-inline-end: 2.25rem;
    border-radius: 0;
    border-width: 0 0 1px;
  }
  .layout-list .metric:first-child .metric-button {
    border-top-width: 1px;
  }
  /* Inside the row, as the timeline's: outside it, the next row covered its bottom edge. */
  .layout-list .metric-button:focus-visible {
    outline-offset: -2px;
  }
  /* No height for a rate a count-only indicator does not have: on a row's baseline, an empty line 1lh high lowered
     its name and count and made its row taller than the others (a list), or lowered its label (a chip). A narrow list
     keeps it (below): each row has two lines there. */
  .layout-list .rate-line,
  .layout-compact .rate-line {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.375rem;
    min-height: 0;
  }
  /* A narrow list (a phone): the name and the count on one line, the rate and its denominator on the next, so that
     long counts and French names never run into each other; the count under the name when both do not fit side by
     side (in two columns, the name's was narrower than its words: "Versende|t", "Désabonneme|nts" at 200 % text). */
  @container (max-width: 26rem) {
    .layout-list .metric-button {
      display: flex;
      /* A row (the shorthand resets the column direction of the other layouts), wrapped. */
      flex-flow: wrap;
    }
    .layout-list .label {
      flex: auto;
    }
    .layout-list .rate-line,
    .layout-list .extra,
    .layout-list .level {
      flex-basis: 100%;
    }
    .layout-list .rate-line {
      min-height: 1lh;
    }
  }
  .layout-list .label,
  .layout-compact .label {
    padding-inline-end: 0;
  }
  .layout-list .count {
    font-size: 1rem;
    text-align: end;
  }
  .layout-list .extra,
  .layout-list .level {
    grid-column: 1 / -1;
  }
  .layout-list .info {
    inset-block-start: 0.625rem;
  }

  /* Layout: compact, a dense strip of chips. */
  .layout-compact .metrics {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }
  .layout-compact .metric-button {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.375rem;
    /* The room for the info button is at the end of the line, in either direction. */
    padding-block: 0.25rem;
    padding-inline: 0.625rem 2rem;
    border-radius: 999px;
  }
  .layout-compact .metric.warning .metric-button,
  .layout-compact .metric.danger .metric-button {
    border-width: 2px;
    box-shadow: none;
  }
  /* Beside the text, not on its baseline: there its icon's bottom edge sat on the line's baseline, which lowered the
     chip's text and made it taller than the others. */
  .layout-compact .level {
    align-self: center;
  }
  .layout-compact .count {
    font-size: 0.875rem;
    line-height: calc(1em + 0.375rem);
  }
  .layout-compact .info {
    inset-block-start: 0.125rem;
    inset-inline-end: 0.25rem;
  }

  /* Warnings */
  .warnings {
    margin-block-start: var(--_gap);
    padding: 0.75rem 0.875rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  .warnings .heading {
    font-size: 0.875rem;
    line-height: calc(1em + 0.375rem);
  }
  .warnings ul {
    display: grid;
    gap: 0.5rem;
    margin: 0.5rem 0 0;
    padding: 0;
    list-style: none;
  }
  .flag {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125rem 0.5rem;
    padding: 0.375rem 0.625rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 2);
    background: var(--_bg);
  }
  .note {
    flex-basis: 100%;
  }
  .suspension {
    margin: 0.5rem 0 0;
    font-weight: 600;
  }

  /* Actions, errors */
  .actions {
    display: flex;
    justify-content: flex-end;
    margin-block-start: var(--_gap);
  }
  .action {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    min-height: 2rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    font: inherit;
    cursor: pointer;
  }
  /* Under a mouse only: a touch screen keeps :hover on what was last tapped, which would stay lit (a closed
     explanation's button, an indicator tapped again to unselect it). */
  @media (hover: hover) {
    button.metric-button:hover,
    .action:hover {
      background: var(--_hover);
    }
  }
  /* The error box: errorBoxStyles (shared with <status-timeline>). */

  /* Loading skeleton: same boxes as the indicators, bones in place of the text. */
  .skeleton .metric-button {
    cursor: default;
  }
  /* Widths in ems, not percentages: the label, count and rate boxes around them shrink to fit their content. */
  .bone {
    display: inline-block;
    width: 7em;
    max-width: 100%;
    height: 0.75em;
    border-radius: 0.25rem;
    background: var(--_bone);
  }
  .count .bone {
    width: 3.5em;
  }
  .rate-line .bone {
    width: 5em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.8;
    }
  }

  @media (forced-colors: active) {
    .metric-button,
    .action,
    .warnings,
    .error {
      border-color: CanvasText;
    }
    .level,
    .level-word {
      color: CanvasText;
    }
    .metric-button[aria-pressed="true"]::after {
      forced-color-adjust: none;
      background: Highlight;
    }
    .bone {
      forced-color-adjust: none;
      background: GrayText;
    }
  }

  /* Print: every indicator on paper in a plain three-column grid, no controls. */
  @media print {
    /* Black on white whatever the page's theme (a dark page printed with its backgrounds made the figures black on
       near-black): light tokens, and a background of its own under the transparent cards. */
    :host {
      color-scheme: light;
      color: #000;
      background: #fff;
    }
    .metrics,
    .layout-compact .metrics,
    .layout-list .metrics {
      display: grid;
      grid-template-columns: repeat(3, 1fr);
      gap: 0.5rem;
    }
    .metric {
      break-inside: avoid;
    }
    .metric-button,
    .layout-compact .metric-button,
    .layout-list .metric-button {
      display: flex;
      flex-direction: column;
      padding: 0.5rem;
      border: 1px solid #000;
      border-radius: 0;
      background: none;
      box-shadow: none;
      color: #000;
    }
    /* The muted texts (.label, .denominator, .extra, .rate.none, .status, .sending-help, .empty, .channel): black
       too. Set under the host, whose --_bone keeps the muted color it was mixed from. */
    .base {
      --_muted: #000;
    }
    .info,
    .actions,
    .retry {
      display: none;
    }
    .warnings,
    .flag {
      break-inside: avoid;
      border: 1px solid #000;
      background: none;
    }
  }
`;

// Only the categories the stats draw: warning and danger marks.
export const styles = [tokenStylesFor(['warning', 'danger']), baseStyles, toggletipStyles, errorBoxStyles, own];
