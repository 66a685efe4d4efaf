// Every row of Storybook's Controls panel that has a control (built from custom-elements.json by
// .storybook/custom-elements-docs.ts) must reach the element through the stories' render: a control that does
// nothing misleads whoever reviews the design. Each control is set to a value unlike its default, the story is
// rendered, and the element must hold that value.
import { expect, fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { argTypesFromManifest } from '../../.storybook/custom-elements-docs.js';
import * as statsStories from '../../stories/campaign-stats.stories.js';
import * as badgeStories from '../../stories/email-status-badge.stories.js';
import * as timelineStories from '../../stories/status-timeline.stories.js';

interface Meta {
  args?: Record<string, unknown>;
  render: (args: Record<string, unknown>, context: unknown) => TemplateResult;
}

const STORIES = {
  'email-status-badge': badgeStories.default,
  'campaign-stats': statsStories.default,
  'status-timeline': timelineStories.default,
} as unknown as Record<string, Meta>;

/**
 * Stories with a render of their own around one element, which must pass the controls on too (the drill-down ones
 * listened to the element and dropped every control but the figures and the channel).
 */
const OWN_RENDERS = {
  'campaign-stats': { DrillDown: statsStories.DrillDown, Selected: statsStories.Selected },
} as unknown as Record<string, Record<string, { args?: Record<string, unknown>; render: Meta['render'] }>>;

// A value for each controllable type: never an element's default, so that a control the render drops is caught.
// Objects are compared by identity (a property binding hands over the object itself).
const BY_TYPE: Record<string, () => unknown> = {
  boolean: () => true,
  number: () => 4,
  string: () => 'sample-value',
  "'email' | 'sms' | undefined": () => 'sms',
  "'small' | 'medium'": () => 'small',
  "'pill' | 'dot' | 'icon-only'": () => 'dot',
  "'default' | 'per-delivered'": () => 'per-delivered',
  "'grid' | 'list' | 'compact'": () => 'list',
  "'newest-first' | 'oldest-first'": () => 'oldest-first',
  'MessageStatus | undefined': () => ({ messageId: 'm-sample', channel: 'email', delivery: 'delivered', display: 'delivered', engagement: {}, updatedAt: '2026-11-24T09:00:00Z', settled: true }),
  'CampaignCounts | undefined': () => ({ sent: 3 }),
  'Thresholds | undefined': () => ({ bounced: { warning: 0.01 } }),
  'readonly CanonicalEvent[] | undefined': () => [],
  'readonly CampaignHistoryEntry[] | undefined': () => [],
  'string[] | undefined': () => ['delivered', 'opened'],
  'string[] | string | undefined': () => ['delivered', 'opened'],
};

describe('Storybook controls', () => {
  let manifest: unknown;
  before(async () => {
    manifest = await (await fetch('/custom-elements.json')).json();
  });

  const cases = Object.entries(STORIES).flatMap(([tag, meta]) => [
    { tag, title: `<${tag}>`, meta },
    ...Object.entries(OWN_RENDERS[tag] ?? {}).map(([name, story]) => ({ tag, title: `<${tag}> story ${name}`, meta: { args: { ...meta.args, ...story.args }, render: story.render } })),
  ]);
  for (const { tag, title, meta } of cases) {
    it(`${title}: every control reaches the element`, async () => {
      const argTypes = argTypesFromManifest(manifest as never, tag)!;
      const controlled = Object.entries(argTypes).filter(
        ([, row]) => !(row.control as { disable?: boolean } | undefined)?.disable && ['attributes', 'properties'].includes(String(row.table?.category)),
      );
      expect(controlled.length, 'rows with a control').to.be.greaterThan(5);
      const missed: string[] = [];
      for (const [name, row] of controlled) {
        if (name === 'lang') continue; // the language: checked by the rendered text in the stories' own tests
        const type = row.type as { name: string; value?: string } | undefined;
        const sample = BY_TYPE[type?.name === 'other' ? type.value! : type?.name ?? '']?.();
        expect(sample, `${tag}.${name}: no sample for its type ${JSON.stringify(type)}`).to.not.equal(undefined);
        const wrapper = await fixture<HTMLElement>(meta.render({ ...meta.args, [name]: sample }, {}));
        const el = (wrapper.localName === tag ? wrapper : wrapper.querySelector(tag))! as unknown as Record<string, unknown>;
        const held = el[name];
        const same = Array.isArray(sample) && !Array.isArray(held) ? false : JSON.stringify(held) === JSON.stringify(sample);
        if (!same) missed.push(`${name} (set ${JSON.stringify(sample)}, element has ${JSON.stringify(held)})`);
      }
      expect(missed, 'controls the story render drops').to.deep.equal([]);
    });
  }
});
