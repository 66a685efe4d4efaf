import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, { GivenSource, ServerSentEvents } from '../../stories/status-source.stories.js';
import { sampleMessageId } from '../../src/mocks/index.js';
import { until } from './helpers.js';

type Story = typeof ServerSentEvents;

function renderStory(story: Story): TemplateResult {
  const args = { ...meta.args, ...story.args } as Parameters<NonNullable<typeof meta.render>>[0];
  return (story.render ?? meta.render!)(args, {} as never) as TemplateResult;
}

describe('status-source stories', () => {
  it('GivenSource lists what the StaticDataSource it was handed knows', async () => {
    const el = await fixture(renderStory(GivenSource));
    const id = sampleMessageId('delivered');
    await until(() => (el.querySelector('ul')?.textContent ?? '').includes(id), 3_000, 'the list');
    expect(el.querySelector('ul')!.textContent).to.contain(`${id} (?): delivered`);
  });

  it('ServerSentEvents lists the mock API\'s messages through the endpoint it is given', async () => {
    for (const load of meta.loaders as (() => Promise<unknown>)[]) await load();
    const el = await fixture(renderStory(ServerSentEvents));
    const held = sampleMessageId('held');
    await until(() => (el.querySelector('ul')?.textContent ?? '').includes(held), 5_000, 'the list');
    expect(el.querySelector('ul')!.textContent).to.contain(`${held}`);
    expect(el.querySelector('ul')!.textContent).to.contain('held, quota');
  });
});
