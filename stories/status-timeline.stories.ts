import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { CampaignHistoryEntry, CanonicalEvent, EventType } from '../src/core/index.js';
import { DataSourceError, StaticDataSource, type LiveListener, type LiveTopic, type StatusDataSource } from '../src/data/index.js';
import '../src/elements/status-timeline/define.js';
import type { TimelineOrder } from '../src/elements/status-timeline/status-timeline.js';

/** An event of message `id` at `minute` minutes past 09:00 UTC on 2 November 2026. */
const at = (minute: number): string => new Date(Date.UTC(2026, 10, 2, 9, 0, 0) + minute * 60_000).toISOString();
const event = (id: string, type: EventType, minute: number, extra: Partial<CanonicalEvent> = {}): CanonicalEvent => ({
  provider: 'sendgrid',
  channel: 'email',
  messageId: id,
  recipient: 'camille.martin@example.com',
  type,
  at: at(minute),
  raw: type,
  ...extra,
});

/** Processed, delivered (the webhook came twice), opened by an image proxy, then by the person, then clicked. */
export const deliveredOpenedClicked: readonly CanonicalEvent[] = [
  event('m-100', 'queued', 0, { raw: 'processed', eventId: 'e1' }),
  event('m-100', 'delivered', 1, { raw: 'delivered', eventId: 'e2', detail: { text: '250 2.0.0 OK' } }),
  event('m-100', 'delivered', 1, { raw: 'delivered', eventId: 'e2', detail: { text: '250 2.0.0 OK' } }),
  event('m-100', 'opened', 2, { raw: 'open', eventId: 'e3', automated: true }),
  event('m-100', 'opened', 47, { raw: 'open', eventId: 'e4' }),
  event('m-100', 'clicked', 49, { raw: 'click', eventId: 'e5', detail: { url: 'https://shop.example.com/offers/november?utm_source=newsletter&utm_medium=email' } }),
];

/** A full mailbox, the provider's retry, then the delivery. */
export const softBounceRetried: readonly CanonicalEvent[] = [
  event('m-101', 'queued', 0, { provider: 'mailjet', raw: 'queued' }),
  event('m-101', 'sent', 1, { provider: 'mailjet', raw: 'sent' }),
  event('m-101', 'soft-bounced', 3, {
    provider: 'mailjet',
    raw: 'softbounced',
    reason: 'mailbox-full',
    detail: { code: '452 4.2.2', text: 'Mailbox full: quota exceeded' },
  }),
  event('m-101', 'deferred', 63, { provider: 'mailjet', raw: 'deferred' }),
  event('m-101', 'delivered', 185, { provider: 'mailjet', raw: 'delivered' }),
];

/** The address does not exist. */
/** One Amazon SES send to two people: delivered to one, bounced by the other's server. */
export const severalRecipients: readonly CanonicalEvent[] = [
  event('m-105', 'sent', 0, { provider: 'ses', raw: 'Send', recipient: undefined }),
  event('m-105', 'delivered', 1, { provider: 'ses', raw: 'Delivery', recipient: 'camille.martin@example.com' }),
  event('m-105', 'hard-bounced', 1, {
    provider: 'ses',
    raw: 'Bounce',
    recipient: 'old.address@example.org',
    reason: 'invalid-recipient',
    detail: { code: '550 5.1.1', text: 'smtp; 550 5.1.1 user unknown' },
  }),
];

export const hardBounce: readonly CanonicalEvent[] = [
  event('m-102', 'queued', 0, { raw: 'processed' }),
  event('m-102', 'hard-bounced', 1, {
    raw: 'bounce',
    reason: 'invalid-recipient',
    detail: { code: '550 5.1.1', text: "The email account that you tried to reach does not exist." },
  }),
];

/** Accepted by the receiving server, which sent a bounce back two hours later. */
export const asyncBounce: readonly CanonicalEvent[] = [
  event('m-103', 'queued', 0, { provider: 'postmark', raw: 'Processed' }),
  event('m-103', 'delivered', 1, { provider: 'postmark', raw: 'Delivery' }),
  event('m-103', 'hard-bounced', 121, {
    provider: 'postmark',
    raw: 'HardBounce',
    async: true,
    reason: 'invalid-recipient',
    detail: { code: '5.1.1', text: 'Recipient address rejected: mailbox disabled' },
  }),
];

/** Never sent: the address is on the suppression list. */
export const dropped: readonly CanonicalEvent[] = [
  event('m-104', 'queued', 0, { raw: 'processed' }),
  event('m-104', 'dropped', 0, { raw: 'dropped', reason: 'suppressed', detail: { text: 'Bounced Address' } }),
];

const sms = (type: EventType, minute: number, extra: Partial<CanonicalEvent> = {}): CanonicalEvent =>
  event('s-200', type, minute, { provider: 'brevo', channel: 'sms', recipient: '+33612345678', ...extra });

/** An SMS accepted, delivered, then answered. */
export const smsWithReply: readonly CanonicalEvent[] = [
  sms('queued', 0, { raw: 'accepted' }),
  sms('sent', 0, { raw: 'sent' }),
  // The carrier's delivery time, without a time zone: shown as approximate.
  sms('delivered', 1, { raw: 'delivered', timeBasis: 'assumed-utc' }),
  sms('replied', 12, { raw: 'reply', detail: { text: 'OK for Tuesday 10 am, thanks!' } }),
];

/** A link that must never become one: it stays plain text. */
export const unsafeLink: readonly CanonicalEvent[] = [
  event('m-105', 'delivered', 0),
  event('m-105', 'clicked', 5, { raw: 'click', detail: { url: 'javascript:alert(document.cookie)' } }),
  event('m-105', 'clicked', 6, { raw: 'click', detail: { url: 'mailto:support@example.com' } }),
];

/** 10,000 events: a message opened and clicked over and over for weeks (a shared mailbox, a kiosk...). */
export function longHistory(count = 10_000): CanonicalEvent[] {
  const events: CanonicalEvent[] = [event('m-999', 'queued', 0, { eventId: 'q' }), event('m-999', 'delivered', 1, { eventId: 'd' })];
  for (let i = 2; i < count; i++) {
    const type: EventType = i % 3 === 0 ? 'clicked' : 'opened';
    events.push(
      event('m-999', type, i * 3, {
        eventId: `x${i}`,
        raw: type === 'clicked' ? 'click' : 'open',
        ...(type === 'clicked' && { detail: { url: `https://example.com/article/${i}` } }),
        ...(i % 7 === 0 && { automated: true }),
      }),
    );
  }
  return events;
}

const entry = (action: CampaignHistoryEntry['action'], minute: number, extra: Partial<CampaignHistoryEntry> = {}): CampaignHistoryEntry => ({
  campaignId: 'c-42',
  action,
  at: at(minute),
  id: `h-${action}-${minute}`,
  ...extra,
});

/** An SMS campaign suspended by the platform for its bounce rate, then resumed and completed. */
export const campaignHistory: readonly CampaignHistoryEntry[] = [
  entry('created', -2880, { detail: 'Camille Martin' }),
  entry('scheduled', -1440, { detail: 'Camille Martin' }),
  entry('started', 0),
  entry('paused', 30, { detail: 'Camille Martin' }),
  entry('resumed', 45, { detail: 'Camille Martin' }),
  entry('suspended', 70, { reason: 'high-bounce-rate', detail: 'Bounce rate 9.2 %' }),
  entry('resumed', 180, { detail: 'Support' }),
  entry('sent', 240),
  entry('completed', 4560),
];

/**
 * A message followed live: queued now, then sent, delivered, opened and clicked, one step every 3 s, from the moment
 * a timeline subscribes (the steps stop when it leaves).
 */
class LiveStorySource extends StaticDataSource {
  override subscribe(topic: LiveTopic, listener: LiveListener): () => void {
    const stop = super.subscribe(topic, listener);
    const steps: EventType[] = ['sent', 'delivered', 'opened', 'clicked'];
    const timer = setInterval(() => {
      const type = steps.shift();
      if (!type) return clearInterval(timer);
      this.update([event('m-live', type, 0, { eventId: `live-${type}`, at: new Date().toISOString() })]);
    }, 3000);
    return () => {
      clearInterval(timer);
      stop();
    };
  }
}
export const liveSource = (): StatusDataSource =>
  new LiveStorySource({ events: [event('m-live', 'queued', 0, { eventId: 'live-queued', at: new Date().toISOString() })] });

interface TimelineArgs {
  events?: readonly CanonicalEvent[];
  history?: readonly CampaignHistoryEntry[];
  order: TimelineOrder;
  compact: boolean;
  lang?: string;
  maxHeight?: string;
  messageId?: string;
  campaignId?: string;
  timeZone?: string;
  recipient?: string;
  announce?: boolean;
  announceInterval?: number;
  source?: StatusDataSource;
}

const meta: Meta<TimelineArgs> = {
  title: 'Elements/status-timeline',
  component: 'status-timeline',
  tags: ['autodocs'],
  // Lower-case exports are fixtures shared with the tests, not stories.
  excludeStories: /^[a-z]/,
  args: { order: 'newest-first', compact: false },
  argTypes: {
    order: { control: 'inline-radio', options: ['newest-first', 'oldest-first'] },
    compact: { control: 'boolean' },
  },
  render: (args) => html`<status-timeline
    .events=${args.events}
    .history=${args.history}
    order=${args.order}
    ?compact=${args.compact}
    lang=${args.lang ?? nothing}
    message-id=${args.messageId ?? nothing}
    campaign-id=${args.campaignId ?? nothing}
    time-zone=${args.timeZone ?? nothing}
    recipient=${args.recipient ?? nothing}
    ?announce=${args.announce ?? false}
    announce-interval=${args.announceInterval ?? nothing}
    .source=${args.source}
    style=${args.maxHeight ? `--estafette-timeline-max-height: ${args.maxHeight}` : nothing}
  ></status-timeline>`,
};
export default meta;

type Story = StoryObj<TimelineArgs>;

export const DeliveredOpenedClicked: Story = { name: 'Delivered, opened, clicked', args: { events: deliveredOpenedClicked } };
export const SoftBounceRetried: Story = { name: 'Soft bounce, retried', args: { events: softBounceRetried } };
export const HardBounce: Story = { name: 'Hard bounce', args: { events: hardBounce } };
export const AsyncBounce: Story = { name: 'Bounced after delivery', args: { events: asyncBounce } };
export const Dropped: Story = { args: { events: dropped } };
export const SmsWithReply: Story = { name: 'SMS with a reply', args: { events: smsWithReply } };
export const UnsafeLink: Story = { name: 'Unsafe link stays text', args: { events: unsafeLink } };
export const LongHistory: Story = { name: 'Long history (10,000 events)', args: { events: longHistory(), maxHeight: '30rem' } };
export const LongHistoryCompact: Story = { name: 'Long history, compact', args: { events: longHistory(), compact: true, maxHeight: '30rem' } };
export const CampaignHistory: Story = { name: 'Campaign history', args: { history: campaignHistory } };
export const OldestFirst: Story = { name: 'Oldest first', args: { events: softBounceRetried, order: 'oldest-first' } };
export const French: Story = { name: 'Français', args: { events: deliveredOpenedClicked, lang: 'fr' } };
export const English: Story = { args: { events: deliveredOpenedClicked, lang: 'en' } };
export const FrenchCampaign: Story = { name: 'Français, campagne', args: { history: campaignHistory, lang: 'fr' } };
export const Empty: Story = { args: { events: [] } };
/** Waiting for a data source that never answers (no time limit): the loading line, for as long as you look. */
export const Loading: Story = {
  args: {
    messageId: 'm-loading',
    source: {
      getMessages: async () => new Map(),
      getMessageEvents: () => new Promise(() => {}),
      getCampaignStats: () => new Promise(() => {}),
      getCampaignHistory: () => new Promise(() => {}),
      timeout: 0,
    },
  },
};
/** A server that answers 503: the error, drawn as `<campaign-stats>` draws its own, and its retry button. */
export const ErrorState: Story = {
  name: 'Error',
  args: {
    messageId: 'm-down',
    source: {
      getMessages: async () => new Map(),
      getMessageEvents: async () => {
        throw new DataSourceError('503 Service Unavailable', { kind: 'http', status: 503, retryable: true });
      },
      getCampaignStats: () => new Promise(() => {}),
      getCampaignHistory: () => new Promise(() => {}),
      timeout: 0,
    },
  },
};
/** A send to two people: no single set of stages, each row says whom it is for; `recipient` picks whose stages to show. */
export const SeveralRecipients: Story = { name: 'Several recipients', args: { events: severalRecipients } };
export const SeveralRecipientsOneChosen: Story = { name: 'Several recipients, one chosen', args: { events: severalRecipients, recipient: 'old.address@example.org' } };
/** Followed live: a new event every 3 s, each said to screen readers (`announce`) in the polite live region. */
export const LiveAnnounced: Story = { name: 'Live, announced', args: { messageId: 'm-live', announce: true, announceInterval: 2000, source: liveSource() } };

/**
 * A message deleted on the server while its timeline is shown: the source says so (a stream's `message-missing`
 * event, a poll's miss, or `StaticDataSource.remove()` as here), the rows go and the timeline says no message was
 * found, at once. Sent anew under the same id, it loads again.
 */
export const DeletedWhileShown: Story = {
  name: 'A message deleted while shown',
  render: (args) => {
    const source = new StaticDataSource({ events: deliveredOpenedClicked });
    const sendAgain = () => source.update([event('m-100', 'queued', 50, { raw: 'processed', eventId: `again-${Date.now()}`, at: new Date().toISOString() })]);
    return html`<p>
        <button type="button" @click=${() => source.remove(['m-100'])}>Delete the message on the server</button>
        <button type="button" @click=${sendAgain}>Send it anew</button>
      </p>
      ${meta.render!({ ...args, events: undefined, messageId: 'm-100', source }, {} as never)}`;
  },
};
