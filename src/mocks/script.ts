import type { CampaignHistoryEntry, CampaignInfo, CanonicalEvent, Channel, DisplayStatus, EventDetail, EventType, FailureReason, TimeBasis } from '../core/index.js';
import type { MockContact } from './names.js';
import type { Random } from './prng.js';

/** One fake message and everything that will ever happen to it. */
export interface MockMessage {
  readonly id: string;
  readonly campaignId: string;
  readonly channel: Channel;
  readonly contact: MockContact;
  /** Email address or phone number the events carry. */
  readonly recipient: string;
  /** Every event, past and future, in time order. */
  readonly events: readonly CanonicalEvent[];
  /** `events[i]` happens at `times[i]` (ms): the clock decides which have happened. */
  readonly times: readonly number[];
}

/** One fake campaign. */
export interface MockCampaign {
  readonly info: CampaignInfo;
  readonly messages: readonly MockMessage[];
  /** History entries, past and future, in time order. */
  readonly history: readonly CampaignHistoryEntry[];
  /** When the campaign stops "sending" (no end for a transactional stream). */
  readonly completedAt: number | undefined;
}

/** A message built to show one display status, and to keep it for the whole demo. */
export interface ShowcaseEntry {
  readonly id: string;
  readonly campaignId: string;
  /** Its display status at any time after the dataset's anchor. */
  readonly display: DisplayStatus;
  readonly reason?: FailureReason;
  /** What it illustrates, in a few words. */
  readonly note: string;
}

/** Provider words, verbatim, per canonical type: what `raw` carries. */
export const RAW: Readonly<Record<string, Partial<Record<EventType, string>>>> = {
  brevo: {
    sent: 'request', delivered: 'delivered', deferred: 'deferred', 'soft-bounced': 'soft_bounce', 'hard-bounced': 'hard_bounce',
    bounced: 'error', blocked: 'hard_bounce', dropped: 'blocked', opened: 'unique_opened', clicked: 'click',
    unsubscribed: 'unsubscribed', complained: 'spam',
  },
  sendgrid: {
    queued: 'processed', delivered: 'delivered', deferred: 'deferred', 'soft-bounced': 'bounce', 'hard-bounced': 'bounce',
    blocked: 'blocked', dropped: 'dropped', expired: 'bounce', opened: 'open', clicked: 'click', complained: 'spamreport',
    unsubscribed: 'unsubscribe',
  },
  outbox: { scheduled: 'scheduled', held: 'held', sending: 'sending', canceled: 'canceled', failed: 'render_failed' },
  // `undelivered` is the carrier's refusal (a bounce), `failed` Twilio's own; the unknown word is one Estafette's
  // Twilio table does not know, as a status Twilio adds one day would be. Clicks, replies and opt-outs reach a host
  // through other Twilio webhooks than the status callback (see test/mocks/raw-words.test.ts).
  twilio: {
    queued: 'queued', sending: 'sending', sent: 'sent', delivered: 'delivered', bounced: 'undelivered', failed: 'failed',
    read: 'read', clicked: 'clicked', replied: 'received', unsubscribed: 'opt_out', unknown: 'delivery_unknown',
  },
};

/** Extra fields of one scripted event. */
export interface ScriptExtra {
  readonly reason?: FailureReason;
  readonly detail?: EventDetail;
  readonly automated?: boolean;
  readonly async?: boolean;
  /** Overrides the provider word. */
  readonly raw?: string;
  /** Another provider for this event (the host's own outbox before the provider takes over). */
  readonly provider?: string;
  /** The time is not an exact instant from the provider (a carrier's delivery time, read as UTC). */
  readonly timeBasis?: TimeBasis;
}

/** Collects one message's events in any order and hands them back sorted by time. */
export class Script {
  private readonly items: { t: number; event: CanonicalEvent }[] = [];

  constructor(
    readonly messageId: string,
    readonly channel: Channel,
    readonly provider: string,
    readonly recipient: string,
  ) {}

  add(type: EventType, t: number, extra: ScriptExtra = {}): this {
    const provider = extra.provider ?? this.provider;
    const event: CanonicalEvent = {
      provider,
      channel: this.channel,
      messageId: this.messageId,
      recipient: this.recipient,
      type,
      at: new Date(Math.round(t)).toISOString(),
      ...(extra.timeBasis !== undefined && { timeBasis: extra.timeBasis }),
      eventId: `${this.messageId}.${this.items.length + 1}`,
      ...(extra.reason !== undefined && { reason: extra.reason }),
      ...(extra.detail !== undefined && { detail: extra.detail }),
      ...(extra.automated && { automated: true }),
      ...(extra.async && { async: true }),
      raw: extra.raw ?? RAW[provider]?.[type] ?? type,
    };
    this.items.push({ t: Math.round(t), event });
    return this;
  }

  build(campaignId: string, contact: MockContact): MockMessage {
    const sorted = [...this.items].sort((a, b) => a.t - b.t);
    return {
      id: this.messageId,
      campaignId,
      channel: this.channel,
      contact,
      recipient: this.recipient,
      events: sorted.map((item) => item.event),
      times: sorted.map((item) => item.t),
    };
  }
}

/** A history entry of `campaignId`, at `at` (ms), with an id that stays the same for the same seed and anchor. */
export const historyEntry = (campaignId: string, action: CampaignHistoryEntry['action'], at: number, extra: Partial<CampaignHistoryEntry> = {}): CampaignHistoryEntry =>
  ({ campaignId, action, at: new Date(at).toISOString(), id: `${campaignId}.${action}.${at}`, ...extra });

/**
 * When the i-th message of a bulk send goes out: every `step` ms from `start`, spread by up to `jitter` ms,
 * and shifted by `pause` ms from `pauseAt` on (a campaign paused or suspended for a while).
 */
export const sendSchedule = (random: Random, start: number, step: number, jitter: number, pauseAt: number, pause: number) => (i: number): number => {
  const t = start + i * step + random.between(0, jitter);
  return t >= pauseAt ? t + pause : t;
};

export const SECOND = 1_000;
export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;
