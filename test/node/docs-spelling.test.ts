/// <reference types="node" />
// Runs under Node only (reads the source tree): the docs are written in American English, as the English catalogue
// is (canceled, color): the README and the other Markdown pages, the OpenAPI descriptions, and the comments and JSDoc
// of src/ (what custom-elements.json and Storybook's docs are built from). Quoted third-party words stay as written.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect } from '../support/expect.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');

function* files(dir: string, ends: readonly string[]): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(path).isDirectory()) yield* files(path, ends);
    else if (ends.some((end) => path.endsWith(end))) yield path;
  }
}

/** British spellings, by their stems (`aria-labelledby` is an attribute's name, not prose). */
const BRITISH = /\b\w*(labelled(?!by)|honour|centre|colour|behaviour|recognis|organis|favour|licence|customis|neighbour|normalis|authoris|flavour|cancell(ed|ing)|spelt)\w*/gi;
/** Third-party words quoted as they are: a dashboard label `mapLabel` reads (README's generated label table). */
const QUOTED = new Set(['Cancelled']);

/** The comments of a TypeScript file, `//` lines and `/* … *\/` blocks (JSDoc included), at their offsets. */
const commentsOf = (text: string) => [...text.matchAll(/\/\*[\s\S]*?\*\/|\/\/.*$/gm)].map((m) => ({ at: m.index, text: m[0] }));

describe('American spelling of the docs', () => {
  it('spells the README, the Markdown pages, the OpenAPI descriptions and the comments of src/ the American way', () => {
    const found: string[] = [];
    /** Checks `parts` of a file's `text` (all of it by default), naming each word found by its line. */
    const check = (path: string, text: string, parts = [{ at: 0, text }]) => {
      for (const part of parts) {
        for (const match of part.text.matchAll(BRITISH)) {
          const line = text.slice(0, part.at + match.index).split('\n').length;
          if (!QUOTED.has(match[0])) found.push(`${relative(root, path)}:${line} ${match[0]}`);
        }
      }
    };
    const markdown = [join(root, 'README.md'), join(root, 'SECURITY.md'), ...files(join(root, 'examples'), ['.md'])];
    for (const path of markdown) check(path, readFileSync(path, 'utf8'));
    for (const path of files(join(root, 'src'), ['.yaml'])) check(path, readFileSync(path, 'utf8'));
    for (const path of files(join(root, 'src'), ['.ts'])) {
      const text = readFileSync(path, 'utf8');
      check(path, text, commentsOf(text));
    }
    expect(found).to.deep.equal([]);
  });
});
