import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { reduceEvents } from '../src/core/index.js';
import { normalize, PROVIDERS, ProviderPayloadError, type ProviderEvent, type ProviderId } from '../src/providers/index.js';
import '../src/elements/email-status-badge/define.js';
import '../src/elements/status-timeline/define.js';

interface ConnectArgs {
  provider: ProviderId;
  /** The webhook body exactly as received: JSON text, or form text for Twilio and Vonage. */
  body: string;
}

/** The events of each message, in first-seen order. */
const byMessage = (events: readonly ProviderEvent[]): ProviderEvent[][] => {
  const groups = new Map<string, ProviderEvent[]>();
  for (const event of events) {
    const group = groups.get(event.messageId);
    if (group) group.push(event);
    else groups.set(event.messageId, [event]);
  }
  return [...groups.values()];
};

// Provider text is rendered through Lit text bindings only: it can never become markup.
function render({ provider, body }: ConnectArgs): TemplateResult {
  let events: ProviderEvent[];
  try {
    events = normalize(provider, body);
  } catch (error) {
    const message = error instanceof ProviderPayloadError ? error.message : String(error);
    return html`<p role="alert" style="color: light-dark(#b00020, #ff8a80); font-family: monospace">${message}</p>`;
  }
  if (events.length === 0) return html`<p>No events in this body (a ping or a subscription confirmation).</p>`;
  return html`
    ${byMessage(events).map(
      (group) => html`
        <section style="margin-block-end: 1.5rem">
          <h3 style="font: 600 0.9rem system-ui">Message <code>${group[0]?.messageId}</code></h3>
          <email-status-badge .value=${reduceEvents(group)}></email-status-badge>
          <status-timeline .events=${group} compact></status-timeline>
        </section>
      `,
    )}
    <details>
      <summary>Canonical events (${events.length})</summary>
      <pre style="font-size: 0.8rem">${JSON.stringify(events, null, 2)}</pre>
    </details>
  `;
}

const meta: Meta<ConnectArgs> = {
  title: 'Guides/Connect your provider',
  render,
  argTypes: {
    provider: { control: 'select', options: [...PROVIDERS] },
    body: { control: 'text' },
  },
};
export default meta;

type Story = StoryObj<ConnectArgs>;

/** A SendGrid batch: several events of one message in one POST. */
export const SendGridBatch: Story = {
  name: 'SendGrid: a batch of events',
  args: {
    provider: 'sendgrid',
    body: JSON.stringify([
      { event: 'processed', sg_message_id: 'sg-1', email: 'camille@example.com', timestamp: 1718010000, sg_event_id: 'a' },
      { event: 'delivered', sg_message_id: 'sg-1', email: 'camille@example.com', timestamp: 1718010002, sg_event_id: 'b', response: '250 OK' },
      { event: 'open', sg_message_id: 'sg-1', email: 'camille@example.com', timestamp: 1718010300, sg_event_id: 'c' },
      { event: 'click', sg_message_id: 'sg-1', email: 'camille@example.com', timestamp: 1718010400, sg_event_id: 'd', url: 'https://example.com/invoice' },
    ]),
  },
};

/** Mailjet's MessageID is beyond 2^53: read from the raw text, it keeps every digit. */
export const MailjetLargeIds: Story = {
  name: 'Mailjet: message ids beyond 2^53',
  args: {
    provider: 'mailjet',
    body: '[{"event":"sent","time":1718010001,"MessageID":19421777835146493,"email":"camille@example.com"},{"event":"bounce","time":1718013600,"MessageID":19421777835146493,"email":"camille@example.com","hard_bounce":true,"error_related_to":"recipient","error":"user unknown","comment":"550 5.1.1 User unknown"}]',
  },
};

/** Twilio posts forms; a carrier time without zone is read as UTC and marked. */
export const TwilioForm: Story = {
  name: 'Twilio: a form post',
  args: { provider: 'twilio', body: 'MessageSid=SM1&MessageStatus=undelivered&ErrorCode=30003&To=%2B33612345678&RawDlrDoneDate=2406101102' },
};

/** Amazon SES through SNS: the record is a JSON string inside the notification. */
export const AmazonSesThroughSns: Story = {
  name: 'Amazon SES through SNS',
  args: {
    provider: 'amazon-ses',
    body: JSON.stringify({
      Type: 'Notification',
      MessageId: 'sns-1',
      Message: JSON.stringify({
        eventType: 'Bounce',
        mail: { messageId: 'ses-1', timestamp: '2024-06-10T09:00:00.000Z', destination: ['camille@example.com'] },
        bounce: {
          bounceType: 'Transient',
          bounceSubType: 'MailboxFull',
          timestamp: '2024-06-10T21:00:00.000Z',
          bouncedRecipients: [{ emailAddress: 'camille@example.com', status: '4.2.2', diagnosticCode: 'smtp; 452 4.2.2 Mailbox full' }],
        },
      }),
    }),
  },
};

/** Hostile text stays text: the reason and the link below are shown, never run. */
export const HostileStrings: Story = {
  name: 'Hostile text stays text',
  args: {
    provider: 'postmark',
    body: JSON.stringify({
      RecordType: 'Bounce',
      Type: 'HardBounce',
      MessageID: 'pm-1',
      Email: 'camille@example.com',
      BouncedAt: '2024-06-10T11:00:05+02:00',
      Details: '550 5.1.1 <img src=x onerror=alert(1)> <script>alert(document.cookie)</script>',
    }),
  },
};

/** Not the provider's shape: a ProviderPayloadError names the offending field. */
export const WrongShape: Story = {
  name: 'Not the provider’s shape',
  args: { provider: 'mailgun', body: '{"signature": {"token": "t"}}' },
};
