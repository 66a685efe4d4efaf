import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/elements/email-status-badge/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { isOpen, tooltipOf } from './shared/badge-helpers.js';

// A page of its own: no explanations loaded before the test, as on a page where a tooltip opens in one language
// and the page then switches to another.
describe('<email-status-badge> tooltip across a switch of language', () => {
  it('shows the explanations of the new language once they load, while it stays open', async () => {
    const box = await fixture<HTMLDivElement>(html`<div lang="fr"><email-status-badge status="delivered"></email-status-badge></div>`);
    const el = box.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await el.showTooltip();
    expect(isOpen(el)).to.equal(true);
    expect(tooltipOf(el)!.textContent).to.include('Le serveur de messagerie du destinataire a accepté le message.');

    box.lang = 'en';
    await waitUntil(
      () => tooltipOf(el)!.textContent!.includes('The recipient’s mail server accepted the message.'),
      `the open tooltip never showed the English explanation: "${tooltipOf(el)!.textContent}"`,
      { timeout: 5000 },
    );
    const text = tooltipOf(el)!.textContent!;
    expect(text, 'no French left').not.to.include('Le serveur de messagerie');
    expect(isOpen(el)).to.equal(true);
  });
});
