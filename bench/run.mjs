// npm run bench: builds the benchmark page (production Lit), opens it in Debian's headless Chromium, runs every
// scenario after a warm-up, prints median, spread and the ratio to the baseline measured in the same page, writes
// bench/RESULTS.md, and exits 1 when an exact budget (nodes, rows, tooltips, formatters, bytes) is missed.
// Timings are printed, never asserted: this machine is shared and noisy. `--no-fail` always exits 0.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/chromium-args.mjs';

const RUNS = 5;
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
run('npx', ['vite', 'build', '--config', 'bench/vite.config.ts']);
run('npm', ['run', '-s', 'build:cdn']);

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  const path = normalize(new URL(req.url ?? '/', 'http://x').pathname).replace(/^(\.\.[/\\])+/, '');
  try {
    const body = await readFile(join('dist/bench', path === '/' ? 'index.html' : path));
    res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
});
const version = browser.version();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => document.body.dataset.ready === 'yes');
const call = (name, ...args) => page.evaluate(([n, a]) => window.bench[n](...a), [name, args]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;
async function repeat(runs, fn) {
  await fn(); // warm-up
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

const rows = [];
const checks = [];
const row = (scenario, measure, value, baseline, target) => rows.push({ scenario, measure, value, baseline, target });
const check = (name, ok, detail) => checks.push({ name, ok, detail });

// 1. 10,000 badges against plain spans, alternating so both see the same machine load.
const spanRuns = [];
const badgeRuns = [];
await call('spans', 10_000);
await call('badges', 10_000);
for (let i = 0; i < RUNS; i++) {
  spanRuns.push(await call('spans', 10_000));
  badgeRuns.push(await call('badges', 10_000));
}
const spanMs = spanRuns.map((r) => r.ms);
const badgeMs = badgeRuns.map((r) => r.ms);
const extraBytes = (median(badgeRuns.map((r) => r.bytes)) - median(spanRuns.map((r) => r.bytes))) / 10_000;
const nodes = median(badgeRuns.map((r) => r.nodes));
row('1. 10,000 badges', 'insert → painted (ms)', `${median(badgeMs).toFixed(1)} (${spread(badgeMs)})`, `${median(spanMs).toFixed(1)} (${spread(spanMs)}) spans`, `ratio ${(median(badgeMs) / median(spanMs)).toFixed(2)}x, target ≤ 1.5x`);
row('1. 10,000 badges', 'extra JS heap per badge', `${(extraBytes / 1024).toFixed(2)} KB`, 'spans', '≤ 1.5 KB');
row('1. 10,000 badges', 'shadow nodes per badge', String(nodes), '', '≤ 12');
row('1. 10,000 badges', 'heap left after removal', `${(median(badgeRuns.map((r) => r.afterRemoval)) / 1024).toFixed(0)} KB`, '', 'back to baseline');
check('badge: at most 12 DOM nodes each', nodes <= 12, `${nodes}`);
check('badge: no tooltip DOM before hover or focus', badgeRuns.every((r) => r.tooltips === 0), `${badgeRuns.map((r) => r.tooltips)}`);
check('badge: Intl formatters do not grow with the badge count (≤ 4 for 10,000 badges)', badgeRuns.every((r) => r.formatters <= 4), `${badgeRuns.map((r) => r.formatters)}`);

// 3. Tooltip: from showTooltip() (what focus calls once the delay is over) to visible.
const tips = (await repeat(10, () => call('tooltip'))).map((r) => r.ms);
row('3. tooltip', 'show → visible (ms)', `${median(tips).toFixed(1)} (${spread(tips)})`, '', '≤ 16 ms (one frame) after the delay');

// 4. Timeline of 10,000 events against 100.
const small = await repeat(RUNS, () => call('timeline', 100));
const large = await repeat(RUNS, () => call('timeline', 10_000));
const maxRows = Math.max(...large.map((r) => r.rows));
row('4. timeline', 'first render (ms)', `${median(large.map((r) => r.ms)).toFixed(1)} (10,000 events)`, `${median(small.map((r) => r.ms)).toFixed(1)} (100 events)`, `ratio ${(median(large.map((r) => r.ms)) / median(small.map((r) => r.ms))).toFixed(2)}x, target ≤ 2x`);
row('4. timeline', 'rendered rows in 600 px', String(maxRows), '', '≤ 70');
check('timeline: at most 70 rows for 10,000 events in 600 px', maxRows <= 70, `${maxRows}`);

// 5. Aggregation of 100,000 and 1,000,000 events.
for (const messages of [10_000, 100_000]) {
  const runs = await repeat(messages > 10_000 ? 2 : 3, () => call('aggregation', messages));
  const ms = runs.map((r) => r.ms);
  const naive = runs.map((r) => r.naiveMs);
  row('5. aggregate', `${runs[0].events.toLocaleString('en')} events (ms)`, `${median(ms).toFixed(0)} (${spread(ms)})`, `${median(naive).toFixed(0)} naive`, `ratio ${(median(ms) / median(naive)).toFixed(2)}x, target ≤ 0.25x and < 300 ms at 1M`);
}

// 6. Bundle.
const cdnGzip = gzipSync(readFileSync('dist/cdn/estafette.js'), { level: 9 }).length;
row('6. bundle', 'CDN file gzip', `${(cdnGzip / 1024).toFixed(1)} KB`, '', '≤ 40 KB');
check('bundle: CDN file ≤ 40 KB gzip', cdnGzip <= 40 * 1024, `${(cdnGzip / 1024).toFixed(1)} KB`);

await browser.close();
server.close();

const table = [
  '| scenario | measure | Estafette | baseline | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.scenario} | ${r.measure} | ${r.value} | ${r.baseline} | ${r.target} |`),
].join('\n');
const budget = checks.map((c) => `- ${c.ok ? 'PASS' : 'FAIL'} ${c.name} (${c.detail})`).join('\n');
console.log(table);
console.log(budget);
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, Chromium ${version}`;
await writeFile('bench/RESULTS.md', `# Benchmark results\n\nWritten by \`npm run bench\` on ${new Date().toISOString()}: ${machine}.\nMedians of ${RUNS} runs after a warm-up (min–max in brackets); baselines measured in the same page and run.\n\n${table}\n\nExact budgets:\n\n${budget}\n`);
const failed = checks.filter((c) => !c.ok).length;
console.log(`bench budgets: ${checks.length - failed} passed, ${failed} failed`);
process.exit(failed && !process.argv.includes('--no-fail') ? 1 : 0);
