import { css } from 'lit';

/** Styles of `<email-status-badge>`: one sheet shared by every instance. Colors come from `tokenStyles`. */
export const badgeStyles = css`
  /* inline-flex, not inline-block: the same box from outside, but no line box of its own to lay out around the
     badge, which a column of 10,000 badges pays for (npm run bench, scenario 1). */
  :host {
    display: inline-flex;
    max-inline-size: 100%;
    vertical-align: middle;
    line-height: 1;
  }
  :host([hidden]) {
    display: none;
  }

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
    font-size: var(--estafette-badge-font-size-small, 0.75rem);
    block-size: 1.7em;
    gap: 0.3em;
    padding-inline: 0.45em 0.6em;
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
  }

  /* A machine's open: same label, a dashed outline as a hint (the tooltip says it in words). */
  .automated {
    border-style: dashed;
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

  /* Loading: the same box, an empty bar for the label, so nothing moves when the status arrives. */
  .loading {
    min-inline-size: var(--estafette-badge-placeholder-width, 6.5em);
  }
  .loading.icon-only {
    min-inline-size: 0;
  }
  /* Dimmed by mixing the color, not by opacity, and made smaller by a transparent border, not by a transform:
     either would give each of thousands of placeholders a paint effect of its own (npm run bench, scenario 2: the
     column loaded about 20% slower with them). No pulse, for the same reason, many times over (about 3x slower):
     the dimmed bar says "loading". */
  .loading [part~='label'] {
    flex: 1;
    block-size: 0.6em;
    border-radius: 0.3em;
    background: color-mix(in srgb, currentColor 30%, transparent);
  }
  .loading [part~='icon'] {
    box-sizing: border-box;
    border: 0.18em solid transparent;
    border-radius: 50%;
    background: color-mix(in srgb, currentColor 30%, transparent) content-box;
  }
  .dot.loading [part~='icon'] {
    border: 0;
  }
  /* Loaded after a wait: keep the placeholder's width, so a column of badges does not jump. */
  .reserved:not(.icon-only) {
    min-inline-size: var(--estafette-badge-placeholder-width, 6.5em);
  }
  .error {
    border-style: dashed;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    .badge,
    .dot {
      border: 1px solid CanvasText;
      background: Canvas;
      color: CanvasText;
    }
    .dot {
      border-color: transparent;
    }
    /* No colors to tell statuses apart: the dot gives way to the icon, whose shape does. */
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
