import { expect } from '@open-wc/testing';
import { RestDataSource } from '../../src/data/index.js';
import { DEMO_CAMPAIGNS, startMockApi } from '../../src/mocks/index.js';

// startMockApi serves one API per page: this file has its own page (the demo's start, without its replay).
describe('startMockApi with rewind', () => {
  it('starts the clock that long before the anchor, the campaigns not sent yet reading scheduled', async () => {
    const before = Date.now();
    // Stopped (speed 0), 41 min before an anchor at the real now: a minute before the SMS campaign goes out.
    const api = await startMockApi({ speed: 0, rewind: 41 * 60_000 });
    expect(api.dataset.anchor).to.be.within(before, Date.now());
    expect(api.dataset.anchor - api.clock.now()).to.equal(41 * 60_000);

    const source = new RestDataSource({ baseUrl: '/api', live: 'off' });
    const sms = api.dataset.campaign(DEMO_CAMPAIGNS.sms)!.messages.slice(0, 3).map((m) => m.id);
    const statuses = await source.getMessages(sms);
    expect(sms.map((id) => statuses.get(id)?.display)).to.deep.equal(['scheduled', 'scheduled', 'scheduled']);
    const stats = await source.getCampaignStats(DEMO_CAMPAIGNS.sms);
    expect([stats.counts.scheduled, stats.counts.sent]).to.deep.equal([2_000, 0]);
    source.close();
  });
});
