// `npm run size` (after `npm run build:cdn`): the gzip size of what we ship, checked against size-budget.json.
//   files:    built files, measured on disk (the CDN file and the loader).
//   entries:  one element alone, built like the CDN file (Lit bundled, minified): what a page using only it pays.
// Each budget is a ratchet: `max` holds today's size rounded up, so any growth fails; lower it as the kit shrinks.
// `target` is where we are heading (the ship issue: 40 KB gzip for the whole kit with French and English).
// Then the CDN file's biggest contributors (raw bytes before minification), to show where to cut next.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { bundleLikeCdn as bundle, gzip } from './bundle-size.mjs';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const CDN_ENTRY = 'src/cdn.ts';

const rows = [];
for (const [file, limits] of Object.entries(budget.files)) {
  if (!existsSync(file)) {
    rows.push({ name: file, missing: true, ...limits });
    continue;
  }
  const raw = readFileSync(file);
  rows.push({ name: file, raw: raw.length, gzip: gzip(raw), ...limits });
}
for (const [entry, limits] of Object.entries(budget.entries)) {
  const chunk = await bundle(entry);
  rows.push({ name: `${entry} (alone, with Lit)`, raw: chunk.code.length, gzip: gzip(chunk.code), ...limits });
}

let failed = 0;
for (const row of rows) {
  if (row.missing) {
    failed++;
    console.log(`FAIL ${row.name}: not built (run npm run build:cdn first)`);
    continue;
  }
  const ok = row.gzip <= row.max;
  if (!ok) failed++;
  const aim = row.target === undefined ? '' : row.gzip > row.target ? `; ${kb(row.gzip - row.target)} above the ${kb(row.target)} target` : `; within the ${kb(row.target)} target`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${row.name}: ${kb(row.gzip)} gzip (${kb(row.raw)} raw); budget ${kb(row.max)}${aim}`);
}

// What a page showing every element pays in one language: the file, and the texts it then fetches beside it (the
// panels' texts and the explanations). Printed, not budgeted: texts that only campaign-stats and status-timeline
// show load with them, so the file alone does not say what such a page downloads.
const CHUNKS = 'dist/cdn/chunks';
if (existsSync(CHUNKS) && existsSync('dist/cdn/estafette.js')) {
  const { readdirSync } = await import('node:fs');
  const file = gzip(readFileSync('dist/cdn/estafette.js'));
  const chunks = readdirSync(CHUNKS).filter((name) => name.endsWith('.js'));
  const pages = ['fr', 'en'].map((lang) => {
    const own = chunks.filter((name) => name.startsWith(`${lang}-panels-`) || name.startsWith(`${lang}-explanations-`));
    return `${lang} ${kb(own.reduce((sum, name) => sum + gzip(readFileSync(`${CHUNKS}/${name}`)), file))}`;
  });
  console.log(`info dist/cdn/estafette.js with the texts a page of all three elements fetches in one language: ${pages.join(', ')} gzip`);
}

// Where the CDN file's bytes come from, by folder (rendered bytes before minification).
const whole = await bundle(CDN_ENTRY);
const byPart = new Map();
for (const [id, info] of Object.entries(whole.modules)) {
  const path = relative(process.cwd(), id.replace(/^\0/, ''));
  const part = path.startsWith('node_modules/')
    ? path.split('/').slice(1, path.split('/')[1]?.startsWith('@') ? 3 : 2).join('/')
    : path.split('/').slice(0, path.startsWith('src/elements/') || path.startsWith('src/i18n/') ? 3 : 2).join('/');
  byPart.set(part, (byPart.get(part) ?? 0) + info.renderedLength);
}
const top = [...byPart].sort((a, b) => b[1] - a[1]).slice(0, 12);
console.log(`${CDN_ENTRY} by part (raw, before minification): ${top.map(([part, bytes]) => `${part} ${kb(bytes)}`).join(', ')}`);

console.log(`size: ${rows.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
