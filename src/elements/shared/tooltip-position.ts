/**
 * Places an open tooltip next to its trigger. The tooltip is a popover in the top layer, so no ancestor's
 * `overflow`, `transform` or `contain: paint` can clip it; what is left is keeping it beside its trigger and inside
 * the viewport. CSS anchor positioning does that with no script (`tooltipPlacementStyles`, in the badge's tooltips
 * and campaign-stats' explanations: on the side of the trigger with more room, shifted sideways to stay on screen).
 * Browsers without it, and WebKit (see `supportsAnchorPositioning`), load Floating UI on first use: below the
 * trigger, above it when there is no room below, shifted the same way.
 */

/** How a tooltip is placed: `anchor` (CSS anchor positioning) or `floating` (Floating UI). */
export type TooltipPlacementStrategy = 'anchor' | 'floating';

/**
 * Whether tooltips are placed by CSS anchor positioning here: the browser has it (with `position-area` and the
 * position fallbacks `tooltipPlacementStyles` places by), and it is not WebKit (Safari, every browser on iOS,
 * WebKitGTK). There, an element with `position-try-fallbacks` (our choice of side) whose ancestor becomes
 * `display: none` sends style resolution into an endless loop: the page freezes when a host hides a tab or closes a
 * dialog holding a campaign-stats (its explanations exist from the first render), or a badge whose tooltip has been
 * shown, open or closed since (WebKit bug 299742, fixed upstream in October 2025; still in WebKitGTK 2.50.6, which
 * npm run test:webkit drives; not known per Safari release, so no WebKit version is trusted). WebKit gets Floating UI
 * instead.
 * Asked at each opening (three `CSS.supports` calls), not once per page: cheap, and tests can play another browser.
 */
export function supportsAnchorPositioning(): boolean {
  return (
    typeof CSS !== 'undefined' &&
    typeof CSS.supports === 'function' &&
    CSS.supports('anchor-name: --estafette') &&
    CSS.supports('position-area: block-end') &&
    CSS.supports('position-try-fallbacks: --estafette') &&
    !(typeof navigator !== 'undefined' && navigator.vendor === 'Apple Computer, Inc.')
  );
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

/** The Floating UI placement: below, flipped above when needed, shifted to stay in the viewport, height capped. */
function floatTooltip(trigger: HTMLElement, tip: HTMLElement): () => void {
  tip.classList.remove('anchored');
  // Hidden until the first position is known, so it never flashes in a corner.
  tip.style.visibility = 'hidden';
  let stop: (() => void) | undefined;
  let cancelled = false;
  void import('@floating-ui/dom').then(({ autoUpdate, computePosition, flip, offset, shift, size }) => {
    if (cancelled) return;
    stop = autoUpdate(trigger, tip, () => {
      // Taken off the page while open (a re-render): a popover removed so closes without a toggle event.
      if (!tip.isConnected) return stop?.();
      void computePosition(trigger, tip, {
        strategy: 'fixed',
        placement: 'bottom',
        // When it fits on neither side: the side with more room (flip's best fit), no taller than that room, scrolling
        // inside (size), as the anchored rules do; never over its trigger.
        middleware: [
          offset(TOOLTIP_OFFSET),
          flip({ padding: VIEWPORT_PADDING }),
          shift({ padding: VIEWPORT_PADDING }),
          size({
            padding: VIEWPORT_PADDING,
            apply: ({ availableHeight }) => tip.style.setProperty('max-block-size', `${Math.max(0, availableHeight)}px`),
          }),
        ],
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
