/// <reference types="node" />
// estafette/react (src/frameworks/react.d.ts) gives a React 19 TypeScript app the four tags in JSX.
// test/frameworks/jsx-types holds a page using them: it must compile under `strict`, and each line marked with an
// expected error must not (a wrong order, appearance or event type is caught), so a declaration too loose to catch
// anything fails here too. That it names every tag, attribute, property and event custom-elements.json lists is
// test/node/framework-types.test.ts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '../support/expect.js';
import { root } from './manifest.js';

describe('estafette/react (src/frameworks/react.d.ts)', () => {
  it('types the page of test/frameworks/jsx-types: it compiles, and every wrong value marked in it is refused', function () {
    this.timeout(120_000);
    let output = '';
    try {
      execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'test/frameworks/jsx-types')], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).to.equal('');
  });

  it('declares the dashed attributes by name, with no catch-all that would take any', () => {
    // A catch-all (`[name: \`${string}-${string}\`]: unknown`) typed nothing: TypeScript checks no dashed name a tag
    // does not declare anyway. The real names are declared, so that their values are checked.
    for (const file of ['react.d.ts', 'props.d.ts']) {
      expect(readFileSync(join(root, 'src/frameworks', file), 'utf8'), file).to.not.contain('${string}-${string}');
    }
  });
});
