import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DISPLAY_STATUSES, type CampaignCounts } from '../../src/core/index.js';
import '../../src/define.js';
import type { EmailStatusBadgeElement } from '../../src/elements/email-status-badge/email-status-badge.js';
import { addMessages, loadLocale, removeAddedMessages } from '../../src/i18n/index.js';
import { ev } from '../core/event-factory.js';
import '../support/axe.js';

const labelOf = (badge: Element): string => badge.shadowRoot?.querySelector('[part~="label"]')?.textContent?.trim() ?? '';
const textOf = (el: Element): string => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

const COUNTS: CampaignCounts = { sent: 1000, delivered: 950, opened: 300, clicked: 40, unsubscribed: 2, complained: 1, softBounced: 20, hardBounced: 10, blocked: 5, dropped: 5, deferred: 3, pending: 2 };

describe('elements in every language', () => {
  afterEach(() => removeAddedMessages());

  it('render a language that loads on demand straight away in it, never in English first', async () => {
    const seen = new Set<string>();
    const badge = document.createElement('email-status-badge') as EmailStatusBadgeElement;
    badge.setAttribute('lang', 'de');
    badge.setAttribute('status', 'delivered');
    const observer = new MutationObserver(() => seen.add(labelOf(badge)));
    document.body.append(badge);
    observer.observe(badge.shadowRoot!, { subtree: true, childList: true, characterData: true });
    try {
      await badge.updateComplete;
      seen.add(labelOf(badge));
      expect(labelOf(badge)).to.equal('Zugestellt');
      expect([...seen].filter((text) => text !== '' && text !== 'Zugestellt')).to.deep.equal([]);
    } finally {
      observer.disconnect();
      badge.remove();
    }
  });

  it('mixes languages on one page, each element from its closest lang', async () => {
    const el = await fixture(html`<div>
      ${['en', 'fr-BE', 'de-AT', 'es-MX', 'it', 'nl-BE'].map((lang) => html`<p lang=${lang}><email-status-badge status="hard-bounced"></email-status-badge></p>`)}
    </div>`);
    const badges = [...el.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
    await waitUntil(() => badges.every((b) => labelOf(b) !== '' && (b.closest('[lang]')!.getAttribute('lang') === 'en' || labelOf(b) !== 'Hard bounce')), 'every badge in its language');
    const labels = badges.map(labelOf);
    expect(labels[0]).to.equal('Hard bounce');
    expect(labels[1]).to.equal('Rebond définitif');
    expect(new Set(labels).size, labels.join(' | ')).to.be.greaterThan(4);
    for (const label of labels.slice(2)) expect(label).to.not.equal('Hard bounce');
  });

  it('shows every status label whole, never cut, in every language and size, in a column as narrow as it can be', async () => {
    // A table squeezed to 1 px, as the demo's on a phone: each cell is as narrow as its badge lets it be.
    const languages = ['fr', 'en', 'de', 'es', 'it', 'nl'] as const;
    await Promise.all(languages.map((lang) => loadLocale(lang)));
    const el = await fixture(html`<table style="inline-size: 1px"><tbody>${languages.map((lang) => html`<tr lang=${lang}>
      ${DISPLAY_STATUSES.map((status) => html`<td><email-status-badge status=${status}></email-status-badge></td><td><email-status-badge status=${status} size="small"></email-status-badge></td>`)}
    </tr>`)}</tbody></table>`);
    const badges = [...el.querySelectorAll<EmailStatusBadgeElement>('email-status-badge')];
    await Promise.all(badges.map((badge) => badge.updateComplete));
    const cut = badges.flatMap((badge) => {
      const label = badge.shadowRoot!.querySelector<HTMLElement>('[part~="label"]')!;
      return label.scrollWidth > label.clientWidth ? [`${badge.closest('[lang]')!.getAttribute('lang')} ${label.textContent}`] : [];
    });
    expect(badges.length).to.equal(languages.length * DISPLAY_STATUSES.length * 2);
    expect(cut).to.deep.equal([]);
  });

  it('switches live when lang changes, to a language not loaded yet', async () => {
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="fr" status="opened"></email-status-badge>`);
    expect(labelOf(el)).to.equal('Ouvert');
    el.setAttribute('lang', 'nl');
    await waitUntil(() => labelOf(el) !== 'Ouvert', 'did not switch to Dutch');
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Geopend');
  });

  it('speaks the language of the section it is moved into', async () => {
    const el = await fixture(html`<div><section lang="fr"><email-status-badge status="opened"></email-status-badge><campaign-stats metrics="opened" .counts=${COUNTS}></campaign-stats></section><section lang="en"></section></div>`);
    const [french, english] = [...el.querySelectorAll('section')];
    const badge = el.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    const stats = el.querySelector('campaign-stats')!;
    await waitUntil(() => labelOf(badge) === 'Ouvert' && textOf(stats).includes('Ouverts'), 'not rendered in French');
    english!.append(badge, stats);
    await waitUntil(() => labelOf(badge) === 'Opened' && textOf(stats).includes('Opened'), `still French after the move: ${labelOf(badge)} / ${textOf(stats).slice(0, 40)}`);
    expect(french!.children).to.have.length(0);
  });

  it('writes dates with the region of the lang: a British badge and timeline in English words, day first', async () => {
    const el = await fixture(html`<div lang="en-GB"><email-status-badge status="delivered" updated-at="2026-11-23T12:00:00Z"></email-status-badge><status-timeline time-zone="UTC" .events=${[ev('delivered', 0)]}></status-timeline></div>`);
    const badge = el.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
    await badge.showTooltip();
    const tip = badge.shadowRoot!.querySelector('[part~="tooltip"]')!.textContent!;
    expect(tip).to.contain('Delivered');
    expect(tip).to.match(/\b23 Nov 2026\b/);
    const timeline = el.querySelector('status-timeline')!;
    await timeline.updateComplete;
    const time = timeline.shadowRoot!.querySelector('[part~="time"]')!;
    expect(time.getAttribute('title') ?? time.textContent).to.match(/\b2 Nov 2026\b/);
  });

  it('shows campaign indicators and a timeline in Spanish and Italian', async () => {
    for (const [lang, english] of [['es', 'Delivered'], ['it', 'Delivered']] as const) {
      const el = await fixture(html`<div lang=${lang}>
        <campaign-stats channel="email" .counts=${COUNTS}></campaign-stats>
        <status-timeline .events=${[ev('queued', 0), ev('delivered', 2), ev('opened', 5)]}></status-timeline>
      </div>`);
      const stats = el.querySelector('campaign-stats')!;
      const timeline = el.querySelector('status-timeline')!;
      await waitUntil(() => textOf(stats).includes('95') && textOf(timeline) !== '', `${lang} rendered`);
      expect(textOf(stats), lang).to.not.include(english);
      expect(textOf(timeline), lang).to.not.include(english);
    }
  });

  it('takes a page’s own wording and re-renders the elements already there', async () => {
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="fr" status="delivered"></email-status-badge>`);
    expect(labelOf(el)).to.equal('Délivré');
    addMessages('fr', { 'status.delivered.label': 'Remis au destinataire' });
    await waitUntil(() => labelOf(el) === 'Remis au destinataire', 'did not re-render with the new text');
    removeAddedMessages('fr');
    await waitUntil(() => labelOf(el) === 'Délivré', 'did not go back');
  });

  it('speaks a language the page adds, from a regional tag', async () => {
    addMessages('pt', { 'status.delivered.label': 'Entregue' });
    const el = await fixture<EmailStatusBadgeElement>(html`<email-status-badge lang="pt-BR" status="delivered"></email-status-badge>`);
    expect(labelOf(el)).to.equal('Entregue');
    // What Portuguese does not say falls back to English.
    el.setAttribute('status', 'opened');
    await el.updateComplete;
    expect(labelOf(el)).to.equal('Opened');
  });

  it('passes axe in the long-worded languages with a tooltip open', async () => {
    for (const lang of ['de', 'nl']) {
      const el = await fixture(html`<div lang=${lang}><email-status-badge status="soft-bounced" reason="mailbox-full"></email-status-badge></div>`);
      const badge = el.querySelector<EmailStatusBadgeElement>('email-status-badge')!;
      await badge.updateComplete;
      await badge.showTooltip();
      await expect(el).to.be.accessible();
    }
  });
});
