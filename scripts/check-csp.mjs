// After `npm run build:lib && npm run build:cdn`: the kit under a strict Content Security Policy with Trusted Types.
// Every HTML page is served with exactly the policy below (no nonce, no hash: no inline script or style at all).
// Two pages must render all three elements and open their tooltips by keyboard with no violation reported:
// - test/ship/csp-cdn-page.html loads the CDN file (dist/cdn/estafette.js);
// - test/ship/csp-npm-page.html loads an app bundled here with Vite from the npm package's entry points
//   ('estafette/define', 'estafette/data', resolved through package.json "exports" to dist/lib, Lit bundled).
// A third page breaks the policy on purpose and the check must see it, so a deaf listener cannot pass.
// Violations are read from a securitypolicyviolation listener that runs before the kit, and from console errors
// and page errors (Chromium logs CSP and Trusted Types violations there). Prints "check-csp: N passed, N failed"; a
// step that hangs is stopped and named (scripts/checks.mjs).
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.mjs';
import { createChecks } from './checks.mjs';
import { serveStatic } from './static-server.mjs';

/* global HTMLElement, getComputedStyle -- used inside page.evaluate and page.waitForFunction, which run in the page */

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Bundles test/ship/csp-npm-app.js as an integrator's build would, the package's entry points taken from its exports. */
async function buildNpmApp(outDir) {
  const entry = (id) => ({ find: new RegExp(`^${id}$`), replacement: fileURLToPath(import.meta.resolve(id)) });
  await build({
    configFile: false,
    root: ROOT,
    publicDir: false,
    logLevel: 'warn',
    resolve: { alias: [entry('estafette/define'), entry('estafette/data')] },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: join(ROOT, 'test/ship/csp-npm-app.js'), output: { entryFileNames: '[name].js' } },
    },
  });
}

const { check, step, finish } = createChecks('check-csp');
step('bundle the npm app');
const appDir = await mkdtemp(join(tmpdir(), 'estafette-csp-'));
process.on('exit', () => rmSync(appDir, { recursive: true, force: true }));
await buildNpmApp(appDir);

// The repository root, and the bundled app under /csp-npm/; every HTML response carries the policy.
const server = await serveStatic({
  root: ROOT,
  file: (path) => (path.startsWith('/csp-npm/') ? join(appDir, path.slice('/csp-npm/'.length)) : undefined),
  headers: (type) => (type === 'text/html' ? { 'content-security-policy': CSP } : {}),
});
const { origin } = server;

/** A list for a failure message: each distinct entry once, with its count, the first few only. */
const summary = (items) => {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  const lines = [...counts].map(([item, n]) => (n > 1 ? `${n} × ${item}` : item));
  return `${items.length} reported: ${lines.slice(0, 4).join('; ')}${lines.length > 4 ? '; ...' : ''}`;
};

/** Opens `path` in a new page, recording console errors and page errors. */
async function open(browser, path) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(`console error: ${message.text()}`); });
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.body.dataset.ready === 'yes', undefined, { timeout: 10_000 }).catch(() => undefined);
  return { page, errors };
}

/** Waits for `fn(arg)` to return a truthy value in the page; undefined on timeout. */
const until = (page, fn, arg) =>
  page.waitForFunction(fn, arg, { timeout: 10_000 }).then((handle) => handle.jsonValue()).catch(() => undefined);

/** Presses Tab until the focus is on an element matching `selector` in the shadow root of `#host`. */
async function tabTo(page, host, selector) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const there = await page.evaluate(({ host, selector }) => {
      const active = document.getElementById(host)?.shadowRoot?.activeElement;
      return active instanceof HTMLElement && active.matches(selector);
    }, { host, selector });
    if (there) return true;
  }
  return false;
}

/** The text of the open, visible element matching `selector` in the shadow root of `#host`, once it has `has`. */
function openText({ host, selector, has = '' }) {
  const el = document.getElementById(host)?.shadowRoot?.querySelector(selector);
  if (!(el instanceof HTMLElement)) return false;
  const open = el.hasAttribute('popover') ? el.matches(':popover-open') : true;
  const box = el.getBoundingClientRect();
  return open && el.checkVisibility() && box.width > 0 && box.height > 0 && el.style.visibility !== 'hidden'
    && el.textContent.includes(has)
    ? el.textContent.replace(/\s+/g, ' ').trim()
    : false;
}

/**
 * Renders, tooltips and zero violations on one page loading the kit. `placement` is how the badge tooltip must be
 * placed: `anchor` (CSS anchor positioning) or `floating` (the Floating UI fallback, with ?no-anchor).
 */
async function checkKitPage(browser, label, path, placement) {
  step(`${label}: render`);
  const { page, errors } = await open(browser, path);
  const seen = await until(page, () => {
    const text = (id) => document.getElementById(id)?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const out = { badge: text('badge'), stats: text('stats'), timeline: text('timeline') };
    return out.badge.includes('Soft bounce') && out.stats.includes('95%') && out.timeline.includes('Opened') ? out : false;
  });
  check(`${label}: the badge renders its label`, seen?.badge.includes('Soft bounce'), JSON.stringify(seen));
  check(`${label}: the stats render the campaign and a rate with its denominator`,
    seen?.stats.includes('Autumn sale') && seen.stats.includes('95% of messages taken on'), seen?.stats);
  check(`${label}: the timeline lists the events`, seen?.timeline.includes('Delivered') && seen.timeline.includes('Opened'), seen?.timeline);

  // The timeline's rows are placed by inline styles (top, list height): blocked ones would stack the rows.
  const rows = await page.evaluate(() => {
    const root = document.getElementById('timeline')?.shadowRoot;
    const list = root?.querySelector('[part~="list"]');
    const tops = [...(root?.querySelectorAll('[part~="row"]') ?? [])].map((row) => Math.round(row.getBoundingClientRect().top));
    return { tops, listHeight: list ? Math.round(list.getBoundingClientRect().height) : 0 };
  });
  check(`${label}: the timeline rows are laid out one below the other`,
    rows.tops.length === 3 && new Set(rows.tops).size === 3 && rows.listHeight > 0, JSON.stringify(rows));

  step(`${label}: the badge tooltip`);
  const badgeFocused = await tabTo(page, 'badge', '[part~="badge"]');
  const badgeTip = badgeFocused ? await until(page, openText, { host: 'badge', selector: '[part~="tooltip"]' }) : undefined;
  check(`${label}: the badge tooltip opens on keyboard focus and explains the bounce`,
    badgeTip && badgeTip.includes('Mailbox full — The recipient’s mailbox'), `focused: ${badgeFocused}, text: ${badgeTip}`);
  const placed = await page.evaluate(() => {
    const tip = document.getElementById('badge')?.shadowRoot?.querySelector('[part~="tooltip"]');
    if (!(tip instanceof HTMLElement)) return 'no tooltip';
    return tip.classList.contains('anchored') ? 'anchor' : tip.style.top && tip.style.left ? 'floating' : 'not placed';
  });
  check(`${label}: the badge tooltip is placed by ${placement === 'anchor' ? 'CSS anchor positioning' : 'Floating UI'}`,
    placed === placement, placed);
  await page.keyboard.press('Escape');

  step(`${label}: an indicator's help`);
  const infoFocused = await tabTo(page, 'stats', '[data-metric="opened"] [part~="info-button"]');
  if (infoFocused) await page.keyboard.press('Enter');
  const help = infoFocused ? await until(page, openText, { host: 'stats', selector: '[data-metric="opened"] [part~="tooltip"]' }) : undefined;
  check(`${label}: an indicator's help opens from the keyboard and shows its text`,
    help && help.includes('Delivered emails whose tracking image loaded'), `focused: ${infoFocused}, text: ${help}`);
  await page.keyboard.press('Escape');

  step(`${label}: the timeline details`);
  const rowFocused = await tabTo(page, 'timeline', '[part~="row"]');
  const newest = rowFocused ? await until(page, openText, { host: 'timeline', selector: '[part~="details"]' }) : undefined;
  if (rowFocused) await page.keyboard.press('ArrowDown');
  const next = rowFocused ? await until(page, openText, { host: 'timeline', selector: '[part~="details"]', has: 'accepted' }) : undefined;
  check(`${label}: a timeline entry focused by keyboard shows its details, and the next one on ArrowDown`,
    newest?.includes('The email’s images were loaded') && next?.includes('The recipient’s mail server accepted the message.'),
    `focused: ${rowFocused}, first: ${newest}, next: ${next}`);

  const violations = await page.evaluate(() => window.cspViolations ?? ['the recorder did not run']);
  check(`${label}: no CSP or Trusted Types violation is reported`, violations.length === 0, summary(violations.map((v) => JSON.stringify(v))));
  check(`${label}: no console error and no page error`, errors.length === 0, summary(errors));
  await page.close();
}

step('launch Chromium');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  for (const [label, page] of [['cdn', 'csp-cdn-page.html'], ['npm', 'csp-npm-page.html']]) {
    await checkKitPage(browser, label, `/test/ship/${page}`, 'anchor');
    await checkKitPage(browser, `${label} (no anchor positioning)`, `/test/ship/${page}?no-anchor`, 'floating');
  }

  step('negative control');
  const { page, errors } = await open(browser, '/test/ship/csp-negative-page.html');
  const violations = await page.evaluate(() => window.cspViolations ?? []);
  const target = await page.evaluate(() => {
    const el = document.getElementById('target');
    return { text: el?.textContent, blocked: el?.dataset.blocked, color: el ? getComputedStyle(el).color : '' };
  });
  check('negative control: a string assigned to innerHTML is reported as a Trusted Types violation',
    violations.some((v) => v.directive === 'require-trusted-types-for'), JSON.stringify(violations));
  check('negative control: ... and blocked', target.text === 'unchanged' && target.blocked === 'TypeError', JSON.stringify(target));
  check('negative control: an inline style attribute is reported', violations.some((v) => v.directive === 'style-src-attr'), JSON.stringify(violations));
  check('negative control: Chromium also logs the violations as console errors',
    errors.some((e) => /TrustedHTML/i.test(e)) && errors.some((e) => /style/i.test(e)), errors.join('; '));
} finally {
  step('close Chromium');
  await browser.close();
  server.close();
}
finish();
