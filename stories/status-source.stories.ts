import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MessageStatus } from '../src/core/index.js';
import { StaticDataSource, type LiveMode, type StatusDataSource } from '../src/data/index.js';
import '../src/elements/status-source/define.js';
import type { StatusSourceElement } from '../src/elements/status-source/status-source.js';
import { DEMO_CAMPAIGNS, messageIdsFor, sampleMessageId, startMockApi } from '../src/mocks/index.js';

type Args = { endpoint: string; live: LiveMode; pollInterval: number; withCredentials: boolean };

// The badges of the kit read from <status-source> like this inspector does; it lists what the provided source
// answers and every live update it hears, so the data layer can be watched on its own: messages of every kind, some
// still being retried (they get through while you watch), and the newsletter's figures, which move every few seconds.
const stops = new WeakMap<Element, () => void>();
/** The live log keeps this many lines, newest first. */
const LOG_LINES = 50;

function inspect(wrapper: Element | undefined): void {
  if (!wrapper) return;
  stops.get(wrapper)?.();
  const source: StatusDataSource | undefined = (wrapper as StatusSourceElement).providedSource;
  const list = wrapper.querySelector('ul')!;
  const log = wrapper.querySelector('ol')!;
  list.replaceChildren();
  log.replaceChildren();
  if (!source) {
    list.append(Object.assign(document.createElement('li'), { textContent: 'No data source: set endpoint or source.' }));
    return;
  }
  const ids = [...new Set([
    ...['delivered', 'opened', 'hard-bounced', 'deferred', 'replied', 'held'].map((d) => sampleMessageId(d as MessageStatus['display'])),
    ...messageIdsFor(DEMO_CAMPAIGNS.newsletter, { status: 'deferred', limit: 6 }),
  ])];
  const rows = new Map<string, HTMLLIElement>();
  const show = (status: MessageStatus) => {
    const row = rows.get(status.messageId) ?? list.appendChild(document.createElement('li'));
    rows.set(status.messageId, row);
    row.textContent = `${status.messageId} (${status.recipient ?? 'no recipient given'}): ${status.display}${status.reason ? `, ${status.reason}` : ''}`;
  };
  const say = (line: string) => {
    log.prepend(Object.assign(document.createElement('li'), { textContent: `${new Date().toLocaleTimeString()}: ${line}` }));
    if (log.children.length > LOG_LINES) log.lastElementChild?.remove();
  };
  const controller = new AbortController();
  source.getMessages(ids, { signal: controller.signal }).then(
    (found) => found.forEach(show),
    (error: unknown) => list.append(Object.assign(document.createElement('li'), { textContent: `Error: ${String(error)}` })),
  );
  const unsubscribes = ids.map((id) =>
    source.subscribe?.({ kind: 'message', id }, (update) => {
      if (update.type === 'message-status') show(update.status);
      say(update.type === 'message-status' ? `${update.status.messageId} is now ${update.status.display}` : update.type === 'message-event' ? `${update.event.messageId}: ${update.event.type} (${update.event.raw})` : update.type);
    }),
  );
  unsubscribes.push(
    source.subscribe?.({ kind: 'campaign', id: DEMO_CAMPAIGNS.newsletter }, (update) => {
      if (update.type !== 'campaign-stats') return;
      const { campaign, counts } = update.stats;
      say(`${campaign.name}: ${counts.delivered ?? 0} delivered, ${counts.opened ?? 0} opened, ${counts.clicked ?? 0} clicked`);
    }),
  );
  stops.set(wrapper, () => {
    controller.abort();
    for (const stop of unsubscribes) stop?.();
  });
}

const meta: Meta<Args> = {
  title: 'Data/status-source',
  component: 'status-source',
  tags: ['autodocs'],
  loaders: [
    async () => {
      // Thirty times real time, so that opens and late bounces show up while you watch.
      await startMockApi({ serviceWorkerUrl: './mockServiceWorker.js', speed: 30 });
      return {};
    },
  ],
  args: { endpoint: '/api', live: 'sse', pollInterval: 15_000, withCredentials: false },
  argTypes: { live: { control: 'inline-radio', options: ['sse', 'poll', 'off'] } },
  render: ({ endpoint, live, pollInterval, withCredentials }) => html`
    <status-source endpoint=${endpoint} live=${live} poll-interval=${pollInterval} ?with-credentials=${withCredentials} ${ref((el) => setTimeout(() => inspect(el), 0))}>
      <h3>Messages</h3>
      <ul></ul>
      <h3>Live updates</h3>
      <ol reversed></ol>
    </status-source>
  `,
};
export default meta;

/** A REST source for the mock API, followed over Server-Sent Events. */
export const ServerSentEvents: StoryObj<Args> = { name: 'Server-Sent Events' };

/** The same, polling every 5 s instead (pauses while the tab is hidden). */
export const Polling: StoryObj<Args> = { args: { live: 'poll', pollInterval: 5_000 } };

/**
 * A source handed over as a property: here a StaticDataSource built from canonical events, which knows one message
 * (the others are not found) and never changes. The endpoint options do not apply: no controls.
 */
export const GivenSource: StoryObj<Args> = {
  name: 'A source handed over',
  parameters: { controls: { disable: true } },
  render: () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 24, 9, minute)).toISOString();
    const message = { provider: 'host', channel: 'email', messageId: sampleMessageId('delivered'), recipient: 'camille.martin@example.com' } as const;
    const source = new StaticDataSource({
      events: [
        { ...message, type: 'sent', at: at(0), raw: 'sent' },
        { ...message, type: 'delivered', at: at(1), raw: 'delivered' },
      ],
    });
    return html`
      <status-source .source=${source} ${ref((el) => setTimeout(() => inspect(el), 0))}>
        <h3>Messages</h3>
        <ul></ul>
        <h3>Live updates</h3>
        <ol reversed></ol>
      </status-source>
    `;
  },
};
