/// <reference types="node" />
// The one-page framework examples (examples/) and README's "In a framework" section name tags, attributes,
// properties and events: each name must be one custom-elements.json lists, so a renamed attribute or event fails
// here instead of leaving the docs wrong. The React, Vue and Angular examples also run in Chromium
// (test/frameworks/).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '../support/expect.js';
import { TAGS } from '../frameworks/server-plugins.mjs';
import { elementsOf, root } from './manifest.js';

const elements = elementsOf();
const tags = [...elements.keys()];
const read = (path: string) => readFileSync(join(root, path), 'utf8');
/** Attributes any HTML element takes. */
const GLOBAL_ATTRIBUTES = new Set(['lang', 'id', 'class', 'style', 'slot', 'hidden', 'dir', 'title']);

/** The attribute names (as written) of every opening tag of the four elements, in HTML, JSX, Vue or Angular. */
function openingTags(text: string): { tag: string; names: string[] }[] {
  const found: { tag: string; names: string[] }[] = [];
  for (const match of text.matchAll(new RegExp(`<(${tags.join('|')})(?=[\\s/>])`, 'g'))) {
    const names: string[] = [];
    let i = match.index + match[0].length;
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i++;
      if (i >= text.length || text[i] === '>' || text[i] === '/') break;
      const name = /^[^\s=/>]+/.exec(text.slice(i))![0];
      names.push(name);
      i += name.length;
      if (text[i] !== '=') continue;
      i++;
      const open = text[i];
      if (open === '"' || open === "'") i = text.indexOf(open, i + 1) + 1;
      else if (open === '{') {
        // A JSX expression: to its closing brace (arrow functions hold `>`).
        for (let depth = 0; i < text.length; i++) {
          if (text[i] === '{') depth++;
          else if (text[i] === '}' && --depth === 0) break;
        }
        i++;
      } else while (i < text.length && !/[\s>]/.test(text[i]!)) i++;
    }
    found.push({ tag: match[1]!, names });
  }
  return found;
}

const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());

type Kind = 'attribute' | 'property' | 'attribute or property' | 'event';
/** Checks one name against the manifest; returns what is wrong, if anything. */
function problem(tag: string, kind: Kind, name: string): string | undefined {
  const api = elements.get(tag)!;
  const ok =
    kind === 'event' ? api.events.has(name)
    : kind === 'property' ? api.properties.has(name)
    : kind === 'attribute' ? api.attributes.has(name) || GLOBAL_ATTRIBUTES.has(name)
    : api.attributes.has(name) || api.properties.has(name) || GLOBAL_ATTRIBUTES.has(name);
  return ok ? undefined : `<${tag}> has no ${kind} "${name}"`;
}

/** Every name of every tag in `text`, classified by `classify` (undefined: not an element API, e.g. `key`). */
function problemsIn(text: string, classify: (name: string) => [Kind, string] | undefined): string[] {
  const uses = openingTags(text);
  expect(uses.length, 'the example uses the elements').to.be.greaterThan(0);
  return uses.flatMap(({ tag, names }) =>
    names.flatMap((raw) => {
      const use = classify(raw);
      const wrong = use && problem(tag, use[0], use[1]);
      return wrong ? [wrong] : [];
    }),
  );
}

describe('framework examples against custom-elements.json', () => {
  it('checks names: an unknown attribute, property or event is reported', () => {
    expect(problemsIn('<campaign-stats campaign-ids="x" onmetric-selected={() => a > b} counts={{}}></campaign-stats>', (n) =>
      n.startsWith('on') ? ['event', n.slice(2)] : ['attribute or property', n],
    )).to.deep.equal(['<campaign-stats> has no attribute or property "campaign-ids"', '<campaign-stats> has no event "metric-selected"']);
  });

  it('plain HTML: attributes, and the events it listens to', () => {
    const page = read('examples/plain-html/index.html');
    expect(problemsIn(page, (name) => ['attribute', name])).to.deep.equal([]);
    const listened = [...page.matchAll(/addEventListener\('([^']+)'/g)].map((m) => m[1]!);
    expect(listened).to.not.be.empty;
    for (const event of listened) expect(tags.some((tag) => elements.get(tag)!.events.has(event)), event).to.equal(true);
  });

  it('React 19: attributes or properties, and on<event-name> props', () => {
    const jsx = read('examples/react/CampaignPage.jsx');
    const problems = problemsIn(jsx, (name) => {
      if (name === 'key' || name === 'ref') return undefined;
      // React 19 listens to `on` + the exact event name; `onMetricSelect` would listen to "MetricSelect".
      if (name.startsWith('on')) return ['event', name.slice(2)];
      return ['attribute or property', name];
    });
    expect(problems).to.deep.equal([]);
    expect(jsx).to.match(/onmetric-select=/);
  });

  it('Vue: :attr bindings, .prop properties, @event listeners, and the isCustomElement list', () => {
    const vue = read('examples/vue/CampaignPage.vue');
    const problems = problemsIn(vue, (raw) => {
      if (raw.startsWith('@') || raw.startsWith('v-on:')) return ['event', raw.replace(/^(@|v-on:)/, '').split('.')[0]!];
      if (raw.startsWith('v-') || raw === ':key') return undefined;
      const [name, ...modifiers] = raw.replace(/^(:|v-bind:)/, '').split('.');
      // `.prop` forces a property (camelCased); a plain binding is a property when the element has one, else an attribute.
      return modifiers.includes('prop') ? ['property', camel(name!)] : ['attribute or property', name!];
    });
    expect(problems).to.deep.equal([]);
    expect(vue).to.contain('.prop=');
    const listed = /isCustomElement: \(tag\) => \[([^\]]+)\]/.exec(vue)?.[1]?.match(/[\w-]+/g) ?? [];
    expect([...listed].sort(), 'the tags the example tells Vue about').to.deep.equal([...tags].sort());
    expect([...TAGS].sort(), 'the tags the test server tells Vue about').to.deep.equal([...tags].sort());
  });

  it('Angular: CUSTOM_ELEMENTS_SCHEMA, [attr.x] attributes, [x] properties, (event) listeners', () => {
    const component = read('examples/angular/campaign-page.component.ts');
    expect(component).to.match(/schemas: \[CUSTOM_ELEMENTS_SCHEMA\]/);
    const problems = problemsIn(component, (raw) => {
      if (raw.startsWith('[attr.')) return ['attribute', raw.slice(6, -1)];
      if (raw.startsWith('[')) return ['property', raw.slice(1, -1)];
      if (raw.startsWith('(')) return ['event', raw.slice(1, -1)];
      if (raw.startsWith('*') || raw.startsWith('#')) return undefined;
      return ['attribute', raw];
    });
    expect(problems).to.deep.equal([]);
    expect(component).to.match(/\[thresholds\]=/);
  });

  // The README's own element sections: their HTML snippets and their "Attributes:" lists are what a newcomer copies
  // first, and were checked by no test (a renamed attribute would have left them wrong).
  it('README: the HTML snippets name only real attributes, and each element\'s "Attributes:" list names all of them', () => {
    const readme = read('README.md');
    const html = [...readme.matchAll(/^```html\n([\s\S]*?)^```$/gm)].map((m) => m[1]!).join('\n');
    expect(problemsIn(html, (name) => ['attribute', name])).to.deep.equal([]);
    for (const tag of ['email-status-badge', 'campaign-stats', 'status-timeline']) {
      const start = readme.indexOf(`### \`<${tag}>\``);
      expect(start, tag).to.be.greaterThan(-1);
      let section = readme.slice(start, readme.indexOf('\n### ', start + 1));
      // Values and remarks in parentheses (`size` (`small`|`medium`)) are not attribute names.
      for (let before = ''; before !== section; ) [before, section] = [section, section.replace(/\([^()]*\)/g, '')];
      const listed = /Attributes: ([^;]*);/.exec(section)?.[1]?.match(/`[\w-]+`/g)?.map((name) => name.slice(1, -1)) ?? [];
      expect([...listed].sort(), `<${tag}>'s README attributes`).to.deep.equal([...elements.get(tag)!.attributes].sort());
    }
  });

  it('every example imports only entry points the package exports', () => {
    const { exports } = JSON.parse(read('package.json')) as { exports: Record<string, unknown> };
    for (const path of ['examples/react/CampaignPage.jsx', 'examples/vue/CampaignPage.vue', 'examples/angular/campaign-page.component.ts']) {
      const specs = [...read(path).matchAll(/(?:from |import )'(estafette[^']*)'/g)].map((m) => m[1]!);
      expect(specs, path).to.not.be.empty;
      for (const spec of specs) expect(Object.keys(exports), `${path}: ${spec}`).to.include(spec.replace(/^estafette/, '.'));
    }
  });

  it('README\'s "In a framework" section lists the real events and object properties', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('### In a framework'), readme.indexOf('\n### ', readme.indexOf('### In a framework') + 1));
    const events = /The events are ([^.]+)\./.exec(section)?.[1]?.match(/`([\w-]+)`/g)?.map((s) => s.slice(1, -1)) ?? [];
    expect(events.sort()).to.deep.equal([...new Set([...elements.values()].flatMap((api) => [...api.events]))].sort());
    const properties = [...(/objects in properties \(([^)]+)\)/.exec(section)?.[1] ?? '').matchAll(/`\.(\w+)`/g)].map((m) => m[1]!);
    expect(properties).to.not.be.empty;
    for (const property of properties) expect(tags.some((tag) => elements.get(tag)!.properties.has(property)), property).to.equal(true);
  });
});
