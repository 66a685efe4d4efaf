// The demo page as both demo test files mount it: the MSW mock API with its clock stopped (statuses must not move
// under a test's feet), the REST source on it, and a fresh English page before each test, once its rows are there.
import { fixture, html, waitUntil } from '@open-wc/testing';
import { RestDataSource, setDefaultSource } from '../../src/data/index.js';
import { startMockApi } from '../../src/mocks/index.js';
import '../../src/define.js';
import '../../src/demo/demo-app.js';
import type { EstafetteDemoAppElement } from '../../src/demo/demo-app.js';

/** Registers the hooks in the calling `describe`; `mounted` gets each test's page once its rows are there. */
export function useDemoApp(mounted: (app: EstafetteDemoAppElement) => void | Promise<void>): void {
  before(async () => {
    await startMockApi({ speed: 0 });
    setDefaultSource(new RestDataSource({ baseUrl: '/api', live: 'off' }));
  });
  after(() => setDefaultSource(undefined));
  // The page's address as the runner gave it: a language or theme a test switched to (kept in the address, see
  // src/demo/page-choices.ts) is not the next test's.
  const page = location.href;
  afterEach(() => history.replaceState(null, '', page));
  beforeEach(async () => {
    const app = await fixture<EstafetteDemoAppElement>(html`<estafette-demo-app lang="en" ready></estafette-demo-app>`);
    await waitUntil(() => app.shadowRoot!.querySelectorAll('tbody tr').length > 0, 'no contact rows', { timeout: 8000 });
    await mounted(app);
  });
}
