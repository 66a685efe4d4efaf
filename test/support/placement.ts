import { waitUntil } from '@open-wc/testing';

/** The part of `rect` inside the viewport equals `rect`: nothing is cut off. */
export const inViewport = (rect: DOMRect): boolean =>
  rect.left >= 0 && rect.top >= 0 && rect.right <= innerWidth && rect.bottom <= innerHeight;

/** How far `tip` sits below `trigger`, or above it (negative when the two overlap). */
const gapBetween = (tip: Element, trigger: Element): number => {
  const box = tip.getBoundingClientRect();
  const at = trigger.getBoundingClientRect();
  return box.top >= at.bottom ? box.top - at.bottom : at.top - box.bottom;
};

/**
 * Whether what shows at the middle of `tip` is `tip`: not hidden (Floating UI's until placed, its trigger's out of
 * sight), not out of the window. By hit testing, not by its computed `visibility`: Firefox 153's `getComputedStyle()`
 * of a popover placed by a position fallback keeps reading the values of its first placement (see
 * tooltipPlacementStyles), `hidden` once it has been hidden.
 */
export function showing(tip: HTMLElement): boolean {
  const box = tip.getBoundingClientRect();
  const hit = (tip.getRootNode() as Document | ShadowRoot).elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return hit !== null && tip.contains(hit);
}

/**
 * Resolves once Floating UI, which the kit loads on a tooltip's first opening where it places it (WebKit, a browser
 * without anchor positioning, a trigger in a transformed box), is in the page: the same module the kit imports, so its
 * own `import()` is then answered from the page's module map. The first placement of a test file otherwise includes
 * fetching it from the test server, more than `waitUntil`'s second on a loaded machine (Firefox, a full run: 784 ms
 * for the fetch alone).
 */
export const floatingUiLoaded = async (): Promise<void> => void (await import('@floating-ui/dom'));

/**
 * Waits until `tip` shows beside `trigger` (below it, or above it; at most 12 px away, never over it) and inside the
 * viewport. Floating UI places a tooltip in a later frame, hidden until then; CSS anchor positioning at once.
 */
export async function placedBeside(tip: HTMLElement, trigger: Element, label: string): Promise<void> {
  const beside = () => gapBetween(tip, trigger) >= 0 && gapBetween(tip, trigger) <= 12;
  await floatingUiLoaded();
  await waitUntil(
    () => showing(tip) && beside() && inViewport(tip.getBoundingClientRect()),
    `${label}: not shown beside its trigger and inside the window (${gapBetween(tip, trigger)} px off, ${JSON.stringify(tip.getBoundingClientRect())})`,
  );
}
