// What the framework typings (react.d.ts, vue.d.ts) say each tag takes beyond its element's own property types: the
// wider values the elements read, and the dashed attributes custom-elements.json lists. Types only, no runtime.
import type {
  CampaignStatsElement,
  EmailStatusBadgeElement,
  EntrySelectEvent,
  MetricSelectEvent,
  StageChangeEvent,
  StatusChangeEvent,
  StatusSourceElement,
  StatusTimelineElement,
} from '../index.js';

/** An id: its text, or a number (read as its digits); `null` is "not given". */
export type Id = string | number | null;
/** A time: ISO 8601 text, or a `Date`; `null` is "not given". */
export type Time = string | Date | null;
/** What an attribute carries: a number is written as its digits; `null` leaves it out. */
export type Text = string | number | null;
/** A boolean attribute: present for `true`, absent for `false`. */
export type Flag = boolean | null;

/** Every prop optional, `undefined` meaning "not given" (under `exactOptionalPropertyTypes` too). */
export type Optional<T> = { [K in keyof T]?: T[K] | undefined };

/** The dashed attributes of `<status-source>`. */
export interface StatusSourceAttributes {
  'poll-interval'?: Text;
  'with-credentials'?: Flag;
}

/** The dashed attributes of `<email-status-badge>` (a `Date` goes to `updatedAt`: an attribute would get its local text). */
export interface EmailStatusBadgeAttributes {
  'message-id'?: Id;
  'updated-at'?: string | null;
}

/** The dashed attributes of `<campaign-stats>`. */
export interface CampaignStatsAttributes {
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
export interface StatusTimelineAttributes {
  'message-id'?: Id;
  'campaign-id'?: Id;
  'time-zone'?: string | null;
  'announce-interval'?: Text;
}

/** Per tag: its element, the properties it reads wider than their declared type, its dashed attributes, its events. */
export interface Tags {
  'status-source': { element: StatusSourceElement; wider: object; attributes: StatusSourceAttributes; events: object };
  'email-status-badge': {
    element: EmailStatusBadgeElement;
    wider: { messageId: Id; updatedAt: Time; code: Text };
    attributes: EmailStatusBadgeAttributes;
    events: { 'status-change': StatusChangeEvent };
  };
  'campaign-stats': {
    element: CampaignStatsElement;
    wider: { campaignId: Id; updatedAt: Time };
    attributes: CampaignStatsAttributes;
    events: { 'metric-select': MetricSelectEvent };
  };
  'status-timeline': {
    element: StatusTimelineElement;
    wider: { messageId: Id; campaignId: Id };
    attributes: StatusTimelineAttributes;
    events: { 'stage-change': StageChangeEvent; 'entry-select': EntrySelectEvent };
  };
}
