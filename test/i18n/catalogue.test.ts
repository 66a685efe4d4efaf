import { CAMPAIGN_ACTIONS, SUSPENSION_REASONS } from '../../src/core/campaign.js';
import { DENOMINATORS, RATE_METRICS } from '../../src/core/rates.js';
import { TIME_BASES } from '../../src/core/event.js';
import { reduceEvents } from '../../src/core/message-status.js';
import {
  CHANNELS,
  DISPLAY_STATUSES,
  ENGAGEMENT_SIGNALS,
  FAILURE_REASONS,
  STATUS_CATALOGUE,
  STATUS_CATEGORIES,
} from '../../src/core/statuses.js';
import { en as enLabels, fr as frLabels } from '../../src/i18n/index.js';
import { enExplanations } from '../../src/i18n/messages/en-explanations.js';
import { frExplanations } from '../../src/i18n/messages/fr-explanations.js';
import { enPanels } from '../../src/i18n/messages/en-panels.js';
import { frPanels } from '../../src/i18n/messages/fr-panels.js';
import { de } from '../../src/i18n/messages/de.js';
import { es } from '../../src/i18n/messages/es.js';
import { it as italian } from '../../src/i18n/messages/it.js';
import { nl } from '../../src/i18n/messages/nl.js';
import { ev } from '../core/event-factory.js';
import { expect } from '../support/expect.js';

// The bundled languages' labels and their explanations (a chunk loaded on demand), whole like the others.
const en = { ...enLabels, ...enPanels, ...enExplanations };
const fr = { ...frLabels, ...frPanels, ...frExplanations };
const catalogues: Record<string, Readonly<Record<string, string>>> = { en, fr, de, es, it: italian, nl };
const translations = Object.entries(catalogues).filter(([name]) => name !== 'en');
const keysOf = (catalogue: object) => Object.keys(catalogue).sort();
const placeholders = (text: string) => [...text.matchAll(/\{([\w-]+)\}/g)].map((m) => m[1]).sort();

// Counts shown without a rate; the rated ones come from the core's table.
const COUNT_ONLY_METRICS = ['sent', 'deferred', 'pending', 'failed', 'expired'];

/** What the elements need, built from the core's id tables rather than read back from the catalogue. */
const requiredKeys = [
  ...[...new Set([...DISPLAY_STATUSES, ...ENGAGEMENT_SIGNALS])].flatMap((id) =>
    ['label', 'meaning', 'caveat'].map((part) => `status.${id}.${part}`),
  ),
  ...FAILURE_REASONS.flatMap((id) => [`reason.${id}.label`, `reason.${id}.explanation`]),
  ...STATUS_CATEGORIES.map((id) => `category.${id}`),
  ...CHANNELS.map((id) => `channel.${id}`),
  ...[...RATE_METRICS, ...COUNT_ONLY_METRICS].flatMap((id) => [`metric.${id}.label`, `metric.${id}.help`]),
  ...DENOMINATORS.map((id) => `denominator.${id}`),
  ...['received', 'processed', 'delivered', 'engaged'].map((id) => `timeline.stage.${id}`),
  ...TIME_BASES.map((id) => `timeline.time-basis.${id}`),
  ...CAMPAIGN_ACTIONS.map((id) => `campaign.action.${id}`),
  ...SUSPENSION_REASONS.map((id) => `campaign.suspended.${id}`),
  ...['bounced.warning', 'bounced.danger', 'complained.warning', 'complained.danger'].map((k) => `threshold.${k}`),
  'threshold.hard-bounced.warning',
  'threshold.unsubscribed.warning',
  'threshold.sms-suspension',
  'format.unknown-date',
];

describe('message catalogues', () => {
  it('keep the explanations of French and English in their own files, which load on demand, and only them', () => {
    const isExplanation = (key: string) => /^(status\.[\w-]+\.(meaning|caveat)|reason\.[\w-]+\.explanation|metric\.[\w-]+\.help|timeline\.time-basis\.[\w-]+)(\.sms)?$/.test(key);
    for (const [name, labels, explanations] of [['en', enLabels, enExplanations], ['fr', frLabels, frExplanations]] as const) {
      expect(Object.keys(labels).filter(isExplanation), `${name} labels`).to.deep.equal([]);
      expect(Object.keys(explanations).filter((key) => !isExplanation(key)), `${name} explanations`).to.deep.equal([]);
      expect(Object.keys(explanations).length, name).to.be.above(70);
    }
  });

  it('keep the texts of campaign-stats and status-timeline in their own files, which load with those elements, and only them', () => {
    const isPanelText = (key: string) => /^(metric|denominator|threshold|stats|timeline|campaign)\./.test(key);
    for (const [name, labels, panels] of [['en', enLabels, enPanels], ['fr', frLabels, frPanels]] as const) {
      expect(Object.keys(labels).filter(isPanelText), `${name} labels`).to.deep.equal([]);
      expect(Object.keys(panels).filter((key) => !isPanelText(key)), `${name} panels`).to.deep.equal([]);
      expect(Object.keys(panels).length, name).to.be.above(100);
    }
  });

  it('give every language exactly the keys of English, each a non-empty string', () => {
    for (const [name, catalogue] of translations) expect(keysOf(catalogue), name).to.deep.equal(keysOf(en));
    for (const [name, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(typeof text, `${name} ${key}`).to.equal('string');
        expect(text.trim(), `${name} ${key}`).to.not.equal('');
      }
    }
  });

  it('explain every status, event, reason, category, channel, metric and campaign action in every language', () => {
    expect(requiredKeys.length).to.be.greaterThan(150);
    for (const [name, catalogue] of Object.entries(catalogues)) {
      const missing = requiredKeys.filter((key) => !Object.hasOwn(catalogue, key));
      expect(missing, `${name} is missing`).to.deep.equal([]);
    }
  });

  it('uses the message keys the core catalogue points at', () => {
    for (const info of Object.values(STATUS_CATALOGUE)) {
      for (const key of Object.values(info.keys)) {
        for (const [name, catalogue] of Object.entries(catalogues)) expect(Object.hasOwn(catalogue, key), `${name} ${key}`).to.equal(true);
      }
    }
  });

  it('uses the same placeholders in every language as in English', () => {
    for (const [name, catalogue] of translations) {
      for (const [key, text] of Object.entries(en)) {
        expect(placeholders(catalogue[key]!), `${name} ${key}`).to.deep.equal(placeholders(text));
      }
    }
  });

  it('translates: labels, meanings and caveats differ from the English text', () => {
    // Proper names, codes and pure placeholders may stay as they are; whole explanations may not.
    for (const [name, catalogue] of translations) {
      const untranslated = Object.keys(en).filter((key) => /\.(meaning|caveat|explanation|help)$/.test(key) && catalogue[key] === en[key as keyof typeof en]);
      expect(untranslated, name).to.deep.equal([]);
      expect(catalogue['locale.name'], name).to.not.equal('English');
    }
  });

  it('names every language in its own words', () => {
    expect(Object.fromEntries(Object.entries(catalogues).map(([name, c]) => [name, c['locale.name']]))).to.deep.equal({
      en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', it: 'Italiano', nl: 'Nederlands',
    });
  });

  it('puts the rate and the threshold into every threshold explanation', () => {
    for (const key of Object.keys(en).filter((k) => k.startsWith('threshold.') && k !== 'threshold.sms-suspension')) {
      expect(placeholders(en[key as keyof typeof en]), key).to.include.members(['limit', 'rate']);
    }
  });

  it('holds plain text only, with no markup', () => {
    for (const [name, catalogue] of Object.entries(catalogues)) {
      for (const [key, text] of Object.entries(catalogue)) {
        expect(text, `${name} ${key}`).to.not.include('<');
        expect(text, `${name} ${key}`).to.not.match(/&[a-z]+;|&#/);
      }
    }
  });

  it('gives every plural entry both its "one" and its "other" form', () => {
    for (const [name, catalogue] of Object.entries(catalogues)) {
      const keys = Object.keys(catalogue);
      for (const key of keys.filter((k) => /\.(one|other)$/.test(k))) {
        const base = key.replace(/\.(one|other)$/, '');
        expect(keys, `${name} ${base}`).to.include.members([`${base}.one`, `${base}.other`]);
      }
    }
  });

  it('says once, not in every caveat, that a status that is not final may still change', () => {
    // The badge adds badge.may-change under the caveat of every status that is not final.
    expect(en['badge.may-change']).to.include('up to an hour');
    expect(fr['badge.may-change']).to.include('jusqu’à une heure');
    for (const info of Object.values(STATUS_CATALOGUE)) {
      expect(en[info.keys.caveat as keyof typeof en], info.id).to.not.include('may still change');
      expect(fr[info.keys.caveat as keyof typeof fr], info.id).to.not.include('peut encore changer');
    }
  });

  it('covers the nuances our users were taught by their help centres', () => {
    expect(en['status.delivered.caveat']).to.include('spam');
    expect(fr['status.delivered.caveat']).to.include('spams');
    expect(en['status.opened.caveat']).to.include('automatically').and.include('legal');
    expect(fr['status.opened.caveat']).to.include('automatiquement').and.include('juridique');
    // An SMS soft bounce comes after the carrier's attempts, up to 72 hours, and is then final (seed 004); an email
    // one may still be delivered.
    expect(en['status.soft-bounced.caveat.sms']).to.include('72 hours').and.include('will not be delivered');
    expect(fr['status.soft-bounced.caveat.sms']).to.include('72\u00a0heures').and.include('ne sera plus délivré');
    expect(fr['status.soft-bounced.caveat']).to.include('peut encore être délivré').and.not.include('SMS');
    // "Dropped" also covers a send given up after retries (seed 000).
    expect(en['status.dropped.meaning']).to.include('given up');
    expect(fr['status.dropped.meaning']).to.include('abandonné');
    expect(en['status.hard-bounced.caveat']).to.include('excluded from future sends');
    expect(en['status.blocked.caveat']).to.include('not at fault');
    expect(fr['reason.landline.explanation']).to.include('fixe');
  });

  it('does not say an unsubscribed message was surely delivered: in the model an unsubscribe proves no delivery', () => {
    // The badge shows "Unsubscribed" over any delivery state, a message still awaiting its receipt included.
    const status = reduceEvents([ev('sent', 0), ev('unsubscribed', 1)]);
    expect([status.display, status.delivery]).to.deep.equal(['unsubscribed', 'sent']);
    expect(en['status.unsubscribed.caveat']).to.include('most likely delivered');
    expect(fr['status.unsubscribed.caveat']).to.include('très probablement été délivré');
    for (const [name, catalogue] of Object.entries(catalogues)) {
      expect(catalogue['status.unsubscribed.caveat'], name).to.not.match(/^(The message itself was delivered|Le message lui-même a bien été délivré|Die Nachricht selbst wurde zugestellt|El mensaje en sí se ha entregado|Il messaggio in sé è stato consegnato|Het bericht zelf is wel afgeleverd)\./);
    }
  });
});
