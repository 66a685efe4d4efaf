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
