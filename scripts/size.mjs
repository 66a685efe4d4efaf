// `npm run size` (after `npm run build:cdn`): prints the gzip size of the CDN file and checks it against
// size-budget.json. The budget is a ratchet: it holds today's size, so any growth fails, and it is lowered as the
// kit shrinks towards the target.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budget = JSON.parse(readFileSync('size-budget.json', 'utf8'));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
let failed = 0;
for (const [file, { max, target }] of Object.entries(budget.files)) {
  const raw = readFileSync(file);
  const gzip = gzipSync(raw, { level: 9 }).length;
  const ok = gzip <= max;
  if (!ok) failed++;
  const gap = gzip > target ? `, ${kb(gzip - target)} above the ${kb(target)} target` : `, within the ${kb(target)} target`;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${file}: ${kb(gzip)} gzip (${kb(raw.length)} raw); budget ${kb(max)}${gap}`);
}
console.log(`size: ${Object.keys(budget.files).length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
