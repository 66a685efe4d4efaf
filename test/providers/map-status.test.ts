// mapStatus over every provider's status words, and mapLabel over every row of seed-statuses.md.
// Expected statuses written by hand from research/providers.md §15.3 and seed-statuses.md.
import { expect } from '../support/expect.js';
import { DISPLAY_STATUSES, type DisplayStatus } from '../../src/core/index.js';
import { en, fr } from '../../src/i18n/index.js';
import { labelMeaning, mapLabel, mapStatus, normalize, providerChannel, PROVIDERS, statusRules, type ProviderId } from '../../src/providers/index.js';
import { SEED } from '../fixtures/seed-statuses.js';

/** Word → status; `word@sms` asks with channel "sms". */
type Words = Readonly<Record<string, DisplayStatus>>;

const WORDS: { readonly [P in ProviderId]: Words } = {
  sendgrid: {
    processed: 'queued',
    dropped: 'dropped',
    delivered: 'delivered',
    deferred: 'deferred',
    bounce: 'bounced',
    blocked: 'blocked',
    open: 'opened',
    click: 'clicked',
    spamreport: 'complained',
    unsubscribe: 'unsubscribed',
    group_unsubscribe: 'unsubscribed',
    // A resubscribe from the message proves it arrived.
    group_resubscribe: 'delivered',
    // Email Activity API (GET /v3/messages/{msg_id}) event names, the polled words for the same events.
    bounced: 'bounced',
    opened: 'opened',
    clicked: 'clicked',
    spam_report: 'complained',
  },
  mailjet: {
    // Event API and Message API: "sent" is accepted by the receiving server.
    sent: 'delivered',
    open: 'opened',
    click: 'clicked',
    bounce: 'bounced',
    blocked: 'dropped',
    spam: 'complained',
    unsub: 'unsubscribed',
    queued: 'queued',
    deferred: 'deferred',
    softbounced: 'soft-bounced',
    hardbounced: 'hard-bounced',
    opened: 'opened',
    clicked: 'clicked',
    unknown: 'unknown',
    // Message history `EventType` (GET /v3/REST/messagehistory): its name for the Event API's bounce.
    bounced: 'bounced',
    // SMS API
    'sent@sms': 'sent',
    'delivered@sms': 'delivered',
    'unknown@sms': 'unknown',
    sent_pending: 'sending',
    rejected_operator: 'blocked',
    rejected_undelivered: 'bounced',
    rejected_expired: 'expired',
    rejected_incorrect_delivery: 'bounced',
    rejected_network: 'failed',
    rejected_dnd: 'dropped',
    rejected_from_blacklist: 'dropped',
    rejected_to_blacklist: 'dropped',
    rejected_anti_flood: 'dropped',
    rejected_system_error: 'failed',
    invalid_phone_number: 'dropped',
    rejected_insufficent_funds: 'dropped',
    rejected_insufficient_funds: 'dropped',
    rejected_daily_limit_reached: 'dropped',
    // SMS API `Status.Code` alone (research §2c)
    '0@sms': 'unknown',
    '1@sms': 'sending',
    '2@sms': 'sent',
    '3@sms': 'delivered',
    '4@sms': 'blocked',
    '5@sms': 'bounced',
    '6@sms': 'expired',
    '7@sms': 'bounced',
    '8@sms': 'failed',
    '9@sms': 'dropped',
    '10@sms': 'dropped',
    '11@sms': 'dropped',
    '12@sms': 'dropped',
    '13@sms': 'failed',
    '14@sms': 'dropped',
    '15@sms': 'dropped',
    '16@sms': 'dropped',
  },
  brevo: {
    request: 'queued',
    sent: 'queued',
    requests: 'queued',
    delivered: 'delivered',
    deferred: 'deferred',
    soft_bounce: 'soft-bounced',
    softBounce: 'soft-bounced',
    softBounces: 'soft-bounced',
    hard_bounce: 'hard-bounced',
    hardBounce: 'hard-bounced',
    hardBounces: 'hard-bounced',
    invalid_email: 'hard-bounced',
    invalid: 'hard-bounced',
    blocked: 'dropped',
    error: 'failed',
    spam: 'complained',
    complaint: 'complained',
    unique_opened: 'opened',
    uniqueOpened: 'opened',
    opened: 'opened',
    proxy_open: 'opened',
    unique_proxy_open: 'opened',
    loadedByProxy: 'opened',
    click: 'clicked',
    clicks: 'clicked',
    unsubscribed: 'unsubscribed',
    unsubscribe: 'unsubscribed',
    'sent@sms': 'sent',
    accepted: 'sent',
    'delivered@sms': 'delivered',
    'soft_bounce@sms': 'soft-bounced',
    'hard_bounce@sms': 'hard-bounced',
    replied: 'replied',
    reply: 'replied',
    // SMS event-report names (research §3).
    bounces: 'bounced',
    'replies@sms': 'replied',
    'unsubscription@sms': 'unsubscribed',
    'unsubscribe@sms': 'unsubscribed',
    'unsubscribed@sms': 'unsubscribed',
    subscribe: 'delivered',
    'blocked@sms': 'dropped',
    skip: 'dropped',
    rejected: 'dropped',
  },
  mailgun: {
    accepted: 'queued',
    rejected: 'dropped',
    delivered: 'delivered',
    failed: 'bounced',
    temporary_fail: 'deferred',
    permanent_fail: 'bounced',
    opened: 'opened',
    clicked: 'clicked',
    unsubscribed: 'unsubscribed',
    complained: 'complained',
    stored: 'unknown',
  },
  postmark: {
    Delivery: 'delivered',
    Bounce: 'bounced',
    SpamComplaint: 'complained',
    Open: 'opened',
    Click: 'clicked',
    SubscriptionChange: 'unknown',
    HardBounce: 'hard-bounced',
    SoftBounce: 'soft-bounced',
    Transient: 'deferred',
    DnsError: 'soft-bounced',
    BadEmailAddress: 'hard-bounced',
    Blocked: 'blocked',
    DMARCPolicy: 'blocked',
    SpamNotification: 'blocked',
    ManuallyDeactivated: 'dropped',
    Unconfirmed: 'dropped',
    SMTPApiError: 'failed',
    TemplateRenderingFailed: 'failed',
    Unsubscribe: 'unsubscribed',
    Subscribe: 'unknown',
    AutoResponder: 'unknown',
    AddressChange: 'unknown',
    ChallengeVerification: 'unknown',
    OpenRelayTest: 'unknown',
    VirusNotification: 'unknown',
    InboundError: 'unknown',
    Unknown: 'unknown',
    queued: 'queued',
    processed: 'queued',
    sent: 'sent',
    // Messages API message details: a `MessageEvents` item's `Type` for the delivery.
    Delivered: 'delivered',
  },
  'amazon-ses': {
    Send: 'queued',
    Reject: 'dropped',
    'Rendering Failure': 'failed',
    Delivery: 'delivered',
    DeliveryDelay: 'deferred',
    Bounce: 'bounced',
    Complaint: 'complained',
    Open: 'opened',
    Click: 'clicked',
    Subscription: 'unknown',
    Received: 'unknown',
    // SES API v2 DeliveryEventType (a message's last delivery event in message insights and their exports).
    PERMANENT_BOUNCE: 'hard-bounced',
    TRANSIENT_BOUNCE: 'soft-bounced',
    UNDETERMINED_BOUNCE: 'bounced',
  },
  twilio: {
    scheduled: 'scheduled',
    queued: 'queued',
    accepted: 'queued',
    sending: 'sending',
    sent: 'sent',
    delivered: 'delivered',
    undelivered: 'bounced',
    failed: 'failed',
    read: 'read',
    canceled: 'canceled',
    partially_delivered: 'delivered',
    receiving: 'unknown',
    received: 'unknown',
  },
  vonage: {
    accepted: 'sent',
    buffered: 'sent',
    delivered: 'delivered',
    expired: 'expired',
    failed: 'bounced',
    rejected: 'blocked',
    unknown: 'unknown',
    submitted: 'sent',
    undeliverable: 'failed',
    read: 'read',
  },
  sparkpost: {
    injection: 'queued',
    delivery: 'delivered',
    delay: 'deferred',
    bounce: 'bounced',
    out_of_band: 'bounced',
    policy_rejection: 'dropped',
    generation_rejection: 'dropped',
    generation_failure: 'failed',
    spam_complaint: 'complained',
    initial_open: 'opened',
    open: 'opened',
    amp_initial_open: 'opened',
    amp_open: 'opened',
    click: 'clicked',
    amp_click: 'clicked',
    list_unsubscribe: 'unsubscribed',
    link_unsubscribe: 'unsubscribed',
  },
  resend: {
    'email.scheduled': 'scheduled',
    'email.sent': 'queued',
    'email.delivered': 'delivered',
    'email.delivery_delayed': 'deferred',
    'email.bounced': 'bounced',
    'email.complained': 'complained',
    'email.opened': 'opened',
    'email.clicked': 'clicked',
    'email.failed': 'failed',
    'email.suppressed': 'dropped',
    'email.received': 'unknown',
    scheduled: 'scheduled',
    queued: 'queued',
    sent: 'queued',
    delivered: 'delivered',
    delivery_delayed: 'deferred',
    bounced: 'bounced',
    failed: 'failed',
    canceled: 'canceled',
    opened: 'opened',
    clicked: 'clicked',
    complained: 'complained',
  },
  tipimail: {
    requested: 'queued',
    scheduled: 'scheduled',
    deferred: 'deferred',
    delivered: 'delivered',
    hardbounced: 'hard-bounced',
    hardbounce: 'hard-bounced',
    softbounced: 'soft-bounced',
    rejected: 'dropped',
    filtered: 'dropped',
    error: 'failed',
    open: 'opened',
    read: 'read',
    click: 'clicked',
    clicked: 'clicked',
    unsubscribed: 'unsubscribed',
    complaint: 'complained',
  },
};

const split = (key: string): [string, 'sms' | undefined] => (key.endsWith('@sms') ? [key.slice(0, -4), 'sms'] : [key, undefined]);

describe('mapStatus', () => {
  for (const provider of PROVIDERS) {
    it(`${provider}: every status word`, () => {
      for (const [key, expected] of Object.entries(WORDS[provider])) {
        const [word, channel] = split(key);
        expect(mapStatus(provider, word, channel), `${provider} ${key}`).to.equal(expected);
      }
    });

    it(`${provider}: the hand table covers every word the adapter knows`, () => {
      const table = WORDS[provider];
      for (const rule of statusRules(provider)) {
        const known = rule.raw in table || `${rule.raw}@${rule.channel ?? ''}` in table;
        expect(known, `${provider} ${rule.raw} (${rule.channel ?? 'any'})`).to.equal(true);
      }
    });
  }

  it('SendGrid: the Email Activity API names an event as the webhook does, whichever way the host fetched it', () => {
    // twilio/sendgrid-oai tsg_email_activity_v3 EventName: bounced, opened, clicked, spam_report... for the Event
    // Webhook's bounce, open, click, spamreport.
    const pairs = [['bounce', 'bounced'], ['open', 'opened'], ['click', 'clicked'], ['spamreport', 'spam_report']] as const;
    for (const [webhook, polled] of pairs) expect(mapStatus('sendgrid', polled), polled).to.equal(mapStatus('sendgrid', webhook));
    expect(['bounced', 'opened', 'clicked', 'spam_report'].map((word) => mapStatus('sendgrid', word))).to.deep.equal(['bounced', 'opened', 'clicked', 'complained']);
  });

  it('Mailjet: the message history names each event as the Event API does, whichever way the host fetched it', () => {
    // node-mailjet Message.ts EventType (message history): sent, opened, clicked, bounced, blocked, unsub, spam.
    const pairs = [['sent', 'sent'], ['open', 'opened'], ['click', 'clicked'], ['bounce', 'bounced'], ['blocked', 'blocked'], ['unsub', 'unsub'], ['spam', 'spam']] as const;
    for (const [webhook, history] of pairs) expect(mapStatus('mailjet', history, 'email'), history).to.equal(mapStatus('mailjet', webhook, 'email'));
    expect(mapStatus('mailjet', 'bounced')).to.equal('bounced');
  });

  it('Postmark: the delivery a message-details poll lists reads as the Delivery webhook does', () => {
    // postmarkapp.com blog, "MessageEvents: every message event in one API call": the Messages API details list the
    // delivery as a MessageEvents item of Type "Delivered"; the webhook's RecordType for it is "Delivery".
    expect(mapStatus('postmark', 'Delivered')).to.equal(mapStatus('postmark', 'Delivery'));
    expect(mapStatus('postmark', 'Delivered')).to.equal('delivered');
  });

  it('Amazon SES: a polled last delivery event reads as the published bounce of the same kind', () => {
    // SES API v2 DeliveryEventType: PERMANENT_BOUNCE (non-existent mailbox), TRANSIENT_BOUNCE, UNDETERMINED_BOUNCE;
    // event publishing says Bounce with bounceType Permanent, Transient or Undetermined for the same bounces.
    const published = (bounceType: string) =>
      normalize('amazon-ses', {
        eventType: 'Bounce',
        mail: { messageId: 'm', timestamp: '2024-06-10T09:00:00.000Z', destination: ['a@example.com'] },
        bounce: { bounceType, bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'a@example.com' }], timestamp: '2024-06-10T09:00:01.000Z' },
      })[0]?.type;
    expect(['PERMANENT_BOUNCE', 'TRANSIENT_BOUNCE', 'UNDETERMINED_BOUNCE'].map((word) => mapStatus('amazon-ses', word))).to.deep.equal([
      published('Permanent'),
      published('Transient'),
      published('Undetermined'),
    ]);
    expect(mapStatus('amazon-ses', 'PERMANENT_BOUNCE')).to.equal('hard-bounced');
  });

  it('ignores case, spaces, underscores and dashes', () => {
    expect(mapStatus('twilio', 'UNDELIVERED')).to.equal('bounced');
    expect(mapStatus('twilio', ' Partially-Delivered ')).to.equal('delivered');
    expect(mapStatus('brevo', 'Hard Bounce')).to.equal('hard-bounced');
    expect(mapStatus('amazon-ses', 'RenderingFailure')).to.equal('failed');
    expect(mapStatus('mailjet', 'SoftBounced')).to.equal('soft-bounced');
  });

  it('tells channels apart where a word means two things', () => {
    expect(mapStatus('mailjet', 'sent')).to.equal('delivered');
    expect(mapStatus('mailjet', 'sent', 'email')).to.equal('delivered');
    expect(mapStatus('mailjet', 'sent', 'sms')).to.equal('sent');
    expect(mapStatus('brevo', 'sent', 'email')).to.equal('queued');
    expect(mapStatus('brevo', 'sent', 'sms')).to.equal('sent');
    // A single-channel provider answers whatever channel is asked.
    expect(mapStatus('twilio', 'delivered', 'email')).to.equal('delivered');
  });

  it('gives unknown for unknown words, providers and non-strings, including prototype names', () => {
    expect(mapStatus('twilio', 'teleported')).to.equal('unknown');
    expect(mapStatus('twilio', '')).to.equal('unknown');
    expect(mapStatus('nope' as ProviderId, 'delivered')).to.equal('unknown');
    expect(mapStatus('twilio', undefined as unknown as string)).to.equal('unknown');
    for (const word of ['__proto__', 'constructor', 'toString']) expect(mapStatus('sendgrid', word), word).to.equal('unknown');
  });
});

describe('mapLabel: every row of seed-statuses.md', () => {
  for (const [label, channel, status, reason] of SEED) {
    it(`${label} (${channel}) → ${status}${reason ? ` (${reason})` : ''}`, () => {
      expect(mapLabel(label, channel)).to.equal(status);
      expect(mapLabel(label), 'without a channel').to.equal(status);
      expect(labelMeaning(label, channel)?.reason).to.equal(reason);
    });
  }
});

describe('mapLabel: our own labels', () => {
  // A page that stores or exports what a badge shows reads it back as the same status.
  it('reads every French and English status label of the catalogues back as its status', () => {
    for (const status of DISPLAY_STATUSES) {
      for (const catalogue of [fr, en]) {
        const label = (catalogue as Readonly<Record<string, string>>)[`status.${status}.label`]!;
        expect(mapLabel(label), `${label}`).to.equal(status);
      }
    }
  });

  it('reads the resubscribed label (a timeline row’s) as delivered, as mapStatus reads a provider’s resubscribe', () => {
    // Resubscribed is no badge headline; resubscribing from the message proves it arrived.
    for (const label of ['Réabonné', 'Resubscribed', 'Réinscrit', 'réabonnement']) expect(mapLabel(label), label).to.equal('delivered');
    expect(mapStatus('sendgrid', 'group_resubscribe')).to.equal('delivered');
  });

  it('reads the indicator labels of <campaign-stats> that name a status, French and English, as that status', () => {
    const indicators: Readonly<Record<string, DisplayStatus>> = {
      Envoyés: 'sent', Sent: 'sent', Délivrés: 'delivered', Ouverts: 'opened', Cliqués: 'clicked', Désabonnements: 'unsubscribed',
      'Signalements de spam': 'complained', 'Spam reports': 'complained', Rebonds: 'bounced', 'Rebonds temporaires': 'soft-bounced',
      'Rebonds définitifs': 'hard-bounced', 'Hard bounces': 'hard-bounced', Refusés: 'blocked', 'Non envoyés': 'dropped', Réponses: 'replied',
      Replies: 'replied', 'Échecs d’envoi': 'failed', 'Sending errors': 'failed', Expirés: 'expired',
    };
    for (const [label, status] of Object.entries(indicators)) expect(mapLabel(label), label).to.equal(status);
  });
});

describe('mapLabel: the seeds’ other spellings', () => {
  it('reads seed 003’s “Harbounce” and seed 001’s temporary and permanent errors', () => {
    expect(mapLabel('Harbounce')).to.equal('hard-bounced');
    expect(mapLabel('Erreur définitive')).to.equal('hard-bounced');
    expect(mapLabel('Erreurs temporaires')).to.equal('soft-bounced');
  });
});

describe('mapLabel: spelling variants', () => {
  it('ignores accents, case, spacing and punctuation', () => {
    for (const label of ['DÉLIVRÉ', 'delivre', ' Délivré ', 'Delivres', 'délivré.']) expect(mapLabel(label), label).to.equal('delivered');
    expect(mapLabel('credits epuises')).to.equal('held');
    expect(mapLabel('EN ATTENTE DE MODERATION')).to.equal('held');
    expect(mapLabel('erreur - hard bounce')).to.equal('hard-bounced');
    expect(mapLabel('Bounce (temporaire)')).to.equal('soft-bounced');
  });

  it('knows the English dashboard words', () => {
    const english: Readonly<Record<string, DisplayStatus>> = {
      Scheduled: 'scheduled',
      Queued: 'queued',
      Processed: 'queued',
      Sending: 'sending',
      Sent: 'sent',
      Deferred: 'deferred',
      Delivered: 'delivered',
      'Soft bounce': 'soft-bounced',
      'Hard bounce': 'hard-bounced',
      Bounced: 'bounced',
      Blocked: 'blocked',
      Dropped: 'dropped',
      Failed: 'failed',
      Expired: 'expired',
      Cancelled: 'canceled',
      Opened: 'opened',
      Clicked: 'clicked',
      Read: 'read',
      Replied: 'replied',
      Unsubscribed: 'unsubscribed',
      Complained: 'complained',
    };
    for (const [label, status] of Object.entries(english)) expect(mapLabel(label), label).to.equal(status);
  });

  it('reads "Accepté" as handed to the carrier on SMS', () => {
    expect(mapLabel('Accepté', 'sms')).to.equal('sent');
    expect(mapLabel('Accepted', 'email')).to.equal('queued');
  });

  it('gives unknown for labels it does not know', () => {
    for (const label of ['', 'Téléporté', '__proto__', 'constructor', '<b>Délivré</b>x']) expect(mapLabel(label), label).to.equal('unknown');
    expect(mapLabel(42 as unknown as string)).to.equal('unknown');
  });
});

describe('providerChannel', () => {
  it('names the one channel a provider sends on, and nothing for a provider of both or one it does not know', () => {
    expect(['twilio', 'vonage', 'sendgrid', 'mailjet', 'brevo', 'nope', '__proto__'].map(providerChannel)).to.deep.equal([
      'sms', 'sms', 'email', undefined, undefined, undefined, undefined,
    ]);
  });
});
