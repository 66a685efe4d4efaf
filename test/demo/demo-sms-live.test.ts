import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setDefaultSource } from '../../src/data/index.js';
import { startMockApi, type MockApi } from '../../src/mocks/index.js';
import '../../src/define.js';
import '../../src/demo/demo-app.js';
import type { EstafetteDemoAppElement } from '../../src/demo/demo-app.js';
import { demoSource } from '../../src/demo/demo-source.js';

const MINUTE = 60_000;

// The demo page on its live source (the mock's stream), its mock clock stopped a minute before the SMS campaign goes
// out (40 min before the anchor; as the demo shows it, four minutes in) and moved by the test. Nothing is reloaded:
// what the badges say comes from the stream. A page of its own (one mock API per page).
describe('the demo’s SMS column when the campaign goes out', function () {
  this.timeout(40_000);
  let api: MockApi;
  let app: EstafetteDemoAppElement;
  const shadow = () => app.shadowRoot!;
  const label = (badge: Element) => badge.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';
  const smsBadges = () => [...shadow().querySelectorAll('tbody tr')].slice(0, 20).map((tr) => tr.querySelectorAll('email-status-badge')[1]!);
  const labels = () => smsBadges().map(label).join(', ');

  before(async () => {
    api = await startMockApi({ speed: 0, rewind: 41 * MINUTE });
    setDefaultSource(demoSource(null));
    app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="en" ready></estafette-demo-app>`);
    await waitUntil(() => shadow().querySelectorAll('tbody tr').length > 0, 'no contact rows', { timeout: 8000 });
  });
  after(() => setDefaultSource(undefined));

  it('moves them on from Scheduled as their messages go out', async () => {
    await waitUntil(() => smsBadges().every((b) => label(b) === 'Scheduled'), `a minute before it goes out: ${labels()}`, { timeout: 10_000 });
    // Five simulated minutes, half a minute at a time as the demo's clock moves: the first messages are sent, most
    // of them delivered.
    for (let i = 0; i < 10; i++) api.clock.advance(MINUTE / 2);
    await waitUntil(() => smsBadges().filter((b) => label(b) !== 'Scheduled').length >= 10, `still scheduled: ${labels()}`, { timeout: 20_000 });
    expect(smsBadges().map(label)).to.include('Delivered');
  });
});
