import type { StatusDataSource } from './source.js';

type Listener = (source: StatusDataSource | undefined) => void;

// Kept on globalThis so that the CDN bundle and an npm copy on one page share one default.
const KEY = Symbol.for('estafette.default-source');
interface Slot {
  source: StatusDataSource | undefined;
  listeners: Set<Listener>;
}
const slot = (): Slot => {
  const g = globalThis as unknown as Record<symbol, Slot | undefined>;
  return (g[KEY] ??= { source: undefined, listeners: new Set() });
};

/** Sets the page-wide data source used by elements that have no `source` and no `<status-source>` ancestor. */
export function setDefaultSource(source: StatusDataSource | undefined): void {
  const s = slot();
  s.source = source;
  for (const listener of s.listeners) listener(source);
}

/** The page-wide data source, if any. */
export const getDefaultSource = (): StatusDataSource | undefined => slot().source;

/** Calls `listener` whenever the default source changes; returns the unsubscribe function. */
export function onDefaultSourceChange(listener: Listener): () => void {
  const s = slot();
  s.listeners.add(listener);
  return () => s.listeners.delete(listener);
}
