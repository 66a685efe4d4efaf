/**
 * Places an open tooltip next to its trigger. The tooltip is a popover in the top layer, so no ancestor's
 * `overflow`, `transform` or `contain: paint` can clip it; what is left is keeping it beside its trigger and inside
 * the viewport. CSS anchor positioning does that with no script (the `.anchored` rules in `tooltipStyles`:
 * below the trigger, flipped above when there is no room, shifted sideways to stay on screen). Browsers without it
 * load Floating UI on first use, with the same placement, flip and shift.
 */

/** How a tooltip is placed: `anchor` (CSS anchor positioning) or `floating` (Floating UI). */
export type TooltipPlacementStrategy = 'anchor' | 'floating';

let anchorSupport: boolean | undefined;

/** Whether this browser has CSS anchor positioning with `position-area`. */
export function supportsAnchorPositioning(): boolean {
  anchorSupport ??=
    typeof CSS !== 'undefined' &&
    typeof CSS.supports === 'function' &&
    CSS.supports('anchor-name: --estafette') &&
    CSS.supports('position-area: block-end');
  return anchorSupport;
}

/** Space kept between the trigger and the tooltip, and between the tooltip and the viewport's edges (px). */
export const TOOLTIP_OFFSET = 6;
export const VIEWPORT_PADDING = 8;

let anchors = 0;

/**
 * Keeps `tip` placed next to `trigger` while it is open. Returns the function that stops following the trigger;
 * call it when the tooltip closes.
 */
export function positionTooltip(
  trigger: HTMLElement,
  tip: HTMLElement,
  strategy: TooltipPlacementStrategy = supportsAnchorPositioning() ? 'anchor' : 'floating',
): () => void {
  if (strategy === 'anchor') {
    // Anchor names are tree-scoped: unique within one shadow root is enough, a page-wide counter is simplest.
    let name = tip.dataset['anchor'];
    if (!name) {
      name = `--estafette-tip-${++anchors}`;
      tip.dataset['anchor'] = name;
    }
    trigger.style.setProperty('anchor-name', name);
    tip.style.setProperty('position-anchor', name);
    tip.classList.add('anchored');
    return () => {};
  }
  return floatTooltip(trigger, tip);
}

/** The Floating UI placement: below, flipped above when needed, shifted to stay in the viewport. */
function floatTooltip(trigger: HTMLElement, tip: HTMLElement): () => void {
  tip.classList.remove('anchored');
  // Hidden until the first position is known, so it never flashes in a corner.
  tip.style.visibility = 'hidden';
  let stop: (() => void) | undefined;
  let cancelled = false;
  void import('@floating-ui/dom').then(({ autoUpdate, computePosition, flip, offset, shift }) => {
    if (cancelled) return;
    stop = autoUpdate(trigger, tip, () => {
      void computePosition(trigger, tip, {
        strategy: 'fixed',
        placement: 'bottom',
        middleware: [offset(TOOLTIP_OFFSET), flip({ padding: VIEWPORT_PADDING }), shift({ padding: VIEWPORT_PADDING })],
      }).then(({ x, y }) => {
        if (cancelled) return;
        tip.style.left = `${x}px`;
        tip.style.top = `${y}px`;
        tip.style.visibility = '';
      });
    });
  });
  return () => {
    cancelled = true;
    stop?.();
  };
}
