/// <reference types="node" />
// examples/react/generate-wrappers.mjs (shipped in the package): the @lit/react wrappers it prints follow
// custom-elements.json, whatever the manifest says, and form a module Node can parse. The browser side (the
// wrappers used with React) is test/frameworks/react-wrappers.test.ts.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
    // `onMetricSelect: 'metric-select' as EventName<…>` (--ts), or the name in a JSDoc cast (JavaScript).
    const events = Object.fromEntries([...body!.matchAll(/(on\w+): (?:\/\*\*[^*]*\*\/ \()?'([^']+)'/g)].map(([, prop, event]) => [prop!, event!]));
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

  it('types each on<Event> listener with the element\'s event class, in TypeScript (--ts) and in JavaScript (allowJs)', function () {
    // The page of examples/react/README.md, in a strict TypeScript app, beside each flavour of the generated module.
    // Before, every listener got a bare Event: `event.detail.statuses` did not compile.
    this.timeout(120_000);
    const app = join(tmp, 'app');
    for (const [dir, file, args] of [['ts', 'estafette-react.ts', ['--ts']], ['js', 'estafette-react.js', []]] as const) {
      mkdirSync(join(app, dir), { recursive: true });
      copyFileSync(join(root, 'test/frameworks/wrapper-types/page.tsx'), join(app, dir, 'page.tsx'));
      writeFileSync(join(app, dir, file), generate(...args, 'custom-elements.json'));
    }
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true, noEmit: true, jsx: 'react-jsx', target: 'es2022', module: 'esnext', moduleResolution: 'bundler',
          lib: ['es2022', 'dom', 'dom.iterable'], skipLibCheck: true, allowJs: true, types: [],
          // The package's sources stand for its declarations (as in test/frameworks/jsx-types).
          experimentalDecorators: true, useDefineForClassFields: false,
          paths: { estafette: [join(root, 'src/index.ts')], 'estafette/define': [join(root, 'src/define.ts')] },
        },
        files: ['ts/page.tsx', 'js/page.tsx'],
      }),
    );
    let output = '';
    try {
      execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', app], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).to.equal('');
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
