import { css } from 'lit';

/**
 * The box of a `.tooltip` that `positionTooltip()` places beside its trigger, whichever way: a popover taken out of
 * its default box (centred, inset 0), as wide as its text, never taller than the window (it scrolls inside instead).
 * Then where CSS anchor positioning puts it, once `positionTooltip()` has given it the `anchored` class: on
 * the side of its trigger with more room (below it, or above it), centred on it and shifted to stay inside the
 * viewport, no taller than that room (the area between the trigger and the viewport's edge) and scrolled inside when
 * longer: never over its trigger.
 * The two placements are both fallbacks, ordered by `position-try-order`; the first placement is pushed off the
 * window by its margin, so that it never fits. Browsers differ on the first placement: Chromium sorts it with the
 * fallbacks, Firefox 153 keeps it whenever it fits. With "below, shrunk to the room" as the first placement, Firefox
 * squeezed a long explanation into the last few pixels of the window instead of showing it above; with "below,
 * whole" first (shrinking only in the fallbacks), Chromium reset a scrolled tooltip's position to that placement's
 * smaller scroll range when a key press restyled it. The margin leaves its size that of the "below" placement.
 * What it draws is current in both, but Firefox 153's `getComputedStyle()` of an element placed by a fallback keeps
 * the values of the moment it was first placed (the fade-in's first frame, opacity 0; colors before a theme
 * change), through closing and opening again: a script reading the tooltip's computed style there reads stale values.
 * Shared by the badge's tooltips (`tooltipStyles`) and campaign-stats' explanations, which add their own look and
 * width.
 */
export const tooltipPlacementStyles = css`
  .tooltip {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    /* Its own width wherever it is placed: not narrowed by the window's edge before Floating UI shifts it, which
       would change its height as it moves (and set off a ResizeObserver loop in Firefox). */
    inline-size: max-content;
    max-block-size: calc(100vh - 16px);
    overflow: auto;
  }
  .tooltip.anchored {
    position-area: block-end;
    margin: 100dvh 8px 6px;
    max-block-size: calc(100% - 12px);
    position-try-fallbacks: --estafette-tip-below, --estafette-tip-above;
    position-try-order: most-block-size;
  }
  @position-try --estafette-tip-below {
    position-area: block-end;
    margin: 6px 8px;
    max-block-size: calc(100% - 12px);
  }
  /* Not on paper: a tooltip open when the page is printed would cover what is under it, with nothing to close it. */
  @media print {
    .tooltip {
      display: none;
    }
  }
  @position-try --estafette-tip-above {
    position-area: block-start;
    margin: 6px 8px;
    max-block-size: calc(100% - 12px);
  }
`;
