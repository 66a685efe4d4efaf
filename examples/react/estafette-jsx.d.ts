// TypeScript with React 19: the four tags in JSX, typed. Copy this file into your sources (any name ending in
// .d.ts that your tsconfig includes). Properties are the elements' own (campaignId, thresholds, source, ...); the
// attribute spellings (campaign-id, message-id) are accepted too, as React sets either; events are `on` + the exact
// event name, as React 19 wires them for custom elements.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  CampaignStatsElement,
  EmailStatusBadgeElement,
  EntrySelectEvent,
  MetricSelectEvent,
  StageChangeEvent,
  StatusChangeEvent,
  StatusSourceElement,
  StatusTimelineElement,
} from 'estafette';

/** React's props of an element: its HTML attributes, its own properties, and its dashed attributes. */
type ElementProps<E extends HTMLElement, Events = object> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Partial<Omit<E, keyof HTMLElement>> &
  Events & { [dashedAttribute: `${string}-${string}`]: unknown };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'status-source': ElementProps<StatusSourceElement>;
      'email-status-badge': ElementProps<EmailStatusBadgeElement, { 'onstatus-change'?: (event: StatusChangeEvent) => void }>;
      'campaign-stats': ElementProps<CampaignStatsElement, { 'onmetric-select'?: (event: MetricSelectEvent) => void }>;
      'status-timeline': ElementProps<StatusTimelineElement, { 'onstage-change'?: (event: StageChangeEvent) => void; 'onentry-select'?: (event: EntrySelectEvent) => void }>;
    }
  }
}
