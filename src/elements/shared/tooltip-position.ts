/**
 * Places an open tooltip next to its trigger. The tooltip is a popover in the top layer, so no ancestor's
 * `overflow`, `transform` or `contain: paint` can clip it; what is left is keeping it beside its trigger and inside
 * the viewport. CSS anchor positioning does that with no script (`tooltipPlacementStyles`, in the badge's tooltips
 * and campaign-stats' explanations: on the side of the trigger with more room, shifted sideways to stay on screen).
 * Browsers without it, WebKit (see `supportsAnchorPositioning`), and a trigger inside a transformed box (see
 * `underTransform`) load Floating UI on first use: below the trigger, above it when there is no room below, shifted
 * the same way.
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
 * Whether something around `trigger` (up the flat tree, through shadow roots and slots) moves it with a transform:
 * `transform`, `translate`, `rotate` or `scale` (a drawer slid in, a card scaled up). CSS anchor positioning places a
 * tooltip by its trigger's box before transforms in Firefox (153; bug 1993692) and Chromium before 144: the tooltip
 * opened over its trigger, 34 px up in a box moved 40 px down. Floating UI reads where the trigger is drawn.
 */
export function underTransform(trigger: Element): boolean {
  for (let el: Element | null = trigger; el; el = el.assignedSlot ?? el.parentElement ?? (el.getRootNode() as ShadowRoot).host) {
    const { transform, translate, rotate, scale } = getComputedStyle(el);
    if (transform + translate + rotate + scale !== 'nonenonenonenone') return true;
  }
  return false;
}

/**
 * Keeps `tip` placed next to `trigger` while it is open. Returns the function that stops following the trigger;
 * call it when the tooltip closes. By default CSS anchor positioning where it places it right (see
 * `supportsAnchorPositioning` and `underTransform`, asked at each opening), else Floating UI.
 */
export function positionTooltip(
  trigger: HTMLElement,
  tip: HTMLElement,
  strategy: TooltipPlacementStrategy = supportsAnchorPositioning() && !underTransform(trigger) ? 'anchor' : 'floating',
): () => void {
  const stop = strategy === 'anchor' ? anchorTooltip(trigger, tip) : floatTooltip(trigger, tip);
  // Hidden while its trigger is out of sight (scrolled out of a box or of the window), shown again when it is back.
  // Chromium's anchored popovers do that by themselves (position-visibility), Firefox's (153) and Floating UI's did
  // not: a table's box scrolled its badge out of sight, and the tooltip stayed over the rows around it. Hidden, it
  // would drop the keyboard focus inside it (a scrolling explanation, its Tab stop) to the page's body: the focus goes
  // back to the trigger first, where it is (not scrolled to), and on from there.
  const sight = new IntersectionObserver((entries) => {
    const out = !entries.at(-1)!.isIntersecting;
    if (out && tip.matches(':focus-within')) trigger.focus({ preventScroll: true });
    tip.classList.toggle('out-of-sight', out);
  });
  sight.observe(trigger);
  return () => {
    sight.disconnect();
    tip.classList.remove('out-of-sight');
    stop();
  };
}

/** The CSS anchor positioning placement (`tooltipPlacementStyles`). */
function anchorTooltip(trigger: HTMLElement, tip: HTMLElement): () => void {
  // Anchor names are tree-scoped: unique within one shadow root is enough, a page-wide counter is simplest.
  let name = tip.dataset['anchor'];
  if (!name) {
    name = `--estafette-tip-${++anchors}`;
    tip.dataset['anchor'] = name;
  }
  trigger.style.setProperty('anchor-name', name);
  tip.style.setProperty('position-anchor', name);
  // Placed by Floating UI at an earlier opening (its trigger was in a transformed box then): not any more.
  for (const property of ['left', 'top', 'max-block-size', 'visibility']) tip.style.removeProperty(property);
  tip.classList.add('anchored');
  firstPlacement.delete(tip);
  return () => {};
}

/** The first placement of each tooltip that Floating UI places, while it is pending. */
const firstPlacement = new WeakMap<HTMLElement, Promise<void>>();

/**
 * Resolves once `tip`, just opened by `positionTooltip`, shows where it stays: at once when CSS anchor positioning
 * places it; Floating UI places it a few frames later (loaded on first use), hidden until then.
 */
export const placed = (tip: HTMLElement): Promise<void> => firstPlacement.get(tip) ?? Promise.resolve();

/** The Floating UI placement: below, flipped above when needed, shifted to stay in the viewport, height capped. */
function floatTooltip(trigger: HTMLElement, tip: HTMLElement): () => void {
  tip.classList.remove('anchored');
  // Hidden until the first position is known, so it never flashes in a corner.
  tip.style.visibility = 'hidden';
  let stop: (() => void) | undefined;
  let cancelled = false;
  let settle!: () => void;
  firstPlacement.set(tip, new Promise<void>((resolve) => (settle = resolve)));
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
        settle();
      });
    });
  }, (error: unknown) => {
    settle();
    throw error;
  });
  return () => {
    cancelled = true;
    settle();
    stop?.();
  };
}
