import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import type { StatusChangeEvent } from '../../src/elements/shared/events.js';
import '../../src/elements/status-source/define.js';
import { DEMO_CAMPAIGNS, messageIdsFor, mockApi, startMockApi } from '../../src/mocks/index.js';
import * as stories from '../../stories/email-status-badge.stories.js';
import { labelOf, part } from './shared/badge-helpers.js';
import { storiesOf } from './shared/story-helpers.js';
import { itWithMockStream } from '../support/engine.js';
import '../support/axe.js';

const { meta, stories: entries } = storiesOf(stories);

describe('<email-status-badge> stories', () => {
  it('cover what the issue asks for', () => {
    expect(entries.map(([key]) => key)).to.include.members([
      'AllStatuses', 'Reasons', 'Appearances', 'ClippedScrollContainer', 'InDialog', 'HostileText', 'LiveViaMsw',
    ]);
  });

  // The live stories need the mock API (below); a thousand rows is for eyes and profilers, not axe.
  for (const [key, story] of entries.filter(([key, story]) => !story.loaders && key !== 'ThousandRows')) {
    it(`renders "${story.name ?? key}" accessibly`, async () => {
      const render = story.render ?? meta.render;
      const wrapper = await fixture<HTMLElement>(html`<div lang="en">${render({ ...meta.args, ...story.args }, {})}</div>`);
      const badges = [...wrapper.querySelectorAll('email-status-badge')];
      expect(badges.length).to.be.greaterThan(0);
      await Promise.all(badges.map((b) => b.updateComplete));
      for (const badge of badges) expect(part(badge, 'badge').getAttribute('aria-label')).to.be.a('string').and.not.empty;
      await expect(wrapper).to.be.accessible();
    });
  }

  it('"A message deleted while shown": the button deletes it and the badge says no message was found', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div lang="en">${stories.DeletedWhileShown.render!({ ...meta.args, ...stories.DeletedWhileShown.args } as never, {} as never)}</div>`);
    const badge = wrapper.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await waitUntil(() => labelOf(badge) === 'Delivered', 'its status shown');
    wrapper.querySelector('button')!.click();
    await waitUntil(() => labelOf(badge) === 'Unavailable', 'the badge told');
    expect(part(badge, 'badge').getAttribute('aria-label')).to.equal('Unavailable. No message was found with this identifier.');
    await expect(wrapper).to.be.accessible();
  });

  itWithMockStream('loads a page of badges from the MSW mock API in one request, and follows them live', async () => {
    const api = await startMockApi({ speed: 0 }); // clock stopped: it moves when the test says
    const ids = messageIdsFor(DEMO_CAMPAIGNS.newsletter, { limit: 300 });
    const wrapper = await fixture<HTMLElement>(html`<status-source lang="en" endpoint="/api" live="sse">
      ${ids.map((id) => html`<email-status-badge message-id=${id}></email-status-badge>`)}
    </status-source>`);
    const badges = [...wrapper.querySelectorAll('email-status-badge')] as EmailStatusBadgeElement[];
    await waitUntil(() => badges.every((b) => labelOf(b) !== ''), 'the badges load', { timeout: 8000 });
    const lookups = api.requests.filter((r) => r.endpoint === 'messages' || r.endpoint === 'messages-batch');
    expect(lookups.length).to.equal(1);
    expect(lookups[0]!.ids!.length).to.equal(300);

    const changes: StatusChangeEvent[] = [];
    wrapper.addEventListener('status-change', (event) => changes.push(event));
    const before = new Map(badges.map((b) => [b.messageId, labelOf(b)]));
    // Let the stream connect, then move the simulated clock: opens and clicks arrive through SSE.
    await waitUntil(() => api.requests.some((r) => r.endpoint === 'stream'), 'the stream connects', { timeout: 5000 });
    mockApi().clock.advance(30 * 60_000);
    await waitUntil(() => changes.length > 0, 'no live change arrived', { timeout: 8000 });
    const changed = badges.find((b) => b.messageId === changes[0]!.messageId)!;
    await changed.updateComplete;
    expect(labelOf(changed)).not.to.equal(before.get(changed.messageId));
    wrapper.remove(); // closes the stream
  });
});
