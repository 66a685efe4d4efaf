/**
 * The demo back-office. By default it runs on the MSW mock API (statuses keep progressing); `?endpoint=URL`
 * points it at a real API implementing the Estafette REST contract instead (see src/data/openapi.yaml). `?lang=` and
 * `?theme=` keep the switches' choices (see page-choices.ts).
 */
import { setDefaultSource } from '../data/index.js';
import '../define.js';
import './demo-app.js';
import { demoMockOptions } from './demo-mock.js';
import { demoSource } from './demo-source.js';

const params = new URLSearchParams(location.search);
const endpoint = params.get('endpoint');

const app = document.querySelector('estafette-demo-app');
try {
  if (!endpoint) {
    const { startMockApi } = await import('../mocks/index.js');
    // Twenty times faster from a minute before the newsletter goes out (see demoMockOptions); `?speed=1`: real time.
    const speed = Number(params.get('speed') ?? 20);
    await startMockApi({ ...demoMockOptions(speed), serviceWorkerUrl: `${import.meta.env.BASE_URL}mockServiceWorker.js` });
  }
  setDefaultSource(demoSource(endpoint));
  app?.setAttribute('ready', '');
} catch (error) {
  // Without its service worker the mock API answers nothing: say so on the page, not only in the console.
  console.error('demo: the mock API did not start', error);
  app?.startFailed(error);
}
