import {
  addMessages,
  catalogueFor,
  en,
  isLocale,
  isLocaleReady,
  loadLocale,
  matchLocale,
  onMessagesChange,
  removeAddedMessages,
  translate,
  translatePlural,
} from '../../src/i18n/index.js';
import { expect } from '../support/expect.js';

describe('languages loaded on demand', () => {
  it('speaks English for German until its catalogue is loaded, then German', async () => {
    // Runs first in a fresh module graph (mocha loads each file once): nothing has asked for German yet.
    expect(isLocale('de')).to.equal(true);
    expect(isLocaleReady('de')).to.equal(false);
    expect(translate('de', 'status.delivered.label')).to.equal('Delivered');
    await loadLocale('de');
    expect(isLocaleReady('de')).to.equal(true);
    expect(translate('de', 'status.delivered.label')).to.equal('Zugestellt');
    expect(catalogueFor('de')).to.not.equal(en);
  });

  it('loads each language once, however many ask at the same time', async () => {
    const changes: number[] = [];
    const stop = onMessagesChange(() => changes.push(1));
    try {
      await Promise.all([loadLocale('nl'), loadLocale('nl'), loadLocale('nl')]);
      await loadLocale('nl');
    } finally {
      stop();
    }
    expect(changes.length).to.be.at.most(1);
    expect(translate('nl', 'status.delivered.label')).to.not.equal(translate('en', 'status.delivered.label'));
  });

  it('loads Spanish and Italian, with their own plural rules', async () => {
    await Promise.all([loadLocale('es'), loadLocale('it')]);
    for (const locale of ['es', 'it']) {
      const one = translatePlural(locale, 'timeline.events', 1);
      const many = translatePlural(locale, 'timeline.events', 5);
      expect(one, locale).to.include('1');
      expect(many, locale).to.include('5');
      expect(one, locale).to.not.equal(many.replace('5', '1'));
    }
  });

  it('resolves at once for bundled and unknown languages', async () => {
    expect(isLocaleReady('fr')).to.equal(true);
    expect(isLocaleReady('xx')).to.equal(true);
    await loadLocale('xx');
    expect(translate('xx', 'status.delivered.label')).to.equal('Delivered');
  });
});

describe('addMessages', () => {
  afterEach(() => removeAddedMessages());

  it('replaces one text of a language and leaves the others alone', () => {
    addMessages('fr', { 'status.delivered.label': 'Remis' });
    expect(translate('fr', 'status.delivered.label')).to.equal('Remis');
    expect(translate('fr', 'status.opened.label')).to.equal('Ouvert');
    expect(translate('en', 'status.delivered.label')).to.equal('Delivered');
  });

  it('adds a whole new language, reached from regional tags, falling back to English for what it lacks', () => {
    expect(matchLocale('pt-BR')).to.equal(undefined);
    addMessages('pt', { 'status.delivered.label': 'Entregue', 'timeline.events.one': '{count} evento', 'timeline.events.other': '{count} eventos' });
    expect(isLocale('pt')).to.equal(true);
    expect(matchLocale('pt-BR')).to.equal('pt');
    expect(translate('pt', 'status.delivered.label')).to.equal('Entregue');
    expect(translate('pt', 'status.opened.label')).to.equal('Opened');
    expect(translatePlural('pt', 'timeline.events', 2)).to.equal('2 eventos');
  });

  it('fills placeholders in added texts like in ours, as plain text', () => {
    addMessages('en', { 'badge.raw-status': 'Said by the provider: {raw}' });
    expect(translate('en', 'badge.raw-status', { raw: '<b>x</b>' })).to.equal('Said by the provider: <b>x</b>');
  });

  it('tells listeners, and accumulates calls with the later text winning', () => {
    let calls = 0;
    const stop = onMessagesChange(() => calls++);
    addMessages('fr', { 'status.delivered.label': 'Remis' });
    addMessages('FR', { 'status.delivered.label': 'Arrivé', 'status.sent.label': 'Parti' });
    stop();
    addMessages('fr', { 'status.sent.label': 'Envoyé !' });
    expect(calls).to.equal(2);
    expect(translate('fr', 'status.delivered.label')).to.equal('Arrivé');
    expect(translate('fr', 'status.sent.label')).to.equal('Envoyé !');
  });

  it('takes added texts back', () => {
    addMessages('fr', { 'status.delivered.label': 'Remis' });
    addMessages('pt', { 'status.delivered.label': 'Entregue' });
    removeAddedMessages('fr');
    expect(translate('fr', 'status.delivered.label')).to.equal('Délivré');
    expect(isLocale('pt')).to.equal(true);
    removeAddedMessages();
    expect(isLocale('pt')).to.equal(false);
  });

  it('refuses what is not a language subtag or not a text, adding nothing', () => {
    for (const bad of ['', 'portuguese', 'pt-BR', 'p', '__proto__', 42]) {
      expect(() => addMessages(bad as string, { 'status.delivered.label': 'x' }), String(bad)).to.throw(TypeError, /language subtag/);
    }
    expect(() => addMessages('fr', null as never)).to.throw(TypeError);
    expect(() => addMessages('fr', { 'status.delivered.label': 'ok', 'status.sent.label': 3 } as never)).to.throw(TypeError, /status\.sent\.label/);
    expect(translate('fr', 'status.delivered.label')).to.equal('Délivré');
  });

  it('keeps "__proto__" and "constructor" as plain keys', () => {
    addMessages('fr', JSON.parse('{"__proto__": "a", "constructor": "b"}') as Record<string, string>);
    expect(translate('fr', '__proto__')).to.equal('a');
    expect(translate('fr', 'constructor')).to.equal('b');
    expect(({} as Record<string, unknown>)['a']).to.equal(undefined);
  });
});
