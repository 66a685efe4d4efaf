// After `npm run build-storybook`: serves dist/storybook on 127.0.0.1, opens every story in headless Chromium and
// fails when a story throws, or when one of our elements in it is not registered or renders nothing. It catches what
// the unit tests cannot see: the built Storybook (tree-shaking, preview set-up, MSW worker) being broken.
// Then it opens every Docs page: each must render without error, with every inline story rendered like above, and
// the ArgTypes table of an element's page must list what custom-elements.json documents for it (attributes,
// properties, methods, events, slots, CSS custom properties, CSS parts); every element must have such a page.
// A page that hangs is stopped and named (scripts/checks.mjs).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browsers.mjs';
import { watchdog } from './checks.mjs';
import { serveStatic } from './static-server.mjs';

const ROOT = 'dist/storybook';
const TAGS = ['email-status-badge', 'campaign-stats', 'status-timeline', 'status-source'];

const server = await serveStatic({ root: ROOT });
const base = server.origin;

const index = JSON.parse(await readFile(join(ROOT, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((entry) => entry.type === 'story');
const docsPages = Object.values(index.entries).filter((entry) => entry.type === 'docs');

// What each element's ArgTypes table must show, section by section, read from custom-elements.json on its own (not
// through .storybook/custom-elements-docs.ts, whose section titles and row names are repeated here): a page that
// loses its manifest link (a wrong `component`, no manifest, a broken reader) misses these rows.
const manifest = JSON.parse(await readFile('custom-elements.json', 'utf8'));
const isPublic = (member) => !member.static && member.privacy !== 'private' && member.privacy !== 'protected' && !member.name.startsWith('#');
const documented = new Map();
for (const declaration of manifest.modules.flatMap((module) => module.declarations ?? [])) {
  if (!declaration.tagName) continue;
  const attributes = (declaration.attributes ?? []).map((attribute) => attribute.name);
  const members = (declaration.members ?? []).filter(isPublic);
  documented.set(declaration.tagName, {
    attributes,
    properties: members.filter((m) => m.kind === 'field' && !attributes.includes(m.name)).map((m) => m.name),
    methods: members.filter((m) => m.kind === 'method').map((m) => `${m.name}()`),
    events: (declaration.events ?? []).map((event) => event.name),
    slots: (declaration.slots ?? []).map((slot) => slot.name || '(default)'),
    'css custom properties': (declaration.cssProperties ?? []).map((property) => property.name),
    'css shadow parts': (declaration.cssParts ?? []).map((part) => part.name),
  });
}
for (const [tag, sections] of documented) {
  // The minimum the check stands on: a manifest that lost these would make it vacuous.
  if (!sections.attributes.length) throw new Error(`custom-elements.json documents no attribute for <${tag}>`);
}
// What some stories exist to show, looked for in the text the elements draw (French: the toolbar's default).
const SAYS = {
  'elements-campaign-stats--no-source': /aucune source de données/,
};
const failures = [];
const { step, stop } = watchdog('storybook smoke', {
  onStop: () => failures.forEach((failure) => console.error(`storybook smoke: ${failure}`)),
});
step('launch Chromium');
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  let errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  for (const story of stories) {
    errors = [];
    step(`story ${story.id}`);
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`, { waitUntil: 'load' });
    const problems = await page
      .waitForFunction((tags) => {
        const root = document.querySelector('#storybook-root');
        if (!root || !root.childElementCount) return false;
        const found = [...root.querySelectorAll(tags.join(','))];
        const bad = found.filter((el) => !customElements.get(el.localName) || !el.shadowRoot || (el.localName !== 'status-source' && !el.shadowRoot.childElementCount));
        return bad.length ? false : { count: found.length };
      }, TAGS, { timeout: 10_000 })
      .then((handle) => handle.jsonValue())
      .catch(() => 'an element is not registered or rendered nothing within 10 s');
    if (typeof problems === 'string') failures.push(`${story.id}: ${problems}`);
    for (const message of errors) failures.push(`${story.id}: page error: ${message}`);
    const says = SAYS[story.id];
    if (says) {
      const text = await page.evaluate(() => {
        const all = [];
        const walk = (node) => {
          for (const child of node.children) {
            all.push(child.shadowRoot ? child.shadowRoot.textContent : '');
            walk(child);
            if (child.shadowRoot) walk(child.shadowRoot);
          }
        };
        walk(document.querySelector('#storybook-root'));
        return all.join(' ');
      });
      if (!says.test(text)) failures.push(`${story.id}: does not say ${says} (it says: ${text.replace(/\s+/g, ' ').trim().slice(0, 200)})`);
    }
  }
  for (const id of Object.keys(SAYS)) if (!stories.some((story) => story.id === id)) failures.push(`${id}: no such story`);

  const withDocs = new Set();
  for (const docs of docsPages) {
    errors = [];
    step(`docs page ${docs.id}`);
    await page.goto(`${base}/iframe.html?id=${docs.id}&viewMode=docs`, { waitUntil: 'load' });
    // The page is ready when its inline stories have rendered (loaders included: the mock API) and, for an element's
    // page, its ArgTypes table is there.
    const state = await page
      .waitForFunction(({ tags, csf }) => {
        if (document.body.classList.contains('sb-show-errordisplay')) {
          return { error: document.querySelector('#error-message')?.textContent?.trim() || 'Storybook error display' };
        }
        const docsRoot = document.querySelector('#storybook-docs');
        if (!docsRoot?.querySelector('.sbdocs-title')) return false;
        // An inline story renders into `<id>-inner`; one that threw (render, loader, decorator) shows its error instead.
        const blocks = [...docsRoot.querySelectorAll('.docs-story [data-story-block]')];
        const failed = blocks.find((block) => block.querySelector(':scope > pre'));
        if (failed) return { error: `inline story ${failed.id.replace(/^story--/, '')}: ${failed.querySelector(':scope > pre').innerText.split('\n')[0].slice(0, 300)}` };
        const rendered = (block) => {
          const root = block.querySelector(':scope > [id$="-inner"]');
          return !!root?.childElementCount && [...root.querySelectorAll(tags.join(','))]
            .every((el) => customElements.get(el.localName) && el.shadowRoot && (el.localName === 'status-source' || el.shadowRoot.childElementCount));
        };
        if ((csf && !blocks.length) || !blocks.every(rendered)) return false;
        // Meta's `component`, as the preview resolved it; the title (its last segment) if Storybook's internals move.
        const meta = window.__STORYBOOK_PREVIEW__?.currentRender?.csfFiles?.[0]?.meta;
        const title = docsRoot.querySelector('.sbdocs-title')?.textContent?.trim() ?? '';
        const component = meta ? meta.component : tags.includes(title) ? title : undefined;
        const table = docsRoot.querySelector('.docblock-argstable');
        if (typeof component === 'string' && tags.includes(component) && !table) return false;
        const rows = {};
        let section = '';
        for (const tr of table?.querySelectorAll(':scope > tbody > tr') ?? []) {
          const first = tr.firstElementChild;
          if (first?.querySelector(':scope > button')) section = first.querySelector(':scope > span')?.textContent?.trim() ?? '';
          else (rows[section] ??= []).push(first?.querySelector('span')?.textContent?.trim() ?? '');
        }
        return { component: typeof component === 'string' ? component : null, stories: blocks.length, rows };
      }, { tags: TAGS, csf: /\.stories\.[jt]sx?$/.test(docs.importPath) }, { timeout: 20_000, polling: 250 })
      .then((handle) => handle.jsonValue())
      .catch(() => ({ error: 'no title, an inline story did not render, or an element in one is not registered or rendered nothing, within 20 s' }));
    if (state.error) failures.push(`${docs.id}: ${state.error}`);
    else if (state.component && documented.has(state.component)) {
      withDocs.add(state.component);
      for (const [section, names] of Object.entries(documented.get(state.component))) {
        const missing = names.filter((name) => !state.rows[section]?.includes(name));
        if (missing.length) failures.push(`${docs.id}: ArgTypes table of <${state.component}> lacks ${section} ${missing.join(', ')}`);
      }
    } else if (state.component) {
      failures.push(`${docs.id}: its component '${state.component}' is not an element of custom-elements.json`);
    }
    for (const message of errors) failures.push(`${docs.id}: page error: ${message}`);
  }
  for (const tag of documented.keys()) {
    if (!withDocs.has(tag)) failures.push(`docs: no working Docs page lists the ArgTypes of <${tag}> (tags: ['autodocs'] and component: '${tag}' on its stories' meta)`);
  }
} finally {
  step('close Chromium');
  await browser.close();
  server.close();
  stop();
}
for (const failure of failures) console.error(`storybook smoke: ${failure}`);
const failed = new Set(failures.map((f) => f.split(':')[0]));
const count = (entries) => `${entries.filter((e) => !failed.has(e.id)).length} passed, ${entries.filter((e) => failed.has(e.id)).length} failed`;
console.log(`storybook smoke: stories ${count(stories)}; docs pages ${count(docsPages)}${failed.has('docs') ? ', an element without a Docs page' : ''}`);
process.exit(failures.length ? 1 : 0);
