import { expect, waitUntil } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { DEMO_CAMPAIGNS, messageIdsFor, startMockApi } from '../../src/mocks/index.js';

describe('startMockApi', () => {
  it('replays the last minutes fast, then follows real time: no time it serves is in the future', async () => {
    const started = Date.now();
    // 60 simulated seconds per real second, replaying the last 90 s: caught up after two ticks.
    const api = await startMockApi({ speed: 60, replay: 90_000 });
    expect(api.clock.now()).to.be.at.most(started - 89_000);
    await waitUntil(() => api.clock.now() >= Date.now() - 1_000, 'the clock never caught up', { timeout: 5_000 });
    // Another tick at speed 60 would put it 59 s ahead of real time.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(api.clock.now()).to.be.at.most(Date.now());

    const source = new RestDataSource({ baseUrl: '/api', live: 'off' });
    const ids = messageIdsFor(DEMO_CAMPAIGNS.transactional).slice(-50);
    const statuses = await source.getMessages(ids);
    expect(statuses.size).to.be.greaterThan(0);
    const now = Date.now();
    for (const status of statuses.values()) expect(Date.parse(status.updatedAt), status.messageId).to.be.at.most(now);
    // The figures are computed when asked for, after `now`: compared with the time they arrived.
    const stats = await source.getCampaignStats(DEMO_CAMPAIGNS.transactional);
    expect(Date.parse(stats.updatedAt!)).to.be.at.most(Date.now());
  });
});
