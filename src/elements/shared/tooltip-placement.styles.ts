import { css } from 'lit';

/**
 * The box of a `.tooltip` that `positionTooltip()` places beside its trigger, whichever way: a popover taken out of
 * its default box (centered, inset 0), as wide as its text, never taller than the window (it scrolls inside instead).
 * Its limits are percentages of its containing block (the window less its scrollbars, or the area beside the trigger),
 * never 100vw or 100vh, which count a classic scrollbar (Firefox, Chromium on Windows): a tooltip as wide as 100vw less
 * its margins fitted beside its trigger in no placement, and Firefox drew it at the window's bottom edge, away from its
 * trigger (12 to 100 px under it in a 320 px window).
 * Then where CSS anchor positioning puts it, once `positionTooltip()` has given it the `anchored` class: on
 * the side of its trigger with more room (below it, or above it), centered on it and shifted to stay inside the
 * viewport, no taller than that room (the area between the trigger and the viewport's edge) and scrolled inside when
 * longer: never over its trigger.
 * The two placements are both fallbacks, ordered by `position-try-order`; the first placement is pushed down by a
 * margin of 4,000,000 px, so that it never fits. A window's height (100dvh) was not enough: it fitted below a trigger
 * far enough above the window, and the explanation came back into the window, alone (a scrolling box scrolled on in
 * Firefox, an explanation opened with its ⓘ out of sight in Chromium). 4,000,000 px: more than pages scroll, and well
 * under the longest length Chromium (33,554,431 px) and Firefox (17,895,697 px) lay out. Browsers differ on the first
 * placement: Chromium sorts it with the fallbacks, Firefox 153 keeps it whenever it fits. With "below, shrunk to the
 * room" as the first placement, Firefox squeezed a long explanation into the last few pixels of the window instead of
 * showing it above; with "below, whole" first (shrinking only in the fallbacks), Chromium reset a scrolled tooltip's
 * position to that placement's smaller scroll range when a key press restyled it. The margin leaves its size that of
 * the "below" placement.
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
    max-block-size: calc(100% - 16px);
    overflow: auto;
  }
  .tooltip.anchored {
    position-area: block-end;
    margin: 4000000px 8px 6px;
    max-block-size: calc(100% - 12px);
    position-try-fallbacks: --estafette-tip-below, --estafette-tip-above;
    position-try-order: most-block-size;
  }
  @position-try --estafette-tip-below {
    position-area: block-end;
    margin: 6px 8px;
    max-block-size: calc(100% - 12px);
  }
  /* Its trigger scrolled out of sight (positionTooltip). */
  .tooltip.out-of-sight {
    visibility: hidden;
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
