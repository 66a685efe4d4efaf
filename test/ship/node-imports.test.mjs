// node --test test/ship/node-imports.test.mjs (after `npm run build`): a server-side render (Next.js, Nuxt, Angular
// SSR) imports the app's modules in Node, the kit's entries with them. Every entry of package.json's "exports" must
// import there through the package's name without throwing. Found by audit F: `estafette/loader` threw "document is
// not defined" and `estafette/cdn` "HTMLElement is not defined"; the loader now does nothing without a DOM, and
// `estafette/cdn` resolves to the npm build under the "node" condition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { exports } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
// The entries that are modules (not the YAML contract, the manifest or package.json).
const entries = Object.keys(exports)
  .filter((key) => typeof exports[key] === 'object')
  .map((key) => (key === '.' ? 'estafette' : `estafette/${key.slice(2)}`));

/** Runs `body` as an ES module in a fresh Node process, from an app that has the package in its node_modules. */
function runInApp(body) {
  const dir = mkdtempSync(join(tmpdir(), 'estafette-node-app-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'estafette'), 'dir');
    writeFileSync(join(dir, 'app.mjs'), body);
    const result = spawnSync(process.execPath, ['app.mjs'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    return { code: result.status, out: result.stdout, err: result.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('every package entry imports in plain Node without throwing', () => {
  assert.ok(entries.length >= 17 && entries.includes('estafette/loader') && entries.includes('estafette/cdn'), entries.join(', '));
  const { code, out, err } = runInApp(`
    const failed = [];
    for (const entry of ${JSON.stringify(entries)}) {
      try { await import(entry); } catch (error) { failed.push(entry + ': ' + error); }
    }
    console.log(JSON.stringify(failed));
  `);
  assert.equal(code, 0, err);
  assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1)), []);
});

test('in Node, the loader loads nothing and discover() does nothing; estafette/cdn exports what it says', () => {
  const { code, out, err } = runInApp(`
    const { load, discover } = await import('estafette/loader');
    const loaded = await load();
    discover({});
    const cdn = await import('estafette/cdn');
    const lib = await import('estafette');
    console.log(JSON.stringify({ loaded: loaded ?? null, version: cdn.VERSION === lib.VERSION, source: typeof cdn.RestDataSource, error: typeof cdn.DataSourceError, names: Object.keys(cdn) }));
  `);
  assert.equal(code, 0, err);
  const { names, ...rest } = JSON.parse(out.trim().split('\n').at(-1));
  assert.deepEqual(rest, { loaded: null, version: true, source: 'function', error: 'function' });
  // The README's list of what the CDN file exports is what a CDN page can import: checked, name by name.
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const said = /The CDN file exports the element classes,([^;]+);/.exec(readme)?.[1]?.match(/`\w+`/g)?.map((name) => name.slice(1, -1));
  assert.ok(said?.length, 'the README lists the CDN exports');
  assert.deepEqual(names.filter((name) => !name.endsWith('Element')).sort(), [...said].sort());
});
