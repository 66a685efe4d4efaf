import type { Channel, DisplayStatus } from '../core/index.js';
import { PROVIDER_MAPPINGS } from './tables/index.js';
import { derivedStatuses } from './rules.js';
import { isProviderId, PROVIDERS, type ProviderId, type StatusRule } from './types.js';

/** Stored words vary in case and separators ("hard_bounce", "hardBounce", "Hard bounce"): compare without them. */
const fold = (word: string): string => word.trim().toLowerCase().replace(/[\s_-]+/g, '');

/** Every status word of a provider: the explicit ones first, then those derived from its event rules. */
export function statusRules(provider: ProviderId): readonly StatusRule[] {
  const mapping = PROVIDER_MAPPINGS[provider];
  return [...mapping.statuses, ...derivedStatuses(mapping.sources)];
}

const INDEX: ReadonlyMap<ProviderId, ReadonlyMap<string, readonly StatusRule[]>> = new Map(
  PROVIDERS.map((provider) => {
    const byWord = new Map<string, StatusRule[]>();
    for (const rule of statusRules(provider)) {
      const list = byWord.get(fold(rule.raw));
      if (list) list.push(rule);
      else byWord.set(fold(rule.raw), [rule]);
    }
    return [provider, byWord] as const;
  }),
);

/**
 * The display status for a provider's status word, for back-offices that stored only that word: an event name
 * (`undelivered`, `hard_bounce`, `email.bounced`), an API status (Mailjet `softbounced`, Resend `delivered`),
 * a subscription or report name (Brevo `hardBounce`). Case, spaces, `_` and `-` are ignored.
 *
 * `channel` settles words that mean different things per channel (Mailjet and Brevo `sent`: delivered or
 * queued for email, handed to the carrier for SMS); without it, the first meaning listed (email) wins.
 * Unknown providers and words give `unknown`.
 */
export function mapStatus(provider: ProviderId, rawStatus: string, channel?: Channel): DisplayStatus {
  if (!isProviderId(provider) || typeof rawStatus !== 'string') return 'unknown';
  const rules = INDEX.get(provider)?.get(fold(rawStatus));
  if (!rules) return 'unknown';
  // The channel's own meaning, else a channel-free one, else the first (a provider of one channel only).
  const rule = (channel !== undefined && (rules.find((r) => r.channel === channel) ?? rules.find((r) => r.channel === undefined))) || rules[0];
  return rule?.status ?? 'unknown';
}

/**
 * The one channel a provider's tables cover (`sms` for Twilio and Vonage), or undefined when they cover both (Mailjet,
 * Brevo) or the provider is unknown: what a provider's word alone says about the channel.
 */
export function providerChannel(provider: string): Channel | undefined {
  return isProviderId(provider) ? ONLY_CHANNEL.get(provider) : undefined;
}

/** Worked out once: a badge given a provider asks for every render, and a page may hold 10,000 of them. */
const ONLY_CHANNEL: ReadonlyMap<ProviderId, Channel> = new Map(
  PROVIDERS.flatMap((provider) => {
    const channels = new Set(PROVIDER_MAPPINGS[provider].sources.map((source) => source.channel));
    return channels.size === 1 ? [[provider, [...channels][0]!] as const] : [];
  }),
);
