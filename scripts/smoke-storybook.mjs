// After `npm run build-storybook`: serves dist/storybook on 127.0.0.1, opens every story in headless Chromium and
// fails when a story throws, or when one of our elements in it is not registered or renders nothing. It catches what
// the unit tests cannot see: the built Storybook (tree-shaking, preview set-up, MSW worker) being broken.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './chromium-args.mjs';

const ROOT = 'dist/storybook';
const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'];
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png' };

const server = createServer(async (req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(ROOT, path);
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const index = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const failures = [];
try {
  const page = await browser.newPage();
  let errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const story of stories) {
    errors = [];
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
    const problems = await page
      .waitForFunction((tags) => {
        const root = document.querySelector('#storybook-root');
        if (!root || !root.childElementCount) return false;
        const found = [...root.querySelectorAll(tags.join(','))];
        const bad = found.filter((el) => !customElements.get(el.localName) || !el.shadowRoot || (el.localName !== 'status-source' && !el.shadowRoot.childElementCount));
        return bad.length ? false : { count: found.length };
      }, TAGS, { timeout: 10_000 })
      .then((handle) => handle.jsonValue())
      .catch(() => 'an element is not registered or rendered nothing within 10 s');
    if (typeof problems === 'string') failures.push(`${story.id}: ${problems}`);
    for (const message of errors) failures.push(`${story.id}: page error: ${message}`);
  }
} finally {
  await browser.close();
  server.close();
}
for (const failure of failures) console.error(`storybook smoke: ${failure}`);
console.log(`storybook smoke: ${stories.length - new Set(failures.map((f) => f.split(':')[0])).size} passed, ${new Set(failures.map((f) => f.split(':')[0])).size} failed`);
process.exit(failures.length ? 1 : 0);
