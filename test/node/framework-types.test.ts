/// <reference types="node" />
// The framework typings (estafette/react: src/frameworks/react.d.ts, estafette/vue: src/frameworks/vue.d.ts) against
// custom-elements.json: for each tag the manifest lists, a file written from the manifest reads, in React's JSX props
// and in Vue's component props, every property (camelCase), every attribute (React: as spelt; Vue: camelCase, as
// vue-tsc checks it) and every event with its class (React: `on<event>`; Vue: `$emit`, which types `$event`), and
// must compile under `strict`. A name the typings lack is an error, so they cannot drift from the elements. The lines
// marked @ts-expect-error must be errors: an unknown prop, an event given a plain `Event`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '../support/expect.js';
import { readManifest, root } from './manifest.js';

interface Tag {
  tag: string;
  attributes: string[];
  properties: string[];
  events: { name: string; type: string }[];
}

/** Per tag, what the manifest lists: attributes, public properties, events with their class. */
function tagsOf(): Tag[] {
  type Declaration = {
    tagName?: string;
    attributes?: { name: string }[];
    members?: { kind: string; name: string; static?: boolean; privacy?: string }[];
    events?: { name?: string; type?: { text?: string } }[];
  };
  return readManifest()
    .modules.flatMap((mod) => (mod.declarations ?? []) as Declaration[])
    .filter((d) => d.tagName)
    .map((d) => ({
      tag: d.tagName!,
      attributes: (d.attributes ?? []).map((a) => a.name),
      properties: (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy).map((m) => m.name),
      events: (d.events ?? []).flatMap((e) => (e.name && e.type?.text ? [{ name: e.name, type: e.type.text }] : [])),
    }));
}

const camel = (name: string) => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** The check file: one block per tag, each name read from the typings. */
function checks(tags: Tag[]): string {
  const classes = [...new Set(tags.flatMap((t) => t.events.map((e) => e.type)))];
  const lines = [
    `import type { JSX } from 'react';`,
    `import type { GlobalComponents } from 'vue';`,
    `import type { ${classes.join(', ')} } from '${root}/src/index.js';`,
    `import type {} from '${root}/src/frameworks/react.js';`,
    `import type {} from '${root}/src/frameworks/vue.js';`,
    `declare const any: never;`,
  ];
  for (const [i, { tag, attributes, properties, events }] of tags.entries()) {
    lines.push(
      `// <${tag}>`,
      `declare const react${i}: Required<JSX.IntrinsicElements['${tag}']>;`,
      `declare const vue${i}: InstanceType<GlobalComponents['${tag}']>;`,
      `declare const vueProps${i}: Required<(typeof vue${i})['$props']>;`,
      ...properties.flatMap((p) => [`react${i}['${p}'];`, `vueProps${i}['${p}'];`]),
      ...attributes.flatMap((a) => [`react${i}['${a}'];`, `vueProps${i}['${camel(a)}'];`]),
      ...events.flatMap(({ name, type }) => [
        `react${i}['on${name}'] = (event: ${type}) => console.log(event);`,
        `vue${i}.$emit('${name}', any as ${type});`,
        `// @ts-expect-error: the listener gets the event's own class`,
        `vue${i}.$emit('${name}', new Event('${name}'));`,
      ]),
      `// @ts-expect-error: not a prop of <${tag}>`,
      `react${i}['notAProp'];`,
      `// @ts-expect-error: not a prop of <${tag}>`,
      `vueProps${i}['notAProp'];`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Type-checks `text` under `strict`, declarations included (skipLibCheck off for ours); returns what tsc printed. */
function typecheck(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'estafette-framework-types-'));
  try {
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
    writeFileSync(join(dir, 'checks.ts'), text);
    const compilerOptions = {
      strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
      types: [], skipLibCheck: true, experimentalDecorators: true, useDefineForClassFields: false, allowImportingTsExtensions: false,
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['checks.ts'] }));
    try {
      execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
      return '';
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      return `${stdout}${stderr}` || String(error);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('estafette/react and estafette/vue, against custom-elements.json', () => {
  it('type every tag, property, attribute and event the manifest lists, each event with its class', function () {
    this.timeout(120_000);
    const tags = tagsOf();
    expect(tags.map((t) => t.tag).sort()).to.deep.equal(['campaign-stats', 'email-status-badge', 'status-source', 'status-timeline']);
    expect(tags.flatMap((t) => t.events)).to.have.length(4);
    expect(typecheck(checks(tags))).to.equal('');
  });
});
