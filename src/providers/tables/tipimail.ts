import type { EventSource, ProviderMapping } from '../types.js';

// Sources: docs.tipimail.com statistics API (research §11) and the French back-office words of
// seed-statuses.md (seed 003 uses Tipimail's vocabulary: Filtré, Différé, Lu...), which give the reasons.
export const STATES: EventSource = {
  name: 'Statistics API `lastState` (/statistics/messages)',
  channel: 'email',
  rules: [
    { raw: 'requested', type: 'queued' },
    { raw: 'scheduled', type: 'scheduled' },
    { raw: 'deferred', type: 'deferred', smtp: true, reason: 'quota', note: '"Différé": throttled, retried later' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'hardbounced', type: 'hard-bounced', smtp: true },
    { raw: 'hardbounce', type: 'hard-bounced', smtp: true, note: 'webhook event name' },
    { raw: 'softbounced', type: 'soft-bounced', smtp: true },
    { raw: 'rejected', type: 'dropped', reason: 'suppressed', note: '"Rejeté": bounced, unsubscribed or complained before' },
    { raw: 'filtered', type: 'dropped', reason: 'suppressed', note: '"Filtré": the recipient is on a blocklist' },
    { raw: 'error', type: 'failed', smtp: true },
    { raw: 'open', type: 'opened', implies: 'delivered' },
    // "Lu" = opened for more than 5 seconds (seed 003): a read, stronger than an open (§15.3 said opened).
    { raw: 'read', type: 'read', implies: 'delivered' },
    { raw: 'click', type: 'clicked', implies: 'delivered' },
    { raw: 'clicked', type: 'clicked', implies: 'delivered', note: 'webhook event name' },
    { raw: 'unsubscribed', type: 'unsubscribed', implies: 'delivered' },
    { raw: 'complaint', type: 'complained', implies: 'delivered' },
  ],
};


/** Tipimail's tables: message states. */
export const tipimailMapping: ProviderMapping = {
  id: 'tipimail',
  name: 'Tipimail',
  accepts: 'items of the statistics API `/statistics/messages` (one or an array).',
  sources: [STATES],
  statuses: [],
  reasons: [],
  notes: [
    'Tipimail\'s webhook body fields are not documented in the sources this adapter follows: webhook bodies are refused with a `ProviderPayloadError` rather than read from guesses. Use `mapStatus` on the event word meanwhile.',
    '`/statistics/sends` returns account counters, not message statuses: `normalize` refuses it.',
    'A `lastState` is dated by `lastStateDate`; without it, when polled (`options.receivedAt`, `timeBasis: "received"`, event id `<id>#<state>`), not with `createdDate`, so that a later poll wins.',
  ],
};
