// React 18 (installed here as `react-18` and `react-dom-18`), the version the wrappers exist for: the same checks
// as with React 19 (wrapper-suite.ts), on wrappers generated to import React 18; and, first, why they are needed.
import { expect } from '@open-wc/testing';
import { createElement, version } from 'react-18';
import { flushSync } from 'react-dom-18';
import { createRoot } from 'react-dom-18/client';
import * as wrappers from 'virtual:estafette-react-18';
import '../../src/define.js';
import type { CampaignStatsElement } from '../../src/elements/campaign-stats/campaign-stats.js';
import { CAMPAIGN_ID, STRICT_THRESHOLDS } from './page-data.js';
import { reactPage } from './react-root.js';
import { describeWrappers } from './wrapper-suite.js';

describe('React 18 without wrappers', () => {
  const page = reactPage({ createRoot, flushSync });

  it('runs React 18, which passes an object to a custom element as an attribute string', () => {
    expect(version).to.match(/^18\./);
    page.render(createElement('campaign-stats', { 'campaign-id': CAMPAIGN_ID, thresholds: STRICT_THRESHOLDS }));
    const stats = page.one<CampaignStatsElement>('campaign-stats');
    // What the README warns about: React before 19 stringifies it. The wrappers below set the property instead.
    expect(stats.getAttribute('thresholds')).to.equal('[object Object]');
    expect(stats.thresholds).to.not.equal(STRICT_THRESHOLDS);
    // And the element says so, naming the property and the wrappers.
    expect(page.errors.filter((e) => e.includes('set the `thresholds` property instead') && e.includes('@lit/react wrappers'))).to.have.length(1);
  });
});

describeWrappers('18', { createElement, dom: { createRoot, flushSync }, wrappers });
