import type { CanonicalEvent } from '../../src/core/index.js';

/** Builds a canonical event for message `m-1` at minute `minute` of a fixed day, with any field overridden. */
export function ev(type: CanonicalEvent['type'], minute: number, extra: Partial<CanonicalEvent> = {}): CanonicalEvent {
  const at = new Date(Date.UTC(2026, 10, 2, 9, minute, 0)).toISOString();
  return { provider: 'test', channel: 'email', messageId: 'm-1', type, at, raw: type, ...extra };
}
