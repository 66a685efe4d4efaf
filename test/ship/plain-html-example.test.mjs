// node --test test/ship/plain-html-example.test.mjs (after `npm run build:cdn`): examples/plain-html/index.html as
// it is written, its CDN URL answered with the built dist/cdn files and its `/api/estafette` with a small fake of the
// REST contract. Everything on the page must show its data in French, and the page's one line of JavaScript must
// hear `metric-select`, with no error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/browsers.mjs';

const ORIGIN = 'http://shop.example';
const CDN = 'https://cdn.example/estafette@0.1.0/dist/cdn/';
const at = (minute) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
const status = (messageId, display, delivery = 'delivered') => ({
  messageId, channel: 'email', delivery, display, engagement: {}, updatedAt: at(5), settled: true,
});
const STATUSES = { 'msg-1': status('msg-1', 'opened'), 'msg-2': status('msg-2', 'sent', 'sent') };
const EVENTS = ['sent', 'delivered', 'opened'].map((type, i) => ({ provider: 'mailjet', channel: 'email', messageId: 'msg-1', type, at: at(i), raw: type }));
const STATS = {
  campaign: { id: 'cmp-42', name: 'Novembre', channel: 'email' },
  counts: { sent: 1000, delivered: 950, opened: 400, clicked: 60, softBounced: 30, hardBounced: 20 },
  updatedAt: at(10),
};

/** What the page's `/api/estafette` answers: the REST contract (src/data/openapi.yaml), for this page's ids. */
function api(url) {
  const path = url.pathname.replace('/api/estafette', '');
  if (path === '/messages') return { messages: (url.searchParams.get('ids') ?? '').split(',').flatMap((id) => STATUSES[id] ?? []) };
  if (path === '/messages/msg-1/events') return { events: EVENTS };
  if (path === '/messages/msg-2/events') return { events: [] };
  if (path === '/campaigns/cmp-42/stats') return STATS;
  return undefined;
}

test('examples/plain-html/index.html works against the built CDN file', async () => {
  const html = await readFile('examples/plain-html/index.html', 'utf8');
  assert.ok(html.includes(`src="${CDN}estafette.js"`), 'the page loads the CDN file this test serves');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    const asked = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await page.route(`${CDN}**`, async (route) => {
      const file = new URL(route.request().url()).pathname.replace(/^\/estafette@[^/]+\//, '');
      const body = await readFile(file).catch(() => undefined);
      if (!body) return route.fulfill({ status: 404 });
      // A CDN serves modules to other origins with CORS, as module scripts require.
      return route.fulfill({ body, contentType: 'text/javascript', headers: { 'access-control-allow-origin': '*' } });
    });
    await page.route(`${ORIGIN}/**`, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/') return route.fulfill({ body: html, contentType: 'text/html' });
      asked.push(url.pathname);
      // The live stream: open, nothing to say yet.
      if (url.pathname === '/api/estafette/stream') return route.fulfill({ body: ': ok\n\n', contentType: 'text/event-stream' });
      const answer = api(url);
      return answer ? route.fulfill({ json: answer }) : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);

    const seen = await page.waitForFunction(() => {
      const text = (el) => el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
      const label = (el) => el.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';
      const badges = [...document.querySelectorAll('email-status-badge')].map(label);
      const out = { stats: text(document.querySelector('campaign-stats')), timeline: text(document.querySelector('status-timeline')), badges };
      return out.stats.includes('Rebonds') && out.timeline.includes('Ouvert') && badges.every(Boolean) ? out : false;
    }, undefined, { timeout: 10_000 }).then((handle) => handle.jsonValue());
    assert.deepEqual(seen.badges, ['Ouvert', 'Envoyé', 'Délivré', 'Rebond définitif'], 'two from the API, one status given, one provider word');
    assert.match(seen.stats, /Envoyés 1 000/);
    assert.match(seen.stats, /95 % des messages pris en charge/);
    assert.match(seen.timeline, /Délivré/);
    assert.ok(asked.includes('/api/estafette/campaigns/cmp-42/stats'), asked.join(', '));
    assert.ok(asked.some((path) => path.startsWith('/api/estafette/messages')), asked.join(', '));

    const heard = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('filter the table by'), timeout: 5_000 });
    await page.evaluate(() => {
      const stats = document.querySelector('campaign-stats');
      stats.shadowRoot.querySelector('[part~="metric"][data-metric="bounced"] [part~="metric-button"]').click();
    });
    const args = await Promise.all((await heard).args().map((arg) => arg.jsonValue()));
    assert.deepEqual(args, ['filter the table by', ['soft-bounced', 'hard-bounced', 'bounced']]);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
