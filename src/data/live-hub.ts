import type { LiveListener, LiveTopic, LiveUpdate } from './source.js';

/** `message:<id>` or `campaign:<id>`: how a topic is written in `/stream?topics=`. */
export const topicKey = (topic: LiveTopic): string => `${topic.kind}:${topic.id}`;

/** Reads a topic key back; undefined when it is not one. */
export function parseTopicKey(key: string): LiveTopic | undefined {
  const colon = key.indexOf(':');
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  if (colon < 0 || id === '' || (kind !== 'message' && kind !== 'campaign')) return undefined;
  return { kind, id };
}

/** The topic an update belongs to. */
export function topicOfUpdate(update: LiveUpdate): string {
  switch (update.type) {
    case 'message-status':
      return `message:${update.status.messageId}`;
    case 'message-event':
      return `message:${update.event.messageId}`;
    case 'message-missing':
      return `message:${update.messageId}`;
    case 'campaign-stats':
      return `campaign:${update.stats.campaign.id}`;
    case 'campaign-history':
      return `campaign:${update.entry.campaignId}`;
  }
}

const report = (error: unknown) => {
  if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
  else console.error(error);
};

/** Who listens to what (see {@link liveHub}). */
export interface LiveHub {
  add(topic: LiveTopic, listener: LiveListener): () => void;
  /** Delivers `update` to every listener of its topic. */
  emit(update: LiveUpdate): void;
  /** Topic keys with at least one listener. */
  keys(): string[];
  /** Whether topic `key` has a listener. */
  has(key: string): boolean;
  readonly size: number;
}

/**
 * Who listens to what. Many elements can show one message: they share one topic, and one update reaches all of
 * them. A listener that throws is reported and does not keep the others from hearing the update.
 *
 * @param onChange told after a topic gains its first listener or loses its last one.
 */
export function liveHub(onChange: (key: string, added: boolean) => void = () => {}): LiveHub {
  const listeners = new Map<string, Set<{ readonly listener: LiveListener }>>();
  return {
    add(topic, listener) {
      const key = topicKey(topic);
      let set = listeners.get(key);
      const created = !set;
      if (!set) listeners.set(key, (set = new Set()));
      // One record per call: the same function subscribed twice is two subscriptions.
      const record = { listener };
      set.add(record);
      if (created) onChange(key, true);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        set.delete(record);
        if (set.size === 0 && listeners.get(key) === set) {
          listeners.delete(key);
          onChange(key, false);
        }
      };
    },
    emit(update) {
      for (const { listener } of [...(listeners.get(topicOfUpdate(update)) ?? [])]) {
        try {
          listener(update);
        } catch (error) {
          report(error);
        }
      }
    },
    keys: () => [...listeners.keys()],
    has: (key) => listeners.has(key),
    get size() {
      return listeners.size;
    },
  };
}
