import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import {
  DISPLAY_STATUSES,
  FAILURE_REASONS,
  type DisplayStatus,
  type FailureReason,
  type MessageStatus,
} from '../src/core/index.js';
import { DataSourceError, StaticDataSource, type StatusDataSource } from '../src/data/index.js';
import '../src/elements/email-status-badge/define.js';
import type { BadgeAppearance, BadgeSize } from '../src/elements/email-status-badge/email-status-badge.js';
import type { StatusChangeEvent } from '../src/elements/shared/events.js';
import '../src/elements/status-source/define.js';
import { DEMO_CAMPAIGNS, messageIdsFor, mockApi, sampleMessageId, startMockApi } from '../src/mocks/index.js';

interface BadgeArgs {
  status?: string;
  provider?: string;
  channel?: 'email' | 'sms';
  reason?: string;
  code?: string;
  detail?: string;
  updatedAt?: string;
  automated: boolean;
  size: BadgeSize;
  appearance: BadgeAppearance;
  announce: boolean;
  lang?: string;
  messageId?: string;
  source?: StatusDataSource;
  value?: MessageStatus;
}

const HOUR_AGO = new Date(Date.now() - 62 * 60_000).toISOString();
const MINUTES_AGO = new Date(Date.now() - 4 * 60_000).toISOString();

const badge = (args: BadgeArgs): TemplateResult => html`<email-status-badge
  status=${args.status ?? nothing}
  provider=${args.provider ?? nothing}
  channel=${args.channel ?? nothing}
  reason=${args.reason ?? nothing}
  code=${args.code ?? nothing}
  detail=${args.detail ?? nothing}
  updated-at=${args.updatedAt ?? nothing}
  ?automated=${args.automated}
  size=${args.size}
  appearance=${args.appearance}
  ?announce=${args.announce}
  lang=${args.lang ?? nothing}
  message-id=${args.messageId ?? nothing}
  .source=${args.source}
  .value=${args.value}
></email-status-badge>`;

const meta: Meta<BadgeArgs> = {
  title: 'Elements/email-status-badge',
  component: 'email-status-badge',
  tags: ['autodocs'],
  args: { status: 'delivered', automated: false, size: 'medium', appearance: 'pill', announce: false, updatedAt: MINUTES_AGO },
  argTypes: {
    status: { control: 'select', options: [...DISPLAY_STATUSES] },
    reason: { control: 'select', options: [undefined, ...FAILURE_REASONS] },
    channel: { control: 'inline-radio', options: ['email', 'sms'] },
    size: { control: 'inline-radio', options: ['small', 'medium'] },
    appearance: { control: 'inline-radio', options: ['pill', 'dot', 'icon-only'] },
    automated: { control: 'boolean' },
    announce: { control: 'boolean' },
  },
  parameters: {
    docs: {
      // Under the title; the description below it is the element's JSDoc, from custom-elements.json.
      subtitle: 'Hover, focus (Tab) or tap a badge for its explanation. Escape closes the explanation. Switch the locale and theme in the toolbar.',
    },
  },
  render: badge,
};
export default meta;

type Story = StoryObj<BadgeArgs>;

export const Playground: Story = {};

/** What a soft bounce looks like in a row, with its reason, its code and the server's own words. */
export const SoftBounce: Story = {
  name: 'Soft bounce, explained',
  args: { status: 'soft-bounced', reason: 'mailbox-full', code: '452 4.2.2', detail: 'Mailbox full, try again later', updatedAt: HOUR_AGO },
};

const cell = 'padding: 4px 12px 4px 0; vertical-align: middle';

const statusTable = (lang: 'fr' | 'en', args: BadgeArgs) => html`<table lang=${lang} style="border-collapse: collapse">
  <caption style="text-align: start; font-weight: 600; padding-bottom: 4px">${lang === 'fr' ? 'Français' : 'English'}</caption>
  ${DISPLAY_STATUSES.map(
    (status) => html`<tr>
      <td style=${cell}><code>${status}</code></td>
      <td style=${cell}>${badge({ ...args, status, ...(status === 'unknown' && { status: 'processed_by_relay' }) })}</td>
    </tr>`,
  )}
</table>`;

/** Every display status, in French and in English, each with its explanation. */
export const AllStatuses: Story = {
  name: 'Every status, fr and en',
  args: { updatedAt: MINUTES_AGO },
  render: (args) => html`<div style="display: flex; gap: 48px; flex-wrap: wrap">${statusTable('fr', args)}${statusTable('en', args)}</div>`,
};

/** A plausible status for each reason (a timeout delays, a suppression drops...) and a provider code. */
const REASON_EXAMPLES: { readonly [R in FailureReason]: readonly [DisplayStatus, string, string] } = {
  'invalid-recipient': ['hard-bounced', '550 5.1.1', 'The email account that you tried to reach does not exist.'],
  'mailbox-full': ['soft-bounced', '452 4.2.2', 'The email account that you tried to reach is over quota.'],
  'message-too-large': ['bounced', '552 5.3.4', 'Message size exceeds fixed maximum message size'],
  'domain-or-dns': ['hard-bounced', '550 5.1.2', 'Host or domain name not found. Name service error for name=exmaple.com'],
  timeout: ['deferred', '421 4.4.2', 'Connection timed out'],
  'content-block': ['blocked', '554 5.7.1', 'Message rejected due to content restrictions'],
  'reputation-block': ['blocked', '550 5.7.1', 'Service unavailable, Client host blocked using Spamhaus'],
  policy: ['blocked', '550 5.7.26', 'Unauthenticated email from example.com is not accepted due to domain DMARC policy'],
  suppressed: ['dropped', 'suppressed', 'Address is on the bounce suppression list'],
  duplicate: ['dropped', 'duplicate', 'Duplicate recipient in the same send'],
  'template-error': ['failed', 'template_error', 'Variable {{ first_name }} is not defined'],
  quota: ['held', '429', 'Daily sending limit reached'],
  moderation: ['held', 'moderation', 'Campaign awaiting manual review'],
  landline: ['hard-bounced', '30006', 'Landline or unreachable carrier'],
  carrier: ['failed', '30008', 'Unknown error from the carrier'],
  undetermined: ['bounced', '', ''],
};

/** Every failure reason, explained in words, with the raw code and diagnostic as plain text. */
export const Reasons: Story = {
  name: 'Every reason',
  render: (args) => html`<table style="border-collapse: collapse">
    ${FAILURE_REASONS.map((reason) => {
      const [status, code, detail] = REASON_EXAMPLES[reason];
      const sms = reason === 'landline' || reason === 'carrier';
      return html`<tr>
        <td style=${cell}><code>${reason}</code></td>
        <td style=${cell}>${badge({ ...args, status, reason, code: code || undefined, detail: detail || undefined, channel: sms ? 'sms' : 'email' })}</td>
      </tr>`;
    })}
  </table>`,
};

/** The three appearances and two sizes side by side. */
export const Appearances: Story = {
  name: 'Appearances and sizes',
  render: (args) => html`<table style="border-collapse: collapse">
    ${(['pill', 'dot', 'icon-only'] as const).flatMap((appearance) =>
      (['medium', 'small'] as const).map(
        (size) => html`<tr>
          <td style=${cell}><code>${appearance}, ${size}</code></td>
          ${(['sent', 'delivered', 'opened', 'soft-bounced', 'hard-bounced', 'canceled'] as const).map(
            (status) => html`<td style=${cell}>${badge({ ...args, status, appearance, size })}</td>`,
          )}
        </tr>`,
      ),
    )}
  </table>`,
};

/** Status words as providers store them, mapped to Estafette's statuses (the word stays in the explanation). */
export const ProviderWords: Story = {
  name: 'Raw provider words',
  render: (args) => html`<table style="border-collapse: collapse">
    ${(
      [
        ['sendgrid', 'bounce'],
        ['sendgrid', 'spamreport'],
        ['mailjet', 'softbounced'],
        ['brevo', 'hardBounce'],
        ['postmark', 'SpamComplaint'],
        ['twilio', 'undelivered'],
        ['sendgrid', 'teleported'],
      ] as const
    ).map(
      ([provider, status]) => html`<tr>
        <td style=${cell}><code>${provider}: ${status}</code></td>
        <td style=${cell}>${badge({ ...args, provider, status })}</td>
      </tr>`,
    )}
  </table>`,
};

/** A machine's open (privacy proxy, security scanner): same label, a dashed outline, and the explanation says so. */
export const AutomatedOpen: Story = { name: 'Automatic open', args: { status: 'opened', automated: true } };

/**
 * Badges in a table cell that clips (`overflow: hidden`, `contain: paint`, a transform) inside a scrolling box: the
 * explanations open in the top layer, whole, and stay on screen.
 */
export const ClippedScrollContainer: Story = {
  name: 'Inside a clipped scroll container',
  render: (args) => html`<div style="height: 180px; width: 360px; overflow: auto; border: 1px solid #8c959f; transform: translateZ(0)">
    <table style="border-collapse: collapse; width: 100%">
      ${Array.from({ length: 24 }, (_, i) => {
        const status = DISPLAY_STATUSES[i % DISPLAY_STATUSES.length]!;
        return html`<tr>
          <td style=${cell}>contact-${i + 1}@example.com</td>
          <td style="${cell}; max-width: 90px; overflow: hidden; contain: paint">${badge({ ...args, status, size: 'small' })}</td>
        </tr>`;
      })}
    </table>
  </div>`,
};

/** A badge inside a modal dialog: Escape closes the explanation first, the dialog on the next press. */
export const InDialog: Story = {
  name: 'Inside a <dialog>',
  render: (args) => {
    const open = (event: Event) => ((event.currentTarget as HTMLElement).nextElementSibling as HTMLDialogElement).showModal();
    return html`<button @click=${open}>Open the message details</button>
      <dialog style="padding: 24px">
        <p style="margin-top: 0">lea.martin@example.com</p>
        <p>${badge({ ...args, status: 'hard-bounced', reason: 'invalid-recipient', code: '550 5.1.1' })}</p>
        <form method="dialog"><button>Close</button></form>
      </dialog>`;
  },
};

/** Provider text is untrusted: markup in a reason, a code or a diagnostic is shown as the text it is. */
export const HostileText: Story = {
  name: 'Hostile text',
  args: {
    status: 'blocked',
    reason: '<img src=x onerror="alert(\'reason\')">',
    code: '"><script>alert("code")</script>',
    detail: '</code><b onmouseover="alert(1)">bold?</b> {status} ${template}',
  },
};

/** A data source that never answers: the placeholder keeps the badge's size. */
const neverAnswers: StatusDataSource = {
  getMessages: () => new Promise<Map<string, MessageStatus>>(() => {}),
  getMessageEvents: async () => ({ events: [] }),
  getCampaignStats: () => new Promise(() => {}),
  getCampaignHistory: async () => ({ items: [] }),
  // No time limit: the loading state stays for as long as you look.
  timeout: 0,
};

/** The same, with a 3-second time limit: the badge then says the source took too long, and tries again later. */
const tooSlow: StatusDataSource = { ...neverAnswers, timeout: 3000 };

/** A data source whose server refuses: the error state (the badge retries when the error may pass). */
const serverDown: StatusDataSource = {
  ...neverAnswers,
  getMessages: async () => {
    throw new DataSourceError('503 Service Unavailable', { kind: 'http', status: 503, retryable: true });
  },
};

/** Loading, failed, timed-out and missing lookups, next to a loaded badge. */
export const States: Story = {
  name: 'Loading, error, not found',
  render: (args) => html`<table style="border-collapse: collapse">
    <tr><td style=${cell}>loading</td><td style=${cell}>${badge({ ...args, status: undefined, messageId: 'm-1', source: neverAnswers })}</td></tr>
    <tr><td style=${cell}>error</td><td style=${cell}>${badge({ ...args, status: undefined, messageId: 'm-1', source: serverDown })}</td></tr>
    <tr><td style=${cell}>no answer in 3 s</td><td style=${cell}>${badge({ ...args, status: undefined, messageId: 'm-1', source: tooSlow })}</td></tr>
    <tr><td style=${cell}>not found</td><td style=${cell}>${badge({ ...args, status: undefined, messageId: 'nope', source: { ...neverAnswers, getMessages: async () => new Map() } })}</td></tr>
  </table>`,
};

/**
 * A message deleted on the server while its badge shows it: the source says so (`message-missing`: the REST stream's
 * event, a poll's miss, or `StaticDataSource.remove()` as here), and the badge says no message was found, at once.
 */
export const DeletedWhileShown: Story = {
  name: 'A message deleted while shown',
  render: (args) => {
    const source = new StaticDataSource({
      events: [{ provider: 'brevo', channel: 'email', messageId: 'm-1', type: 'delivered', at: MINUTES_AGO, raw: 'delivered', eventId: 'e-1' }],
    });
    return html`<p>${badge({ ...args, status: undefined, updatedAt: undefined, messageId: 'm-1', source })}</p>
      <button type="button" @click=${() => source.remove(['m-1'])}>Delete the message on the server</button>`;
  },
};

/**
 * Starts the MSW mock API (once per page) with its simulated clock replaying the last hour 30 times faster before it follows real time, and
 * picks messages to show: a few of every kind, some still on their way.
 */
const mockApiLoader = async (): Promise<{ ids: string[]; watched: string }> => {
  await startMockApi({ serviceWorkerUrl: './mockServiceWorker.js', speed: 30 });
  // The dataset's showcase holds a message of every kind (every status and reason), then a few ordinary ones.
  const ids = [...new Set([...mockApi().dataset.showcase.map((entry) => entry.id), ...messageIdsFor(DEMO_CAMPAIGNS.newsletter, { limit: 10 })])];
  return { ids, watched: sampleMessageId('sent') };
};

const logChange = (event: StatusChangeEvent) => {
  const log = (event.currentTarget as HTMLElement).querySelector('output');
  if (log) log.textContent = `${event.messageId}: ${event.oldStatus} → ${event.newStatus}`;
};

/**
 * A message of every kind loaded through `<status-source>` from the MSW mock API, in one batched request, and
 * followed live (SSE): watch statuses change. The last change is written under the table (`status-change`).
 */
export const LiveViaMsw: Story = {
  name: 'Live via MSW',
  loaders: [mockApiLoader],
  render: (args, { loaded }) => html`<status-source endpoint="/api" live="sse" @status-change=${logChange}>
    <table style="border-collapse: collapse">
      ${((loaded as { ids?: string[] }).ids ?? []).map(
        (id) => html`<tr><td style=${cell}><code>${id}</code></td><td style=${cell}>${badge({ ...args, status: undefined, updatedAt: undefined, messageId: id })}</td></tr>`,
      )}
    </table>
    <output style="display: block; margin-top: 8px; font-family: monospace"></output>
  </status-source>`,
};

/** One message being watched, with `announce`: screen readers hear its changes. */
export const WatchedMessage: Story = {
  name: 'Live via MSW: one watched message, announced',
  loaders: [mockApiLoader],
  args: { announce: true },
  render: (args, { loaded }) => html`<status-source endpoint="/api" live="sse">
    ${badge({ ...args, status: undefined, updatedAt: undefined, messageId: (loaded as { watched?: string }).watched ?? 'm-1' })}
  </status-source>`,
};

/** A thousand badges in a table: static statuses, no data source, no tooltip until one is used. */
export const ThousandRows: Story = {
  name: 'A thousand rows',
  tags: ['!autodocs'], // a story of its own, not a thousand rows in the middle of the Docs page
  render: (args) => html`<table style="border-collapse: collapse">
    ${Array.from({ length: 1000 }, (_, i) => html`<tr><td style=${cell}>${i + 1}</td><td style=${cell}>${badge({ ...args, status: DISPLAY_STATUSES[(i * 7) % DISPLAY_STATUSES.length], size: 'small', updatedAt: undefined })}</td></tr>`)}
  </table>`,
};
