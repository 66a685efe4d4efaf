import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { CampaignCounts, CampaignStats, Channel, Convention, Thresholds } from '../src/core/index.js';
import { DataSourceError, type StatusDataSource } from '../src/data/index.js';
import '../src/elements/campaign-stats/define.js';
import '../src/elements/status-source/define.js';
import { DEMO_CAMPAIGNS, startMockApi } from '../src/mocks/index.js';
import type { CampaignStatsLayout } from '../src/elements/campaign-stats/campaign-stats.js';
import type { MetricSelectEvent } from '../src/elements/campaign-stats/metric-select-event.js';

/** A newsletter to 48,210 contacts: healthy delivery, usual engagement, every rate under its threshold. */
export const healthyEmail: CampaignCounts = {
  sent: 48_210, delivered: 46_950, opened: 17_840, openedTotal: 29_115, openedAutomated: 2_310, clicked: 2_905,
  clickedTotal: 4_120, unsubscribed: 61, complained: 12, softBounced: 540, hardBounced: 410, blocked: 180,
  dropped: 95, deferred: 23, pending: 12,
};

/** Bounces at 6 % (warning), spam reports at 0.15 % (warning), unsubscribes over 1 % of opens (warning). */
export const warningEmail: CampaignCounts = {
  sent: 20_000, delivered: 18_600, opened: 5_100, clicked: 610, unsubscribed: 75, complained: 30,
  softBounced: 820, hardBounced: 380, blocked: 120, dropped: 80,
};

/** Bounces at 9.5 % and spam reports at 0.35 %: both past their danger line; hard bounces at 4 %. */
export const dangerEmail: CampaignCounts = {
  sent: 20_000, delivered: 17_900, opened: 3_200, clicked: 190, unsubscribed: 44, complained: 70,
  softBounced: 1_100, hardBounced: 800, blocked: 150, dropped: 50,
};

/** An SMS campaign: deliveries, a few replies, hard bounces and unsubscribes high enough to risk suspension. */
export const riskySms: CampaignCounts = {
  sent: 5_000, delivered: 4_610, softBounced: 140, hardBounced: 150, pending: 100, replied: 86, unsubscribed: 71,
};

/** An SMS campaign with nothing to worry about. */
export const healthySms: CampaignCounts = {
  sent: 12_500, delivered: 12_240, softBounced: 90, hardBounced: 40, pending: 130, replied: 310, unsubscribed: 25,
};

/** Ten million messages: the widths of the grid must hold. */
export const hugeEmail: CampaignCounts = {
  sent: 10_000_000, delivered: 9_712_345, opened: 3_904_221, openedTotal: 7_812_004, clicked: 512_907,
  unsubscribed: 9_876, complained: 2_345, softBounced: 151_234, hardBounced: 98_765, blocked: 21_000,
  dropped: 16_656, deferred: 4_321, pending: 2_100,
};

/** Still going out: a third of the messages have no outcome yet. */
export const sendingEmail: CampaignCounts = {
  sent: 30_000, delivered: 19_400, opened: 4_050, clicked: 380, softBounced: 260, hardBounced: 140, deferred: 210,
  pending: 9_990,
};

const UPDATED_AT = '2026-11-02T09:42:00Z';

/** A data source that never answers, with no time limit (`timeout: 0`): the loading skeleton, for as long as you look. */
const neverAnswers: StatusDataSource = {
  getMessages: async () => new Map(),
  getMessageEvents: async () => ({ events: [] }),
  getCampaignHistory: async () => ({ items: [] }),
  getCampaignStats: () => new Promise<CampaignStats>(() => {}),
  timeout: 0,
};

/** A data source whose server is down: the error state and its retry button. */
const serverDown: StatusDataSource = {
  ...neverAnswers,
  getCampaignStats: async () => {
    throw new DataSourceError('503 Service Unavailable', { kind: 'http', status: 503, retryable: true });
  },
};

interface StatsArgs {
  counts?: CampaignCounts;
  channel?: Channel;
  layout: CampaignStatsLayout;
  convention: Convention;
  metrics?: string;
  thresholds?: Thresholds;
  excludeAutomated: boolean;
  totalOpens: boolean;
  sending: boolean;
  updatedAt?: string;
  campaignName?: string;
  lang?: string;
  campaignId?: string;
  source?: StatusDataSource;
  announce: boolean;
  announceInterval?: number;
  selected?: string;
  noExport?: boolean;
  headingLevel?: number;
  timeZone?: string;
}

const meta: Meta<StatsArgs> = {
  title: 'Elements/campaign-stats',
  component: 'campaign-stats',
  tags: ['autodocs'],
  // Lower-case exports are fixtures shared with the tests, not stories.
  excludeStories: /^[a-z]/,
  args: { layout: 'grid', convention: 'default', excludeAutomated: false, totalOpens: false, sending: false, announce: false },
  argTypes: {
    layout: { control: 'inline-radio', options: ['grid', 'list', 'compact'] },
    convention: { control: 'inline-radio', options: ['default', 'per-delivered'] },
    channel: { control: 'inline-radio', options: ['email', 'sms'] },
    metrics: { control: 'text' }, // the attribute: ids separated by spaces or commas
    excludeAutomated: { control: 'boolean' },
    totalOpens: { control: 'boolean' },
    sending: { control: 'boolean' },
    announce: { control: 'boolean' },
    selected: { control: 'select', options: [undefined, 'delivered', 'opened', 'clicked', 'bounced', 'complained', 'pending'] },
  },
  render: (args) => html`<campaign-stats
    .counts=${args.counts}
    .thresholds=${args.thresholds}
    .source=${args.source}
    campaign-id=${args.campaignId ?? nothing}
    channel=${args.channel ?? nothing}
    layout=${args.layout}
    convention=${args.convention}
    metrics=${args.metrics ?? nothing}
    ?exclude-automated=${args.excludeAutomated}
    ?total-opens=${args.totalOpens}
    ?sending=${args.sending}
    ?announce=${args.announce}
    updated-at=${args.updatedAt ?? nothing}
    campaign-name=${args.campaignName ?? nothing}
    lang=${args.lang ?? nothing}
    selected=${args.selected ?? nothing}
    ?no-export=${args.noExport ?? false}
    heading-level=${args.headingLevel ?? nothing}
    time-zone=${args.timeZone ?? nothing}
    announce-interval=${args.announceInterval ?? nothing}
  ></campaign-stats>`,
};
export default meta;

type Story = StoryObj<StatsArgs>;

export const EmailCampaign: Story = {
  name: 'Email campaign',
  args: { counts: healthyEmail, channel: 'email', campaignName: 'Newsletter de novembre', updatedAt: UPDATED_AT, totalOpens: true },
};
export const SmsCampaign: Story = { name: 'SMS campaign', args: { counts: healthySms, channel: 'sms', updatedAt: UPDATED_AT } };

export const Warnings: Story = { name: 'Level: warnings', args: { counts: warningEmail, channel: 'email' } };
export const Danger: Story = { name: 'Level: danger', args: { counts: dangerEmail, channel: 'email' } };
export const SmsSuspensionRisk: Story = { name: 'Level: SMS suspension risk', args: { counts: riskySms, channel: 'sms' } };
export const CustomThresholds: Story = {
  name: 'Level: host thresholds',
  args: {
    counts: healthyEmail,
    channel: 'email',
    thresholds: { bounced: { warning: 0.01, danger: 0.015 }, 'soft-bounced': { warning: 0.01 } },
  },
};

export const Grid: Story = { name: 'Layout: grid', args: { counts: warningEmail, channel: 'email', layout: 'grid' } };
export const List: Story = { name: 'Layout: list', args: { counts: warningEmail, channel: 'email', layout: 'list' } };
export const Compact: Story = { name: 'Layout: compact', args: { counts: warningEmail, channel: 'email', layout: 'compact' } };
export const CompactSms: Story = { name: 'Layout: compact, SMS', args: { counts: riskySms, channel: 'sms', layout: 'compact' } };

export const French: Story = { name: 'Français', args: { counts: dangerEmail, channel: 'email', lang: 'fr', updatedAt: UPDATED_AT } };
export const English: Story = { args: { counts: dangerEmail, channel: 'email', lang: 'en', updatedAt: UPDATED_AT } };

export const Sending: Story = {
  name: 'Still sending',
  args: { counts: sendingEmail, channel: 'email', sending: true, updatedAt: UPDATED_AT },
};
export const HumanOpensOnly: Story = {
  name: 'Human opens only',
  args: { counts: healthyEmail, channel: 'email', excludeAutomated: true, totalOpens: true },
};
export const PerDelivered: Story = {
  name: 'Convention: per delivered',
  args: { counts: healthyEmail, channel: 'email', convention: 'per-delivered' },
};
export const ChosenMetrics: Story = {
  name: 'Chosen indicators',
  args: { counts: healthyEmail, channel: 'email', metrics: 'delivered opened clicked bounced complained' },
};

export const Empty: Story = { name: 'Zero sent', args: { counts: {}, channel: 'email' } };
export const Huge: Story = { name: 'Huge counts (10,000,000)', args: { counts: hugeEmail, channel: 'email', totalOpens: true } };
export const HugeFrench: Story = {
  name: 'Huge counts, français',
  args: { counts: hugeEmail, channel: 'email', lang: 'fr', layout: 'list' },
};

export const Loading: Story = { args: { campaignId: 'c-loading', channel: 'email', source: neverAnswers } };
export const LoadingSms: Story = { name: 'Loading, SMS', args: { campaignId: 'c-loading', channel: 'sms', source: neverAnswers } };
export const ErrorState: Story = { name: 'Error', args: { campaignId: 'c-down', channel: 'email', source: serverDown } };
export const NoSource: Story = {
  name: 'No data source',
  args: { campaignId: 'c-nowhere', channel: 'email' },
  // No page-wide default source for this one (the other stories read the mock API).
  parameters: { noDataSource: true },
};

/** The host lists the contacts behind an indicator: here, the statuses it would filter on. */
export const DrillDown: Story = {
  name: 'Drill-down (metric-select)',
  args: { counts: warningEmail, channel: 'email' },
  // The element as every story draws it (each control reaches it), in a host that listens.
  render: (args, context) => {
    const show = (event: MetricSelectEvent) => {
      const out = (event.currentTarget as HTMLElement).querySelector('output')!;
      out.value = `${event.metric}: ${event.detail.count} contacts with status ${event.statuses.join(', ')}`;
    };
    return html`<div @metric-select=${show}>
      ${meta.render!(args, context)}
      <output style="display: block; margin-top: 1rem; font-family: monospace"></output>
    </div>`;
  },
};

/**
 * The host keeps the indicator whose contacts it lists as `selected`: pressed (an accent border and a bar along its
 * bottom edge, and `aria-pressed` for assistive technologies) until the list is filtered otherwise. Click another
 * indicator to move it, the pressed one to unselect it (`detail.unselect`).
 */
export const Selected: Story = {
  name: 'Drill-down with the selected indicator',
  args: { counts: warningEmail, channel: 'email', selected: 'bounced' },
  render: (args, context) => {
    const select = (event: MetricSelectEvent) => {
      const el = event.target as HTMLElement;
      if (event.detail.unselect) el.removeAttribute('selected');
      else el.setAttribute('selected', event.metric);
    };
    return html`<div @metric-select=${select}>${meta.render!(args, context)}</div>`;
  },
};

/**
 * Starts the MSW mock API (once per page), its simulated clock replaying the last hour 30 times faster (then following real time) so that
 * messages keep getting delivered, opened and bounced while you watch.
 */
export const mockApiLoader = async (): Promise<Record<string, never>> => {
  await startMockApi({ serviceWorkerUrl: './mockServiceWorker.js', speed: 30 });
  return {};
};

const live = (campaignId: string) => (args: StatsArgs) => html`<status-source endpoint="/api" live="sse">
  <campaign-stats
    campaign-id=${campaignId}
    layout=${args.layout}
    convention=${args.convention}
    ?exclude-automated=${args.excludeAutomated}
    ?total-opens=${args.totalOpens}
    ?announce=${args.announce}
    lang=${args.lang ?? nothing}
  ></campaign-stats>
</status-source>`;

/** The newsletter of the mock API, loaded through `<status-source>` and followed live (SSE); announces updates. */
export const LiveNewsletter: Story = {
  name: 'Live via MSW: newsletter',
  loaders: [mockApiLoader],
  args: { announce: true, totalOpens: true },
  render: live(DEMO_CAMPAIGNS.newsletter),
};

/** The SMS campaign of the mock API, followed live. */
export const LiveSms: Story = {
  name: 'Live via MSW: SMS',
  loaders: [mockApiLoader],
  args: { announce: true },
  render: live(DEMO_CAMPAIGNS.sms),
};
