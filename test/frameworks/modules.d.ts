// Types for what the framework tests import that has none of its own: the examples (plain JSX and Vue files),
// react-dom (its types are not installed; only what the tests call) and the wrappers generated at test time.
declare module '*/examples/react/CampaignPage.jsx' {
  import type { FunctionComponent } from 'react';
  export const CampaignPage: FunctionComponent<{
    campaignId: string;
    contacts: readonly { id: string; name: string; messageId: string }[];
    thresholds?: object;
    onFilter: (statuses: readonly string[]) => void;
    onStatusChange?: (contact: { id: string; name: string; messageId: string }, status: string) => void;
  }>;
}

declare module '*.vue' {
  import type { Component } from 'vue';
  const component: Component;
  export default component;
}

declare module 'react-dom' {
  export function flushSync<R>(fn: () => R): R;
}

declare module 'react-dom/client' {
  import type { ReactNode } from 'react';
  export interface Root {
    render(children: ReactNode): void;
    unmount(): void;
  }
  export function createRoot(container: Element): Root;
}

/** What examples/react/generate-wrappers.mjs prints for custom-elements.json (served by server-plugins.mjs). */
declare module 'virtual:estafette-react' {
  import type { ComponentType } from 'react';
  type Wrapper = ComponentType<Record<string, unknown>>;
  export const CampaignStats: Wrapper;
  export const EmailStatusBadge: Wrapper;
  export const StatusTimeline: Wrapper;
  export const StatusSource: Wrapper;
}

/** React 18, installed beside React 19 under aliases (its types are React's; only what the tests call). */
declare module 'react-18' {
  export { createElement, version } from 'react';
}

declare module 'react-dom-18' {
  export function flushSync<R>(fn: () => R): R;
}

declare module 'react-dom-18/client' {
  export { createRoot, type Root } from 'react-dom/client';
}

/** The same wrappers, importing React 18. */
declare module 'virtual:estafette-react-18' {
  export * from 'virtual:estafette-react';
}

/**
 * What the Angular example imports as a user would: the package's own `estafette/define`, which resolves to
 * dist/types only once the package is built (the test server serves src/define.ts for it).
 */
declare module 'estafette/define';
