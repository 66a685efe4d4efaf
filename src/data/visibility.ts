/** Whether the page is visible, and a way to hear when that changes. Injectable for tests. */
export interface VisibilityProvider {
  hidden(): boolean;
  /** Calls `listener` after each change; returns the function that stops it. */
  onChange(listener: () => void): () => void;
}

/** The document's visibility (`document.visibilityState`); always visible where there is no document. */
export const documentVisibility: VisibilityProvider = {
  hidden: () => typeof document !== 'undefined' && document.visibilityState === 'hidden',
  onChange(listener) {
    if (typeof document === 'undefined') return () => {};
    document.addEventListener('visibilitychange', listener);
    return () => document.removeEventListener('visibilitychange', listener);
  },
};
