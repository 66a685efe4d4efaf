import { css } from 'lit';
import { tooltipPlacementStyles } from './tooltip-placement.styles.js';

/**
 * Styles of the tooltips created by `TooltipController`, for the `static styles` of the element that hosts them
 * (together with `tokenStyles`, which provides the `--_surface-*` colors). One sheet with their box and placement
 * (`tooltipPlacementStyles`).
 */
export const tooltipStyles = css`
  ${tooltipPlacementStyles}
  .tooltip {
    max-inline-size: min(var(--estafette-tooltip-max-width, 22rem), calc(100% - 16px));
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--estafette-tooltip-border, var(--_surface-border));
    border-radius: var(--estafette-tooltip-radius, 6px);
    background: var(--estafette-tooltip-bg, var(--_surface-bg));
    color: var(--estafette-tooltip-fg, var(--_surface-fg));
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
    font: 400 var(--estafette-tooltip-font-size, 0.8125rem) / 1.45 var(--estafette-font-family, system-ui, sans-serif);
    letter-spacing: normal;
    text-align: start;
    text-transform: none;
    white-space: normal;
    overflow-wrap: anywhere;
    cursor: auto;
    /* Shown at full opacity; opening plays a short fade-in on top. Nothing ever waits on an animation to make it
       visible: as a transition from @starting-style (with display and overlay transitioned for a fade-out), the
       tooltip stayed at opacity 0, invisible, in WebKit 2.50 (Safari's engine, npm run test:webkit). */
    animation: estafette-fade-in 120ms ease-out;
  }
  @keyframes estafette-fade-in {
    from {
      opacity: 0;
    }
  }
  .tooltip p,
  .tooltip dl,
  .tooltip dd {
    margin: 0;
  }
  .tooltip > * + *,
  .tooltip .body > * + * {
    margin-block-start: 0.4em;
  }
  .tooltip .title {
    font-weight: 600;
  }
  .tooltip .muted,
  .tooltip dt {
    color: var(--estafette-tooltip-muted, var(--_surface-muted));
  }
  .tooltip dt {
    font-weight: 600;
    font-size: 0.92em;
  }
  .tooltip dd + dt {
    margin-block-start: 0.3em;
  }
  .tooltip code {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.92em;
  }
  @media (prefers-reduced-motion: reduce) {
    .tooltip {
      animation: none;
    }
  }
  @media (forced-colors: active) {
    .tooltip {
      border-color: CanvasText;
      box-shadow: none;
    }
  }
`;
