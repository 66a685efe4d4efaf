import { css } from 'lit';
import { tooltipPlacementStyles } from './tooltip-placement.styles.js';

/**
 * The look of `toggletip()`: its ⓘ button (placed by each element) and its explanation, styled by the same tokens as
 * the badge's tooltip (one look for every explanation of the kit) and placed the same way (`tooltipPlacementStyles`).
 * Reads the element's `--_muted`, `--_text`, `--_surface`, `--_hover`, `--_radius` and, when set, `--_line`.
 */
export const toggletipStyles = css`
  .info {
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  /* Under a mouse only: a touch screen keeps :hover on what was last tapped, which would stay lit on a closed
     explanation's button. */
  @media (hover: hover) {
    .info:hover {
      background: var(--_hover);
      color: var(--_text);
    }
  }

  /* An explanation's parent box: out of the flow, and left to right (the explanation sets its own direction). Firefox
     (153) places an anchored popover whose parent box runs right to left off the window, mirrored (an explanation
     beside the first indicator of a right-to-left card drew at x = -369). */
  .tip-box {
    position: absolute;
    direction: ltr;
  }
  ${tooltipPlacementStyles}
  .tooltip {
    max-width: min(var(--estafette-tooltip-max-width, 20rem), calc(100% - 16px));
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--estafette-tooltip-border, var(--_line, var(--_surface-border)));
    border-radius: var(--estafette-tooltip-radius, var(--_radius));
    background: var(--estafette-tooltip-bg, var(--_surface));
    color: var(--estafette-tooltip-fg, var(--_text));
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.16);
    font-size: var(--estafette-tooltip-font-size, 0.8125rem);
    line-height: calc(1em + 0.3125rem);
  }
  .tip-line {
    display: block;
  }
  .tip-line + .tip-line {
    margin-block-start: 0.375rem;
  }
`;
