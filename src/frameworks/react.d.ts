// `import type {} from 'estafette/react'` (or `/// <reference types="estafette/react" />`) in a React 19 + TypeScript
// app: the four tags in JSX, typed. Properties are the elements' own (campaignId, thresholds, source, ...); ids may be
// numbers and times `Date`s, as the elements read them, and `null` stands for "not given". The attribute spellings
// (campaign-id, message-id) are accepted too, as React sets either: each element's are listed in props.d.ts, as
// custom-elements.json names them. Events are `on` + the exact event name, as React 19 wires them for custom
// elements. (TypeScript checks no dashed name a tag does not declare, by design: `data-*` and `aria-*` work, and so
// would a misspelled `mesage-id`; the camelCase `mesageId` is refused.)
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { Optional, Tags } from './props.js';

/** React's `on<event>` props of a tag: `onmetric-select`, with the event's class. */
type EventProps<Events> = { [K in keyof Events & string as `on${K}`]: (event: Events[K]) => void };

/**
 * React's props of a tag: its HTML attributes, its element's own properties (`wider` overrides the types of some, as
 * the elements read them), its dashed attributes and its `on<event>` props.
 */
type ElementProps<T extends Tags[keyof Tags]> = DetailedHTMLProps<HTMLAttributes<T['element']>, T['element']> &
  Optional<Omit<T['element'], keyof HTMLElement | keyof T['wider']>> &
  Optional<T['wider']> &
  Optional<T['attributes']> &
  Optional<EventProps<T['events']>>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'status-source': ElementProps<Tags['status-source']>;
      'email-status-badge': ElementProps<Tags['email-status-badge']>;
      'campaign-stats': ElementProps<Tags['campaign-stats']>;
      'status-timeline': ElementProps<Tags['status-timeline']>;
    }
  }
}
