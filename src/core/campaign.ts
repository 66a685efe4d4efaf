import type { Channel } from './statuses.js';
import type { CampaignCounts } from './rates.js';

/** Things that happen to a campaign as a whole. */
export const CAMPAIGN_ACTIONS = [
  'created',
  'scheduled',
  'started',
  'paused',
  'resumed',
  'sent',
  'completed',
  'canceled',
  'suspended',
] as const;
/** One of {@link CAMPAIGN_ACTIONS}. */
export type CampaignAction = (typeof CAMPAIGN_ACTIONS)[number];

/** Why a platform suspended a campaign. */
export const SUSPENSION_REASONS = [
  'high-bounce-rate',
  'high-unsubscribe-rate',
  'high-complaint-rate',
  'insufficient-credits',
  'manual',
] as const;
/** One of {@link SUSPENSION_REASONS}. */
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];

const ACTION_SET: ReadonlySet<string> = new Set(CAMPAIGN_ACTIONS);
const SUSPENSION_SET: ReadonlySet<string> = new Set(SUSPENSION_REASONS);

/** True for one of {@link CAMPAIGN_ACTIONS} (a newer back-end may send others). */
export const isCampaignAction = (value: unknown): value is CampaignAction => typeof value === 'string' && ACTION_SET.has(value);

/** True for one of {@link SUSPENSION_REASONS}. */
export const isSuspensionReason = (value: unknown): value is SuspensionReason => typeof value === 'string' && SUSPENSION_SET.has(value);

/** Who a campaign is and when it went out. */
export interface CampaignInfo {
  readonly id: string;
  /** Untrusted text: render as text only. */
  readonly name: string;
  readonly channel: Channel;
  readonly sentAt?: string;
}

/** A campaign's counts at a point in time. */
export interface CampaignStats {
  readonly campaign: CampaignInfo;
  readonly counts: CampaignCounts;
  /** ISO 8601 time the counts were computed. */
  readonly updatedAt: string;
  /** True while the figures are not final: messages still going out, or their outcomes still coming in (counts will change). */
  readonly sending?: boolean;
}

/** One entry of a campaign's history. */
export interface CampaignHistoryEntry {
  readonly campaignId: string;
  /**
   * One of {@link CAMPAIGN_ACTIONS}, or a word this version does not know (a newer back end: the data layer keeps
   * it), shown as "Unknown action: {word}". Check it with {@link isCampaignAction}.
   */
  readonly action: CampaignAction | (string & {});
  /** ISO 8601. */
  readonly at: string;
  readonly id?: string;
  /** Why it was suspended (for `suspended`). */
  readonly reason?: SuspensionReason;
  /** Who did it, or the rate that triggered it: untrusted text. */
  readonly detail?: string;
}

/**
 * What tells one history entry from another: its `id`, else what happened when (and why). Two entries of one key
 * are one entry reported twice, as `dedupeKey` says of events.
 */
export const historyKey = (entry: CampaignHistoryEntry): string =>
  entry.id ? `id\u0000${entry.id}` : `ev\u0000${entry.action}\u0000${entry.at}\u0000${entry.reason ?? ''}`;
