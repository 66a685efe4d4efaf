/**
 * Fixed-row-height windowing: which rows of a long list to put in the DOM for a scroll position. Pure arithmetic,
 * so the bound on rendered rows is testable without a browser: at most `ceil(viewport / rowHeight) + 1 + 2 × overscan`
 * rows whatever the list's length (28 rows for a 600 px box of 56 px rows).
 */

/** Rows rendered beyond each edge of the viewport, so that a fast scroll does not show blank space. */
export const OVERSCAN = 8;

/** Below this a measured row height is a layout glitch (not yet laid out, `display: none`), not a real row. */
export const MIN_ROW_HEIGHT = 16;

/** A half-open range of row indexes: `start` included, `end` excluded. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** The rows to render for a scroll position. */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan: number = OVERSCAN,
): RowRange {
  const height = Math.max(rowHeight, MIN_ROW_HEIGHT);
  const first = Math.floor(Math.max(0, scrollTop) / height);
  const shown = Math.ceil(Math.max(0, viewportHeight) / height) + 1;
  // (No rows: both clamped to 0.)
  const start = clamp(first - overscan, 0, count);
  const end = clamp(first + shown + overscan, start, count);
  return { start, end };
}

/** The scroll position that brings row `index` fully into view with the least movement. */
export function revealRow(index: number, rowHeight: number, scrollTop: number, viewportHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}

/** Where the view stands: the row at its top edge and how far into that row. Kept across list changes. */
export interface ScrollAnchor {
  readonly key: string;
  readonly offset: number;
}

/** The anchor for a scroll position, given the key of each displayed row. */
export function anchorAt(scrollTop: number, rowHeight: number, keyAt: (index: number) => string | undefined): ScrollAnchor | undefined {
  const height = Math.max(rowHeight, MIN_ROW_HEIGHT);
  const index = Math.floor(Math.max(0, scrollTop) / height);
  const key = keyAt(index);
  return key === undefined ? undefined : { key, offset: scrollTop - index * height };
}
