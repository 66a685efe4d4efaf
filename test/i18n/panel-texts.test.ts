// The texts only campaign-stats and status-timeline show load with them: a page of badges never fetches them, and
// a stats panel renders with them in its language, never with keys or English first. (Each test file runs in a
// page of its own: this one starts with no element defined but the badge.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { arePanelTextsReady } from '../../src/i18n/index.js';

const fetchedModules = () => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /-(panels|explanations)\.(ts|js)/.test(name));

describe('the texts of campaign-stats and status-timeline', () => {
  it('are not fetched by a page of badges, even once its explanations are', async () => {
    const badge = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="fr" status="delivered"></email-status-badge>`);
    await badge.showTooltip(); // the explanations load for the tooltip
    await waitUntil(() => fetchedModules().some((name) => name.includes('fr-explanations')), 'the explanations were not fetched', { timeout: 5000 });
    expect(fetchedModules().filter((name) => name.includes('-panels'))).to.deep.equal([]);
    expect(arePanelTextsReady('fr')).to.equal(false);
  });

  it('are fetched by campaign-stats, which renders with them in its language', async () => {
    await import('../../src/elements/campaign-stats/define.js');
    const stats = await fixture(html`<campaign-stats lang="fr" .counts=${{ sent: 100, delivered: 95 }}></campaign-stats>`);
    await (stats as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const text = stats.shadowRoot!.textContent!;
    expect(fetchedModules().some((name) => name.includes('fr-panels'))).to.equal(true);
    expect(text).to.contain('Délivrés');
    expect(text).not.to.match(/\b(stats|metric|denominator)\.[a-z-]+/);
  });
});
