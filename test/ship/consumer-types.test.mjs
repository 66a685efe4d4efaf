// node --test test/ship/consumer-types.test.mjs (after `npm run build`): a TypeScript app that uses the package as
// the README shows, type-checked under `strict` against what is published (the "types" of package.json's exports,
// dist/types), not against our sources. Inside this repository the sources' own global declarations are always in
// view, so only such an outside project sees what an npm user gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileScript, parse } from 'vue/compiler-sfc';

const root = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const APP = `
import 'estafette/define';
import { discover, load } from 'estafette/loader';
import { VERSION, RestDataSource } from 'estafette/cdn';
import {
  EntrySelectEvent, MetricSelectEvent, StageChangeEvent, StatusChangeEvent,
  type CampaignMetric, type DisplayStatus, type Lifecycle, type MessageStatus,
} from 'estafette';
import { CampaignStatsElement } from 'estafette/campaign-stats/define';
import { StatusTimelineElement } from 'estafette/status-timeline/define';
import { EmailStatusBadgeElement } from 'estafette/email-status-badge/define';

const version: string = VERSION;
const loaded: Promise<unknown> = load();
discover(document.createElement('div').attachShadow({ mode: 'closed' }));
const source = new RestDataSource({ baseUrl: '/api' });

const stats: CampaignStatsElement = document.querySelector('campaign-stats')!;
stats.addEventListener('metric-select', (event) => {
  const metric: CampaignMetric = event.detail.metric;
  const statuses: readonly DisplayStatus[] = event.statuses;
  const keep = (status: MessageStatus): boolean => event.matches(status);
  const same: MetricSelectEvent = event;
  console.log(metric, statuses, keep, same);
  // The README's drill-down: mark the indicator whose contacts are listed, remove the mark on \`unselect\`.
  stats.selected = event.detail.unselect ? undefined : event.metric;
});

const badge: EmailStatusBadgeElement = document.querySelector('email-status-badge')!;
badge.addEventListener('status-change', (event) => {
  const id: string = event.messageId;
  const now: DisplayStatus = event.newStatus;
  const before: DisplayStatus = event.oldStatus;
  const same: StatusChangeEvent = event;
  console.log(id, now, before, same);
});

const timeline: StatusTimelineElement = document.querySelector('status-timeline')!;
timeline.addEventListener('stage-change', (event) => {
  const lifecycle: Lifecycle = event.lifecycle;
  const same: StageChangeEvent = event;
  console.log(lifecycle, same);
});
// What a page gave, taken back ("not given"), as the elements read undefined.
stats.counts = undefined;
stats.campaignId = undefined;
timeline.events = undefined;
timeline.messageId = undefined;
badge.messageId = undefined;
timeline.addEventListener('entry-select', (event) => {
  const count: number = event.count;
  const same: EntrySelectEvent = event;
  console.log(event.entry, count, same);
});
console.log(version, source, loaded);
`;

/**
 * Type-checks `files` (name → text) as an app whose node_modules holds the package (and `links`, from this
 * repository's node_modules), under `compilerOptions`; returns what tsc printed.
 */
function typecheck(files, compilerOptions, links = []) {
  const dir = mkdtempSync(join(tmpdir(), 'estafette-consumer-'));
  try {
    mkdirSync(join(dir, 'node_modules', '@types'), { recursive: true });
    symlinkSync(root, join(dir, 'node_modules', 'estafette'), 'dir');
    for (const link of links) symlinkSync(join(root, 'node_modules', link), join(dir, 'node_modules', link), 'dir');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [], ...compilerOptions }, files: Object.keys(files) }));
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
      return '';
    } catch (error) {
      return `${error.stdout ?? ''}${error.stderr ?? ''}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const [module, moduleResolution] of [['ESNext', 'bundler'], ['node16', 'node16']]) {
  // Under exactOptionalPropertyTypes too: a property declared `campaignId?: string` could not be given back
  // `undefined` there (TS2412), so the README's `selected` could not be removed in TypeScript (integrator audit).
  test(`a strict TypeScript app types the elements, their events and every entry from the published declarations (moduleResolution ${moduleResolution})`, () => {
    const output = typecheck({ 'app.ts': APP }, { module, moduleResolution, skipLibCheck: true, exactOptionalPropertyTypes: true });
    assert.equal(output, '', `tsc found errors in an app using the package:\n${output}`);
  });
}

// `moduleResolution: node` (node10) ignores package.json's "exports": Angular 17's projects (the README says 17+),
// CommonJS projects (`module: commonjs` defaults to it) and older tool set-ups resolve the entries' types through
// "typesVersions" instead. Without it, every entry but `estafette` itself was TS2307 there (integrator audit).
test('a strict TypeScript app under moduleResolution node (node10) types every entry', () => {
  const output = typecheck({ 'app.ts': APP }, { module: 'ESNext', moduleResolution: 'node10', skipLibCheck: true, ignoreDeprecations: '6.0' });
  assert.equal(output, '', `tsc found errors in an app using the package:\n${output}`);
});

test('"typesVersions" gives each entry the types its "exports" condition names', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const fromExports = Object.entries(pkg.exports)
    .filter(([key, target]) => key !== '.' && typeof target === 'object' && target.types)
    .map(([key, target]) => [key.slice(2), [target.types.slice(2)]]);
  assert.deepEqual(pkg.typesVersions, { '*': Object.fromEntries(fromExports) });
});

// A Node server, as the README shows: answers built with `estafette/core`, webhooks read with `estafette/providers`,
// checked with the validators of `estafette/data`, texts from `estafette/i18n`. Such a project has no DOM lib, only
// @types/node, and checks every declaration (skipLibCheck off): the published types of data and i18n named browser-only
// globals (`HeadersInit`, `EventSourceInit`, `Element`), each an error there (audit of the Node entries).
const SERVER = `
import { aggregate, reduceEvents, type CanonicalEvent } from 'estafette/core';
import { isProviderId, normalize, ProviderPayloadError } from 'estafette/providers';
import {
  DataSourceError, parseCampaignHistoryEntry, parseCampaignStats, parseCanonicalEvent, parseMessageStatus,
  type RestDataSourceOptions,
} from 'estafette/data';
import { explanation, loadExplanations, loadPanelTexts, resolveLocale, translate } from 'estafette/i18n';

const provider = 'sendgrid';
const events: CanonicalEvent[] = isProviderId(provider)
  ? normalize(provider, Buffer.from('[]'), { receivedAt: new Date() }).map((event) => parseCanonicalEvent(event))
  : [];
const status = parseMessageStatus(JSON.parse(JSON.stringify(reduceEvents(events))));
const counts = aggregate([status]);
try {
  parseCampaignStats({});
  parseCampaignHistoryEntry({});
} catch (error) {
  console.log(error instanceof DataSourceError ? error.message : error instanceof ProviderPayloadError);
}
const options: RestDataSourceOptions = { baseUrl: 'https://api.example', headers: { authorization: 'Bearer x' }, fetch };
await loadPanelTexts('fr');
await loadExplanations('fr');
console.log(counts, options, resolveLocale(), translate('fr', 'status.delivered'), explanation('fr', 'status.delivered.meaning'));
`;

test('a Node server without the DOM lib types core, providers, data and i18n from the published declarations (skipLibCheck off)', () => {
  const output = typecheck(
    { 'server.ts': SERVER },
    { module: 'node16', moduleResolution: 'node16', lib: ['ES2022'], types: ['node'], skipLibCheck: false },
    ['@types/node'],
  );
  assert.equal(output, '', `tsc found errors in a Node server using the package:\n${output}`);
});

// React 19 in TypeScript, as the README says: the published typings imported (`import type {} from 'estafette/react'`,
// or `/// <reference types>` under moduleResolution node10, through typesVersions), the tags used in JSX
// (test/frameworks/jsx-types/page.tsx, whose @ts-expect-error lines must still be errors). Under
// exactOptionalPropertyTypes too, as React's own props allow: a prop handed on from an optional one
// (`thresholds={props.thresholds}`, possibly undefined) was refused before (audit Z). The typings were a file to copy
// (examples/react/estafette-jsx.d.ts), stale at the next upgrade.
for (const [moduleResolution, entry] of [['node16', "import type {} from 'estafette/react';\n"], ['node10', '/// <reference types="estafette/react" />\n']]) {
  test(`a React 19 app types the tags in JSX with the published estafette/react (moduleResolution ${moduleResolution}), under exactOptionalPropertyTypes`, () => {
    const module = moduleResolution === 'node16' ? 'node16' : 'ESNext';
    const output = typecheck(
      { 'estafette.ts': entry, 'page.tsx': readFileSync(join(root, 'test/frameworks/jsx-types/page.tsx'), 'utf8') },
      { module, moduleResolution, jsx: 'react-jsx', skipLibCheck: true, exactOptionalPropertyTypes: true, ignoreDeprecations: '6.0' },
      ['@types/react'],
    );
    assert.equal(output, '', `tsc found errors in a React app using the package:\n${output}`);
  });
}

// Vue 3 in TypeScript: `import type {} from 'estafette/vue'` gives the tags to vue-tsc's template checking through
// Vue's GlobalComponents (without it, under `strictTemplates`, each tag was an error and `$event` was `any`). Checked
// here with plain tsc, as vue-tsc reads a tag: its `$props` (what a template may bind) and its `$emit` (what types
// `$event`), against the published declarations.
const VUE_APP = `
import type {} from 'estafette/vue';
import type { GlobalComponents } from 'vue';
import type { MetricSelectEvent, StatusChangeEvent } from 'estafette';

type Stats = InstanceType<GlobalComponents['campaign-stats']>;
type Badge = InstanceType<GlobalComponents['email-status-badge']>;
// The template \`<campaign-stats :campaign-id="42" heading-level="3" no-export :thresholds.prop="..." class="kpi" data-x="1">\`.
const stats: Stats['$props'] = { campaignId: 42, headingLevel: '3', noExport: true, thresholds: { bounced: { warning: 0.02 } }, class: 'kpi', 'data-x': '1' };
const badge: Badge['$props'] = { messageId: 'msg-1', size: 'small', updatedAt: new Date() };
declare const statsElement: Stats;
declare const badgeElement: Badge;
declare const metricSelect: MetricSelectEvent;
declare const statusChange: StatusChangeEvent;
statsElement.$emit('metric-select', metricSelect);
badgeElement.$emit('status-change', statusChange);
// @ts-expect-error: not a layout
const wrongLayout: Stats['$props'] = { layout: 'sideways' };
// @ts-expect-error: not a prop of <email-status-badge>
const unknownProp: Badge['$props'] = { bogus: 1 };
// @ts-expect-error: \`$event\` of @metric-select is a MetricSelectEvent, not a StatusChangeEvent
statsElement.$emit('metric-select', statusChange);
console.log(stats, badge, wrongLayout, unknownProp);
`;

test('a Vue 3 app types the tags for its templates with the published estafette/vue', () => {
  const output = typecheck({ 'app.ts': VUE_APP }, { module: 'ESNext', moduleResolution: 'bundler', skipLibCheck: true }, ['vue', '@vue']);
  assert.equal(output, '', `tsc found errors in a Vue app using the package:\n${output}`);
});

// Vue 3 in TypeScript: examples/vue/CampaignPage.vue as Vue's SFC compiler turns it into a module (what vue-tsc
// and Vite read), checked under `strict` against the published declarations, the tags declared custom elements as its
// comment says. It was `<script setup>` in JavaScript: copied into a TypeScript project (Vite's vue-ts template), its
// import failed vue-tsc (TS7016, no declaration for the .vue file), and as TypeScript its props were untyped.
test('the Vue example compiles as TypeScript against the published declarations', () => {
  const source = readFileSync(join(root, 'examples/vue/CampaignPage.vue'), 'utf8');
  const tags = /isCustomElement: \(tag\) => \[([^\]]+)\]/.exec(source)?.[1]?.match(/[\w-]+/g) ?? [];
  const compilerOptions = { isCustomElement: (tag) => tags.includes(tag) };
  const { descriptor } = parse(source, { filename: 'CampaignPage.vue', templateParseOptions: compilerOptions });
  const { content } = compileScript(descriptor, { id: 'campaign-page', inlineTemplate: true, templateOptions: { compilerOptions } });
  const app = `
import { createApp, h } from 'vue';
import type { DisplayStatus } from 'estafette';
import CampaignPage from './campaign-page.js';
createApp({ render: () => h(CampaignPage, {
  campaignId: 'cmp-42', contacts: [{ id: 'c-1', name: 'Ada', messageId: 'msg-1' }], thresholds: { bounced: { warning: 0.02 } },
  onFilter: (statuses: readonly DisplayStatus[]) => console.log(statuses),
}) }).mount('#app');
`;
  const output = typecheck({ 'campaign-page.ts': content, 'app.ts': app }, { module: 'ESNext', moduleResolution: 'bundler', skipLibCheck: true }, ['vue', '@vue']);
  assert.equal(output, '', `tsc found errors in the Vue example:\n${output}`);
  assert.ok(descriptor.scriptSetup?.lang === 'ts' && tags.length === 4, 'a <script setup lang="ts"> declaring the four tags');
});

// The README's code blocks that use the package (`ts` and `js`: set-up, loader, core, texts, the webhook endpoint in
// Node), each type-checked as a file of an app against the published declarations, as an integrator pastes them:
// a renamed export, option or property fails here instead of in their editor. A CDN URL stands for the entry that is
// the same file (`estafette/cdn`, `estafette/loader`). The snippets leave their own data undeclared
// (`eventsOfOneMessage`): "cannot find name" (TS2304) is the one error let through.
const CDN_URL = /'https:\/\/cdn\.example\/estafette@[^/]+\/dist\/cdn\/estafette(-loader)?\.js'/g;
const snippets = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/^```(ts|js)\n([\s\S]*?)^```$/gm)]
  .filter(([, , code]) => /from '(estafette[\w/-]*|https:\/\/cdn\.example\/[^']+)'/.test(code))
  .map(([, lang, code], i) => [`readme-${i + 1}.${lang}`, code.replace(CDN_URL, (_, loader) => (loader ? "'estafette/loader'" : "'estafette/cdn'"))]);

test('the README\'s code blocks that use the package type-check against the published declarations', () => {
  assert.ok(snippets.length >= 6, `${snippets.length} code blocks found`);
  const output = typecheck(
    Object.fromEntries(snippets),
    { module: 'node16', moduleResolution: 'node16', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: ['node'], allowJs: true, checkJs: true, noImplicitAny: false, skipLibCheck: true },
    ['@types/node', 'msw'],
  );
  const errors = output.split('\n').filter((line) => /error TS/.test(line) && !/error TS2304:/.test(line));
  assert.deepEqual(errors, [], `tsc found errors in the README's snippets (${snippets.map(([name]) => name).join(', ')}):\n${output}`);
});
