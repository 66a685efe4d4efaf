// Round trip: the webhooks of one message, from each provider, shuffled (and delivered twice), through
// normalize and the core's reduceEvents, give the status a person reading the provider docs expects.
import fc from 'fast-check';
import { expect } from '../support/expect.js';
import { reduceEvents, type DeliveryState, type DisplayStatus } from '../../src/core/index.js';
import { normalize, type ProviderEvent, type ProviderId } from '../../src/providers/index.js';
import { PROVIDER_SAMPLES } from '../fixtures/provider-samples/index.js';

const RECEIVED = '2024-06-10T12:00:00.000Z';
const texts = <P extends keyof typeof PROVIDER_SAMPLES>(provider: P) => PROVIDER_SAMPLES[provider].sampleTexts as Readonly<Record<string, string>>;

/** The events of the named samples of one provider (raw JSON text, as a webhook endpoint gets it). */
const fromSamples = (provider: ProviderId & keyof typeof PROVIDER_SAMPLES, names: readonly string[]): ProviderEvent[] =>
  names.flatMap((name) => {
    const text = texts(provider)[name];
    if (text === undefined) throw new Error(`no sample ${provider}/${name}`);
    return normalize(provider, text, { receivedAt: RECEIVED });
  });

interface Scenario {
  readonly title: string;
  readonly events: () => ProviderEvent[];
  readonly display: DisplayStatus;
  readonly delivery: DeliveryState;
  readonly asyncBounce?: boolean;
}

const sg = (event: string, timestamp: number, extra: object = {}) => ({ event, sg_message_id: 'sg-1', email: 'a@example.com', timestamp, ...extra });

const SCENARIOS: readonly Scenario[] = [
  {
    title: 'sendgrid: processed, delivered, open, click (same second) → clicked',
    events: () => fromSamples('sendgrid', ['processed', 'delivered', 'open', 'click']),
    display: 'clicked',
    delivery: 'delivered',
  },
  {
    title: 'sendgrid: a bounce after the delivery is an asynchronous hard bounce',
    events: () => normalize('sendgrid', [sg('processed', 1718010000), sg('delivered', 1718010001), sg('bounce', 1718013600, { type: 'bounce', status: '5.1.1' })]),
    display: 'hard-bounced',
    delivery: 'hard-bounced',
    asyncBounce: true,
  },
  {
    title: 'mailjet: sent, open, click, spam → complained',
    events: () => fromSamples('mailjet', ['sent', 'open', 'click', 'spam']),
    display: 'complained',
    delivery: 'delivered',
  },
  {
    title: 'mailjet: a soft bounce then a delivery is a retry that worked',
    events: () => [
      ...fromSamples('mailjet', ['bounce_soft']),
      ...normalize('mailjet', '{"event":"sent","time":1718013600,"MessageID":19421777835146490}'),
    ],
    display: 'delivered',
    delivery: 'delivered',
  },
  {
    title: 'brevo: request, delivered, unique_opened, click → clicked',
    events: () => fromSamples('brevo', ['request', 'delivered', 'unique_opened', 'click']),
    display: 'clicked',
    delivery: 'delivered',
  },
  {
    title: 'brevo SMS: sent then delivered → delivered',
    events: () => fromSamples('brevo', ['sms_sent', 'sms_delivered']),
    display: 'delivered',
    delivery: 'delivered',
  },
  {
    title: 'mailgun: accepted, delivered, opened, clicked, a late temporary failure → clicked',
    events: () => fromSamples('mailgun', ['accepted', 'delivered', 'opened', 'clicked', 'failed_temporary']),
    display: 'clicked',
    delivery: 'delivered',
  },
  {
    title: 'mailgun: a delayed bounce after the delivery',
    // The research sample's delayed bounce is carol's, another recipient of the same send: here it is alice's.
    events: () => fromSamples('mailgun', ['accepted', 'delivered', 'failed_permanent_delayed_bounce']).map((event) => ({ ...event, recipient: 'alice@example.com' })),
    display: 'hard-bounced',
    delivery: 'hard-bounced',
    asyncBounce: true,
  },
  {
    title: 'postmark: Delivery, Open, Click → clicked',
    events: () => fromSamples('postmark', ['Delivery', 'Open', 'Click']),
    display: 'clicked',
    delivery: 'delivered',
  },
  {
    title: 'amazon-ses: Send, Delivery, Open, Click, Complaint → complained',
    events: () => fromSamples('amazon-ses', ['Send', 'Delivery', 'Open', 'Click', 'Complaint']),
    display: 'complained',
    delivery: 'delivered',
  },
  {
    title: 'amazon-ses: Send, DeliveryDelay, then a transient bounce SES gave up on → soft-bounced',
    events: () => fromSamples('amazon-ses', ['Send', 'DeliveryDelay', 'Bounce_Transient_MailboxFull']),
    display: 'soft-bounced',
    delivery: 'soft-bounced',
  },
  {
    title: 'twilio: sending, sent, delivered (carrier time), read → read',
    events: () => fromSamples('twilio', ['sending', 'sent', 'delivered', 'read']),
    display: 'read',
    delivery: 'delivered',
  },
  {
    title: 'twilio: sent then undelivered, unknown handset (30005) → hard-bounced',
    events: () => [
      ...normalize('twilio', 'MessageSid=SM9&MessageStatus=sent', { receivedAt: '2024-06-10T09:00:00Z' }),
      ...normalize('twilio', 'MessageSid=SM9&MessageStatus=undelivered&ErrorCode=30005', { receivedAt: '2024-06-10T09:05:00Z' }),
    ],
    display: 'hard-bounced',
    delivery: 'hard-bounced',
  },
  {
    title: 'twilio: sent then undelivered, filtered as spam (30007) → blocked',
    events: () => [
      ...normalize('twilio', 'MessageSid=SM8&MessageStatus=sent', { receivedAt: '2024-06-10T09:00:00Z' }),
      ...normalize('twilio', 'MessageSid=SM8&MessageStatus=undelivered&ErrorCode=30007', { receivedAt: '2024-06-10T09:05:00Z' }),
    ],
    display: 'blocked',
    delivery: 'blocked',
  },
  {
    title: 'vonage: accepted, buffered, delivered → delivered',
    events: () => fromSamples('vonage', ['accepted', 'buffered', 'delivered']),
    display: 'delivered',
    delivery: 'delivered',
  },
  {
    title: 'sparkpost: injection, delivery, initial_open, click → clicked',
    events: () => fromSamples('sparkpost', ['injection', 'delivery', 'initial_open', 'click']),
    display: 'clicked',
    delivery: 'delivered',
  },
  {
    title: 'sparkpost: injection, delivery, then out_of_band → asynchronous hard bounce',
    events: () => [
      ...fromSamples('sparkpost', ['injection', 'delivery']),
      ...normalize('sparkpost', [{ msys: { message_event: { type: 'out_of_band', message_id: '000443ee14578172be22', bounce_class: '10', timestamp: '1718013600', event_id: 'oob-1' } } }]),
    ],
    display: 'hard-bounced',
    delivery: 'hard-bounced',
    asyncBounce: true,
  },
  {
    title: 'resend: scheduled, sent, delivered, opened, clicked → clicked',
    events: () => fromSamples('resend', ['email.scheduled', 'email.sent', 'email.delivered', 'email.opened', 'email.clicked']),
    display: 'clicked',
    delivery: 'delivered',
  },
  {
    title: 'resend: sent then suppressed → dropped',
    events: () => fromSamples('resend', ['email.sent', 'email.suppressed']),
    display: 'dropped',
    delivery: 'dropped',
  },
  {
    title: 'tipimail: delivered, then read later → read',
    events: () => [
      ...fromSamples('tipimail', ['statistics_messages_item']),
      ...normalize('tipimail', { id: '5d00f65e99321602e57d89ae', lastState: 'read', lastStateDate: '2024-06-10T10:00:00.000+0000' }),
    ],
    display: 'read',
    delivery: 'delivered',
  },
];

describe('round trip: normalize → shuffle → reduceEvents', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.title, () => {
      const events = scenario.events();
      const check = (list: readonly ProviderEvent[]) => {
        const status = reduceEvents(list);
        expect(status.display).to.equal(scenario.display);
        expect(status.delivery).to.equal(scenario.delivery);
        expect(status.asyncBounce ?? false).to.equal(scenario.asyncBounce ?? false);
      };
      check(events);
      fc.assert(
        fc.property(fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }), (shuffled) => {
          check(shuffled);
          // A webhook delivered twice changes nothing.
          check([...shuffled, ...shuffled.slice(0, Math.ceil(shuffled.length / 2))]);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('has at least one scenario per provider', () => {
    const covered = new Set(SCENARIOS.map((s) => s.title.split(/[: ]/)[0]));
    expect([...covered].sort()).to.deep.equal(Object.keys(PROVIDER_SAMPLES).sort());
  });
});
