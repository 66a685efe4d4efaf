// npm run bench: builds the benchmark page (production Lit), opens it in Debian's headless Chromium, runs every
// scenario after a warm-up, prints median, spread and the ratio to the baseline measured in the same page, writes
// bench/RESULTS.md, and exits 1 when an exact budget (nodes, rows, requests, ids, tooltips, formatters, heap
// bytes, gzip bytes) is missed. Timings are printed against their targets, never asserted: this machine is shared
// and noisy. `--no-fail` always exits 0 (the CDN file is known to miss its 40 KB target today).
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import os from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { chromium } from 'playwright-core';
import { bundleLikeCdn, gzip } from '../scripts/bundle-size.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../scripts/browsers.mjs';
import { serveStatic } from '../scripts/static-server.mjs';

const RUNS = 5;
const TIMELINE_RUNS = 3 * RUNS;
// `--only=1,3`: just those scenarios (while working on one); the budgets of the others are then not checked, and
// bench/RESULTS.md is not rewritten.
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice(7).split(',');
const wanted = (n) => !only || only.includes(String(n));
const began = performance.now();
const quiet = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
quiet('npx', ['vite', 'build', '--config', 'bench/vite.config.ts']);
quiet('npm', ['run', '-s', 'build:cdn']);

// ---------------------------------------------------------------------------------------------------------------
// The page, served on 127.0.0.1 (a secure context, so the MSW service worker can start).
const server = await serveStatic({ root: 'dist/bench' });
const { port } = new URL(server.origin);

const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS, // includes --expose-gc and precise memory figures
});
const version = browser.version();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
page.on('crash', () => console.error('bench: the page crashed'));
page.on('close', () => closing || console.error('bench: the page closed'));
page.on('framenavigated', (frame) => frame === page.mainFrame() && frame.url() !== `http://127.0.0.1:${port}/` && console.error(`bench: the page navigated to ${frame.url()}`));
let closing = false;
browser.on('disconnected', () => closing || console.error('bench: the browser is gone'));
await page.goto(`http://127.0.0.1:${port}/`);
await page.waitForFunction(() => document.body.dataset.ready === 'yes');
// A scenario that never settles must fail the run, not hang it (the tooltip scenario once waited forever for an
// event it had missed, until something outside killed the run and Playwright reported the page as closed).
const CALL_TIMEOUT = 180_000;
const call = async (name, ...args) => {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`bench: ${name}(${args.join(', ')}) did not settle in ${CALL_TIMEOUT / 1000} s`)), CALL_TIMEOUT);
  });
  try {
    return await Promise.race([page.evaluate(([n, a]) => window.bench[n](...a), [name, args]), timeout]);
  } finally {
    clearTimeout(timer);
  }
};

// ---------------------------------------------------------------------------------------------------------------
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const fmt = (x, digits = 1) => x.toFixed(digits);
const stat = (xs, digits = 1) => `${fmt(median(xs), digits)} (${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)})`;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
/** Warm-up, then `runs` measured calls. */
async function repeat(runs, fn) {
  await fn();
  const out = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

const rows = [];
const checks = [];
const row = (scenario, measure, value, baseline, ratio, target) => rows.push({ scenario, measure, value, baseline, ratio, target });
/** A timing target: printed with its verdict, never failing the run. */
const aim = (ok) => (ok ? 'met' : 'missed');
/** An exact budget: a miss fails the run. */
const check = (name, ok, detail) => checks.push({ name, ok, detail });
const progress = (what) => console.error(`bench: ${what} (${((performance.now() - began) / 1000).toFixed(0)} s)`);

// 6b. Intl formatters, first, while the page's formatter cache is cold.
const intlCold = wanted(6) ? (progress('Intl formatters'), await call('formatters', 10_000)) : undefined;
const intlWarm = wanted(6) ? await call('formatters', 10_000) : undefined;

// 1. 10,000 badges against plain spans, alternating so both see the same machine load (scenario 2 compares with it).
// Scenario 2 is compared with scenario 1: with `--only=2`, scenario 1 runs once (after its warm-up) for that.
const runs1 = wanted(1) ? RUNS : wanted(2) ? 1 : 0;
const spanRuns = [];
const iconSpanRuns = [];
const elementRuns = [];
const plainMarkupRuns = [];
const litMarkupRuns = [];
const badgeRuns = [];
if (runs1) {
  progress('1. 10,000 badges');
  await call('spans', 10_000);
  await call('spans', 10_000, true);
  if (wanted(1)) await call('plainElements', 10_000);
  if (wanted(1)) await call('markupElements', 10_000, false);
  if (wanted(1)) await call('markupElements', 10_000, true);
  await call('badges', 10_000);
}
for (let i = 0; i < runs1; i++) {
  spanRuns.push(await call('spans', 10_000));
  if (wanted(1)) iconSpanRuns.push(await call('spans', 10_000, true));
  if (wanted(1)) elementRuns.push(await call('plainElements', 10_000));
  if (wanted(1)) plainMarkupRuns.push(await call('markupElements', 10_000, false));
  if (wanted(1)) litMarkupRuns.push(await call('markupElements', 10_000, true));
  badgeRuns.push(await call('badges', 10_000));
}
const spanMs = spanRuns.map((r) => r.ms);
const badgeMs = badgeRuns.map((r) => r.ms);
const badgeRatio = median(badgeMs) / median(spanMs);
const extraPerBadge = (median(badgeRuns.map((r) => r.bytes)) - median(spanRuns.map((r) => r.bytes))) / 10_000;
const nodes = Math.max(...badgeRuns.map((r) => r.nodes));
const leftPerBadge = (median(badgeRuns.map((r) => r.afterRemoval)) - median(spanRuns.map((r) => r.afterRemoval))) / 10_000;
if (wanted(1)) {
// Two baselines, both printed: spans with the label only, and spans that also draw the badge's icon (an SVG path),
// i.e. the same visible content. The badge's icon alone is most of the style and layout difference.
const iconSpanMs = iconSpanRuns.map((r) => r.ms);
const iconRatio = median(badgeMs) / median(iconSpanMs);
row('1. 10,000 badges', 'insert → painted (ms)', stat(badgeMs), `${stat(spanMs)} spans, label only`, `${fmt(badgeRatio, 2)}x`, `≤ 1.5x: ${aim(badgeRatio <= 1.5)}`);
row('1. 10,000 badges', 'insert → painted (ms), same icon in the baseline', stat(badgeMs), `${stat(iconSpanMs)} spans with the badge's SVG icon`, `${fmt(iconRatio, 2)}x`, `≤ 1.5x: ${aim(iconRatio <= 1.5)}`);
// A third, for reading the two above: the same icon and label in a hand-written custom element with a shadow root
// each (no Lit). Its ratio to the icon spans is what shadow DOM and custom elements cost by themselves, a floor
// for any badge built on them; the badge's ratio to it is Lit's and the badge's own share.
const elementMs = elementRuns.map((r) => r.ms);
const floorRatio = median(elementMs) / median(iconSpanMs);
row('1. 10,000 badges', 'insert → painted (ms), same icon and a shadow root in the baseline', stat(badgeMs), `${stat(elementMs)} hand-written custom elements (${fmt(floorRatio, 2)}x the icon spans)`, `${fmt(median(badgeMs) / median(elementMs), 2)}x`, '');
// Two more, to say where the rest goes: the badge's own markup and stylesheets drawn by a hand-written custom
// element and by a minimal LitElement (no language lookup, no data source, no tooltip listeners). Each ratio is one
// share: hand-written with the badge's markup vs the icon-span elements, the markup and its styles; minimal
// LitElement vs hand-written, Lit; the badge vs the minimal LitElement, the badge's own code.
const plainMarkupMs = plainMarkupRuns.map((r) => r.ms);
const litMarkupMs = litMarkupRuns.map((r) => r.ms);
row('1. 10,000 badges', 'insert → painted (ms), the badge\'s own markup and styles, hand-written', stat(badgeMs), `${stat(plainMarkupMs)} hand-written custom elements (${fmt(median(plainMarkupMs) / median(iconSpanMs), 2)}x the icon spans, ${fmt(median(plainMarkupMs) / median(elementMs), 2)}x the hand-written ones above)`, `${fmt(median(badgeMs) / median(plainMarkupMs), 2)}x`, '');
row('1. 10,000 badges', 'insert → painted (ms), the badge\'s own markup and styles in a minimal LitElement', stat(badgeMs), `${stat(litMarkupMs)} minimal LitElements (${fmt(median(litMarkupMs) / median(iconSpanMs), 2)}x the icon spans, ${fmt(median(litMarkupMs) / median(plainMarkupMs), 2)}x the same markup by hand)`, `${fmt(median(badgeMs) / median(litMarkupMs), 2)}x`, '');
const markupDifferences = await call('sameMarkup');
check('baselines: the markup baselines draw exactly what the badge draws, for every status', markupDifferences.length === 0, markupDifferences.length ? markupDifferences[0].slice(0, 600) : 'same');
const baselineRuns = [...spanRuns, ...iconSpanRuns, ...elementRuns, ...plainMarkupRuns, ...litMarkupRuns];
check('baselines: every span and hand-written custom element drawn', baselineRuns.every((r) => r.drawn === 10_000), baselineRuns.map((r) => r.drawn).join(','));
row('1. 10,000 badges', 'extra JS heap per badge', kb(extraPerBadge), `${kb(median(spanRuns.map((r) => r.bytes)) / 10_000)} per span`, '', '≤ 1.5 KB');
row('1. 10,000 badges', 'DOM nodes per badge (host + shadow)', String(nodes), '', '', '≤ 12');
row('1. 10,000 badges', 'heap left after removal, per badge', `${fmt(leftPerBadge, 0)} B`, `${fmt(median(spanRuns.map((r) => r.afterRemoval)) / 1024, 0)} KB after spans`, '', 'back to baseline (≤ 64 B)');
check('badge: extra JS heap ≤ 1.5 KB per badge', extraPerBadge <= 1536, kb(extraPerBadge));
check('badge: at most 12 DOM nodes each', nodes <= 12, `${nodes}`);
check('badge: no tooltip DOM before hover or focus', badgeRuns.every((r) => r.tooltips === 0), badgeRuns.map((r) => r.tooltips).join(','));
check('badge: one shared stylesheet set for all badges', badgeRuns.every((r) => r.sheets <= 3), badgeRuns.map((r) => r.sheets).join(','));
check('badge: heap back to baseline after removal (≤ 64 B per badge left)', leftPerBadge <= 64, `${fmt(leftPerBadge, 0)} B`);
check('badge: every removed table of badges garbage-collected', badgeRuns.every((r) => r.collected) && spanRuns.every((r) => r.collected), `badges ${badgeRuns.map((r) => (r.collected ? 'yes' : 'no')).join(',')}; spans ${spanRuns.map((r) => (r.collected ? 'yes' : 'no')).join(',')}`);
}

// 2. 10,000 badges by message id (8,000 unique) through RestDataSource on the MSW mock API.
if (wanted(2)) {
  progress('2. 10,000 badges by message-id');
  const UNIQUE = 8_000;
  const BATCH = 500;
  const restRuns = await repeat(3, () => call('restBadges', 10_000, UNIQUE));
  const restMs = restRuns.map((r) => r.ms);
  const restRatio = median(restMs) / median(badgeMs);
  const expected = Math.ceil(UNIQUE / BATCH);
  const last = restRuns.at(-1);
  row('2. by message-id', 'insert → all statuses painted (ms)', stat(restMs), `${stat(badgeMs)} scenario 1`, `${fmt(restRatio, 2)}x`, `< 2x: ${aim(restRatio < 2)}`);
  row('2. by message-id', 'first request sent / last sent / last answered (ms)', `${stat(restRuns.map((r) => r.firstSent), 0)} / ${stat(restRuns.map((r) => r.lastSent), 0)} / ${stat(restRuns.map((r) => r.lastAnswered), 0)}`, '', '', '');
  row('2. by message-id', 'lookup requests / ids asked', `${last.requests} / ${last.idsAsked} (${last.idsUnique} distinct; ${last.perRequest.join(', ')} per request)`, `${UNIQUE} unique ids`, '', `${expected} / ${UNIQUE}`);
  const hidden = await call('hiddenTab', 50, 200);
  row('2. by message-id', 'poll requests (200 ms polls): visible / hidden / shown again', `${hidden.visible} / ${hidden.whileHidden} / ${hidden.afterShown}`, '', '', '0 while hidden');
  check(`rest: one request per ${BATCH} unique ids (${expected} for ${UNIQUE})`, restRuns.every((r) => r.requests === expected), restRuns.map((r) => r.requests).join(','));
  check('rest: every id asked for exactly once', restRuns.every((r) => r.idsAsked === UNIQUE && r.idsUnique === UNIQUE && r.missing === 0), restRuns.map((r) => `${r.idsAsked} asked, ${r.idsUnique} distinct, ${r.missing} never`).join('; '));
  check('rest: every badge shows its status, or "not found" for an id the API lacks', restRuns.every((r) => r.loading === 0 && r.notFound === r.expectedNotFound), restRuns.map((r) => `${r.loading} loading, ${r.notFound} not found of ${r.expectedNotFound} absent`).join('; '));
  check('rest: no request while the tab is hidden', hidden.whileHidden === 0, `${hidden.whileHidden}${hidden.hiddenUrls.length ? ` (${hidden.hiddenUrls.join(', ')})` : ''}`);
}

// 3. Tooltip: keyboard focus opens it at once; hover after the 300 ms delay.
if (wanted(3)) {
  progress('3. tooltip');
  const focusRuns = await repeat(10, () => call('tooltip', 'focus'));
  const hoverRuns = await repeat(5, () => call('tooltip', 'hover'));
  const focusFrames = Math.max(...focusRuns.map((r) => r.framesBeforeOpen));
  row('3. tooltip', 'keyboard focus → open (ms of script)', stat(focusRuns.map((r) => r.toOpen)), '', '', '');
  row('3. tooltip', 'keyboard focus → first frame showing it (ms)', stat(focusRuns.map((r) => r.ms)), '', '', `next frame (≤ 16.7 ms): ${aim(focusFrames === 0)}`);
  const hoverOpen = hoverRuns.map((r) => r.toOpen - 300);
  const hoverPaint = hoverRuns.map((r) => r.ms - 300);
  // The delay ends anywhere within a frame (here at a frame's start: 300 ms is 18 frames at 60 Hz, and each run starts
  // right after a frame), so "shown minus the delay" is the open time plus 0 to 16.7 ms of waiting for the next frame.
  // What the tooltip controls is opening before that next frame, and the paint on it.
  row('3. tooltip', 'hover → open, minus the 300 ms delay (ms)', stat(hoverOpen), '', '', `before the next frame (< 16.7 ms): ${aim(median(hoverOpen) < 16.7)}`);
  row('3. tooltip', 'hover → first frame showing it, minus the delay (ms)', stat(hoverPaint), '', '', `the frame after the open (≤ 16.7 ms + open): ${aim(median(hoverPaint) <= 16.7 + median(hoverOpen) + 1)}`);
}

// 4. Timeline of 10,000 events against 100.
if (wanted(4)) {
progress('4. timeline');
// Alternating, like scenario 1, so that both see the same machine load; each render takes tens of milliseconds,
// as long as this machine's hiccups, so it gets three times the runs of the other scenarios.
await call('timeline', 100);
await call('timeline', 10_000);
const small = [];
const large = [];
for (let i = 0; i < TIMELINE_RUNS; i++) {
  small.push(await call('timeline', 100));
  large.push(await call('timeline', 10_000));
}
const maxRows = Math.max(...large.map((r) => r.rows));
const smallRows = Math.max(...small.map((r) => r.rows));
const timelineRatio = median(large.map((r) => r.ms)) / median(small.map((r) => r.ms));
row('4. timeline', 'first render, 10,000 events (ms)', stat(large.map((r) => r.ms)), `${stat(small.map((r) => r.ms))} 100 events`, `${fmt(timelineRatio, 2)}x`, `≤ 2x: ${aim(timelineRatio <= 2)}`);
row('4. timeline', 'rendered rows in 600 px', `${maxRows} (10,000 events)`, `${smallRows} (100 events)`, '', '≤ 70');
check('timeline: at most 70 rows for 10,000 events in 600 px', maxRows <= 70, `${maxRows}`);
}

// 5. Aggregation of 100,000 and 1,000,000 events (10 per message).
if (wanted(5)) {
progress('5. aggregate');
const aggregates = [];
for (const messages of [10_000, 100_000]) {
  const runs = await repeat(3, () => call('aggregation', messages));
  const ms = runs.map((r) => r.ms);
  const naive = runs.map((r) => r.naiveMs);
  const ratio = median(ms) / median(naive);
  aggregates.push({ events: runs[0].events, ms: median(ms) });
  const target = messages === 100_000 ? `≤ 0.25x and < 300 ms: ${aim(ratio <= 0.25 && median(ms) < 300)}` : '≤ 0.25x';
  row('5. aggregate', `${runs[0].events.toLocaleString('en')} events (ms)`, stat(ms, 0), `${stat(naive, 0)} naive`, `${fmt(ratio, 2)}x`, target);
}
const [agg100k, agg1m] = aggregates;
const scaling = agg1m.ms / agg100k.ms;
row('5. aggregate', 'time 1M ÷ time 100k', fmt(scaling, 1), '', '', `linear: ≈ 10 (${aim(scaling <= 13)})`);
}

closing = true;
await browser.close();
server.close();

// 6. Bundle: the CDN file, and each element alone built the same way (Lit bundled, minified).
let contributors = '';
if (wanted(6)) {
progress('6. bundle');
const CDN_TARGET = 40 * 1024;
const cdnGzip = gzip(readFileSync('dist/cdn/estafette.js'));
row('6. bundle', 'CDN file (dist/cdn/estafette.js) gzip', kb(cdnGzip), '', '', '≤ 40 KB (ship issue)');
check('bundle: CDN file ≤ 40 KB gzip', cdnGzip <= CDN_TARGET, kb(cdnGzip));
const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
for (const [entry, limits] of Object.entries(budget.entries)) {
  const size = gzip((await bundleLikeCdn(entry)).code);
  const name = entry.replace(/^src\/elements\/(.*)\/define\.ts$/, '$1');
  row('6. bundle', `${name} alone (define, Lit included) gzip`, kb(size), '', '', `≤ ${kb(limits.max)} (size-budget.json)`);
  check(`bundle: ${name} alone ≤ ${kb(limits.max)} gzip`, size <= limits.max, kb(size));
}
const whole = await bundleLikeCdn('src/cdn.ts');
const byPart = new Map();
for (const [id, info] of Object.entries(whole.modules)) {
  const path = relative(process.cwd(), id.replace(/^\0/, ''));
  const segments = path.split('/');
  const part = path.startsWith('node_modules/')
    ? segments.slice(1, segments[1]?.startsWith('@') ? 3 : 2).join('/')
    : segments.slice(0, path.startsWith('src/elements/') || path.startsWith('src/i18n/') ? 3 : 2).join('/');
  byPart.set(part, (byPart.get(part) ?? 0) + info.renderedLength);
}
contributors = [...byPart].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([part, bytes]) => `${part} ${kb(bytes)}`).join(', ');
row('6. bundle', 'Intl formatters, 10,000 badges (en + fr), 100 tooltips', `${intlCold.created} (${intlCold.afterRender} before any tooltip)`, `${intlWarm.created} on a second run`, '', '≤ 4: one per (kind, locale, options)');
check('intl: one formatter per (kind, locale, options) for 10,000 badges in 2 locales (≤ 4)', intlCold.created <= 4, `${intlCold.created}`);
check('intl: none more for 10,000 more badges', intlWarm.created === 0, `${intlWarm.created}`);
// The first badges a page ever shows (here the formatters' table, the first thing the bench mounts) must be
// collected like any other: a module-level object created on first use must not keep its creator.
check('badge: the first badges mounted in the page garbage-collected once removed', intlCold.collected && intlWarm.collected, `first table ${intlCold.collected ? 'collected' : 'still alive'}, second ${intlWarm.collected ? 'collected' : 'still alive'}`);
}

// ---------------------------------------------------------------------------------------------------------------
const table = [
  '| scenario | measure | Estafette: median (min–max) | baseline, same run | ratio | target |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.scenario} | ${r.measure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`),
].join('\n');
const budgets = checks.map((c) => `- ${c.ok ? 'PASS' : 'FAIL'} ${c.name} (${c.detail})`).join('\n');
const seconds = ((performance.now() - began) / 1000).toFixed(0);
console.log(table);
console.log(`\nCDN file by part (raw bytes before minification): ${contributors}\n`);
console.log(budgets);
const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load}, ${os.type()} ${os.release()}, Node ${process.version}, headless Chromium ${version}`;
// `--only`: figures printed, bench/RESULTS.md left as the last full run wrote it.
if (!only) await writeFile(
  'bench/RESULTS.md',
  `# Benchmark results

Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString()} in ${seconds} s.
Machine: ${machine}.

Timings are medians after a warm-up (min–max in brackets): ${RUNS} runs for badges and spans, ${TIMELINE_RUNS} for the timeline, 3 for
the message-id badges and the aggregation, 10 focus and 5 hover tooltips. Baselines are measured in the same page,
alternating with the measured runs. Timing targets are printed, never asserted (the machine is shared and noisy);
the exact budgets below (bytes, counts, rows, nodes) fail the run.

${table}

CDN file by part (raw bytes before minification): ${contributors}.

Exact budgets:

${budgets}
`,
);
const failed = checks.filter((c) => !c.ok).length;
console.log(`bench: ${checks.length - failed} budgets passed, ${failed} failed, in ${seconds} s${only ? ' (--only: bench/RESULTS.md not written)' : '; figures in bench/RESULTS.md'}`);
process.exit(failed && !process.argv.includes('--no-fail') ? 1 : 0);
