/// <reference types="node" />
// examples/react/generate-wrappers.mjs (shipped in the package): the @lit/react wrappers it prints follow
// custom-elements.json, whatever the manifest says, and form a module Node can parse. The browser side (the
// wrappers used with React) is test/frameworks/react-wrappers.test.ts.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '../support/expect.js';
import { elementsOf, readManifest, root } from './manifest.js';

const generate = (...args: string[]): string =>
  execFileSync(process.execPath, [join(root, 'examples/react/generate-wrappers.mjs'), ...args], { cwd: root, encoding: 'utf8' });

const pascal = (name: string) => name.replace(/(^|-)(\w)/g, (_, _dash: string, c: string) => c.toUpperCase());

/** `export const X = createComponent({ ... });` blocks of the output, by tag. */
function wrappersIn(output: string): Map<string, { name: string; elementClass: string; events: Record<string, string> }> {
  const found = new Map<string, { name: string; elementClass: string; events: Record<string, string> }>();
  for (const [, name, body] of output.matchAll(/export const (\w+) = createComponent\(\{([\s\S]*?)\n\}\);/g)) {
    const tag = /tagName: '([^']+)'/.exec(body!)?.[1] ?? '';
    const elementClass = /elementClass: (\w+)/.exec(body!)?.[1] ?? '';
    const events = Object.fromEntries([...body!.matchAll(/(on\w+): '([^']+)'/g)].map(([, prop, event]) => [prop!, event!]));
    found.set(tag, { name: name!, elementClass, events });
  }
  return found;
}

describe('examples/react/generate-wrappers.mjs', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'estafette-wrappers-'));
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('writes one wrapper per element of custom-elements.json, with an on<Event> prop per event', () => {
    const elements = elementsOf();
    const wrappers = wrappersIn(generate('custom-elements.json'));
    expect([...wrappers.keys()].sort()).to.deep.equal([...elements.keys()].sort());
    for (const [tag, api] of elements) {
      const wrapper = wrappers.get(tag)!;
      expect(wrapper.name, tag).to.equal(api.className.replace(/Element$/, ''));
      expect(wrapper.elementClass, tag).to.equal(api.className);
      expect(wrapper.events, tag).to.deep.equal(Object.fromEntries([...api.events].map((event) => [`on${pascal(event)}`, event])));
    }
    expect(wrappers.get('campaign-stats')!.events).to.deep.equal({ onMetricSelect: 'metric-select' });
  });

  it('imports the classes from the package root, which exports them, and registers the tags', () => {
    const output = generate('custom-elements.json');
    const imported = /import \{ ([^}]+) \} from 'estafette';/.exec(output)?.[1]?.split(', ') ?? [];
    const rootExports = readManifest().modules.find((mod) => mod.path === 'dist/lib/index.js')?.exports?.map((e) => e.name) ?? [];
    expect(imported.sort()).to.deep.equal([...elementsOf().values()].map((api) => api.className).sort());
    for (const name of imported) expect(rootExports, name).to.include(name);
    expect(output).to.contain("import 'estafette/define';");
    expect(output).to.contain("import { createComponent } from '@lit/react';");
  });

  it('finds the installed package\'s manifest by itself (as in node_modules/estafette)', () => {
    expect(generate()).to.equal(generate('custom-elements.json'));
  });

  it('prints a module Node can parse', () => {
    const file = join(tmp, 'estafette-react.mjs');
    writeFileSync(file, generate('custom-elements.json'));
    execFileSync(process.execPath, ['--check', file]);
  });

  it('follows the manifest it is given, not a list of its own', () => {
    const manifest = {
      schemaVersion: '1.0.0',
      modules: [
        {
          kind: 'javascript-module',
          path: 'src/x.ts',
          declarations: [
            { kind: 'class', name: 'BaseElement', customElement: true },
            { kind: 'class', name: 'FancyThingElement', customElement: true, tagName: 'fancy-thing', events: [{ name: 'thing-done' }, { description: 'unnamed' }] },
          ],
        },
      ],
    };
    const path = join(tmp, 'custom-elements.json');
    writeFileSync(path, JSON.stringify(manifest));
    const wrappers = wrappersIn(generate(path));
    expect([...wrappers.entries()]).to.deep.equal([['fancy-thing', { name: 'FancyThing', elementClass: 'FancyThingElement', events: { onThingDone: 'thing-done' } }]]);
  });
});
