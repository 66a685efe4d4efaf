// node --test test/ship/loader-bundled.test.mjs (after `npm run build`): an app that imports the npm entry
// `estafette/loader` and is built by its own bundler (Vite) gets the kit and every chunk the kit fetches on first use
// (texts of each language, explanations, provider words, the tooltip fallback), at the paths the kit asks for them.
// Before, the bundler copied the kit's file alone as an asset: the stats and the timeline showed their text keys.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('an app bundling estafette/loader ships the kit with the chunks it fetches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'estafette-loader-app-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'estafette'), 'dir');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script><campaign-stats lang="fr"></campaign-stats>');
    writeFileSync(join(dir, 'main.js'), "import { load } from 'estafette/loader';\nawait load();\n");
    await build({ root: dir, logLevel: 'silent', configFile: false, build: { outDir: join(dir, 'out'), target: 'es2022' } });
    const assets = readdirSync(join(dir, 'out', 'assets'));
    const code = new Map(assets.filter((name) => name.endsWith('.js')).map((name) => [name, readFileSync(join(dir, 'out', 'assets', name), 'utf8')]));
    const holding = (text) => [...code].filter(([, body]) => body.includes(text)).map(([name]) => name);
    assert.ok(holding("'campaign-stats'").length + holding('"campaign-stats"').length + holding('`campaign-stats`').length > 0, `the kit is bundled: ${assets.join(', ')}`);
    assert.equal(holding('Afficher les événements plus anciens').length, 1, `the French panel texts are a chunk of their own: ${assets.join(', ')}`);
    // Every chunk the app's files import is one the build wrote.
    const imported = [...code.values()].flatMap((body) => [...body.matchAll(/import\(\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]));
    assert.ok(imported.length > 3, `the kit's chunks are imported lazily: ${imported.join(', ')}`);
    for (const name of imported) assert.ok(assets.includes(name), `${name} is imported and was written`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
