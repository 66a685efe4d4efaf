// The microtask checkpoints seen so far: moving an element (sorting a table, a framework re-parenting it)
// disconnects and reconnects it before the next one; leaving the page does not come back before it.
let turn = 0;
let counting = false;

/**
 * Tells an element that left the page from one moved within it: keep `leftAt()` in `disconnectedCallback`, and
 * `cameBack(kept)` in `connectedCallback` says whether it was away past the moment it left (updates for it may
 * have been missed meanwhile), not moved. However many elements leave at once (a table of 10,000 badges removed),
 * one microtask.
 */
export function leftAt(): number {
  if (!counting) {
    counting = true;
    queueMicrotask(() => {
      counting = false;
      turn++;
    });
  }
  return turn;
}

/** See {@link leftAt}: false for an element that never left, or was only moved. */
export const cameBack = (left: number | undefined): boolean => left !== undefined && left !== turn;
