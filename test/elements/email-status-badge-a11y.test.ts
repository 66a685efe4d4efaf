import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { DisplayStatus } from '../../src/core/index.js';
import { DataSourceError } from '../../src/data/errors.js';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { contrast } from '../support/contrast.js';
import { loadExplanations, type Locale } from '../../src/i18n/index.js';
import { accessibleDescriptions, itWithDevTools } from '../support/engine.js';
import { FakeSource, part, statusOf } from './shared/badge-helpers.js';
import '../support/axe.js';

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

describe('<email-status-badge> description', () => {
  // Chromium's own accessible description (DevTools protocol), as a screen reader reads it: one run of text, where a
  // heading and its text ran together ("What it means The recipient's…", "Code 452 4.2.2 Technical details …").
  const EXPECTED: Record<string, RegExp> = {
    en: /^Email\. What it means: A temporary problem stopped delivery: .+ overloaded\. Good to know: The platform .+ excluded\. Reason: Mailbox full — .+ messages\. Code: 452 4\.2\.2\. Technical details: Mailbox full\. Provider: SendGrid\. Last update: \d+ days ago \(.+\)\. Not final yet: .+ SMS\.$/,
    fr: /^E-mail\. Ce que cela signifie\u00a0: Un problème .+ surchargé\. Bon à savoir\u00a0: Souvent, .+ exclure\. Motif\u00a0: Boîte pleine — .+ messages\. Code\u00a0: 452 4\.2\.2\. Détails techniques\u00a0: Mailbox full\. Fournisseur\u00a0: SendGrid\. Dernière mise à jour\u00a0: il y a \d+ jours \(.+\)\. Pas encore définitif\u00a0: .+ SMS\.$/,
    de: /^E-Mail\. Bedeutung: .+\. Gut zu wissen: .+\. Grund: Postfach voll — .+\. Code: 452 4\.2\.2\. Technische Details: Mailbox full\. Anbieter: SendGrid\. Letzte Aktualisierung: .+\)\. Noch nicht endgültig: .+\.$/,
    es: /^Correo\. Qué significa: .+\. A tener en cuenta: .+\. Motivo: Buzón lleno — .+\. Código: 452 4\.2\.2\. Detalles técnicos: Mailbox full\. Proveedor: SendGrid\. Última actualización: .+\)\. Aún no es definitivo: .+\.$/,
    it: /^E-mail\. Cosa significa: .+\. Da sapere: .+\. Motivo: Casella piena — .+\. Codice: 452 4\.2\.2\. Dettagli tecnici: Mailbox full\. Piattaforma: SendGrid\. Ultimo aggiornamento: .+\)\. Non ancora definitivo: .+\.$/,
    nl: /^E-mail\. Wat dit betekent: .+\. Goed om te weten: .+\. Reden: Mailbox vol — .+\. Code: 452 4\.2\.2\. Technische details: Mailbox full\. Platform: SendGrid\. Laatst bijgewerkt: .+\)\. Nog niet definitief: .+\.$/,
  };

  for (const [lang, expected] of Object.entries(EXPECTED)) {
    itWithDevTools(`reads as sentences in ${lang}: a stop after the channel and each line, a colon after each heading`, async () => {
      await loadExplanations(lang as Locale);
      const updated = new Date(Date.now() - 3 * 86_400_000).toISOString();
      const el = await fixture<EmailStatusBadgeElement>(
        html`<email-status-badge lang=${lang} status="soft-bounced" provider="sendgrid" reason="mailbox-full" code="452 4.2.2" detail="Mailbox full" updated-at=${updated}></email-status-badge>`,
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="label"]')?.textContent !== '', 'the language loaded');
      await el.showTooltip();
      const name = part(el, 'badge').getAttribute('aria-label')!;
      const [description = ''] = await accessibleDescriptions(name);
      expect(description).to.match(expected);
    });
  }

  it('looks as before: the punctuation added for screen readers draws nothing and moves no line', async () => {
    const el = await fixture<EmailStatusBadgeElement>(
      html`<email-status-badge lang="fr" status="soft-bounced" provider="sendgrid" reason="mailbox-full" code="452 4.2.2" detail="Mailbox full" updated-at="2026-11-02T09:00:00Z"></email-status-badge>`,
    );
    await el.showTooltip();
    const tip = el.shadowRoot!.querySelector<HTMLElement>('[part~="tooltip"]')!;
    const walker = document.createTreeWalker(tip, NodeFilter.SHOW_TEXT);
    const marks: HTMLElement[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (/^\s*[:.]\s*$/.test(node.textContent!)) marks.push(node.parentElement!);
    // A stop after the channel, the code, the details, the origin and the update; a colon after each of the five headings.
    expect(marks.length).to.equal(10);
    for (const mark of marks) expect(mark.checkVisibility({ opacityProperty: true }), `${JSON.stringify(mark.textContent)} shows`).to.equal(false);
    const lines = () => [...tip.querySelectorAll('p, dt, dd')].map((line) => line.getBoundingClientRect().height);
    const before = lines();
    for (const mark of marks) mark.remove();
    expect(lines()).to.deep.equal(before);
    await expect(el).to.be.accessible();
  });
});
