// After `npm run build`: what `npm pack` would publish. Every "exports" target must be in it; tests, stories,
// TypeScript sources and the mock API must not. Prints "N passed, N failed".
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';

const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const files = new Set(pack.files.map((f) => f.path));
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const results = [];
const check = (name, ok, detail = '') => results.push({ name, ok, detail });

const targets = Object.values(pkg.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t))).map((t) => t.replace(/^\.\//, ''));
const missing = targets.filter((t) => !files.has(t));
check('every exports target is published', missing.length === 0, missing.join(', '));
for (const required of ['package.json', 'LICENSE', 'README.md', 'SECURITY.md', 'custom-elements.json', 'dist/cdn/estafette.js', 'src/data/openapi.yaml']) {
  check(`${required} is published`, files.has(required));
}
const stray = [...files].filter((f) => /^(test|stories|\.storybook|bench|scripts|public)\//.test(f) || /^src\/.*\.ts$/.test(f) || (/\.ts$/.test(f) && !/\.d\.ts$/.test(f) && !f.startsWith('examples/')) || /^src\/mocks\//.test(f) || /(^|\/)demo\//.test(f));
check('no tests, stories, TypeScript sources, mocks or demo are published', stray.length === 0, stray.slice(0, 10).join(', '));
// The README ships: the files it links to, and the examples it names (as does the elements' console advice,
// examples/react/README.md), are in the package, where a user reading node_modules/estafette/README.md looks for them.
// Its Performance section's bench/ and the test/ files it cites are the repository's.
const readme = readFileSync('README.md', 'utf8');
const readmeRefs = new Set([...readme.matchAll(/\]\(([^)#\s]+)\)/g)].map((m) => m[1]).filter((ref) => !/^[a-z]+:/.test(ref)));
for (const [, ref] of readme.matchAll(/`(examples\/[\w./-]+\.\w+)`/g)) readmeRefs.add(ref);
const unshipped = [...readmeRefs].filter((ref) => !/^(bench|test)\//.test(ref) && !files.has(ref));
check('every file README.md links to or names in examples/ is published', readmeRefs.size >= 8 && unshipped.length === 0, unshipped.join(', '));
check('type declarations are published', [...files].some((f) => f.startsWith('dist/types/') && f.endsWith('.d.ts')));
// The declarations in dist/types may import only the package itself and what it depends on: pnpm, Yarn PnP and npm's linked
// installs give a package its own dependencies alone, so a type imported from a dependency's dependency (lit-html,
// under lit) is not found there (TS2307), or is silently `any` under skipLibCheck.
const declared = new Set([pkg.name, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
const packageOf = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
const undeclared = [...files]
  .filter((f) => f.startsWith('dist/types/') && f.endsWith('.d.ts'))
  .flatMap((f) => ts.preProcessFile(readFileSync(f, 'utf8'), true, true).importedFiles.map(({ fileName }) => [f, fileName]))
  .filter(([, specifier]) => !specifier.startsWith('.') && !specifier.startsWith('node:') && !declared.has(packageOf(specifier)))
  .map(([f, specifier]) => `${f} → ${specifier}`);
check('the declarations import no package the package does not depend on', undeclared.length === 0, `${undeclared.length}: ${undeclared.slice(0, 3).join(', ')}`);
// A source map leads an editor's "go to definition" or a debugger to its sources: each must be in the map itself
// (sourcesContent) or published. Declaration maps pointed at src/**/*.ts, which is not.
const unreachable = [...files]
  .filter((f) => f.endsWith('.map'))
  .flatMap((f) => {
    const map = JSON.parse(readFileSync(f, 'utf8'));
    const dir = posix.dirname(f);
    return (map.sources ?? []).filter((source, i) => typeof map.sourcesContent?.[i] !== 'string' && !files.has(posix.normalize(posix.join(dir, source)))).map((source) => `${f} → ${source}`);
  });
check('every source map reaches its sources', unreachable.length === 0, `${unreachable.length}: ${unreachable.slice(0, 3).join(', ')}`);
// Catalogues that load on demand ship as chunks beside the CDN file, and as their own modules in dist/lib.
for (const locale of ['de', 'es', 'it', 'nl']) {
  check(`the ${locale} texts are published for the CDN file and the npm build`, [...files].some((f) => new RegExp(`^dist/cdn/chunks/${locale}-[\\w-]+\\.js$`).test(f)) && files.has(`dist/lib/i18n/messages/${locale}.js`));
}
// custom-elements.json names the modules tools import from (JSX typings, editor data): each must be published.
const manifestRefs = new Set();
JSON.parse(readFileSync('custom-elements.json', 'utf8'), (key, value) => {
  if ((key === 'path' || key === 'module') && typeof value === 'string' && !value.startsWith('.')) manifestRefs.add(value);
  return value;
});
const unpublished = [...manifestRefs].filter((ref) => !files.has(ref));
check('every module custom-elements.json names is published', manifestRefs.size > 50 && unpublished.length === 0, unpublished.slice(0, 10).join(', '));
for (const tag of ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source']) {
  check(`custom-elements.json says which module defines <${tag}>`, readFileSync('custom-elements.json', 'utf8').includes(`"kind": "custom-element-definition",\n          "name": "${tag}"`));
}
check(`the package stays small (${(pack.size / 1024).toFixed(0)} KB packed)`, pack.size < 2_000_000);

for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : ` -- ${r.detail}`}`);
const failed = results.filter((r) => !r.ok).length;
console.log(`npm pack: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
