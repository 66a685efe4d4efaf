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
 * Waits until `tip` shows beside `trigger` (below it, or above it; at most 12 px away, never over it) and inside the
 * viewport. Floating UI places a tooltip in a later frame, hidden until then; CSS anchor positioning at once.
 */
export async function placedBeside(tip: HTMLElement, trigger: Element, label: string): Promise<void> {
  const beside = () => gapBetween(tip, trigger) >= 0 && gapBetween(tip, trigger) <= 12;
  await waitUntil(
    () => getComputedStyle(tip).visibility === 'visible' && beside() && inViewport(tip.getBoundingClientRect()),
    `${label}: not shown beside its trigger and inside the window (${gapBetween(tip, trigger)} px off, ${JSON.stringify(tip.getBoundingClientRect())})`,
  );
}
