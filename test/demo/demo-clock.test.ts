import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setDefaultSource } from '../../src/data/index.js';
import { startMockApi, type MockApi } from '../../src/mocks/index.js';
import '../../src/define.js';
import '../../src/demo/demo-app.js';
import type { EstafetteDemoAppElement } from '../../src/demo/demo-app.js';
import { demoMockOptions } from '../../src/demo/demo-mock.js';
import { demoSource } from '../../src/demo/demo-source.js';
import { describeWithMockStream } from '../support/engine.js';

// The demo page as `npm start` serves it: the mock API twenty times faster from a minute before the newsletter goes
// out, its clock three hours behind real time at first, and the demo's live source. A page of its own (one mock API
// per page). The page hears of what goes out from the mock's stream, which WebKitGTK cannot read from MSW's worker
// (see describeWithMockStream): there it comes only with polls, which may fall after the waits below (the CI's WebKit
// run failed the first case, a run of this file alone the second).
describeWithMockStream('the demo on its running mock clock', function () {
  this.timeout(30_000);
  let api: MockApi;
  let app: EstafetteDemoAppElement;
  const shadow = () => app.shadowRoot!;
  const text = (el: Element | null | undefined) => (el?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

  before(async () => {
    api = await startMockApi(demoMockOptions(20));
    setDefaultSource(demoSource(null));
  });
  after(() => {
    api.clock.stop();
    setDefaultSource(undefined);
  });
  beforeEach(async () => {
    app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="en" ready></estafette-demo-app>`);
    await waitUntil(() => shadow().querySelectorAll('tbody tr').length > 0, 'no contact rows', { timeout: 8000 });
  });

  it('says the newsletter started sending now, not hours ago: the times it shows are on the real clock', async () => {
    expect(Date.now() - api.clock.now(), 'the mock clock is hours behind real time').to.be.greaterThan(2 * 3_600_000);
    const history = shadow().querySelector('details status-timeline')!;
    shadow().querySelector('details')!.open = true;
    // The newsletter goes out a simulated minute after the start: 3 s later at 20×.
    await waitUntil(() => text(history).includes('Sending started'), 'the newsletter never started', { timeout: 15_000 });
    expect(text(history)).to.match(/Sending started (now|\d+ seconds? ago)/);
    expect(text(history), 'the campaign was scheduled days ago, and says so').to.match(/Scheduled \d+ days ago/);
  });

  it('times a contact’s newsletter events from when they appeared', async () => {
    // The first contact's newsletter message, once it has left the outbox (delivered, opened...).
    const badge = shadow().querySelector('tbody tr email-status-badge')!;
    await waitUntil(() => !/Scheduled/.test(text(badge)) && text(badge) !== '', 'the first message never went out', { timeout: 15_000 });
    shadow().querySelector<HTMLButtonElement>('tbody tr button.contact')!.click();
    const timeline = () => shadow().querySelector('dialog status-timeline');
    await waitUntil(() => timeline()?.shadowRoot?.querySelector('time'), 'no events in the timeline', { timeout: 8000 });
    const said = [...timeline()!.shadowRoot!.querySelectorAll('time')].map((t) => Date.parse(t.dateTime));
    const now = Date.now();
    // Each event appeared within the last half minute of the page (not hours before it), and none is in the future.
    for (const at of said) expect(now - at).to.be.within(0, 30_000);
    expect(text(timeline())).not.to.match(/hours? ago/);
  });
});
