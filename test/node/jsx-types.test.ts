/// <reference types="node" />
// examples/react/estafette-jsx.d.ts gives a React 19 TypeScript app the four tags in JSX. test/frameworks/jsx-types
// holds a page using them: it must compile under `strict`, and each line marked @ts-expect-error must not (a wrong
// order, appearance or event type is caught), so a declaration too loose to catch anything fails here too. The d.ts
// must also name every tag, dashed attribute and event custom-elements.json lists.
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

  it('lists, for each tag, the dashed attributes custom-elements.json lists, and no catch-all that would take any', () => {
    // A catch-all (`[name: \`${string}-${string}\`]: unknown`) typed nothing: TypeScript checks no dashed name a tag
    // does not declare anyway. The real names are declared, so that their values are checked.
    const declaration = readFileSync(join(root, 'examples/react/estafette-jsx.d.ts'), 'utf8');
    expect(declaration).to.not.contain('${string}-${string}');
    for (const [tag, element] of elementsOf()) {
      const name = `${element.className.replace(/Element$/, '')}Attributes`;
      const body = new RegExp(`interface ${name} \\{([^}]*)\\}`).exec(declaration)?.[1];
      expect(body, `interface ${name}`).to.be.a('string');
      const declared = [...body!.matchAll(/'([a-z]+(?:-[a-z]+)+)'\?:/g)].map((m) => m[1]).sort();
      expect(declared, tag).to.deep.equal([...element.attributes].filter((a) => a.includes('-')).sort());
      expect(declaration, tag).to.match(new RegExp(`'${tag}': ElementProps<\\s*\\w+,[^>]*?${name}`));
    }
  });

  it('declares every tag, with an on<event> prop for each event custom-elements.json lists', () => {
    const declaration = readFileSync(join(root, 'examples/react/estafette-jsx.d.ts'), 'utf8');
    for (const [tag, element] of elementsOf()) {
      expect(declaration, tag).to.contain(`'${tag}': ElementProps<`);
      for (const event of element.events) expect(declaration, `${tag} ${event}`).to.contain(`'on${event}'?:`);
    }
  });
});
