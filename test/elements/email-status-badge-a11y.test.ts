import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { DisplayStatus } from '../../src/core/index.js';
import { DataSourceError } from '../../src/data/errors.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { contrast } from '../support/contrast.js';
import { FakeSource, part, statusOf } from './shared/badge-helpers.js';

const STATUSES: readonly DisplayStatus[] = [
  'scheduled', 'queued', 'held', 'sending', 'sent', 'deferred', 'delivered', 'soft-bounced', 'hard-bounced', 'bounced',
  'blocked', 'dropped', 'failed', 'expired', 'canceled', 'unknown', 'opened', 'clicked', 'read', 'replied',
  'unsubscribed', 'complained',
];

// The page around the badges: light, or dark through color-scheme (how Storybook's theme switch and host pages do it).
const THEMES = {
  light: 'color-scheme: light; background: #ffffff; color: #1f2328; padding: 8px',
  dark: 'color-scheme: dark; background: #111418; color: #e8eaed; padding: 8px',
} as const;

const page = (theme: keyof typeof THEMES, content: TemplateResult) =>
  fixture(html`<div lang="en" style=${THEMES[theme]}>${content}</div>`);

describe('<email-status-badge> accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    describe(`${theme} theme`, () => {
      for (const appearance of ['pill', 'dot', 'icon-only'] as const) {
        it(`passes axe for every status as ${appearance}`, async () => {
          const el = await page(theme, html`${STATUSES.map((s) => html`<email-status-badge appearance=${appearance} status=${s}></email-status-badge> `)}`);
          await expect(el).to.be.accessible();
        });
      }

      it('passes axe in the small size and with an automatic open', async () => {
        const el = await page(theme, html`<email-status-badge size="small" status="bounced"></email-status-badge><email-status-badge automated status="opened"></email-status-badge>`);
        await expect(el).to.be.accessible();
      });

      it('passes axe with the tooltip open', async () => {
        const el = await page(
          theme,
          html`<email-status-badge status="soft-bounced" reason="mailbox-full" code="452 4.2.2" detail="Mailbox full" updated-at="2026-11-02T09:00:00Z"></email-status-badge>`,
        );
        const badge = el.querySelector('email-status-badge')!;
        await badge.showTooltip();
        await expect(el).to.be.accessible();
      });

      it('passes axe while loading, on error and when not found', async () => {
        const held = new FakeSource([statusOf('m-1', 'sent')]);
        held.hold = true;
        const failing = new FakeSource();
        failing.failures = [new DataSourceError('down', { kind: 'http', status: 500, retryable: false })];
        const el = await page(
          theme,
          html`<email-status-badge message-id="m-1" .source=${held}></email-status-badge><email-status-badge message-id="m-2" .source=${failing}></email-status-badge><email-status-badge message-id="m-3" .source=${new FakeSource()}></email-status-badge>`,
        );
        const [, error, missing] = [...el.querySelectorAll('email-status-badge')] as EmailStatusBadgeElement[];
        await waitUntil(() => part(error!, 'badge').classList.contains('error') && part(missing!, 'badge').classList.contains('error'));
        await expect(el).to.be.accessible();
        await error!.showTooltip();
        await expect(el).to.be.accessible();
      });
    });
  }

  // axe cannot judge text in the top layer (it reports it as incomplete), so the tooltip's contrast is measured here.
  for (const theme of ['light', 'dark'] as const) {
    it(`gives the tooltip's text and headings at least 4.5:1 contrast in the ${theme} theme`, async () => {
      const el = await page(theme, html`<email-status-badge status="failed" reason="template-error" updated-at="2026-11-02T09:00:00Z"></email-status-badge>`);
      const badge = el.querySelector('email-status-badge')!;
      await badge.showTooltip();
      const tip = badge.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
      const background = getComputedStyle(tip).backgroundColor;
      for (const node of [tip, tip.querySelector('dt')!, tip.querySelector('.muted')!]) {
        expect(contrast(getComputedStyle(node).color, background), node.localName).to.be.at.least(4.5);
      }
    });
  }

  it('names every badge with its label and gives it the image role, focusable', async () => {
    const el = await page('light', html`<email-status-badge status="delivered" appearance="icon-only"></email-status-badge>`);
    const badge = part(el.querySelector('email-status-badge')!, 'badge');
    expect([badge.getAttribute('role'), badge.getAttribute('aria-label'), badge.tabIndex]).to.deep.equal(['img', 'Delivered', 0]);
  });

  it('declares its language on the badge for screen readers, as resolved', async () => {
    const el = await fixture(html`<div lang="fr-CA"><email-status-badge status="delivered"></email-status-badge></div>`);
    expect(part(el.querySelector('email-status-badge')!, 'badge').getAttribute('lang')).to.equal('fr');
  });

  it('marks English texts as English, badge and tooltip, inside a page in a language it does not speak', async () => {
    const el = await fixture(html`<div lang="ja"><email-status-badge status="delivered"></email-status-badge></div>`);
    const badge = el.querySelector('email-status-badge')!;
    await badge.showTooltip();
    expect(part(badge, 'label').textContent).to.equal('Delivered');
    expect(part(badge, 'badge').getAttribute('lang')).to.equal('en');
    expect(part(badge, 'tooltip').getAttribute('lang')).to.equal('en');
  });
});
