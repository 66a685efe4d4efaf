/// <reference types="node" />
// examples/react/estafette-jsx.d.ts gives a React 19 TypeScript app the four tags in JSX. test/frameworks/jsx-types
// holds a page using them: it must compile under `strict`, and each line marked @ts-expect-error must not (a wrong
// order, appearance or event type is caught), so a declaration too loose to catch anything fails here too. The d.ts
// must also name every tag and event custom-elements.json lists.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '../support/expect.js';
import { elementsOf, root } from './manifest.js';

describe('examples/react/estafette-jsx.d.ts', () => {
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

  it('declares every tag, with an on<event> prop for each event custom-elements.json lists', () => {
    const declaration = readFileSync(join(root, 'examples/react/estafette-jsx.d.ts'), 'utf8');
    for (const [tag, element] of elementsOf()) {
      expect(declaration, tag).to.contain(`'${tag}': ElementProps<`);
      for (const event of element.events) expect(declaration, `${tag} ${event}`).to.contain(`'on${event}'?:`);
    }
  });
});
