let warnings = 0;

/**
 * A console warning about data the kit was given, 20 at most per page: a page of 10,000 badges whose source fails
 * must not flood the console. `detail` (an error, say) is logged as an object, for the console to expand.
 */
export function warnOnce(message: string, detail?: unknown): void {
  if (warnings++ < 20) console.warn(`estafette: ${message}`, ...(detail === undefined ? [] : [detail]));
  else if (warnings === 21) console.warn('estafette: more data-source problems, not logged.');
}
