import type { Channel, DisplayStatus } from '../../core/index.js';
import type { ProviderId } from '../../providers/types.js';

type MapStatus = (provider: ProviderId, rawStatus: string, channel?: Channel) => DisplayStatus;

let mapStatus: MapStatus | undefined;
let channelOf: ((provider: string) => Channel | undefined) | undefined;
let loading: Promise<void> | undefined;
let failed = false;

/**
 * The providers' status-word tables (every word of eleven providers) are only needed by badges given a
 * `provider` attribute: they load on first use, as a chunk of their own, instead of weighing on every page.
 */
export function providerWordsSettled(): boolean {
  return mapStatus !== undefined || failed;
}

/** Loads the tables once; never rejects (if the chunk cannot load, provider words show as not understood). */
export function loadProviderWords(): Promise<void> {
  loading ??= import('../../providers/map-status.js').then(
    (module) => {
      mapStatus = module.mapStatus;
      channelOf = module.providerChannel;
    },
    (error: unknown) => {
      failed = true;
      console.warn('estafette: the provider status words could not load; provider words show as unknown.', error);
    },
  );
  return loading;
}

/** The display status for a provider's word, `unknown` until (or if never) the tables are loaded. */
export function mapProviderWord(provider: string, word: string, channel?: Channel): DisplayStatus {
  return mapStatus ? mapStatus(provider as ProviderId, word, channel) : 'unknown';
}

/** The one channel `provider` sends on (Twilio: SMS), undefined for several or until the tables are loaded. */
export function providerWordChannel(provider: string): Channel | undefined {
  return channelOf?.(provider);
}
