// Every research sample through `normalize`, against events written BY HAND from the sample and the provider
// docs (research/providers.md). Times were converted by hand (`date -u -d @1718010000` = 2024-06-10T09:00:00Z).
import { expect } from '../support/expect.js';
import { normalize, ProviderPayloadError, type ProviderEvent, type ProviderId } from '../../src/providers/index.js';
import { PROVIDER_SAMPLES } from '../fixtures/provider-samples/index.js';
import type * as AmazonSes from '../fixtures/provider-samples/amazon-ses.js';
import type * as Brevo from '../fixtures/provider-samples/brevo.js';
import type * as Mailgun from '../fixtures/provider-samples/mailgun.js';
import type * as Mailjet from '../fixtures/provider-samples/mailjet.js';
import type * as Postmark from '../fixtures/provider-samples/postmark.js';
import type * as Resend from '../fixtures/provider-samples/resend.js';
import type * as Sendgrid from '../fixtures/provider-samples/sendgrid.js';
import type * as Sparkpost from '../fixtures/provider-samples/sparkpost.js';
import type * as Tipimail from '../fixtures/provider-samples/tipimail.js';
import type * as Twilio from '../fixtures/provider-samples/twilio.js';
import type * as Vonage from '../fixtures/provider-samples/vonage.js';

/** The events a sample gives, or the path of the ProviderPayloadError it raises. */
type Expected = readonly ProviderEvent[] | { readonly error: string };
type Table<Name extends string> = { readonly [K in Name]: Expected };

const RECEIVED = '2024-06-10T12:00:00.000Z';
const ALICE = 'alice@example.com';
const BOB = 'bob@example.com';

type Fields = Partial<ProviderEvent> & Pick<ProviderEvent, 'type' | 'raw'>;
const maker =
  (base: Omit<ProviderEvent, 'type' | 'raw' | 'at'> & { at?: string }) =>
  (fields: Fields): ProviderEvent =>
    ({ ...base, ...fields }) as ProviderEvent;

// --- SendGrid: all at 1718010000 = 09:00:00 UTC --------------------------------------------------------------
const sg = maker({
  provider: 'sendgrid',
  channel: 'email',
  // The X-Message-Id: sg_message_id without its `.filterdrecv…` suffix (smtp-id gives it too).
  messageId: '18f3a1b2c3d.1a2b.3c4d5e',
  recipient: ALICE,
  at: '2024-06-10T09:00:00.000Z',
});
const SENDGRID: Table<Sendgrid.SampleName> = {
  processed: [sg({ type: 'queued', raw: 'processed', eventId: 'rbtnWrG1DVDGGGFHFyun0A==' })],
  // "Bounced Address": a suppression-list drop.
  dropped: [sg({ type: 'dropped', raw: 'dropped', eventId: 'zmzJhfJgAfUSOW80yEbPyw==', reason: 'suppressed', detail: { code: '5.0.0', text: 'Bounced Address' } })],
  delivered: [sg({ type: 'delivered', raw: 'delivered', eventId: 'rWVYmVk90MjZJ9iohOBa3w==' })],
  // 4.7.0 "try again later": a temporary policy refusal.
  deferred: [
    sg({
      type: 'deferred',
      raw: 'deferred',
      eventId: 't7LEShmowp86DTdUW8M-GQ==',
      reason: 'policy',
      detail: { code: '4.7.0', text: '421 4.7.0 Try again later, closing connection.' },
    }),
  ],
  bounce_hard: [
    sg({
      type: 'hard-bounced',
      raw: 'bounce',
      eventId: '6g4ZI7SA-xmRDv57GoPIPw==',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: '550 5.1.1 The email account that you tried to reach does not exist.' },
    }),
  ],
  bounce_blocked: [
    sg({
      type: 'blocked',
      raw: 'bounce',
      eventId: '7h5aJ8TB-ynSEw68HpQJQx==',
      reason: 'reputation-block',
      detail: { code: '5.7.1', text: '554 5.7.1 Service unavailable; client host blocked using a reputation list' },
    }),
  ],
  open: [sg({ type: 'opened', raw: 'open', eventId: 'FOTFFO0ecsBE-zxFXfs6WA==' })],
  click: [sg({ type: 'clicked', raw: 'click', eventId: 'kCAi1KttyQdEKHhdC-nuEA==', detail: { url: 'https://www.example.org/factures/2024-0612' } })],
  spamreport: [sg({ type: 'complained', raw: 'spamreport', eventId: '37nvH5QBz858KGVYCM4uOA==' })],
  unsubscribe: [sg({ type: 'unsubscribed', raw: 'unsubscribe', eventId: 'zz_BjPgU_5pS-J8vlfB1sg==' })],
  group_unsubscribe: [sg({ type: 'unsubscribed', raw: 'group_unsubscribe', eventId: 'ahSCB7xYcXFb-hEaawsPRw==' })],
  group_resubscribe: [sg({ type: 'resubscribed', raw: 'group_resubscribe', eventId: 'w_u0vJhLT-OFfprar5N93g==' })],
};

// --- Mailjet: `time` in seconds; MessageID above 2^53 kept as its digits -------------------------------------
const mj = maker({ provider: 'mailjet', channel: 'email', messageId: '19421777835146490', recipient: ALICE });
const MAILJET: Table<Mailjet.SampleName> = {
  sent: [mj({ type: 'delivered', raw: 'sent', at: '2024-06-10T09:00:01.000Z' })],
  open: [mj({ type: 'opened', raw: 'open', at: '2024-06-10T09:05:00.000Z' })],
  click: [mj({ type: 'clicked', raw: 'click', at: '2024-06-10T09:06:40.000Z', detail: { url: 'https://www.example.org/factures/2024-0612' } })],
  bounce_hard: [
    mj({
      type: 'hard-bounced',
      raw: 'bounce',
      at: '2024-06-10T09:00:02.000Z',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: '550 5.1.1 <alice@example.com>: Recipient address rejected: User unknown' },
    }),
  ],
  // "greylisted" (error table, domain): a temporary policy of the receiver.
  bounce_soft: [
    mj({
      type: 'soft-bounced',
      raw: 'bounce',
      at: '2024-06-10T09:00:02.000Z',
      reason: 'policy',
      detail: { code: '4.7.1', text: '451 4.7.1 Greylisting in action, please come back later' },
    }),
  ],
  blocked: [mj({ type: 'dropped', raw: 'blocked', at: '2024-06-10T09:00:00.000Z', reason: 'suppressed', detail: { text: 'preblocked' } })],
  spam: [mj({ type: 'complained', raw: 'spam', at: '2024-06-10T11:46:40.000Z' })],
  unsub: [mj({ type: 'unsubscribed', raw: 'unsub', at: '2024-06-10T11:48:20.000Z' })],
  // Message API "clicked": Mailjet's single status went past delivery; no recipient (only a ContactID). A current
  // status without its time: dated when polled, keyed on message and word.
  message_api_status_example: [
    { provider: 'mailjet', channel: 'email', messageId: '19421777835146490', type: 'delivered', at: RECEIVED, timeBasis: 'received', eventId: '19421777835146490#clicked#delivered', raw: 'clicked' },
    { provider: 'mailjet', channel: 'email', messageId: '19421777835146490', type: 'clicked', at: RECEIVED, timeBasis: 'received', eventId: '19421777835146490#clicked', raw: 'clicked' },
  ],
  sms_status_example: [
    {
      provider: 'mailjet',
      channel: 'sms',
      messageId: '744ecf8c-9fed-4ec9-acd0-9b326671f5df',
      recipient: '+33600000000',
      type: 'delivered',
      at: RECEIVED,
      timeBasis: 'received',
      eventId: '744ecf8c-9fed-4ec9-acd0-9b326671f5df#delivered',
      raw: 'delivered',
    },
  ],
};

// --- Brevo: email at ts_epoch 1718010000123 ms; SMS `date` is Paris wall-clock time (CEST = UTC+2) -------------
const br = maker({
  provider: 'brevo',
  channel: 'email',
  messageId: '<202406100900.12345678901@smtp-relay.mailin.fr>',
  recipient: ALICE,
  at: '2024-06-10T09:00:00.123Z',
});
const brSms = maker({ provider: 'brevo', channel: 'sms', messageId: '1511882900176220', recipient: '33600000000', timeBasis: 'assumed-zone' });
const BREVO: Table<Brevo.SampleName> = {
  request: [br({ type: 'queued', raw: 'request' })],
  delivered: [br({ type: 'delivered', raw: 'delivered' })],
  deferred: [br({ type: 'deferred', raw: 'deferred', reason: 'policy', detail: { code: '4.7.0', text: '421 4.7.0 Temporary System Problem. Try again later' } })],
  soft_bounce: [br({ type: 'soft-bounced', raw: 'soft_bounce', reason: 'mailbox-full', detail: { code: '4.2.2', text: '452 4.2.2 Mailbox full' } })],
  // The leading space is Brevo's: strings pass through untouched.
  hard_bounce: [
    br({
      type: 'hard-bounced',
      raw: 'hard_bounce',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: ' RecipientError: 550 5.1.1 Requested action not taken: mailbox unavailable.' },
    }),
  ],
  blocked: [br({ type: 'dropped', raw: 'blocked', reason: 'suppressed', detail: { text: 'blocked : due to blacklist user' } })],
  invalid_email: [br({ type: 'hard-bounced', raw: 'invalid_email', reason: 'invalid-recipient', detail: { text: 'invalid email address' } })],
  spam: [br({ type: 'complained', raw: 'spam' })],
  unique_opened: [br({ type: 'opened', raw: 'unique_opened' })],
  opened: [br({ type: 'opened', raw: 'opened' })],
  unique_proxy_open: [br({ type: 'opened', raw: 'unique_proxy_open', automated: true })],
  proxy_open: [br({ type: 'opened', raw: 'proxy_open', automated: true })],
  click: [br({ type: 'clicked', raw: 'click', detail: { url: 'https://www.example.org/factures/2024-0612' } })],
  unsubscribed: [br({ type: 'unsubscribed', raw: 'unsubscribed' })],
  error: [br({ type: 'failed', raw: 'error', reason: 'undetermined' })],
  sms_sent: [brSms({ type: 'sent', raw: 'sent', at: '2024-06-10T09:00:00.000Z' })],
  sms_delivered: [brSms({ type: 'delivered', raw: 'delivered', at: '2024-06-10T09:00:05.000Z' })],
  sms_soft_bounce: [
    brSms({ type: 'soft-bounced', raw: 'soft_bounce', messageId: '1511882900176221', recipient: '33600000001', at: '2024-06-10T09:00:09.000Z', reason: 'undetermined' }),
  ],
  sms_hard_bounce: [
    brSms({ type: 'hard-bounced', raw: 'hard_bounce', messageId: '1511882900176222', recipient: '33100000000', at: '2024-06-10T09:00:09.000Z', reason: 'undetermined' }),
  ],
};

// --- Mailgun: float seconds, truncated to the millisecond ----------------------------------------------------
const mg = maker({ provider: 'mailgun', channel: 'email', messageId: '20240610090000.1.ABCDEF0123456789@mg.example.org' });
const MAILGUN: Table<Mailgun.SampleName> = {
  accepted: [mg({ type: 'queued', raw: 'accepted', recipient: ALICE, at: '2024-06-10T09:00:00.641Z', eventId: 'jxVuhYlhReaK3QsggHfFRA' })],
  delivered: [mg({ type: 'delivered', raw: 'delivered', recipient: ALICE, at: '2024-06-10T09:00:01.626Z', eventId: 'hK7mQVt1QtqRiOfQXta4sw' })],
  // 4.7.x: a temporary refusal on security/policy grounds (here, a connection limit).
  failed_temporary: [
    mg({
      type: 'deferred',
      raw: 'failed',
      recipient: ALICE,
      at: '2024-06-10T09:00:02.871Z',
      eventId: 'xYrATi63Rke8EC_s7EoJeA',
      reason: 'policy',
      detail: { code: '4.7.652', text: '4.7.652 The mail server has exceeded the maximum number of connections.' },
    }),
  ],
  failed_permanent_bounce: [
    mg({
      type: 'hard-bounced',
      raw: 'failed',
      recipient: BOB,
      at: '2024-06-10T09:00:02.818Z',
      eventId: 'pl271FzxTTmGRW8Uj3dUWw',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: '550 5.1.1 The email account that you tried to reach does not exist.' },
    }),
  ],
  // 1718010000.9 must not become .899 through binary floating point.
  failed_permanent_suppressed: [
    mg({
      type: 'dropped',
      raw: 'failed',
      recipient: BOB,
      at: '2024-06-10T09:00:00.900Z',
      eventId: 'qm382GayUUnHSX9Vk4eVXx',
      reason: 'suppressed',
      detail: { code: '605', text: 'Not delivering to previously bounced address' },
    }),
  ],
  failed_permanent_delayed_bounce: [
    mg({
      type: 'hard-bounced',
      raw: 'failed',
      recipient: 'carol@example.com',
      at: '2024-06-10T10:00:00.404Z',
      eventId: 'ZDMqRgjLTDi6rQcy7K60aA',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: 'smtp; 550-5.1.1 The email account that you tried to reach does not exist.' },
      async: true,
    }),
  ],
  rejected: [
    mg({
      type: 'dropped',
      raw: 'rejected',
      at: '2024-06-10T09:00:00.104Z',
      eventId: 'OMTXD3-sSmKIQa1gSKkYVA',
      reason: 'policy',
      detail: { text: 'Sandbox subdomains are for test purposes only.' },
    }),
  ],
  // client-info.bot is "": a person.
  opened: [mg({ type: 'opened', raw: 'opened', recipient: ALICE, at: '2024-06-10T09:05:00.042Z', eventId: '-laxIqj9QWubsjY_3pTq_g' })],
  clicked: [
    mg({
      type: 'clicked',
      raw: 'clicked',
      recipient: ALICE,
      at: '2024-06-10T09:06:40.094Z',
      eventId: 'G5zMz2ysS6OxZ2C8xb2Tqg',
      detail: { url: 'https://www.example.org/factures/2024-0612' },
    }),
  ],
  unsubscribed: [mg({ type: 'unsubscribed', raw: 'unsubscribed', recipient: ALICE, at: '2024-06-10T11:46:40.421Z', eventId: 'W3X4JOhFT-OZidZGKKr9iA' })],
  complained: [mg({ type: 'complained', raw: 'complained', recipient: ALICE, at: '2024-06-10T14:33:20.049Z', eventId: 'ncV2XwymRUKbPek_MIM-Gw' })],
};

// --- Postmark: ISO times at +02:00 with 7 fraction digits -----------------------------------------------------
const pm = maker({ provider: 'postmark', channel: 'email', messageId: '883953f4-6105-42a2-a16a-77a8eac79483' });
const POSTMARK: Table<Postmark.SampleName> = {
  Delivery: [pm({ type: 'delivered', raw: 'Delivery', recipient: ALICE, at: '2024-06-10T09:00:02.273Z' })],
  Bounce_HardBounce: [
    pm({
      type: 'hard-bounced',
      raw: 'HardBounce',
      recipient: BOB,
      at: '2024-06-10T09:00:05.273Z',
      eventId: '901542550',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: 'smtp;550 5.1.1 The email account that you tried to reach does not exist.' },
    }),
  ],
  Bounce_SoftBounce: [
    pm({
      type: 'soft-bounced',
      raw: 'SoftBounce',
      recipient: 'carol@example.com',
      at: '2024-06-10T09:00:05.273Z',
      eventId: '901542551',
      reason: 'mailbox-full',
      detail: { code: '4.2.2', text: 'smtp;452 4.2.2 Mailbox full' },
    }),
  ],
  // "Message delayed", 4.4.2 "connection timed out".
  Bounce_Transient: [
    pm({
      type: 'deferred',
      raw: 'Transient',
      recipient: 'dave@example.com',
      at: '2024-06-10T09:00:05.273Z',
      eventId: '901542552',
      reason: 'timeout',
      detail: { code: '4.4.2', text: 'smtp;421 4.4.2 Connection timed out' },
    }),
  ],
  SpamComplaint: [pm({ type: 'complained', raw: 'SpamComplaint', recipient: ALICE, at: '2024-06-11T06:00:00.000Z', eventId: '901542553' })],
  Open: [pm({ type: 'opened', raw: 'Open', recipient: ALICE, at: '2024-06-10T09:05:00.000Z' })],
  Click: [pm({ type: 'clicked', raw: 'Click', recipient: ALICE, at: '2024-06-10T09:06:00.000Z', detail: { url: 'https://www.example.org/factures/2024-0612' } })],
  SubscriptionChange_unsubscribe: [
    pm({ type: 'unsubscribed', raw: 'SubscriptionChange', messageId: 'a4909a96-73d7-4c49-b148-a54522d3f7ac', recipient: ALICE, at: '2024-06-12T17:17:32.000Z' }),
  ],
  // Suppressed because of a hard bounce on a broadcast stream (no Bounce webhook there): the bounce itself.
  SubscriptionChange_hardbounce: [
    pm({
      type: 'hard-bounced',
      raw: 'SubscriptionChange',
      messageId: 'b4cb783d-78ed-43f2-983b-63f55c712dc8',
      recipient: BOB,
      at: '2024-06-12T17:17:32.000Z',
      reason: 'invalid-recipient',
    }),
  ],
  SubscriptionChange_resubscribe: [
    pm({ type: 'resubscribed', raw: 'SubscriptionChange', messageId: 'a4909a96-73d7-4c49-b148-a54522d3f7ac', recipient: ALICE, at: '2024-06-13T09:00:00.000Z' }),
  ],
};

// --- Amazon SES: ISO UTC; event time from the event object, else mail.timestamp ------------------------------
const ses = maker({ provider: 'amazon-ses', channel: 'email', messageId: '0102018ffa1b2c3d-1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d-000000', recipient: ALICE });
const AMAZON_SES: Table<AmazonSes.SampleName> = {
  // The doc example abbreviates the record as "{...}": not JSON.
  sns_envelope_example: { error: '$.Message' },
  Send: [ses({ type: 'queued', raw: 'Send', at: '2024-06-10T09:00:00.012Z' })],
  Reject: [ses({ type: 'dropped', raw: 'Reject', at: '2024-06-10T09:00:00.012Z', reason: 'content-block', detail: { text: 'Bad content' } })],
  Delivery: [ses({ type: 'delivered', raw: 'Delivery', at: '2024-06-10T09:00:02.133Z' })],
  Bounce_Permanent_General: [
    ses({
      type: 'hard-bounced',
      raw: 'Bounce',
      at: '2024-06-10T09:00:03.669Z',
      eventId: '0102018ffa1b2c3e-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: 'smtp; 550 5.1.1 user unknown' },
    }),
  ],
  Bounce_Transient_MailboxFull: [
    ses({
      type: 'soft-bounced',
      raw: 'Bounce',
      at: '2024-06-10T21:00:00.000Z',
      eventId: '0102018ffa1b2c3f-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      reason: 'mailbox-full',
      detail: { code: '4.2.2', text: 'smtp; 452 4.2.2 Mailbox full' },
    }),
  ],
  Bounce_Permanent_Suppressed: [
    ses({
      type: 'dropped',
      raw: 'Bounce',
      at: '2024-06-10T09:00:00.500Z',
      eventId: '0102018ffa1b2c40-61b59c11-9236-11e6-8f96-7be8aexample-000000',
      reason: 'suppressed',
      detail: {
        code: '5.1.1',
        text: 'Amazon SES has suppressed sending to this address because it has a recent history of bouncing as an invalid address.',
      },
    }),
  ],
  Complaint: [ses({ type: 'complained', raw: 'Complaint', at: '2024-06-11T08:00:00.669Z', eventId: '0102018ffa1b2c41-61b59c11-9236-11e6-8f96-7be8aexample-000000' })],
  Open: [ses({ type: 'opened', raw: 'Open', at: '2024-06-10T09:05:19.652Z' })],
  Click: [ses({ type: 'clicked', raw: 'Click', at: '2024-06-10T09:06:25.570Z', detail: { url: 'https://www.example.org/factures/2024-0612' } })],
  'Rendering Failure': [
    ses({
      type: 'failed',
      raw: 'Rendering Failure',
      at: '2024-06-10T09:00:00.012Z',
      reason: 'template-error',
      detail: { text: "Attribute 'invoiceNumber' is not present in the rendering data." },
    }),
  ],
  DeliveryDelay: [
    ses({
      type: 'deferred',
      raw: 'DeliveryDelay',
      at: '2024-06-10T09:10:40.095Z',
      reason: 'timeout',
      detail: { code: '4.4.1', text: 'smtp; 421 4.4.1 Unable to connect to remote host' },
    }),
  ],
  Subscription: [ses({ type: 'unsubscribed', raw: 'Subscription', at: '2024-06-12T10:00:17.910Z' })],
};

// --- Twilio: no event time in callbacks; RawDlrDoneDate read as UTC ------------------------------------------
const tw = maker({ provider: 'twilio', channel: 'sms', messageId: 'SM0123456789abcdef0123456789abcdef', recipient: '+33600000000' });
const TWILIO: Table<Twilio.SampleName> = {
  // The create-API resource without its sid.
  queued_initial_api_status_only: { error: '$.sid' },
  sending: [tw({ type: 'sending', raw: 'sending', at: RECEIVED, timeBasis: 'received' })],
  sent: [tw({ type: 'sent', raw: 'sent', at: RECEIVED, timeBasis: 'received' })],
  delivered: [tw({ type: 'delivered', raw: 'delivered', at: '2024-06-10T11:01:00.000Z', timeBasis: 'assumed-utc' })],
  // 30003 unreachable handset: the carrier's side.
  undelivered: [tw({ type: 'soft-bounced', raw: 'undelivered', at: '2024-06-10T11:02:00.000Z', timeBasis: 'assumed-utc', reason: 'carrier', detail: { code: '30003' } })],
  // 30006 landline or unreachable carrier.
  failed: [tw({ type: 'failed', raw: 'failed', at: RECEIVED, timeBasis: 'received', reason: 'landline', detail: { code: '30006' } })],
  read: [tw({ type: 'read', raw: 'read', recipient: 'whatsapp:+33600000000', at: RECEIVED, timeBasis: 'received' })],
  canceled: [tw({ type: 'canceled', raw: 'canceled', at: RECEIVED, timeBasis: 'received' })],
  event_streams_delivered: [tw({ type: 'delivered', raw: 'DELIVERED', at: '2024-06-10T09:01:01.000Z', eventId: 'NO00000000000000000000000001' })],
};

// --- Vonage: message-timestamp is UTC ------------------------------------------------------------------------
const vg = maker({ provider: 'vonage', channel: 'sms', messageId: '0A0000001234567B', recipient: '33600000000', at: '2024-06-10T09:01:05.000Z' });
const VONAGE: Table<Vonage.SampleName> = {
  accepted: [vg({ type: 'sent', raw: 'accepted' })],
  buffered: [vg({ type: 'sent', raw: 'buffered' })],
  delivered: [vg({ type: 'delivered', raw: 'delivered' })],
  expired: [vg({ type: 'expired', raw: 'expired', reason: 'timeout', detail: { code: '5' } })],
  // err-code 2: absent subscriber (temporary) - on the carrier's side.
  failed: [vg({ type: 'soft-bounced', raw: 'failed', reason: 'carrier', detail: { code: '2' } })],
  // err-code 6: anti-spam rejection.
  rejected: [vg({ type: 'blocked', raw: 'rejected', reason: 'content-block', detail: { code: '6' } })],
  unknown: [vg({ type: 'unknown', raw: 'unknown' })],
};

// --- SparkPost: timestamps are numeric strings ---------------------------------------------------------------
const sp = maker({ provider: 'sparkpost', channel: 'email', messageId: '000443ee14578172be22', recipient: ALICE, at: '2024-06-10T09:00:01.000Z' });
const SUPPRESSED_TEXT = '554 5.7.1 recipient address suppressed due to customer policy';
const SPARKPOST: Table<Sparkpost.SampleName> = {
  injection: [sp({ type: 'queued', raw: 'injection', at: '2024-06-10T09:00:00.000Z', eventId: '92356927693813850' })],
  delivery: [sp({ type: 'delivered', raw: 'delivery', eventId: '92356927693813856' })],
  // bounce_class 21: DNS failure.
  delay: [
    sp({
      type: 'deferred',
      raw: 'delay',
      recipient: 'alice@nomx.example.com',
      eventId: '92356927693813857',
      reason: 'domain-or-dns',
      detail: { code: '4.4.4', text: '454 4.4.4 [internal] no MX or A for domain' },
    }),
  ],
  // bounce_class 10: invalid recipient (hard). raw_reason preferred over the redacted reason.
  bounce: [
    sp({
      type: 'hard-bounced',
      raw: 'bounce',
      recipient: BOB,
      eventId: '92356927693813858',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: '550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown' },
    }),
  ],
  out_of_band: [
    sp({
      type: 'hard-bounced',
      raw: 'out_of_band',
      eventId: '92356927693813859',
      reason: 'invalid-recipient',
      detail: { code: '5.1.1', text: '550 5.1.1 user unknown' },
      async: true,
    }),
  ],
  policy_rejection: [sp({ type: 'dropped', raw: 'policy_rejection', eventId: '92356927693813860', reason: 'suppressed', detail: { code: '5.7.1', text: SUPPRESSED_TEXT } })],
  spam_complaint: [sp({ type: 'complained', raw: 'spam_complaint', eventId: '92356927693813861' })],
  generation_rejection: [
    sp({ type: 'dropped', raw: 'generation_rejection', eventId: '92356927693813862', reason: 'suppressed', detail: { code: '5.7.1', text: SUPPRESSED_TEXT } }),
  ],
  generation_failure: [
    sp({
      type: 'failed',
      raw: 'generation_failure',
      eventId: '92356927693813863',
      reason: 'template-error',
      detail: { code: '5.3.3', text: "554 5.3.3 [internal] Error while rendering part html: substitution value 'invoice' did not match" },
    }),
  ],
  initial_open: [sp({ type: 'opened', raw: 'initial_open', eventId: '92356927693813864' })],
  open: [sp({ type: 'opened', raw: 'open', eventId: '92356927693813865' })],
  click: [sp({ type: 'clicked', raw: 'click', eventId: '92356927693813866', detail: { url: 'https://www.example.org/factures/2024-0612' } })],
  list_unsubscribe: [sp({ type: 'unsubscribed', raw: 'list_unsubscribe', eventId: '92356927693813867' })],
  link_unsubscribe: [sp({ type: 'unsubscribed', raw: 'link_unsubscribe', eventId: '92356927693813868' })],
  ping: [],
};

// --- Resend: top-level created_at is the event time ----------------------------------------------------------
const rs = maker({ provider: 'resend', channel: 'email', messageId: '56761188-7520-42d8-8898-ff6fc54ce618', recipient: ALICE });
const RESEND: Table<Resend.SampleName> = {
  'email.scheduled': [rs({ type: 'scheduled', raw: 'email.scheduled', at: '2024-06-10T08:59:00.000Z' })],
  'email.sent': [rs({ type: 'queued', raw: 'email.sent', at: '2024-06-10T09:00:00.500Z' })],
  'email.delivered': [rs({ type: 'delivered', raw: 'email.delivered', at: '2024-06-10T09:00:02.000Z' })],
  'email.delivery_delayed': [rs({ type: 'deferred', raw: 'email.delivery_delayed', at: '2024-06-10T09:10:00.000Z', reason: 'undetermined' })],
  'email.bounced': [
    rs({
      type: 'hard-bounced',
      raw: 'email.bounced',
      at: '2024-06-10T09:00:03.000Z',
      reason: 'undetermined',
      detail: { text: "The recipient's email provider sent a hard bounce message." },
    }),
  ],
  'email.complained': [rs({ type: 'complained', raw: 'email.complained', at: '2024-06-11T08:00:00.000Z' })],
  'email.opened': [rs({ type: 'opened', raw: 'email.opened', at: '2024-06-10T09:05:00.000Z' })],
  'email.clicked': [rs({ type: 'clicked', raw: 'email.clicked', at: '2024-06-10T09:06:00.000Z', detail: { url: 'https://www.example.org/factures/2024-0612' } })],
  'email.failed': [rs({ type: 'failed', raw: 'email.failed', at: '2024-06-10T09:00:00.600Z', reason: 'undetermined', detail: { text: 'reached_daily_quota' } })],
  'email.suppressed': [
    rs({
      type: 'dropped',
      raw: 'email.suppressed',
      at: '2024-06-10T09:00:00.400Z',
      reason: 'suppressed',
      detail: {
        code: 'OnAccountSuppressionList',
        text: 'Resend has suppressed sending to this address because it is on the account-level suppression list.',
      },
    }),
  ],
};

// --- Tipimail: statistics API only -----------------------------------------------------------------------------
const TIPIMAIL: Table<Tipimail.SampleName> = {
  statistics_sends_response: { error: '$' },
  statistics_messages_item: [
    { provider: 'tipimail', channel: 'email', messageId: '5d00f65e99321602e57d89ae', recipient: ALICE, type: 'delivered', at: '2024-06-10T09:00:01.829Z', raw: 'delivered' },
  ],
};

const EXPECTED: { readonly [P in ProviderId]: { readonly [name: string]: Expected } } = {
  sendgrid: SENDGRID,
  mailjet: MAILJET,
  brevo: BREVO,
  mailgun: MAILGUN,
  postmark: POSTMARK,
  'amazon-ses': AMAZON_SES,
  twilio: TWILIO,
  vonage: VONAGE,
  sparkpost: SPARKPOST,
  resend: RESEND,
  tipimail: TIPIMAIL,
};

const caught = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
};

const check = (provider: ProviderId, body: unknown, expected: Expected, how: string): void => {
  if ('error' in expected) {
    const error = caught(() => normalize(provider, body as object, { receivedAt: RECEIVED }));
    expect(error, how).to.be.instanceOf(ProviderPayloadError);
    expect((error as ProviderPayloadError).path, how).to.equal(expected.error);
    expect((error as ProviderPayloadError).provider, how).to.equal(provider);
  } else {
    expect(normalize(provider, body as object, { receivedAt: RECEIVED }), how).to.deep.equal(expected);
  }
};

describe('normalize: every research sample', () => {
  for (const [provider, fixture] of Object.entries(PROVIDER_SAMPLES) as [ProviderId, (typeof PROVIDER_SAMPLES)[ProviderId]][]) {
    describe(provider, () => {
      it('has a hand-written expectation for each sample, and no other', () => {
        expect(Object.keys(EXPECTED[provider]).sort()).to.deep.equal(Object.keys(fixture.sampleTexts).sort());
      });
      for (const [name, text] of Object.entries(fixture.sampleTexts)) {
        const expected = EXPECTED[provider][name];
        if (expected === undefined) continue;
        it(`${name}: from the raw JSON text and from the parsed body`, () => {
          check(provider, text, expected, `${name} (text)`);
          check(provider, (fixture.samples as Record<string, unknown>)[name], expected, `${name} (parsed)`);
        });
      }
    });
  }

  it('reads the Twilio and Vonage samples as the form bodies they really are', () => {
    for (const provider of ['twilio', 'vonage'] as const) {
      const fixture = PROVIDER_SAMPLES[provider];
      for (const [name, sample] of Object.entries(fixture.samples)) {
        const fields = sample as Record<string, unknown>;
        const expected = EXPECTED[provider][name];
        // Form bodies are flat: the Event Streams CloudEvent is JSON only.
        if (expected === undefined || Object.values(fields).some((v) => typeof v === 'object')) continue;
        const form = new URLSearchParams(fields as Record<string, string>);
        check(provider, form.toString(), expected, `${provider} ${name} (form text)`);
        check(provider, form, expected, `${provider} ${name} (URLSearchParams)`);
      }
    }
  });
});
