import { expect, fixture, waitUntil } from '@open-wc/testing';
import { startMockApi } from '../../src/mocks/index.js';
import type { TemplateResult } from 'lit';
import * as stories from '../../stories/campaign-stats.stories.js';
import '../support/axe.js';

type Args = Record<string, unknown>;
interface StoryLike {
  name?: string;
  args?: Args;
  loaders?: unknown[];
  render?: (args: Args, context: unknown) => TemplateResult;
}

const meta = stories.default as unknown as Required<Pick<StoryLike, 'args' | 'render'>>;
// Stories are the exports with args; the others are the meta and the fixture data.
const entries = (Object.entries(stories) as [string, unknown][]).filter(
  (entry): entry is [string, StoryLike] =>
    entry[0] !== 'default' && typeof entry[1] === 'object' && entry[1] !== null && 'args' in entry[1],
);

describe('<campaign-stats> stories', () => {
  it('covers every threshold level, layout and language the issue asks for', () => {
    const names = entries.map(([key]) => key);
    expect(names).to.include.members(['Warnings', 'Danger', 'SmsSuspensionRisk', 'Grid', 'List', 'Compact', 'French', 'English', 'Empty', 'Huge']);
  });

  // The live stories need the mock API: tested on their own below.
  for (const [key, story] of entries.filter(([, story]) => !story.loaders)) {
    it(`renders "${story.name ?? key}" accessibly`, async () => {
      const args = { ...meta.args, ...story.args };
      const render = story.render ?? meta.render;
      const wrapper = await fixture<HTMLElement>(render(args, {}));
      const el = (wrapper.matches('campaign-stats') ? wrapper : wrapper.querySelector('campaign-stats'))!;
      await new Promise((r) => setTimeout(r));
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      expect(el.shadowRoot!.textContent).not.to.match(/NaN|Infinity|undefined/);
      await expect(el).to.be.accessible();
    });
  }

  it('moves the ring of the "selected indicator" story to the indicator clicked, and takes it off when it is clicked again', async () => {
    const story = stories.Selected as StoryLike;
    const wrapper = await fixture<HTMLElement>(story.render!({ ...meta.args, ...story.args, lang: 'en' }, {}));
    const el = wrapper.querySelector('campaign-stats')!;
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const current = () => [...el.shadowRoot!.querySelectorAll('[aria-pressed="true"]')].map((b) => b.closest<HTMLElement>('[data-metric]')!.dataset.metric);
    expect(current()).to.deep.equal(['bounced']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-metric="opened"] [part~="metric-button"]')!.click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(current()).to.deep.equal(['opened']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-metric="opened"] [part~="metric-button"]')!.click();
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(current(), 'pressed again: unselected').to.deep.equal([]);
  });

  it('loads the live newsletter story through <status-source> and the MSW mock API', async () => {
    await startMockApi({ speed: 0 }); // clock stopped: the figures stay still during the test
    const story = stories.LiveNewsletter as StoryLike;
    const wrapper = await fixture<HTMLElement>(story.render!({ ...meta.args, ...story.args, lang: 'en' }, {}));
    const el = wrapper.querySelector('campaign-stats')!;
    const shadow = () => el.shadowRoot!;
    await waitUntil(() => shadow().querySelector('.campaign-name'), 'the campaign loads', { timeout: 5000 });
    expect(shadow().querySelector('.campaign-name')!.textContent).to.equal('Newsletter de novembre');
    expect(shadow().querySelector('.channel')!.textContent).to.equal('Email');
    expect(shadow().querySelector('[data-metric="sent"] [part~="count"]')!.textContent).to.match(/^\d{1,3}(,\d{3})*$/);
    expect(shadow().querySelector('[aria-live="polite"]'), 'announce is on').to.exist;
    await expect(el).to.be.accessible();
    wrapper.remove(); // closes the live stream
  });
});
