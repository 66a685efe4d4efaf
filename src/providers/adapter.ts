import type { Cursor } from './cursor.js';
import type { Context } from './emit.js';
import type { ProviderEvent, ProviderMapping } from './types.js';

/** One provider: its mapping tables (for docs and `mapStatus`) and the reader of its webhook bodies. */
export interface Adapter {
  readonly mapping: ProviderMapping;
  /** The provider posts `application/x-www-form-urlencoded` (Twilio, Vonage). */
  readonly acceptsForm: boolean;
  /** Reads a decoded body (parsed JSON or form record) into canonical events. */
  normalize(body: Cursor, ctx: Context): ProviderEvent[];
}

/** The items of a batched body, or the body itself when it is a single object. */
export const batch = (body: Cursor): Cursor[] => (body.isArray ? body.items() : [body]);

/** Arrays inside arrays are read as batches of batches, down to this depth; a deeper body is refused. */
const MAX_NESTING = 16;

/**
 * `unwrap` applied to every non-array value of a body, nested arrays flattened in order. The depth is bounded so
 * that a hostile body thousands of arrays deep fails with a `ProviderPayloadError`, not a stack overflow.
 */
export function flatten<T>(body: Cursor, unwrap: (item: Cursor) => T[], depth = 0): T[] {
  if (!body.isArray) return unwrap(body);
  if (depth === MAX_NESTING) body.fail(`arrays nested more than ${MAX_NESTING} deep`);
  return body.items().flatMap((item) => flatten(item, unwrap, depth + 1));
}
