import {
  addMessages,
  areExplanationsReady,
  explanation,
  loadExplanations,
  removeAddedMessages,
  statusExplanation,
  translate,
} from '../../src/i18n/index.js';
import { expect } from '../support/expect.js';

// In Node (one process for every file) and in the browser (one page per file) nothing else in these suites loads
// explanations: this file sees them arrive.
describe('explanations, loaded on demand', () => {
  afterEach(() => removeAddedMessages());

  it('leaves them out (undefined) until loaded, while labels are there at once', async () => {
    expect(areExplanationsReady('fr')).to.equal(false);
    expect(explanation('fr', 'status.delivered.meaning')).to.equal(undefined);
    expect(translate('fr', 'status.delivered.label')).to.equal('Délivré');

    await loadExplanations('fr');
    expect(areExplanationsReady('fr')).to.equal(true);
    expect(explanation('fr', 'status.delivered.meaning')).to.include('accepté le message');
    expect(translate('fr', 'metric.bounced.help')).to.not.equal('metric.bounced.help');
  });

  it('gives a language we lack the English explanations, and a page’s own wording first', async () => {
    addMessages('pt', { 'status.delivered.label': 'Entregue', 'status.sent.meaning': 'Saiu do nosso lado.' });
    await loadExplanations('pt');
    expect(areExplanationsReady('pt')).to.equal(true);
    expect(explanation('pt', 'status.delivered.meaning')).to.equal(explanation('en', 'status.delivered.meaning'));
    expect(explanation('pt', 'status.delivered.meaning')).to.include('accepted the message');
    expect(explanation('pt', 'status.sent.meaning')).to.equal('Saiu do nosso lado.');
  });

  it('isolates the English standing in for what a right-to-left language lacks, left to right, and nothing else', async () => {
    addMessages('ar', { 'status.delivered.label': 'تم التسليم', 'status.sent.meaning': 'غادرت الرسالة منصتنا.' });
    await loadExplanations('ar');
    // Its own texts as they are.
    expect(translate('ar', 'status.delivered.label')).to.equal('تم التسليم');
    expect(explanation('ar', 'status.sent.meaning')).to.equal('غادرت الرسالة منصتنا.');
    // English in its place, between LEFT-TO-RIGHT ISOLATE and POP DIRECTIONAL ISOLATE, values filled inside.
    expect(translate('ar', 'badge.error', { reason: 'x' })).to.equal('\u2066Couldn’t load the status: x\u2069');
    expect(explanation('ar', 'status.delivered.meaning')).to.equal(`\u2066${explanation('en', 'status.delivered.meaning')}\u2069`);
    // A left-to-right language we lack reads plain English; an unknown key stays the key.
    addMessages('pt', { 'status.delivered.label': 'Entregue' });
    expect(translate('pt', 'badge.error', { reason: 'x' })).to.equal('Couldn’t load the status: x');
    expect(translate('ar', 'no.such.key')).to.equal('no.such.key');
    removeAddedMessages('ar');
  });

  it('isolates an English frame with no words of its own by its first strong letter, its English values left to right', () => {
    // A page that translated the badge's sentences but not the newer frame that joins them.
    addMessages('ar', { 'badge.unavailable': 'غير متاح', 'badge.not-found': 'لم يُعثر على أي رسالة بهذا المعرّف.' });
    const name = (problem: string) => translate('ar', 'badge.unavailable-name', { label: translate('ar', 'badge.unavailable'), problem });
    // Isolated left to right, the final full stop would stand at the start of the Arabic sentence.
    expect(name(translate('ar', 'badge.not-found'))).to.equal('\u2068غير متاح. لم يُعثر على أي رسالة بهذا المعرّف.\u2069');
    expect(name(translate('ar', 'badge.no-source'))).to.equal('\u2068غير متاح. \u2066No data source is set up for this status.\u2069\u2069');
    // Only English in it: the frame finds no letter outside the isolates, and reads left to right.
    const english = { label: translate('ar', 'badge.no-status-label'), problem: translate('ar', 'badge.error', { reason: 'y' }) };
    expect(translate('ar', 'badge.unavailable-name', english)).to.equal('\u2068\u2066No status\u2069. \u2066Couldn’t load the status: y\u2069\u2069');
    removeAddedMessages('ar');
  });

  it('brings the explanations of a language loaded whole with it', async () => {
    await loadExplanations('de');
    expect(areExplanationsReady('de')).to.equal(true);
    const meaning = explanation('de', 'status.delivered.meaning');
    expect(meaning).to.be.a('string');
    expect(meaning).to.not.equal(explanation('en', 'status.delivered.meaning'));
  });

  it('gives undefined, not the key, for an explanation that does not exist', async () => {
    await loadExplanations('en');
    expect(explanation('en', 'status.no-such-status.meaning')).to.equal(undefined);
    expect(explanation('en', 'constructor')).to.equal(undefined);
  });

  it('explains a status in the words of its channel: an SMS its own text where there is one, the general text otherwise', async () => {
    await Promise.all([loadExplanations('en'), loadExplanations('fr')]);
    expect(statusExplanation('en', 'delivered', 'meaning', 'sms')).to.equal('The message reached the recipient’s phone, as reported by the mobile carrier.');
    expect(statusExplanation('en', 'delivered', 'meaning', 'email')).to.equal('The recipient’s mail server accepted the message.');
    expect(statusExplanation('fr', 'delivered', 'caveat', 'sms')).to.equal('Délivré ne veut pas dire lu\u00a0: l’opérateur mobile ou le téléphone a confirmé la réception, rien de plus.');
    // No SMS text for "sent", nor a channel at all: the general text.
    expect(statusExplanation('en', 'sent', 'meaning', 'sms')).to.equal('The message has been handed on for delivery, but the recipient’s server or carrier has not confirmed receipt yet.');
    expect(statusExplanation('en', 'delivered', 'meaning', undefined)).to.equal('The recipient’s mail server accepted the message.');
    // A language's own general text before English's SMS text.
    addMessages('pt', { 'status.delivered.meaning': 'O servidor aceitou a mensagem.' });
    expect(statusExplanation('pt', 'delivered', 'meaning', 'sms')).to.equal('O servidor aceitou a mensagem.');
    expect(statusExplanation('en', 'no-such-status', 'meaning', 'sms')).to.equal(undefined);
  });
});
