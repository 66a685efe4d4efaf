// React 19 rendering the tags before the kit registers them (estafette/loader, a lazy `import('estafette/define')`).
// React sets a property only when `key in element`: on a tag not defined yet it writes attributes, `counts` holding
// "[object Object]", `campaignId` as `campaignid`, and never sets them again once the element is defined. Found by
// audit F: the figures were lost without a word. The object cannot be recovered; the element now says what
// happened and what to do, once per tag and attribute. This file registers the elements itself, after React renders:
// nothing above imports src/define.ts.
import { expect } from '@open-wc/testing';
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import type { CampaignCounts } from '../../src/core/index.js';

const COUNTS: CampaignCounts = { sent: 1000, delivered: 900, opened: 300 };

let warnings: string[];
const warn = console.warn;
let container: HTMLElement;
let root: Root;

/** Renders the tags with these props, as JSX would: `render(['campaign-stats', { counts }])`. */
const render = (...nodes: [tag: string, props: Record<string, unknown>][]) =>
  flushSync(() => root.render(nodes.map(([tag, props], i) => createElement(tag, { ...props, key: i }))));

describe('React 19 rendering the tags before they are registered', () => {
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    container = document.body.appendChild(document.createElement('div'));
    root = createRoot(container);
  });
  afterEach(() => {
    console.warn = warn;
    root.unmount();
    container.remove();
  });

  it('warns once per tag and attribute, naming the property and the fix, when the elements are registered', async () => {
    render(
      ['campaign-stats', { lang: 'en', counts: COUNTS, campaignId: 42, 'campaign-name': 'Late' }],
      ['campaign-stats', { lang: 'en', counts: COUNTS }],
      ['email-status-badge', { value: { messageId: 'm-1', display: 'delivered' }, size: 'small' }],
      ['status-timeline', { events: [], 'message-id': 'm-1' }],
    );
    expect(container.querySelector('campaign-stats')!.getAttribute('counts')).to.equal('[object Object]');
    expect(warnings, 'nothing to say before the elements are registered').to.deep.equal([]);

    await import('../../src/define.js');

    expect(warnings).to.have.length(4);
    const about = (tag: string, attribute: string) => warnings.filter((w) => w.startsWith(`estafette: <${tag}>:`) && w.includes(` ${attribute}="`));
    expect(about('campaign-stats', 'counts'), 'two stats, one warning').to.have.length(1);
    expect(about('campaign-stats', 'counts')[0]).to.contain('set the `counts` property instead');
    expect(about('campaign-stats', 'campaignid')[0]).to.contain('campaignid="42" is lost: set the `campaignId` property or the campaign-id attribute instead.');
    expect(about('email-status-badge', 'value')[0]).to.contain('set the `value` property instead');
    expect(about('status-timeline', 'events')[0]).to.contain('set the `events` property instead');
    for (const warning of warnings) {
      expect(warning).to.contain("Register the elements before the first render (import 'estafette/define' first");
      expect(warning).to.contain('@lit/react wrappers');
    }
  });

  it('says nothing of elements rendered once they are registered, or of attributes they read', async () => {
    await import('../../src/define.js');
    render(
      ['campaign-stats', { lang: 'en', counts: COUNTS, campaignId: 43, 'campaign-name': 'On time', 'heading-level': 3 }],
      ['email-status-badge', { value: { messageId: 'm-1', display: 'delivered' }, 'message-id': 'm-2', status: 'delivered' }],
      ['status-timeline', { events: [], compact: true }],
    );
    const stats = container.querySelector('campaign-stats') as HTMLElement & { counts?: CampaignCounts };
    expect(stats.counts).to.equal(COUNTS);
    expect(stats.hasAttribute('counts')).to.equal(false);
    expect(warnings).to.deep.equal([]);
  });

  it('warns when an attribute it reads is given an object, as by a framework binding an attribute', async () => {
    await import('../../src/define.js');
    const timeline = container.appendChild(document.createElement('status-timeline'));
    timeline.setAttribute('recipient', String({ name: 'Ada' }));
    // Only what this tag says: the test before's <campaign-stats>, given both counts and a campaign-id, may say
    // that its counts go unused within this test's time (about 1 run in 4).
    const about = warnings.filter((w) => w.startsWith('estafette: <status-timeline>:'));
    expect(about, JSON.stringify(warnings)).to.have.length(1);
    expect(about[0]).to.contain('<status-timeline>: an object written as its attribute recipient is lost.');
  });
});
