import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setDefaultSource } from '../../src/data/index.js';
import { startMockApi, type MockApi } from '../../src/mocks/index.js';
import '../../src/define.js';
import '../../src/demo/demo-app.js';
import type { EstafetteDemoAppElement } from '../../src/demo/demo-app.js';
import { demoSource } from '../../src/demo/demo-source.js';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// The demo page on its live source (the mock's stream), its mock clock stopped a minute before the SMS campaign is
// scheduled (a day before the anchor) and moved by the test. Nothing is reloaded: what the badges say comes from the
// stream. A page of its own (one mock API per page).
describe('the demo’s SMS column when the campaign is scheduled', function () {
  this.timeout(40_000);
  let api: MockApi;
  let app: EstafetteDemoAppElement;
  const shadow = () => app.shadowRoot!;
  const label = (badge: Element) => badge.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';
  const smsBadges = () => [...shadow().querySelectorAll('tbody tr')].slice(0, 20).map((tr) => tr.querySelectorAll('email-status-badge')[1]!);
  const labels = () => smsBadges().map(label).join(', ');

  before(async () => {
    api = await startMockApi({ speed: 0, rewind: DAY + MINUTE });
    setDefaultSource(demoSource(null));
    app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="en" ready></estafette-demo-app>`);
    await waitUntil(() => shadow().querySelectorAll('tbody tr').length > 0, 'no contact rows', { timeout: 8000 });
  });
  after(() => setDefaultSource(undefined));

  it('turns the SMS badges to Scheduled when the campaign is scheduled', async () => {
    // Not scheduled yet: its messages do not exist.
    await waitUntil(() => smsBadges().every((b) => label(b) === 'Unavailable'), `before it is scheduled: ${labels()}`, { timeout: 8000 });
    const logged = api.store.lastEntryId;
    api.clock.advance(2 * MINUTE);
    await waitUntil(() => smsBadges().every((b) => label(b) === 'Scheduled'), `once scheduled: ${labels()}`, { timeout: 20_000 });
    // The stream says it, a status per message (the page may also have asked again: the stream opening after its
    // first reads makes it read them once more).
    const told = new Set(api.store.entriesAfter(logged).filter((e) => e.type === 'message-status').map((e) => e.topic));
    const shown = smsBadges().map((b) => `message:${b.getAttribute('message-id')!}`);
    expect(shown.filter((topic) => !told.has(topic)), 'not on the stream').to.deep.equal([]);
  });

});
