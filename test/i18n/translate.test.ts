import { catalogueFor, en, fr, loadPanelTexts, translate, translatePlural, type Locale } from '../../src/i18n/index.js';
import { expect } from '../support/expect.js';

// The texts of campaign-stats and status-timeline load on demand: in Node, as in a page, they are read once loaded.
before(async () => {
  await Promise.all([loadPanelTexts('en'), loadPanelTexts('fr')]);
});

describe('translate', () => {
  it('returns the text of the key in the requested language', () => {
    expect(translate('fr', 'status.delivered.label')).to.equal('Délivré');
    expect(translate('en', 'status.delivered.label')).to.equal('Delivered');
    expect(translate('fr', 'denominator.sent')).to.equal('des messages pris en charge');
  });

  it('fills placeholders, leaving numbers unformatted', () => {
    expect(translate('en', 'badge.raw-status', { raw: 'softbounce' })).to.equal('Provider status: softbounce');
    expect(translate('fr', 'badge.raw-status', { raw: 'softbounce' })).to.equal('Statut du fournisseur\u00a0: softbounce');
    expect(translate('en', 'timeline.duplicates', { count: 12345 })).to.equal('×12345');
  });

  it('fills every occurrence and every placeholder of a text', () => {
    expect(translate('en', 'stats.metric-summary', { label: 'Delivered', count: '980', rate: '98%', denominator: 'of messages taken on' }))
      .to.equal('Delivered: 980, 98% of messages taken on');
  });

  it('leaves unknown placeholders as they are', () => {
    expect(translate('en', 'badge.error', {})).to.equal('Couldn’t load the status: {reason}');
    expect(translate('en', 'badge.error')).to.equal('Couldn’t load the status: {reason}');
    expect(translate('en', 'badge.error', { other: 'x' })).to.equal('Couldn’t load the status: {reason}');
  });

  it('never expands placeholders found inside an inserted value', () => {
    expect(translate('en', 'timeline.provider-event', { provider: '{raw}', raw: 'bounce' })).to.equal('{raw}: bounce');
  });

  it('returns markup in values as plain text, untouched', () => {
    expect(translate('en', 'badge.raw-status', { raw: '<img src=x onerror=alert(1)>' }))
      .to.equal('Provider status: <img src=x onerror=alert(1)>');
  });

  it('falls back to English for a language it does not ship, then to the key itself', () => {
    expect(translate('pt' as Locale, 'status.delivered.label')).to.equal('Delivered');
    expect(catalogueFor('pt' as Locale)).to.equal(en);
    expect(catalogueFor('fr')).to.deep.include(fr);
    expect(catalogueFor('fr')['stats.title'], 'with the panels’ texts, once loaded').to.be.a('string').and.not.equal(catalogueFor('en')['stats.title']);
    expect(translate('fr', 'status.teleported.label')).to.equal('status.teleported.label');
    expect(translate('fr', 'no.such.{key}', { key: 'x' })).to.equal('no.such.x');
  });

  it('does not mistake inherited object properties for messages', () => {
    expect(translate('fr', 'constructor')).to.equal('constructor');
    expect(translate('fr', '__proto__')).to.equal('__proto__');
    expect(translate('fr', 'toString')).to.equal('toString');
  });
});

describe('translatePlural', () => {
  it('uses the singular for 0 and 1 in French', () => {
    expect(translatePlural('fr', 'stats.total-opens', 0)).to.equal('0\u00a0ouverture au total');
    expect(translatePlural('fr', 'stats.total-opens', 1)).to.equal('1\u00a0ouverture au total');
    expect(translatePlural('fr', 'stats.total-opens', 1.5)).to.equal('1,5\u00a0ouverture au total');
    expect(translatePlural('fr', 'stats.total-opens', 2)).to.equal('2\u00a0ouvertures au total');
  });

  it('uses the plural for 0 and the singular only for 1 in English', () => {
    expect(translatePlural('en', 'stats.total-opens', 0)).to.equal('0 opens in total');
    expect(translatePlural('en', 'stats.total-opens', 1)).to.equal('1 open in total');
    expect(translatePlural('en', 'stats.total-opens', 2)).to.equal('2 opens in total');
  });

  it('falls back to the "other" form for a plural category the catalogue does not write (French millions)', () => {
    // Written the French way: a narrow no-break space between groups of digits.
    expect(translatePlural('fr', 'timeline.events', 1_000_000)).to.equal('1\u202f000\u202f000\u00a0événements');
    expect(translatePlural('en', 'timeline.events', 10_000)).to.equal('10,000 events');
  });

  it('writes the count in the regional conventions of the format locale it is given, the forms staying the language\'s', () => {
    expect(translatePlural('fr', 'timeline.events', 12_345, undefined, 'fr-LU')).to.equal('12.345\u00a0événements');
    expect(translatePlural('en', 'timeline.events', 123_456, undefined, 'en-IN')).to.equal('1,23,456 events');
    expect(translatePlural('en', 'timeline.events', 1, undefined, 'en-IN')).to.equal('1 event');
  });

  it('lets the caller put a formatted count in the text', () => {
    expect(translatePlural('fr', 'timeline.new-events', 1200, { count: '1\u202f200' })).to.equal('1\u202f200\u00a0nouveaux événements');
  });

  it('falls back to the key itself for an unknown plural entry', () => {
    expect(translatePlural('en', 'nothing.here', 3)).to.equal('nothing.here.other');
  });
});
