// node --test test/ship/consumer-types.test.mjs (after `npm run build`): a TypeScript app that uses the package as
// the README shows, type-checked under `strict` against what is published (the "types" of package.json's exports,
// dist/types), not against our sources. Inside this repository the sources' own global declarations are always in
// view, so only such an outside project sees what an npm user gets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
timeline.addEventListener('entry-select', (event) => {
  const count: number = event.count;
  const same: EntrySelectEvent = event;
  console.log(event.entry, count, same);
});
console.log(version, source, loaded);
`;

test('a strict TypeScript app types the elements, their events and every entry from the published declarations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'estafette-consumer-'));
  try {
    mkdirSync(join(dir, 'node_modules'));
    symlinkSync(root, join(dir, 'node_modules', 'estafette'), 'dir');
    writeFileSync(join(dir, 'app.ts'), APP);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true, noEmit: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler',
          lib: ['ES2022', 'DOM', 'DOM.Iterable'], skipLibCheck: true, types: [],
        },
        files: ['app.ts'],
      }),
    );
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      output = `${error.stdout ?? ''}${error.stderr ?? ''}`;
    }
    assert.equal(output, '', `tsc found errors in an app using the package:\n${output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
