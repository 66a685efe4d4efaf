// After `npm run build`: a plain HTML page (test/ship/cdn-page.html: no bundler) loads dist/cdn/estafette.js twice
// plus the npm build (dist/lib) and must show all three elements, with no error or warning; then the loader page, a
// version clash, and a copy served without its explanations chunk. Prints "cdn page: N passed, N failed"; a step
// that hangs is stopped and named (scripts/checks.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.mjs';
import { createChecks } from './checks.mjs';
import { serveStatic } from './static-server.mjs';

const server = await serveStatic();
const NO_EXPLANATIONS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/dist/cdn/estafette.js"></script></head><body>
<email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge>
<campaign-stats channel="email"></campaign-stats>
<script type="module">
  await customElements.whenDefined('campaign-stats');
  document.querySelector('campaign-stats').counts = { sent: 1000, delivered: 950, opened: 400, clicked: 60, hardBounced: 30, softBounced: 20 };
</script></body></html>`;
const url = `${server.origin}/test/ship/cdn-page.html`;

const { check, step, finish } = createChecks('cdn page');

// A chunk importing the file by its plain URL would, on a page that loads `estafette.js?v=2`, fetch and run a
// second copy of the whole kit: chunks must be leaves.
const chunkDir = new URL('../dist/cdn/chunks/', import.meta.url);
const importing = readdirSync(chunkDir)
  .filter((name) => name.endsWith('.js'))
  .filter((name) => /\bfrom\s*["'][^"']*estafette\.js["']|import\(\s*["'][^"']*estafette\.js/.test(readFileSync(new URL(name, chunkDir), 'utf8')));
check('no chunk imports the CDN file (a cache-busting query string would load the kit twice)', importing.length === 0, importing.join(', '));

// The minifier drops the bundled modules' own `@license` comments: each file states the notices of what it bundles.
const head = (path) => readFileSync(path, 'utf8').slice(0, 300);
const floating = readdirSync(chunkDir).find((name) => name.startsWith('floating-ui') && name.endsWith('.js'));
check('the CDN file and the Floating UI chunk carry the license notices of what they bundle',
  /^\/\*! Estafette [\d.]+ \| MIT \|.*Lit.*Copyright Google LLC, BSD-3-Clause \*\//.test(head(new URL('../dist/cdn/estafette.js', import.meta.url))) &&
    floating !== undefined && /^\/\*! Floating UI \| Copyright .* \| MIT \*\//.test(head(new URL(floating, chunkDir))),
  `${head(new URL('../dist/cdn/estafette.js', import.meta.url)).slice(0, 120)} / ${floating}`);
step('launch Chromium');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`); });
  page.on('requestfailed', (request) => problems.push(`failed request: ${request.url()}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  step('the CDN page: the file twice, all three elements');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.ready === 'yes', undefined, { timeout: 10_000 });
  const seen = await page.waitForFunction(() => {
    const text = (id) => document.getElementById(id)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const out = { badge: text('badge'), word: text('provider-word'), stats: text('stats'), timeline: text('timeline') };
    return out.badge && out.word && out.stats.includes('95') && out.timeline.includes('Opened') ? out : false;
  }, undefined, { timeout: 10_000 }).then((h) => h.jsonValue()).catch(() => undefined);
  check('all three elements render from the CDN file', seen !== undefined, JSON.stringify(seen));
  check('the badge shows its label', seen?.badge.includes('Soft bounce') ?? false, seen?.badge);
  check('a provider word is mapped', seen?.word.includes('Hard bounce') ?? false, seen?.word);
  check('the stats show a rate with its denominator', seen?.stats.includes('95% of messages taken on') ?? false, seen?.stats);
  check('the timeline lists the events', seen?.timeline.includes('Delivered') ?? false, seen?.timeline);
  step('the CDN page: chunks fetched beside the file');
  const german = await page.waitForFunction(() => {
    const text = document.getElementById('german')?.shadowRoot?.textContent?.trim() ?? '';
    return text || false;
  }, undefined, { timeout: 10_000 }).then((h) => h.jsonValue()).catch(() => undefined);
  const chunks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/dist/cdn/chunks/')));
  // What the page uses and nothing more: German (the German badge), the provider words (a badge given a provider),
  // the English explanations (the English stats and timeline show indicator help and status meanings) and the
  // English texts of those two panels (indicator names, stages).
  const fetched = chunks.map((url) => url.split('/').pop().replace(/-[\w-]{8}\.js$/, '')).sort();
  check('the German badge, a provider word and the explanations fetch their chunks from beside the CDN file, and only those',
    german === 'Zugestellt' && JSON.stringify(fetched) === JSON.stringify(['de', 'en-explanations', 'en-panels', 'map-status']), `${german} / ${fetched.join(', ')}`);
  step('the CDN page: addMessages() from either copy');
  const reworded = await page.evaluate(async () => {
    // Whichever copy the page imports, its wording reaches the elements the other copy defined.
    const copies = [await import('/dist/cdn/estafette.js'), await import('/dist/cdn/estafette.js?second-copy')];
    copies[1].addMessages('en', { 'status.delivered.label': 'Handed over' });
    const badge = document.body.appendChild(document.createElement('email-status-badge'));
    badge.setAttribute('status', 'delivered');
    await badge.updateComplete;
    const text = badge.shadowRoot.textContent.trim();
    copies[0].removeAddedMessages();
    await badge.updateComplete;
    return [copies[0] !== copies[1], text, badge.shadowRoot.textContent.trim()];
  });
  check('addMessages() from either copy of the file rewords the elements', reworded[0] && reworded[1] === 'Handed over' && reworded[2] === 'Delivered', JSON.stringify(reworded));
  step('the CDN page: the npm copy beside the file');
  const npm = await page.evaluate(async () => {
    const lib = await import('/dist/lib/index.js');
    const cdn = await import('/dist/cdn/estafette.js');
    return {
      loaded: performance.getEntriesByType('resource').some((e) => e.name.endsWith('/dist/lib/define.js')),
      versions: [lib.VERSION, cdn.VERSION],
      badgeClassFromCdn: customElements.get('email-status-badge') === cdn.EmailStatusBadgeElement,
    };
  }).catch((error) => ({ error: error.message }));
  check('the npm copy loads beside the two CDN copies, same version, the first registration kept', Boolean(npm.loaded && npm.versions[0] === npm.versions[1] && npm.badgeClassFromCdn), JSON.stringify(npm));
  const fromNpm = await page.waitForFunction(() => document.getElementById('from-npm')?.shadowRoot?.querySelector('[part~="label"]')?.textContent || false, undefined, { timeout: 10_000 }).then((h) => h.jsonValue()).catch(() => undefined);
  check('the default source set through the npm copy reaches an element the CDN file defined', fromNpm === 'Clicked', String(fromNpm));
  check('the file twice plus the npm copy raise no error and no warning', problems.length === 0, problems.join('; '));
  // Each copy has its own DataSourceError class: an element the CDN file defined must understand the npm copy's
  // 404 (not found, not retried), as it did not before (audit F: "an unexpected error occurred", retried for ever).
  step('the CDN page: an error thrown by the npm copy');
  const across = await page.evaluate(async () => {
    const lib = await import('/dist/lib/index.js');
    const cdn = await import('/dist/cdn/estafette.js');
    const stats = document.body.appendChild(document.createElement('campaign-stats'));
    stats.setAttribute('campaign-id', 'nope');
    // The npm copy's StaticDataSource answers an unknown campaign with its own DataSourceError (HTTP 404).
    stats.source = new lib.StaticDataSource({ events: [] });
    const deadline = Date.now() + 10_000;
    while (!stats.shadowRoot?.querySelector('.error') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const said = stats.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim();
    const retry = Boolean(stats.shadowRoot?.querySelector('.retry'));
    stats.remove();
    return {
      both: new lib.DataSourceError('x', { kind: 'http', status: 404 }) instanceof cdn.DataSourceError && new cdn.DataSourceError('x', { kind: 'http', status: 404 }) instanceof lib.DataSourceError,
      said,
      retry,
    };
  }).catch((error) => ({ error: error.message }));
  check('a DataSourceError of the npm copy is one for the CDN file, and the other way round', across.both === true, JSON.stringify(across));
  check("the npm copy's 404 makes stats the CDN file defined say not found, with nothing to retry",
    Boolean(across.said?.includes('No campaign was found') && !across.retry), JSON.stringify(across));
  step('the version clash page');
  const clash = await browser.newPage();
  const warnings = [];
  const errors = [];
  clash.on('pageerror', (error) => errors.push(error.message));
  clash.on('console', (message) => (message.type() === 'warning' ? warnings : message.type() === 'error' ? errors : []).push(message.text()));
  await clash.goto(url.replace('cdn-page.html', 'cdn-clash-page.html'), { waitUntil: 'load' });
  await clash.waitForFunction(() => document.body.dataset.ready === 'yes', undefined, { timeout: 10_000 }).catch(() => undefined);
  const warning = warnings.find((w) => w.includes('<email-status-badge>'));
  check('a version clash warns, naming both versions, and throws nothing', Boolean(warning?.includes('0.0.1-other') && warning.includes('0.1.0')) && errors.length === 0, `${warnings.join('; ')} | ${errors.join('; ')}`);
  check('the other elements still register beside the other copy', await clash.evaluate(() => Boolean(customElements.get('status-timeline')?.prototype.render)));
  step('the loader page');
  const lazy = await browser.newPage();
  const kitRequests = [];
  lazy.on('request', (request) => { if (request.url().includes('/dist/cdn/estafette.js')) kitRequests.push(request.url()); });
  await lazy.goto(url.replace('cdn-page.html', 'loader-page.html'), { waitUntil: 'load' });
  await lazy.waitForTimeout(300);
  check('the loader fetches nothing while no tag is on the page', kitRequests.length === 0 && !(await lazy.evaluate(() => Boolean(customElements.get('email-status-badge')))), kitRequests.join(', '));
  await lazy.evaluate(() => document.body.insertAdjacentElement('beforeend', Object.assign(document.createElement('div'), { id: 'later' })).append(Object.assign(document.createElement('email-status-badge'), { status: 'delivered' })));
  const lazyLabel = await lazy.waitForFunction(() => document.querySelector('email-status-badge')?.shadowRoot?.textContent?.trim() || false, undefined, { timeout: 10_000 }).then((h) => h.jsonValue()).catch(() => undefined);
  check('the loader registers the elements once a tag appears', String(lazyLabel).includes('Delivered') && kitRequests.length === 1, `${lazyLabel} / ${kitRequests.length} requests`);

  // load(): the kit at once, for a page about to need it, with no tag yet; fetched once however often it is called.
  step('the loader page, load()');
  const eager = await browser.newPage();
  const eagerRequests = [];
  eager.on('request', (request) => { if (request.url().includes('/dist/cdn/estafette.js')) eagerRequests.push(request.url()); });
  await eager.goto(url.replace('cdn-page.html', 'loader-page.html'), { waitUntil: 'load' });
  const defined = await eager
    .evaluate(async () => {
      const { load } = await import('/dist/cdn/estafette-loader.js');
      const before = Boolean(customElements.get('email-status-badge'));
      await Promise.all([load(), load()]);
      await load();
      return { before, after: ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'].filter((tag) => customElements.get(tag)) };
    })
    .catch((error) => ({ error: String(error) }));
  check(
    'load() fetches the kit once, with no tag on the page, and resolves with every element registered',
    defined.before === false && defined.after?.length === 4 && eagerRequests.length === 1,
    `${JSON.stringify(defined)} / ${eagerRequests.length} requests`,
  );
  await eager.close();

  // Tags inside the page's own components (test/ship/loader-shadow-page.html): found in open shadow roots, whether
  // there when the loader starts or rendered later, and in a closed one only once it is handed over with discover().
  for (const [kase, expected] of [
    ['open-now', 'found at start'],
    ['open-later', 'found when added'],
    ['new-card', 'found when added'],
    ['closed', 'not found'],
    ['closed-discovered', 'found when added'],
    ['defined-later', 'found at start'],
    ['defined-later-empty', 'found when added'],
  ]) {
    step(`the loader page, tags in shadow roots: ${kase}`);
    const shadowPage = await browser.newPage();
    const requested = [];
    shadowPage.on('request', (request) => { if (request.url().includes('/dist/cdn/estafette.js')) requested.push(request.url()); });
    await shadowPage.goto(`${url.replace('cdn-page.html', 'loader-shadow-page.html')}?case=${kase}`, { waitUntil: 'load' });
    const started = await shadowPage.waitForFunction(() => document.body.dataset.ready === 'yes', undefined, { timeout: 10_000 }).then(() => true, () => false);
    if (!started) {
      check(`the loader page with tags in shadow roots starts (${kase})`, false, 'no data-ready: the page could not import { discover } from the loader?');
      await shadowPage.close();
      continue;
    }
    await shadowPage.waitForTimeout(300);
    const atStart = requested.length;
    if (kase !== 'open-now') await shadowPage.evaluate(() => window.addBadgeLater());
    const label = await shadowPage
      .waitForFunction(() => window.cardRoot.querySelector('email-status-badge')?.shadowRoot?.textContent?.trim() || false, undefined, { timeout: expected === 'not found' ? 1_000 : 10_000 })
      .then((h) => h.jsonValue(), () => undefined);
    const seen = `${atStart} request(s) at start, ${requested.length} in all, badge: ${label}`;
    if (expected === 'found at start') check(`the loader finds a tag in an open shadow root at start (${kase})`, atStart === 1 && requested.length === 1 && label === 'Delivered', seen);
    else if (expected === 'found when added') check(`the loader fetches nothing, then the kit once a tag is added inside a shadow root (${kase})`, atStart === 0 && requested.length === 1 && label === 'Delivered', seen);
    else check('the loader cannot see into a closed shadow root not handed to discover() (the documented limit)', atStart === 0 && requested.length === 0 && label === undefined, seen);
    await shadowPage.close();
  }

  // The explanations chunk missing (a copy of the file served without chunks/): everything still renders, with
  // labels and without explanations (never their keys), and one warning says why.
  step('a copy without its explanations chunk');
  const noChunks = await serveStatic({
    pages: { '/no-explanations.html': NO_EXPLANATIONS_PAGE },
    file: (path) => (path.includes('/chunks/en-explanations-') ? '/nonexistent' : undefined),
  });
  const bare = await browser.newPage();
  try {
    const bareWarnings = [];
    const bareErrors = [];
    bare.on('pageerror', (error) => bareErrors.push(error.message));
    bare.on('console', (message) => {
      if (message.type() === 'warning') bareWarnings.push(message.text());
      // The 404 of the missing chunk is what this page is about; any other error counts.
      if (message.type() === 'error' && !message.text().includes('404')) bareErrors.push(message.text());
    });
    await bare.goto(`${noChunks.origin}/no-explanations.html`, { waitUntil: 'load' });
    // Waited for with a plain predicate: an async one returns a promise, which Playwright takes as truthy at once,
    // so the check read whatever the first poll saw (false on a loaded machine).
    const ready = await bare
      .waitForFunction(() => (document.querySelector('campaign-stats')?.shadowRoot?.textContent ?? '').includes('95%'), undefined, { timeout: 10_000 })
      .then(() => true, () => false);
    const shown = ready
      ? await bare.evaluate(async () => {
          const stats = document.querySelector('campaign-stats');
          const badge = document.querySelector('email-status-badge');
          const statsText = stats.shadowRoot.textContent.replace(/\s+/g, ' ');
          await badge.showTooltip();
          const tip = badge.shadowRoot.querySelector('[role="tooltip"]');
          return { statsText, tipOpen: tip.matches(':popover-open'), tipText: tip.textContent.replace(/\s+/g, ' ') };
        })
      : { error: 'the stats never showed 95% within 10 s' };
    const keyShown = /\b(metric|status|reason)\.[\w-]+\.(help|meaning|caveat|explanation)\b/;
    check('without the explanations chunk, stats and badge still render, with labels and no explanation keys',
      Boolean(shown?.statsText && shown.tipOpen && shown.tipText.includes('Soft bounce') && !keyShown.test(shown.statsText + shown.tipText)
        && !shown.tipText.includes('What it means')),
      JSON.stringify(shown));
    const explained = bareWarnings.filter((w) => w.includes('"en" explanations could not be loaded; labels are shown without them.'));
    check('without the explanations chunk, one warning says why, and nothing throws',
      explained.length === 1 && bareErrors.length === 0, `${bareWarnings.join('; ')} | ${bareErrors.join('; ')}`);
  } finally {
    // The page first: an open page holds a connection to the server, which close() would otherwise wait on.
    await bare.close();
    await noChunks.close();
  }
} finally {
  step('close Chromium');
  await browser.close();
  server.close();
}
finish();
