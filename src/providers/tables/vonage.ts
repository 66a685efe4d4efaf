import type { EventSource, ProviderMapping, ReasonTable } from '../types.js';

// Sources: Nexmo/api-specification definitions/sms.yml DeliveryReceipt; Vonage support articles (research §8).
export const RECEIPTS: EventSource = {
  name: 'SMS API delivery receipt `status`',
  channel: 'sms',
  rules: [
    { raw: 'accepted', type: 'sent', note: 'the carrier accepted to deliver it' },
    { raw: 'buffered', type: 'sent', note: 'the carrier is still trying' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'expired', type: 'expired', reason: 'timeout', note: 'also sent by Vonage itself after 72 h without a final receipt' },
    { raw: 'failed', type: 'bounced', codes: true, reason: 'carrier' },
    { raw: 'rejected', type: 'blocked', codes: true, reason: 'policy' },
    { raw: 'unknown', type: 'unknown' },
  ],
};

export const MESSAGES: EventSource = {
  name: 'Messages API status webhook `status`',
  channel: 'sms',
  rules: [
    { raw: 'submitted', type: 'sent' },
    { raw: 'delivered', type: 'delivered' },
    { raw: 'rejected', type: 'blocked', reason: 'policy' },
    // Vonage's status-callback guide: the Messages API could not reach the messaging provider (an outage), so no
    // carrier had the message to refuse: a sending failure, as the SMS API reports the same at submission.
    { raw: 'undeliverable', type: 'failed', reason: 'carrier', note: 'the messaging provider could not be reached' },
    { raw: 'read', type: 'read' },
  ],
};

// Vonage DLR `err-code` values (developer.vonage.com SMS delivery-receipt error codes; not in the research notes).
export const ERR_CODES: ReasonTable = {
  field: '`err-code`',
  rules: [
    { raw: '1', reason: 'undetermined', note: 'unknown' },
    { raw: '2', reason: 'carrier', permanence: 'soft', note: 'absent subscriber, temporary' },
    { raw: '3', reason: 'invalid-recipient', permanence: 'hard', note: 'absent subscriber, permanent' },
    { raw: '4', reason: 'suppressed', note: 'call barred by user' },
    { raw: '5', reason: 'carrier', note: 'portability error' },
    { raw: '6', reason: 'content-block', note: 'anti-spam rejection' },
    { raw: '7', reason: 'carrier', permanence: 'soft', note: 'handset busy' },
    { raw: '8', reason: 'carrier', note: 'network error' },
    { raw: '9', reason: 'invalid-recipient', permanence: 'hard', note: 'illegal number' },
    { raw: '10', reason: 'content-block', note: 'illegal message' },
    { raw: '11', reason: 'carrier', note: 'unroutable' },
    { raw: '12', reason: 'carrier', note: 'destination unreachable' },
    { raw: '13', reason: 'policy', note: 'subscriber age restriction' },
    { raw: '14', reason: 'carrier', note: 'number blocked by carrier' },
    { raw: '15', reason: 'quota', note: 'pre-paid insufficient funds' },
    { raw: '16', reason: 'quota', note: 'gateway quota exceeded' },
    { raw: '50', reason: 'policy', note: 'entity filter' },
    { raw: '51', reason: 'policy', note: 'header filter' },
    { raw: '52', reason: 'content-block', note: 'content filter' },
    { raw: '53', reason: 'policy', note: 'consent filter' },
    { raw: '54', reason: 'policy', note: 'regulation error' },
    { raw: '99', reason: 'undetermined', note: 'general error' },
  ],
};


/** Vonage's tables: delivery-receipt statuses, Messages API statuses, DLR error codes. */
export const vonageMapping: ProviderMapping = {
  id: 'vonage',
  name: 'Vonage (Nexmo)',
  accepts: 'SMS API delivery receipts (JSON, form-encoded text or `URLSearchParams`) and Messages API status webhooks (`message_uuid`).',
  sources: [RECEIPTS, MESSAGES],
  statuses: [],
  reasons: [ERR_CODES],
  notes: [
    'Receipt time: `message-timestamp` (Vonage\'s clock, UTC), else `scts` (carrier time `YYMMDDhhmm`, no zone: read as UTC and marked `timeBasis: "assumed-utc"`), else the signed-webhook `timestamp`.',
    'A long SMS gets one receipt per part.',
  ],
};
