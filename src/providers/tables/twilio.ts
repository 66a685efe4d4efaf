import type { EventSource, ProviderMapping, ReasonTable } from '../types.js';

// Sources: twilio-node message.ts MessageStatus; twilio.com messaging status-callback guides (research §7).
export const STATUSES: EventSource = {
  name: 'Status callback `MessageStatus` (form) / Event Streams `messageStatus`',
  channel: 'sms',
  rules: [
    { raw: 'scheduled', type: 'scheduled' },
    { raw: 'queued', type: 'queued' },
    { raw: 'accepted', type: 'queued', note: 'accepted by a Messaging Service for sending' },
    { raw: 'sending', type: 'sending' },
    { raw: 'sent', type: 'sent', note: 'the carrier took it; no delivery receipt (yet)' },
    { raw: 'delivered', type: 'delivered' },
    // Error 30036: the validity period ran out while the message waited in Twilio's queue, so it was never sent: what
    // other providers call an expired SMS (Vonage's `expired` receipt, Mailjet's `rejected_expired`).
    { raw: 'undelivered', when: 'ErrorCode=30036', type: 'expired', codes: true, reason: 'timeout' },
    // Error 30007: the message was filtered (blocked) by Twilio or the carrier as spam or against their rules
    // (twilio.com/docs/api/errors/30007). A refusal of the message, the number not at fault: blocked, as the
    // content filters of other providers read (SES ContentRejected, SparkPost class 52, Vonage `rejected`).
    { raw: 'undelivered', when: 'ErrorCode=30007', type: 'blocked', codes: true, reason: 'content-block', note: 'filtered as spam by Twilio or the carrier: the number is not at fault' },
    { raw: 'undelivered', type: 'bounced', codes: true, reason: 'carrier', note: 'the carrier could not deliver; `ErrorCode` says why, and whether the bounce is hard or soft' },
    { raw: 'failed', when: 'ErrorCode=30036', type: 'expired', codes: true, reason: 'timeout' },
    { raw: 'failed', type: 'failed', codes: true, note: 'Twilio could not send it' },
    { raw: 'read', type: 'read' },
    { raw: 'canceled', type: 'canceled' },
    {
      raw: 'partially_delivered',
      type: 'delivered',
      note: 'undocumented (uncertain): some parts reached the handset, so the receiver accepted the message',
    },
    { raw: 'receiving', type: 'unknown', note: 'inbound' },
    { raw: 'received', type: 'unknown', note: 'inbound' },
  ],
};

// Twilio error codes met on undelivered/failed messages (twilio.com/docs/api/errors).
export const ERROR_CODES: ReasonTable = {
  field: '`ErrorCode`',
  rules: [
    { raw: '30001', reason: 'quota', note: 'queue overflow' },
    { raw: '30002', reason: 'policy', note: 'account suspended' },
    { raw: '30003', reason: 'carrier', permanence: 'soft', note: 'unreachable destination handset' },
    { raw: '30004', reason: 'suppressed', note: 'message blocked (e.g. the recipient sent STOP)' },
    { raw: '30005', reason: 'invalid-recipient', permanence: 'hard', note: 'unknown destination handset' },
    { raw: '30006', reason: 'landline', permanence: 'hard', note: 'landline or unreachable carrier' },
    { raw: '30007', reason: 'content-block', note: 'filtered as spam by Twilio or the carrier (a block, see above)' },
    { raw: '30008', reason: 'undetermined', note: 'unknown error' },
    { raw: '30010', reason: 'quota', note: 'price exceeds max price' },
    { raw: '30022', reason: 'quota', note: 'US A2P 10DLC: the campaign\'s rate limits exceeded' },
    { raw: '30024', reason: 'policy', note: 'numeric sender ID not provisioned with the carrier' },
    { raw: '30036', reason: 'timeout', note: 'validity period expired in Twilio\'s queue: never sent (an expired message, see above)' },
    { raw: '21211', reason: 'invalid-recipient', note: 'invalid "To" number' },
    { raw: '21610', reason: 'suppressed', note: 'the recipient unsubscribed' },
    { raw: '21614', reason: 'landline', note: '"To" is not a mobile number' },
  ],
};


/** Twilio's tables: message statuses and error codes. */
export const twilioMapping: ProviderMapping = {
  id: 'twilio',
  name: 'Twilio Programmable Messaging',
  accepts:
    'status callbacks (form-encoded text, `URLSearchParams` or a record of the fields), Event Streams CloudEvents (one or an array) and REST Message resources (`sid`, `status`).',
  sources: [STATUSES],
  statuses: [],
  reasons: [ERROR_CODES],
  notes: [
    'Callbacks have no event time. `RawDlrDoneDate` (carrier time `YYMMDDhhmm`, no zone) is read as UTC and marked `timeBasis: "assumed-utc"`; without it, or when read so it falls after the callback arrived (a carrier\'s local clock), the receipt time stands in (`timeBasis: "received"`): pass `receivedAt`.',
    'No callback is sent for the initial status (`queued`, `accepted`, `scheduled`): take it from the create response with `mapStatus`.',
  ],
};
