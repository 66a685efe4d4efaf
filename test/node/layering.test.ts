/// <reference types="node" />
// Runs under Node only (reads the source tree): the house's one-way data flow, enforced.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, resolve } from 'node:path';
import { expect } from '../support/expect.js';
import { VERSION } from '../../src/version.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const src = join(root, 'src');

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (path.endsWith('.ts')) yield path;
  }
}

/** Every module specifier a file imports or re-exports, resolved to a path under src/ when relative. */
function importsOf(file: string): { spec: string; target: string | undefined }[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return specs.map((spec) => ({
    spec,
    target: spec.startsWith('.') ? relative(src, resolve(dirname(file), spec)) : undefined,
  }));
}

const folderOf = (path: string) => path.split('/')[0] ?? '';

describe('layering (STYLE.md)', () => {
  const all = [...files(src)].map((file) => ({ file, from: relative(src, file), imports: importsOf(file) }));

  it('keeps src/core free of the DOM layers, Lit and any package', () => {
    for (const { from, imports } of all.filter((f) => folderOf(f.from) === 'core')) {
      for (const { spec, target } of imports) {
        expect(target === undefined ? spec : folderOf(target), `${from} imports ${spec}`).to.equal('core');
      }
    }
  });

  it('lets src/providers import only the core', () => {
    for (const { from, imports } of all.filter((f) => folderOf(f.from) === 'providers')) {
      for (const { spec, target } of imports) {
        expect(target && ['core', 'providers'].includes(folderOf(target)), `${from} imports ${spec}`).to.equal(true);
      }
    }
  });

  it('keeps rendering out of src/data and mocks out of everything shipped', () => {
    for (const { from, imports } of all) {
      for (const { spec, target } of imports) {
        if (target === undefined) continue;
        if (folderOf(from) === 'data') expect(folderOf(target), `${from} imports ${spec}`).to.not.equal('elements');
        if (!['demo', 'mocks'].includes(folderOf(from))) expect(folderOf(target), `${from} imports ${spec}`).to.not.equal('mocks');
      }
    }
  });

  it('states the same version as package.json', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(VERSION).to.equal(pkg.version);
  });
});
