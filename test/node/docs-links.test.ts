/// <reference types="node" />
// Runs under Node only (reads the Markdown pages): every link within a page (`](#anchor)`) and to a file of the repo
// (`](bench/RESULTS.md)`) leads somewhere. Anchors are the heading slugs GitHub writes: lower case, spaces as
// hyphens, punctuation other than hyphens and underscores dropped.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect } from '../support/expect.js';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const PAGES = ['README.md', 'SECURITY.md', 'bench/RESULTS.md'];

/** The anchor GitHub gives a heading (a repeated heading gets -1, -2…). */
const slugs = (markdown: string): Set<string> => {
  const seen = new Map<string, number>();
  const found = new Set<string>();
  const withoutCode = markdown.replace(/^```[\s\S]*?^```/gm, '');
  for (const [, title] of withoutCode.matchAll(/^#{1,6} +(.+?) *$/gm)) {
    const slug = title!
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\- _]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    found.add(count ? `${slug}-${count}` : slug);
  }
  return found;
};

describe('links in the docs', () => {
  for (const page of PAGES) {
    it(`${page}: every link to a heading or to a file of the repo leads somewhere`, () => {
      const markdown = readFileSync(resolve(root, page), 'utf8');
      const anchors = slugs(markdown);
      const broken: string[] = [];
      for (const [, target] of markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target!)) continue; // https:, mailto:
        const [path, anchor] = target!.split('#') as [string, string | undefined];
        if (path === '' ? !anchors.has(anchor!) : !existsSync(resolve(root, dirname(page), path))) broken.push(target!);
      }
      expect(broken).to.deep.equal([]);
    });
  }

  it('reads anchors as GitHub writes them (the check above can fail)', () => {
    const anchors = slugs('# Set-up\n## The canonical model (`estafette/core`)\n### `<email-status-badge>`\n## Set-up\n```\n# not a heading\n```');
    expect([...anchors]).to.deep.equal(['set-up', 'the-canonical-model-estafettecore', 'email-status-badge', 'set-up-1']);
  });
});
