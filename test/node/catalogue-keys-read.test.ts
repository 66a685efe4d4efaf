/// <reference types="node" />
// Every text of the catalogues is read somewhere: a key no source asks for is dead weight in the CDN file (both
// languages ship inside it) and in every translation. A key counts as read when a source under src/ (outside the
// catalogues) names it in a string, names its plural base (`translatePlural(locale, 'timeline.events', n)` reads
// `.one` and `.other`), or builds it from a template whose fixed parts match (`status.${id}.label`).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { de } from '../../src/i18n/messages/de.js';
import { en } from '../../src/i18n/messages/en.js';
import { enExplanations } from '../../src/i18n/messages/en-explanations.js';
import { es } from '../../src/i18n/messages/es.js';
import { fr } from '../../src/i18n/messages/fr.js';
import { frExplanations } from '../../src/i18n/messages/fr-explanations.js';
import { it as italian } from '../../src/i18n/messages/it.js';
import { nl } from '../../src/i18n/messages/nl.js';
import { expect } from '../support/expect.js';
import { root } from './manifest.js';

const sources = execFileSync('git', ['ls-files', 'src'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((path) => path.endsWith('.ts') && !path.startsWith('src/i18n/messages/'))
  .map((path) => readFileSync(join(root, path), 'utf8'));

/** Quoted strings, and template literals with each `${…}` turned into a wildcard. */
const literals = new Set<string>();
const templates: RegExp[] = [];
for (const text of sources) {
  for (const match of text.matchAll(/'([a-z][\w.-]*)'|"([a-z][\w.-]*)"/g)) literals.add(match[1] ?? match[2]!);
  for (const match of text.matchAll(/`([a-z][\w.-]*(?:\$\{[^}`]+\}[\w.-]*)+)`/g)) {
    const pattern = match[1]!.split(/\$\{[^}`]+\}/).map((part) => part.replace(/[.-]/g, '\\$&')).join('[\\w-]+');
    templates.push(new RegExp(`^${pattern}$`));
  }
}

const isRead = (key: string) =>
  literals.has(key) || literals.has(key.replace(/\.(one|other)$/, '')) || templates.some((pattern) => pattern.test(key));

describe('catalogue keys', () => {
  it('finds the keys it knows are read, whichever way the source names them', () => {
    // A literal, a plural base and a template: if one of these stopped being recognised, the test below would pass
    // vacuously for that kind of key.
    expect(isRead('badge.loading')).to.equal(true);
    expect(isRead('timeline.events.one')).to.equal(true);
    expect(isRead('status.delivered.label')).to.equal(true);
    expect(isRead('badge.never-written-anywhere')).to.equal(false);
  });

  it('holds no key that no source reads, in any language', () => {
    for (const [name, catalogue] of Object.entries({ en: { ...en, ...enExplanations }, fr: { ...fr, ...frExplanations }, de, es, it: italian, nl })) {
      // `locale.name` is for the host: a language menu names each language in its own words.
      const unread = Object.keys(catalogue).filter((key) => key !== 'locale.name' && !isRead(key));
      expect(unread, name).to.deep.equal([]);
    }
  });
});
