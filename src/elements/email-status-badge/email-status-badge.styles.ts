import { css } from 'lit';
import { hostTextStyles } from '../../styles/host-text.js';

/** Styles of `<email-status-badge>`: one sheet shared by every instance. Colors come from `tokenStyles`. */
export const badgeStyles = css`
  ${hostTextStyles}
  /* inline-flex, not inline-block: the same box from outside, but no line box of its own to lay out around the
     badge, which a column of 10,000 badges pays for (npm run bench, scenario 1). */
  /* Left to right whatever the page: the badge and its tooltip each set their own direction, from their language.
     The host is the tooltip's parent box, and Firefox (153) places an anchored popover whose parent box runs right
     to left as far off the window as it should be inside it (a badge at the right of a right-to-left page showed
     its tooltip at x = -424). */
  :host {
    display: inline-flex;
    max-inline-size: 100%;
    vertical-align: middle;
    line-height: 1;
    direction: ltr;
  }
  :host([hidden]) {
    display: none;
  }

  /* The paddings, the gap and the icon size are plain values here, and custom properties only on the loading
     placeholder, which paints its disc and bar from them (see .loading): 10,000 badges each declaring four custom
     properties took about 8% longer to draw (A/B in one browser, same DOM and sheets otherwise). Keep the two in step. */
  .badge {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    /* A flex item of the host: may shrink below its label (which then ends with an ellipsis). */
    min-inline-size: 0;
    max-inline-size: 100%;
    block-size: 1.85em;
    padding-inline: 0.55em 0.7em;
    border: 1px solid var(--_border);
    border-radius: var(--estafette-badge-radius, 999px);
    background: var(--_bg);
    color: var(--_fg);
    font-family: var(--estafette-font-family, inherit);
    font-size: var(--estafette-badge-font-size, 0.8125rem);
    font-weight: 600;
    white-space: nowrap;
    cursor: default;
    -webkit-tap-highlight-color: transparent;
  }
  .small {
    gap: 0.3em;
    padding-inline: 0.45em 0.6em;
    font-size: var(--estafette-badge-font-size-small, 0.75rem);
    block-size: 1.7em;
    position: relative;
  }
  /* A small badge is 20 px tall (20 px wide icon-only): what takes a pointer or a finger reaches 24 × 24 px around its
     center (WCAG 2.2, 2.5.8), and no further, without changing its look or its box. Each side's percentage is of
     the box's size that way: min() leaves a side that is long enough where it is. */
  .small::before {
    content: '';
    position: absolute;
    inset: min(0px, 50% - 12px);
  }
  .badge:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  [part~='icon'] {
    flex: none;
    inline-size: 1.2em;
    block-size: 1.2em;
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  [part~='label'] {
    min-inline-size: 0;
    /* clip, not hidden: hidden makes each label a scroll container, which a column of 10,000 badges pays for in
       layout (npm run bench, scenario 1); the ellipsis works with either. */
    overflow: hidden;
    overflow: clip;
    text-overflow: ellipsis;
    /* Tall enough for the font's whole ascent and descent: at the host's line-height 1 the clip cut the accent
       off a capital (É showed as E in "Échec d'envoi"). The badge's own height is fixed: it does not grow. */
    line-height: 1.35;
  }

  /* A machine's open or click: same label, a dashed border as a hint (the tooltip says it in words). Drawn in the
     text color: the border color of a human's open has under 3:1 against the page in both themes (WCAG 1.4.11), too
     faint for the only mark a table shows. */
  .automated {
    border-style: dashed;
    border-color: var(--_fg);
  }

  /* appearance="dot": a colored dot and the label in the surrounding text color. */
  .dot {
    gap: 0.45em;
    padding-inline: 0;
    border-color: transparent;
    background: none;
    color: inherit;
    font-weight: inherit;
  }
  .dot [part~='icon'] {
    inline-size: 0.65em;
    block-size: 0.65em;
    border-radius: 50%;
    background: var(--_fg);
    stroke: none;
  }
  .dot [part~='icon'] > * {
    display: none;
  }
  .dot.automated [part~='icon'] {
    background: none;
    box-shadow: inset 0 0 0 1.5px var(--_fg);
  }

  /* appearance="icon-only": the icon in a circle; the label is the accessible name. */
  .icon-only {
    justify-content: center;
    inline-size: 1.85em;
    padding: 0;
  }
  .small.icon-only {
    inline-size: 1.7em;
    padding: 0;
  }
  .icon-only [part~='label'] {
    display: none;
  }

  /* Loading: the badge box alone, as wide and tall as the status will be, so nothing moves when it arrives. A dimmed
     disc where the icon goes and a dimmed bar where the label goes are painted as its background, not drawn by child
     elements: a placeholder has nothing inside to create, style and lay out (npm run bench, scenario 2: a column of
     10,000 loaded about 15% faster). The positions come from the paddings, gap and icon size, repeated here as custom
     properties for each size and appearance (the same values as the rules above); --_side flips
     them in right-to-left text. Dimmed by mixing the color, not by opacity, and no transform or pulse: either would give each
     of thousands of placeholders a paint effect of its own (the column loaded about 20% slower with them; a pulse,
     about 3x slower); the dimmed bar says "loading". */
  .loading {
    --_start: 0.55em;
    --_end: 0.7em;
    --_gap: 0.35em;
    --_icon: 1.2em;
    /* Opaque (mixed with the badge color, not with transparent): the bar's round ends overlap its middle. 65%: at
       least 3:1 on the badge (3.2:1 light, 4.8:1 dark) and a dot's on the page, what a shape that tells the state
       needs (WCAG 1.4.11); 30% was 1.6:1. */
    --_dim: color-mix(in srgb, currentColor 65%, var(--_bg));
    --_side: left;
    --_disc: 0.84em;
    --_bar: calc(var(--_start) + var(--_icon) + var(--_gap));
    --_round: radial-gradient(closest-side, var(--_dim) 90%, transparent);
    min-inline-size: var(--estafette-badge-placeholder-width, 6.5em);
    background:
      var(--_round) var(--_side) calc(var(--_start) + (var(--_icon) - var(--_disc)) / 2) top 50% / var(--_disc) var(--_disc) no-repeat,
      var(--_round) var(--_side) var(--_bar) top 50% / 0.6em 0.6em no-repeat,
      var(--_round) var(--_side) calc(100% - var(--_end)) top 50% / 0.6em 0.6em no-repeat,
      linear-gradient(var(--_dim), var(--_dim)) var(--_side) calc(var(--_bar) + 0.3em) top 50% /
        calc(100% - var(--_bar) - var(--_end) - 0.6em) 0.6em no-repeat,
      var(--_bg);
  }
  .loading:dir(rtl) {
    --_side: right;
  }
  .loading.small {
    --_start: 0.45em;
    --_end: 0.6em;
    --_gap: 0.3em;
  }
  .dot.loading {
    --_start: 0px;
    --_end: 0px;
    --_gap: 0.45em;
    --_icon: 0.65em;
    --_disc: var(--_icon);
    background-color: transparent;
  }
  .icon-only.loading {
    min-inline-size: 0;
    background: var(--_round) 50% 50% / var(--_disc) var(--_disc) no-repeat, var(--_bg);
  }
  /* A badge first drawn from attributes and then given a message-id keeps its icon and label nodes: hidden here. */
  .loading > * {
    display: none;
  }
  /* Loaded after a wait: keep the placeholder's width, so a column of badges does not jump. */
  .reserved:not(.icon-only) {
    min-inline-size: var(--estafette-badge-placeholder-width, 6.5em);
  }
  .error {
    border-style: dashed;
  }

  /* Punctuation for screen readers only, in the tooltip. Inline and unpositioned, unlike .visually-hidden: Chromium
     puts a space around a positioned element in a description ("Code : 452 4.2.2 ."). Transparent in every engine
     and color mode (WebKit clips no inline box, forced colors override color); a colon's width at a line's end. */
  .said {
    opacity: 0;
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  /* Paper: the light colors whatever the page's theme (browsers leave a dark page's backgrounds out, its light text
     would print pale on white). Matches nothing on screen: no cost to a column of badges. */
  @media print {
    :host {
      color-scheme: light;
    }
  }

  @media (forced-colors: active) {
    .badge,
    .dot {
      border: 1px solid CanvasText;
      background-color: Canvas;
      color: CanvasText;
    }
    /* Forced colors would drop the placeholder's gradients: it draws them itself, in system colors. */
    .loading {
      forced-color-adjust: none;
      --_dim: GrayText;
      --_bg: Canvas;
    }
    /* A system color: forced colors keep it, where they would turn transparent into CanvasText and outline the dot.
       No colors to tell statuses apart: the dot gives way to the icon, whose shape does. */
    .dot {
      border-color: Canvas;
    }
    .dot.loading {
      --_icon: 1.2em;
    }
    .dot [part~='icon'] {
      inline-size: 1.2em;
      block-size: 1.2em;
      background: none;
      box-shadow: none;
      stroke: currentColor;
    }
    .dot [part~='icon'] > * {
      display: inline;
    }
    .badge:focus-visible {
      outline-color: Highlight;
    }
    .automated,
    .error {
      border-style: dashed;
    }
  }
`;
