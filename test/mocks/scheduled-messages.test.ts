import { expect } from '@open-wc/testing';
import type { CampaignCounts } from '../../src/core/index.js';
import { parseCampaignStats, parseLiveUpdate, type LiveUpdate } from '../../src/data/index.js';
import { parseEventPage, parseMessagesBody } from '../../src/data/validate.js';
import { DEFAULT_ANCHOR, DEMO_CAMPAIGNS, resetMockApi, type MockApi, type MockMessage } from '../../src/mocks/index.js';
import { startWorker } from '../data/helpers.js';
import { itWithMockStream } from '../support/engine.js';

/*
 * A clock started before the anchor (the demo starts 1 h 59 min before it): the messages of a scheduled campaign
 * that have not gone out yet read `scheduled`, in their status, their events and their campaign's figures, then
 * move on when their first event comes. The dataset's script: the newsletter scheduled 2 days before the anchor,
 * sent from 2 h before it; the SMS scheduled a day before, sent from 40 min before.
 */
const MINUTE = 60_000;
const START = DEFAULT_ANCHOR - 119 * MINUTE;

const statusesOf = async (ids: readonly string[]) => {
  const { statuses, failed } = parseMessagesBody(await (await fetch(`/api/messages?ids=${ids.join(',')}`)).json());
  expect([...failed.keys()], 'statuses that cannot be read').to.deep.equal([]);
  return new Map(statuses.map((s) => [s.messageId, s]));
};
const eventsOf = async (id: string) => parseEventPage(await (await fetch(`/api/messages/${id}/events`)).json(), id).events;
const statsOf = async (id: string) => parseCampaignStats(await (await fetch(`/api/campaigns/${id}/stats`)).json());
/** The first message of `campaignId` whose first event comes after `t`. */
const notSentAt = (api: MockApi, campaignId: string, t: number): MockMessage =>
  api.dataset.campaign(campaignId)!.messages.find((m) => m.times[0]! > t)!;

/** The live updates of a stream until `count` of them came. */
async function readUpdates(response: Response, count: number): Promise<LiveUpdate[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const updates = () => text.split('\n\n').filter((block) => block.includes('data: ')).map((block) => {
    const field = (name: string) => block.split('\n').find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2) ?? '';
    return parseLiveUpdate(field('event'), JSON.parse(field('data')));
  });
  while (updates().length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return updates();
}

describe('mock API: messages of a scheduled campaign not sent yet', () => {
  let msw: { stop(): void };
  before(async () => {
    msw = await startWorker();
  });
  after(() => msw.stop());

  it('read scheduled (with the one event that says so, counted as scheduled), then sent once the clock passes their send time', async () => {
    const api = resetMockApi({ startAt: START });
    const newsletter = notSentAt(api, DEMO_CAMPAIGNS.newsletter, START);
    const sms = notSentAt(api, DEMO_CAMPAIGNS.sms, START);
    const statuses = await statusesOf([newsletter.id, sms.id]);
    for (const message of [newsletter, sms]) {
      const status = statuses.get(message.id);
      expect(status?.delivery, message.id).to.equal('scheduled');
      expect(status?.display, message.id).to.equal('scheduled');
      // Its timeline says what its badge says: scheduled since its campaign was, by the host's outbox.
      const events = await eventsOf(message.id);
      expect(events.map((e) => [e.type, e.at]), message.id).to.deep.equal([['scheduled', status!.updatedAt]]);
    }
    expect(statuses.get(newsletter.id)!.updatedAt, 'since the campaign was scheduled').to.equal('2026-11-22T10:00:00.000Z');
    expect(statuses.get(sms.id)!.updatedAt).to.equal('2026-11-23T10:00:00.000Z');

    // The newsletter has been going out for a minute (about 120 of its 5,000 messages); the SMS not at all.
    const messages = api.dataset.campaign(DEMO_CAMPAIGNS.newsletter)!.messages;
    const gone = messages.filter((m) => m.times[0]! <= START).length;
    expect(gone, 'the script, for this test to mean anything').to.be.within(100, 140);
    const figures = (await statsOf(DEMO_CAMPAIGNS.newsletter)).counts as Required<CampaignCounts>;
    expect(figures.scheduled).to.equal(5_000 - gone);
    expect(figures.sent, 'scheduled messages are not sent out').to.equal(gone);
    const smsFigures = (await statsOf(DEMO_CAMPAIGNS.sms)).counts;
    expect([smsFigures.scheduled, smsFigures.sent, smsFigures.pending]).to.deep.equal([2_000, 0, 0]);

    api.clock.set(newsletter.times[0]!);
    const sent = (await statusesOf([newsletter.id])).get(newsletter.id);
    expect(newsletter.events[0]!.type, 'the script').to.equal('sent');
    expect(sent?.delivery).to.equal('sent');
    expect((await eventsOf(newsletter.id)).map((e) => e.type)).to.deep.equal(['sent']);
    expect((await statsOf(DEMO_CAMPAIGNS.newsletter)).counts.scheduled).to.be.below(figures.scheduled);
    expect((await statusesOf([sms.id])).get(sms.id)?.delivery, 'the SMS goes out later').to.equal('scheduled');
  });

  it('does not exist before its campaign is scheduled; an id the dataset lacks never does', async () => {
    const api = resetMockApi({ startAt: DEFAULT_ANCHOR - 3 * 24 * 60 * MINUTE });
    const newsletter = notSentAt(api, DEMO_CAMPAIGNS.newsletter, api.clock.now());
    // The transactional stream is never scheduled: its messages to come do not exist until they happen.
    const transactional = notSentAt(api, DEMO_CAMPAIGNS.transactional, START);
    expect([...(await statusesOf([newsletter.id, 'nl-99999'])).keys()]).to.deep.equal([]);
    expect((await statsOf(DEMO_CAMPAIGNS.newsletter)).counts.scheduled ?? 0).to.equal(0);

    api.clock.set(DEFAULT_ANCHOR - 2 * 24 * 60 * MINUTE);
    expect([...(await statusesOf([newsletter.id, transactional.id, 'nl-99999'])).values()].map((s) => [s.messageId, s.delivery]))
      .to.deep.equal([[newsletter.id, 'scheduled']]);
    expect((await statsOf(DEMO_CAMPAIGNS.newsletter)).counts.scheduled).to.equal(5_000);
  });

  itWithMockStream('puts its scheduled event and status on the stream when its campaign is scheduled', async () => {
    const api = resetMockApi({ startAt: DEFAULT_ANCHOR - 3 * 24 * 60 * MINUTE });
    const message = notSentAt(api, DEMO_CAMPAIGNS.newsletter, api.clock.now());
    const response = await fetch(`/api/stream?topics=message:${message.id}`);
    api.clock.set(DEFAULT_ANCHOR - 2 * 24 * 60 * MINUTE);
    const updates = await readUpdates(response, 2);
    expect(updates.map((u) => (u.type === 'message-event' ? [u.type, u.event.type] : u.type === 'message-status' ? [u.type, u.status.delivery] : [u.type])))
      .to.deep.equal([['message-event', 'scheduled'], ['message-status', 'scheduled']]);
  });

  itWithMockStream('puts the status of its first event on the stream when it comes', async () => {
    const api = resetMockApi({ startAt: START });
    const message = notSentAt(api, DEMO_CAMPAIGNS.newsletter, START);
    const response = await fetch(`/api/stream?topics=message:${message.id}`);
    api.clock.set(message.times[0]!);
    const updates = await readUpdates(response, 2);
    expect(updates.map((u) => u.type)).to.deep.equal(['message-event', 'message-status']);
    const last = updates[1]!;
    expect(last.type === 'message-status' && [last.status.messageId, last.status.delivery]).to.deep.equal([message.id, 'sent']);
  });
});
