// `::part()` names are public API: a page restyling `::part(icon)` must get the same kind of node in every element,
// and a part the elements render without documenting it is one no page can rely on. Every story of the three
// elements that renders without a loader is rendered; then a badge's tooltip is opened and a timeline entry
// selected (their parts exist only then). The rendered part names are compared with custom-elements.json.
import { expect, fixture, nextFrame } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/define.js';
import * as statsStories from '../../stories/campaign-stats.stories.js';
import * as badgeStories from '../../stories/email-status-badge.stories.js';
import * as timelineStories from '../../stories/status-timeline.stories.js';

interface Meta {
  args?: Record<string, unknown>;
  render: (args: Record<string, unknown>, context: unknown) => TemplateResult;
}
interface Story {
  args?: Record<string, unknown>;
  loaders?: unknown[];
  render?: Meta['render'];
}

const MODULES = {
  'email-status-badge': badgeStories,
  'campaign-stats': statsStories,
  'status-timeline': timelineStories,
} as unknown as Record<string, Record<string, Meta | Story>>;

const partsOf = (root: ParentNode): Element[] => [...root.querySelectorAll('[part]')];
const namesOf = (nodes: Element[]): Set<string> => new Set(nodes.flatMap((node) => node.getAttribute('part')!.split(/\s+/).filter(Boolean)));

async function settle(el: Element): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
    await nextFrame();
  }
}

/** Every part node rendered by the stories of `tag`, plus the states a user opens. */
async function renderedParts(tag: string): Promise<Element[]> {
  const module = MODULES[tag]!;
  const meta = module.default as Meta;
  const nodes: Element[] = [];
  for (const [name, story] of Object.entries(module)) {
    if (!/^[A-Z]/.test(name) || typeof story !== 'object') continue; // stories are the capitalised exports
    if ((story as Story).loaders?.length) continue; // the mock API: rendered by the stories' own tests
    const render = (story as Story).render ?? meta.render;
    const wrapper = await fixture<HTMLElement>(render({ ...meta.args, ...(story as Story).args }, { args: { ...meta.args, ...(story as Story).args } }));
    const elements = wrapper.localName === tag ? [wrapper] : [...wrapper.querySelectorAll(tag)];
    await Promise.all(elements.map(settle));
    for (const el of elements) nodes.push(...partsOf(el.shadowRoot!));
    // What a user opens, on the story's first element (a thousand rows have the same parts).
    const first = elements[0];
    if (!first) continue;
    const opener = tag === 'email-status-badge' ? '[part~="badge"]' : tag === 'status-timeline' ? '[part~="row"]' : undefined;
    if (opener) {
      const target = first.shadowRoot!.querySelector<HTMLElement>(opener);
      if (tag === 'email-status-badge') target?.focus();
      else target?.click();
      await settle(first);
      nodes.push(...partsOf(first.shadowRoot!));
    }
  }
  return nodes;
}

describe('CSS parts', () => {
  let documented: Map<string, Set<string>>;
  before(async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
    };
    documented = new Map(
      manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, new Set((d.cssParts ?? []).map((p) => p.name))]),
    );
  });

  for (const tag of Object.keys(MODULES)) {
    it(`<${tag}> renders only documented parts, and \`icon\` is an svg`, async () => {
      const nodes = await renderedParts(tag);
      const rendered = namesOf(nodes);
      expect(rendered.size, 'parts rendered by the stories').to.be.greaterThan(3);
      expect([...rendered].filter((name) => !documented.get(tag)!.has(name)), 'rendered, not documented').to.deep.equal([]);
      const icons = nodes.filter((node) => node.getAttribute('part')!.split(/\s+/).includes('icon'));
      expect(icons.length, 'icons rendered').to.be.greaterThan(0);
      expect([...new Set(icons.map((node) => node.localName))], 'what ::part(icon) selects').to.deep.equal(['svg']);
    });
  }

  it('the timeline names the disc around an entry icon and the stage markers', async () => {
    const nodes = await renderedParts('status-timeline');
    const rendered = namesOf(nodes);
    expect(rendered.has('icon-box') && rendered.has('stage-marker'), [...rendered].join(' ')).to.equal(true);
    for (const node of nodes.filter((n) => /\b(icon-box|stage-marker)\b/.test(n.getAttribute('part')!))) {
      expect(node.querySelector('svg')?.getAttribute('part'), 'the icon inside').to.equal('icon');
    }
  });
});
