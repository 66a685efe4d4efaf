import type { EventSource, ProviderMapping, ReasonTable } from '../types.js';

// Sources: mailjet/api-documentation guides/_event-api.md, _sms-stats.md; node-mailjet Message.ts (research §2).
export const EVENTS: EventSource = {
  name: 'Event API webhook (`event`)',
  channel: 'email',
  rules: [
    // Mailjet's "sent" means the receiving server accepted the message.
    { raw: 'sent', type: 'delivered' },
    { raw: 'open', type: 'opened' },
    { raw: 'click', type: 'clicked' },
    // Spam-related refusals are about the sender or the content, whatever hard_bounce says: a block.
    { raw: 'bounce', when: 'error_related_to=spam', type: 'blocked', codes: true, smtp: true, reason: 'policy' },
    { raw: 'bounce', when: 'hard_bounce=true', type: 'hard-bounced', codes: true, smtp: true },
    { raw: 'bounce', when: 'hard_bounce=false', type: 'soft-bounced', codes: true, smtp: true },
    { raw: 'bounce', type: 'bounced', codes: true, smtp: true, note: 'no `hard_bounce` flag' },
    { raw: 'blocked', type: 'dropped', codes: true, note: 'Mailjet did not send (preblocked, duplicate, content)' },
    { raw: 'spam', type: 'complained' },
    { raw: 'unsub', type: 'unsubscribed' },
  ],
};

export const MESSAGES: EventSource = {
  name: 'Message API `Status` (GET /v3/REST/message)',
  channel: 'email',
  rules: [
    { raw: 'queued', type: 'queued' },
    { raw: 'sent', type: 'delivered' },
    // The item's `StateID` is the error of the Event API's table, by number: it gives the reason.
    { raw: 'deferred', type: 'deferred', codes: true },
    // States 7–9 (sender blocked, content blocked, policy issue) are the Event API's `error_related_to=spam`: a bounce
    // of any kind carrying one is a block, as the webhook of the same bounce says.
    { raw: 'softbounced', when: 'StateID=7|8|9', type: 'blocked', codes: true, reason: 'policy' },
    { raw: 'softbounced', type: 'soft-bounced', codes: true },
    { raw: 'hardbounced', when: 'StateID=7|8|9', type: 'blocked', codes: true, reason: 'policy' },
    { raw: 'hardbounced', type: 'hard-bounced', codes: true },
    { raw: 'bounce', when: 'StateID=7|8|9', type: 'blocked', codes: true, reason: 'policy' },
    // `StatePermanent` says of a `bounce` what the Event API's `hard_bounce` says, and is read the same way: Mailjet
    // counts every bounce as hard or soft (its statistics have no third kind), so `false` is a soft bounce. A
    // hard-sounding `StateID` (user unknown) does not overrule it, as an error word does not overrule `hard_bounce`.
    { raw: 'bounce', when: 'StatePermanent=true', type: 'hard-bounced', codes: true },
    { raw: 'bounce', when: 'StatePermanent=false', type: 'soft-bounced', codes: true },
    { raw: 'bounce', type: 'bounced', codes: true, note: 'no `StatePermanent`: hard or soft by its `StateID` when that says' },
    { raw: 'blocked', type: 'dropped', codes: true },
    // Mailjet's single status advances past "sent" through engagement: it implies the delivery.
    { raw: 'opened', type: 'opened', implies: 'delivered' },
    { raw: 'clicked', type: 'clicked', implies: 'delivered' },
    { raw: 'spam', type: 'complained', implies: 'delivered' },
    { raw: 'unsub', type: 'unsubscribed', implies: 'delivered' },
    { raw: 'unknown', type: 'unknown' },
  ],
};

export const SMS: EventSource = {
  name: 'SMS API `Status.Name`, else `Status.Code` (GET /v4/sms)',
  channel: 'sms',
  // Codes 0–16 per research §2c (MJ-DOCS `_sms-stats.md`): an item may give `Status.Code` without `Name`.
  rules: [
    { raw: 'unknown', code: '0', type: 'unknown' },
    { raw: 'sent_pending', code: '1', type: 'sending' },
    { raw: 'sent', code: '2', type: 'sent' },
    { raw: 'delivered', code: '3', type: 'delivered' },
    { raw: 'rejected_operator', code: '4', type: 'blocked', reason: 'carrier', note: 'uncertain: the operator refused it' },
    { raw: 'rejected_undelivered', code: '5', type: 'bounced', reason: 'carrier' },
    { raw: 'rejected_expired', code: '6', type: 'expired', reason: 'timeout' },
    { raw: 'rejected_incorrect_delivery', code: '7', type: 'bounced', reason: 'undetermined', note: 'uncertain' },
    { raw: 'rejected_network', code: '8', type: 'failed', reason: 'carrier', note: 'uncertain: a network error on the way' },
    // DND = national do-not-disturb rules (regulation), not necessarily an opt-out by this recipient.
    { raw: 'rejected_dnd', code: '9', type: 'dropped', reason: 'policy', note: 'do-not-disturb rules: uncertain' },
    { raw: 'rejected_from_blacklist', code: '10', type: 'dropped', reason: 'policy', note: 'the sender is blocklisted' },
    { raw: 'rejected_to_blacklist', code: '11', type: 'dropped', reason: 'suppressed' },
    { raw: 'rejected_anti_flood', code: '12', type: 'dropped', reason: 'quota' },
    { raw: 'rejected_system_error', code: '13', type: 'failed', reason: 'undetermined' },
    { raw: 'invalid_phone_number', code: '14', type: 'dropped', reason: 'invalid-recipient' },
    { raw: 'rejected_insufficent_funds', code: '15', type: 'dropped', reason: 'quota', note: 'Mailjet\'s spelling' },
    { raw: 'rejected_insufficient_funds', type: 'dropped', reason: 'quota' },
    { raw: 'rejected_daily_limit_reached', code: '16', type: 'dropped', reason: 'quota' },
  ],
};

// Mailjet's error table (`error_related_to` → `error`), research §2a; the Message API gives the same errors by
// number (`StateID`, node-mailjet Message.ts `MessageState`).
export const ERRORS: ReasonTable = {
  field: '`error` (Event API) or `StateID` (Message API)',
  rules: [
    { raw: 'user unknown', code: '1', reason: 'invalid-recipient', permanence: 'hard' },
    { raw: 'mailbox inactive', code: '2', reason: 'invalid-recipient' },
    { raw: 'quota exceeded', code: '3', reason: 'mailbox-full', permanence: 'soft', note: 'Mailjet calls it non-permanent' },
    { raw: 'blacklisted', code: '20', reason: 'suppressed' },
    { raw: 'spam reporter', code: '21', reason: 'suppressed' },
    { raw: 'invalid domain', code: '4', reason: 'domain-or-dns' },
    { raw: 'no mail host', code: '5', reason: 'domain-or-dns' },
    { raw: 'relay/access denied', code: '6', reason: 'policy' },
    { raw: 'greylisted', code: '13', reason: 'policy', permanence: 'soft', note: 'temporary, Mailjet retries' },
    { raw: 'typofix', code: '19', reason: 'invalid-recipient' },
    { raw: 'bad or empty template', code: '17', reason: 'template-error' },
    { raw: 'error in template language', code: '18', reason: 'template-error' },
    { raw: 'sender blocked', code: '7', reason: 'reputation-block' },
    { raw: 'content blocked', code: '8', reason: 'content-block' },
    { raw: 'policy issue', code: '9', reason: 'policy' },
    { raw: 'system issue', code: '10', reason: 'undetermined' },
    { raw: 'protocol issue', code: '11', reason: 'undetermined' },
    { raw: 'connection issue', code: '12', reason: 'timeout', permanence: 'soft', note: 'temporary' },
    { raw: 'preblocked', code: '14', reason: 'suppressed', note: 'recent or repeated bounces: not attempted' },
    { raw: 'spam preblocked', code: '16', reason: 'suppressed', note: 'not attempted; a `StateID` (the Event API\'s word for it is not documented)' },
    { raw: 'duplicate in campaign', code: '15', reason: 'duplicate' },
  ],
};


/** Mailjet's tables: Event API events, Message API statuses, SMS statuses, error words. */
export const mailjetMapping: ProviderMapping = {
  id: 'mailjet',
  name: 'Mailjet',
  accepts:
    'Event API bodies (one event, or an array with `Version: 2` grouping), Message API responses (`{Data: [...]}` or one item with a `Status` word) and SMS API items (`Status: {Code, Name}`).',
  sources: [EVENTS, MESSAGES, SMS],
  statuses: [
    // The message history (node-mailjet Message.ts `EventType`) names the Event API's `bounce` so; its other words
    // (sent, opened, clicked, blocked, unsub, spam) are already the Event API's or the Message API's.
    { raw: 'bounced', status: 'bounced', channel: 'email', note: 'message history `EventType`' },
  ],
  reasons: [ERRORS],
  notes: [
    '`MessageID` exceeds 2^53: pass the raw JSON text to `normalize` so that it survives digit for digit (a body already parsed by `JSON.parse` may have lost digits).',
    'Events are keyed on `MessageID` (the id the send API returns), else `mj_message_id` (the same id as text). An event with neither is an invalid item (`ProviderPayloadError` at `MessageID`): `Message_GUID` is not used instead, since no stored message has it.',
    'Message API and SMS items give the current status without its time: it is dated when polled (`options.receivedAt`, `timeBasis: "received"`), not with `ArrivedAt` / `SentTS`, so that a later poll wins (a `sent` after an earlier `softbounced` is the retry that got through). Its event id is `<message id>#<status>`: the same status polled again is a duplicate.',
  ],
};
