import { generateNewsletter, generateTransactional } from './generate-email.js';
import { generateSms } from './generate-sms.js';
import { hashString, mulberry32 } from './prng.js';
import type { MockCampaign, MockMessage, ShowcaseEntry } from './script.js';

export type { MockCampaign, MockMessage, ShowcaseEntry } from './script.js';
export type { MockContact } from './names.js';

/** The seed of the demo dataset. */
export const DEFAULT_SEED = 20_261_124;
/** The dataset's "now" by default: Tuesday 24 November 2026, 10:00 UTC. Tests keep it; the demo moves it to the real now. */
export const DEFAULT_ANCHOR = Date.UTC(2026, 10, 24, 10, 0, 0);

/** Ids of the demo campaigns. */
export const DEMO_CAMPAIGNS = {
  /** "Newsletter de novembre": email, 5,000 recipients, sent 2 h before the anchor (Brevo-style events). */
  newsletter: 'cmp-newsletter-2026-11',
  /** "E-mails transactionnels": an ongoing email stream, about one message every 90 s (SendGrid-style events). */
  transactional: 'cmp-transactional',
  /** "SMS Black Friday": SMS, 2,000 recipients, sent 40 min before the anchor (Twilio-style events, 64-bit ids). */
  sms: 'cmp-sms-black-friday-2026',
} as const;
export type DemoCampaignId = (typeof DEMO_CAMPAIGNS)[keyof typeof DEMO_CAMPAIGNS];

/** Options of {@link createDataset}. */
export interface DatasetOptions {
  /** Same seed, same data. Default {@link DEFAULT_SEED}. */
  readonly seed?: number;
  /** The dataset's "now", in ms: every time in it is placed relative to this. Default {@link DEFAULT_ANCHOR}. */
  readonly anchor?: number;
}

/**
 * A deterministic fake dataset: three campaigns whose messages have scripted events, past and future. Which of
 * them have happened is the clock's business (see `MockClock`); the dataset only knows when each one happens.
 * Campaigns are generated on first use (a few tens of ms for all three).
 */
export interface Dataset {
  readonly seed: number;
  readonly anchor: number;
  readonly campaignIds: readonly string[];
  campaign(id: string): MockCampaign | undefined;
  message(id: string): MockMessage | undefined;
  /** Messages built to show each display status (and each failure reason), whatever the seed. */
  readonly showcase: readonly ShowcaseEntry[];
}

type Generator = typeof generateNewsletter;
const GENERATORS: Readonly<Record<string, Generator>> = {
  [DEMO_CAMPAIGNS.newsletter]: generateNewsletter,
  [DEMO_CAMPAIGNS.transactional]: generateTransactional,
  [DEMO_CAMPAIGNS.sms]: generateSms,
};

/** Which campaign a message id belongs to, from its shape alone (so a lookup generates one campaign only). */
const campaignOfMessage = (id: string): string | undefined =>
  id.startsWith('nl-') ? DEMO_CAMPAIGNS.newsletter
  : id.startsWith('tx-') ? DEMO_CAMPAIGNS.transactional
  : /^\d{15,20}$/.test(id) ? DEMO_CAMPAIGNS.sms
  : undefined;

/** Builds the dataset for a seed and an anchor. */
export function createDataset(options: DatasetOptions = {}): Dataset {
  const seed = options.seed ?? DEFAULT_SEED;
  const anchor = options.anchor ?? DEFAULT_ANCHOR;
  const built = new Map<string, { campaign: MockCampaign; showcase: ShowcaseEntry[]; byId: Map<string, MockMessage> }>();
  const build = (id: string) => {
    let entry = built.get(id);
    const generate = GENERATORS[id];
    if (!entry && generate) {
      // One random stream per campaign: generating them lazily, in any order, gives the same data.
      const { campaign, showcase } = generate(id, mulberry32(seed ^ hashString(id)), anchor);
      entry = { campaign, showcase, byId: new Map(campaign.messages.map((m) => [m.id, m])) };
      built.set(id, entry);
    }
    return entry;
  };
  let showcase: ShowcaseEntry[] | undefined;
  return {
    seed,
    anchor,
    campaignIds: Object.values(DEMO_CAMPAIGNS),
    campaign: (id) => build(id)?.campaign,
    message(id) {
      const campaignId = campaignOfMessage(id);
      return campaignId === undefined ? undefined : build(campaignId)?.byId.get(id);
    },
    get showcase() {
      return (showcase ??= Object.values(DEMO_CAMPAIGNS).flatMap((id) => build(id)!.showcase));
    },
  };
}

/** How many of a message's events have happened at `t` (its times are sorted: binary search). */
export function happenedCount(times: readonly number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid]! <= t) low = mid + 1;
    else high = mid;
  }
  return low;
}
