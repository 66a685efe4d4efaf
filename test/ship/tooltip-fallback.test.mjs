// node --test test/ship/tooltip-fallback.test.mjs (after `npm run build:cdn`): browsers without CSS anchor positioning
// place tooltips with Floating UI, bundled in the CDN file. Here that support is hidden from the page, and the badge's
// tooltip must still open beside its trigger, inside the viewport, and flip above near the bottom.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/browsers.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

/* global HTMLElement -- used inside page.waitForFunction and page.evaluate, which run in the page */

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script>
  // A browser without CSS anchor positioning.
  const supports = CSS.supports.bind(CSS);
  CSS.supports = (...args) => !/anchor|position-area/.test(args.join(' ')) && supports(...args);
</script>
<script type="module" src="/dist/cdn/estafette.js"></script>
<style>body { margin: 0; height: 100vh; } #low { position: fixed; bottom: 4px; right: 4px; }</style>
</head><body>
<email-status-badge id="high" status="soft-bounced" reason="mailbox-full" style="position: fixed; top: 20px; left: 2px"></email-status-badge>
<email-status-badge id="low" status="delivered"></email-status-badge>
</body></html>`;

test('the CDN tooltip is placed by the Floating UI fallback without anchor positioning', async () => {
  const server = await serveStatic({ pages: { '/page.html': PAGE } });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.origin}/page.html`);
    await page.waitForFunction(() => customElements.get('email-status-badge') !== undefined);
    /** Opens the tooltip of badge `id` by focus; returns trigger and tooltip boxes once placed. */
    const open = async (id) => {
      await page.evaluate((id) => {
        const host = document.getElementById(id);
        const trigger = host?.shadowRoot?.querySelector('[part~="badge"]') ?? host?.shadowRoot?.querySelector('[tabindex], button');
        if (trigger instanceof HTMLElement) trigger.focus();
      }, id);
      const handle = await page.waitForFunction((id) => {
        const root = document.getElementById(id)?.shadowRoot;
        const tip = root?.querySelector('[part~="tooltip"]');
        const trigger = root?.querySelector('[part~="badge"]');
        if (!(tip instanceof HTMLElement) || !(trigger instanceof HTMLElement) || !tip.matches(':popover-open')) return false;
        if (tip.style.visibility === 'hidden' || tip.classList.contains('anchored')) return false;
        const box = (el) => { const r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; };
        return { tip: box(tip), trigger: box(trigger), width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
      }, id, { timeout: 5000 });
      return handle.jsonValue();
    };
    const high = await open('high');
    assert.ok(high.tip.top >= high.trigger.bottom, `below its trigger: ${JSON.stringify(high)}`);
    assert.ok(high.tip.left >= 0 && high.tip.right <= high.width, `inside the viewport: ${JSON.stringify(high)}`);
    await page.keyboard.press('Escape');
    const low = await open('low');
    assert.ok(low.tip.bottom <= low.trigger.top, `flipped above its trigger near the bottom: ${JSON.stringify(low)}`);
    assert.ok(low.tip.right <= low.width, `shifted into the viewport: ${JSON.stringify(low)}`);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
