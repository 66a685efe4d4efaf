import {
  isChannel,
  isDisplayStatus,
  isFinalOn,
  statusInfo,
  type Channel,
  type DisplayStatus,
  type MessageStatus,
  type StatusInfo,
} from '../../core/index.js';
import { text } from '../shared/text.js';
import { timeText } from '../shared/time-text.js';
import { mapProviderWord, providerWordChannel } from './provider-words.js';

/** Everything a badge shows, whichever way its status arrived (attributes, `.value`, or the data source). */
export interface BadgeModel {
  readonly status: DisplayStatus;
  readonly info: StatusInfo;
  /** The provider's own word, when the status came from one (or could not be understood). */
  readonly raw?: string;
  readonly provider?: string;
  readonly channel: Channel;
  /** A failure reason id, or any text a host passed: shown as text either way. */
  readonly reason?: string;
  readonly code?: string;
  readonly detail?: string;
  readonly updatedAt?: string;
  /** The open or click shown was a machine's (only ever for `opened` and `clicked`). */
  readonly automated: boolean;
  /** No further change expected. */
  readonly final: boolean;
  readonly asyncBounce: boolean;
  readonly inferred: boolean;
  /** No status was given at all (no `status` attribute): unknown, but not because a provider said something. */
  readonly missing?: boolean;
}

/** The badge's attributes, as they are. */
export interface BadgeAttributes {
  readonly status?: string | undefined;
  readonly provider?: string | undefined;
  readonly channel?: string | undefined;
  readonly reason?: string | undefined;
  readonly code?: string | undefined;
  readonly detail?: string | undefined;
  readonly updatedAt?: string | undefined;
  readonly automated?: boolean | undefined;
}

/**
 * The model for a status given as attributes: a display status id; or, with `provider`, that provider's word
 * mapped with `mapStatus` (once `loadProviderWords` has settled); anything else is `unknown`, keeping the word to show it.
 */
export function modelFromAttributes(attrs: BadgeAttributes): BadgeModel {
  const word = text(attrs.status);
  // A table column gives most badges a display status and nothing else: one shared model per status.
  const plain = isPlain(attrs) && isDisplayStatus(word);
  if (plain) {
    const known = PLAIN_MODELS.get(word);
    if (known) return known;
  }
  const provider = text(attrs.provider);
  // An SMS-only provider's word is an SMS's, without the host having to say so.
  const channel: Channel = isChannel(attrs.channel) ? attrs.channel : (provider !== undefined && providerWordChannel(provider)) || 'email';
  let status: DisplayStatus = 'unknown';
  let raw: string | undefined;
  if (word !== undefined) {
    if (provider !== undefined) {
      status = mapProviderWord(provider, word, isChannel(attrs.channel) ? attrs.channel : undefined);
      // A host may pass Estafette's own id along with the provider: take it as it is.
      if (status === 'unknown' && isDisplayStatus(word)) status = word;
      raw = word;
    } else if (isDisplayStatus(word)) {
      status = word;
    } else if (isDisplayStatus(word.toLowerCase())) {
      status = word.toLowerCase() as DisplayStatus; // "Delivered", "DELIVERED": our id, spelled by hand
    } else {
      raw = word;
    }
  }
  const info = statusInfo(status);
  const model: BadgeModel = {
    status,
    info,
    ...(raw !== undefined && raw !== status && { raw }),
    ...(provider !== undefined && { provider }),
    channel,
    ...optional('reason', text(attrs.reason)),
    ...optional('code', text(attrs.code)),
    ...optional('detail', text(attrs.detail)),
    ...optional('updatedAt', timeText(attrs.updatedAt)),
    automated: attrs.automated === true && (status === 'opened' || status === 'clicked'),
    final: isFinalOn(status, channel),
    asyncBounce: false,
    inferred: false,
    ...(word === undefined && { missing: true }),
  };
  if (plain) PLAIN_MODELS.set(status, model);
  return model;
}

/** Models of badges given only a display status, by status: a few dozen at most, never anything a page typed. */
const PLAIN_MODELS = new Map<string, BadgeModel>();

const isPlain = (attrs: BadgeAttributes): boolean =>
  attrs.provider == null &&
  attrs.channel == null &&
  attrs.reason == null &&
  attrs.code == null &&
  attrs.detail == null &&
  attrs.updatedAt == null &&
  attrs.automated !== true;

/** The model for a whole `MessageStatus` (from `.value` or the data source). */
export function modelFromStatus(s: MessageStatus): BadgeModel {
  const status: DisplayStatus = isDisplayStatus(s.display) ? s.display : 'unknown';
  const info = statusInfo(status);
  // (A page's own status may write a missing signal as null.)
  const signal = status === 'opened' || status === 'clicked' ? s.engagement?.[status] : undefined;
  // Automatic only when every such event was a machine's: one human open makes it a human open.
  const automated = signal != null && signal.count > 0 && signal.automated >= signal.count;
  // The status's raw word is the provider's word for its delivery state: under an engagement headline ("Opened")
  // it would read as the provider calling the open "delivered". Kept when the headline is that state, or unknown.
  const raw = status === 'unknown' || s.display === s.delivery ? text(s.raw) : undefined;
  return {
    status,
    info,
    ...(raw !== undefined && raw !== status && { raw }),
    ...optional('provider', text(s.provider)),
    channel: isChannel(s.channel) ? s.channel : 'email',
    ...optional('reason', text(s.reason)),
    ...optional('code', text(s.detail?.code)),
    ...optional('detail', text(s.detail?.text)),
    ...optional('updatedAt', timeText(s.updatedAt)),
    automated,
    final: s.settled === true,
    asyncBounce: s.asyncBounce === true,
    inferred: s.deliveryInferred === true,
  };
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}
