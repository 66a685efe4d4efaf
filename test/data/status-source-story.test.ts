import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import meta, { GivenSource, ServerSentEvents } from '../../stories/status-source.stories.js';
import { mockApi, sampleMessageId } from '../../src/mocks/index.js';
import { itWithMockStream } from '../support/engine.js';
import { until } from './helpers.js';

type Story = typeof ServerSentEvents;

function renderStory(story: Story): TemplateResult {
  const args = { ...meta.args, ...story.args } as Parameters<NonNullable<typeof meta.render>>[0];
  return (story.render ?? meta.render!)(args, {} as never) as TemplateResult;
}

describe('status-source stories', () => {
  it('GivenSource lists what the StaticDataSource it was handed knows, with its recipient', async () => {
    const el = await fixture(renderStory(GivenSource));
    const id = sampleMessageId('delivered');
    await until(() => (el.querySelector('ul')?.textContent ?? '').includes(id), 3_000, 'the list');
    expect(el.querySelector('ul')!.textContent).to.contain(`${id} (camille.martin@example.com): delivered`);
    expect([...el.querySelectorAll('h3')].map((h) => h.textContent), 'what each list is').to.deep.equal(['Messages', 'Live updates']);
    expect(GivenSource.parameters?.['controls'], 'no controls: the source is handed over, the endpoint options do nothing').to.deep.equal({ disable: true });
  });

  it('ServerSentEvents lists the mock API\'s messages through the endpoint it is given', async () => {
    for (const load of meta.loaders as (() => Promise<unknown>)[]) await load();
    const el = await fixture(renderStory(ServerSentEvents));
    const held = sampleMessageId('held');
    await until(() => (el.querySelector('ul')?.textContent ?? '').includes(held), 5_000, 'the list');
    expect(el.querySelector('ul')!.textContent).to.contain(`${held}`);
    expect(el.querySelector('ul')!.textContent).to.contain('held, quota');
  });

  // The live log followed messages whose status had settled: it stayed empty for minutes, as if the stream were down.
  itWithMockStream('ServerSentEvents logs live updates as soon as the mock API\'s time moves on a few minutes', async () => {
    for (const load of meta.loaders as (() => Promise<unknown>)[]) await load();
    const { clock } = mockApi();
    clock.stop();
    const el = await fixture(renderStory(ServerSentEvents));
    await until(() => (el.querySelector('ul')?.children.length ?? 0) > 1, 5_000, 'the list');
    await until(() => mockApi().requests.some((r) => r.endpoint === 'stream'), 5_000, 'the stream');
    expect(el.querySelector('ol')!.children.length, 'nothing logged before time moves').to.equal(0);
    clock.advance(5 * 60_000);
    await until(() => (el.querySelector('ol')?.children.length ?? 0) > 0, 5_000, 'a live update in the log');
  });
});
