// TypeScript with React 19: the four tags in JSX, typed. Copy this file into your sources (any name ending in
// .d.ts that your tsconfig includes). Properties are the elements' own (campaignId, thresholds, source, ...); ids
// may be numbers and times `Date`s, as the elements read them, and `null` stands for "not given". The attribute
// spellings (campaign-id, message-id) are accepted too, as React sets either: each element's are listed below, as
// custom-elements.json names them. Events are `on` + the exact event name, as React 19 wires them for custom
// elements. (TypeScript checks no dashed name a tag does not declare, by design: `data-*` and `aria-*` work, and so
// would a misspelt `mesage-id`; the camelCase `mesageId` is refused.)
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

/** An id: its text, or a number (read as its digits); `null` is "not given". */
type Id = string | number | null;
/** A time: ISO 8601 text, or a `Date`; `null` is "not given". */
type Time = string | Date | null;
/** What an attribute carries: React writes a number as its digits; `null` leaves it out. */
type Text = string | number | null;
/** A boolean attribute: present for `true`, absent for `false`. */
type Flag = boolean | null;

/**
 * React's props of an element: its HTML attributes, its own properties (`Wider` overrides the types of some, as
 * the elements read them), its dashed attributes and its `on<event>` props.
 */
type ElementProps<E extends HTMLElement, Wider, Attributes, Events = object> = DetailedHTMLProps<HTMLAttributes<E>, E> &
  Optional<Omit<E, keyof HTMLElement | keyof Wider>> &
  Optional<Wider> &
  Optional<Attributes> &
  Optional<Events>;

/** Every prop optional, `undefined` meaning "not given", as React's own props take it (under `exactOptionalPropertyTypes` too). */
type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** The dashed attributes of `<status-source>`. */
interface StatusSourceAttributes {
  'poll-interval'?: Text;
  'with-credentials'?: Flag;
}

/** The dashed attributes of `<email-status-badge>` (a `Date` goes to `updatedAt`: an attribute would get its local text). */
interface EmailStatusBadgeAttributes {
  'message-id'?: Id;
  'updated-at'?: string | null;
}

/** The dashed attributes of `<campaign-stats>`. */
interface CampaignStatsAttributes {
  'campaign-id'?: Id;
  'exclude-automated'?: Flag;
  'total-opens'?: Flag;
  'announce-interval'?: Text;
  'campaign-name'?: Text;
  'updated-at'?: string | null;
  'time-zone'?: string | null;
  'heading-level'?: Text;
  'no-export'?: Flag;
}

/** The dashed attributes of `<status-timeline>`. */
interface StatusTimelineAttributes {
  'message-id'?: Id;
  'campaign-id'?: Id;
  'time-zone'?: string | null;
  'announce-interval'?: Text;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'status-source': ElementProps<StatusSourceElement, object, StatusSourceAttributes>;
      'email-status-badge': ElementProps<
        EmailStatusBadgeElement,
        { messageId: Id; updatedAt: Time; code: Text },
        EmailStatusBadgeAttributes,
        { 'onstatus-change'?: (event: StatusChangeEvent) => void }
      >;
      'campaign-stats': ElementProps<
        CampaignStatsElement,
        { campaignId: Id; updatedAt: Time },
        CampaignStatsAttributes,
        { 'onmetric-select'?: (event: MetricSelectEvent) => void }
      >;
      'status-timeline': ElementProps<
        StatusTimelineElement,
        { messageId: Id; campaignId: Id },
        StatusTimelineAttributes,
        { 'onstage-change'?: (event: StageChangeEvent) => void; 'onentry-select'?: (event: EntrySelectEvent) => void }
      >;
    }
  }
}
