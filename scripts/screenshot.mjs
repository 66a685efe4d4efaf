// Dev helper: node scripts/screenshot.mjs URL out.png [width] [height] — loads a page in headless Chromium,
// waits for the network to settle, prints page errors and console errors, and saves a screenshot.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.mjs';

const [url, out = 'screenshot.png', width = '1280', height = '900'] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log(`[console.${m.type()}]`, m.text()); });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
  await page.screenshot({ path: out, fullPage: process.env.FULL === '1' });
  console.log('saved', out);
} finally {
  await browser.close();
}
