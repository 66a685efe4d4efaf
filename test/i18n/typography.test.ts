// The typographic rules of the catalogues and of the demo page's own words, checked over every text: a text added
// or reworded later breaks one of these tests rather than reaching a user. The French rules are those of the
// Imprimerie nationale as the catalogues apply them (see the header of src/i18n/messages/fr.ts).
import { DISPLAY_STATUSES } from '../../src/core/statuses.js';
import { DEMO_MESSAGES } from '../../src/demo/demo-messages.js';
import { de } from '../../src/i18n/messages/de.js';
import { enExplanations } from '../../src/i18n/messages/en-explanations.js';
import { enPanels } from '../../src/i18n/messages/en-panels.js';
import { en as enLabels } from '../../src/i18n/messages/en.js';
import { es } from '../../src/i18n/messages/es.js';
import { frExplanations } from '../../src/i18n/messages/fr-explanations.js';
import { frPanels } from '../../src/i18n/messages/fr-panels.js';
import { fr as frLabels } from '../../src/i18n/messages/fr.js';
import { it as italian } from '../../src/i18n/messages/it.js';
import { nl } from '../../src/i18n/messages/nl.js';
import { expect } from '../support/expect.js';

type Texts = Readonly<Record<string, string>>;
const prefixed = (prefix: string, texts: Texts): Texts => Object.fromEntries(Object.entries(texts).map(([key, text]) => [`${prefix}${key}`, text]));

const en: Texts = { ...enLabels, ...enPanels, ...enExplanations, ...prefixed('demo.', DEMO_MESSAGES.en) };
const fr: Texts = { ...frLabels, ...frPanels, ...frExplanations, ...prefixed('demo.', DEMO_MESSAGES.fr) };
const languages: Readonly<Record<string, Texts>> = { en, fr, de, es, it: italian, nl };

/** Every text of every language, with its language and key for the failure message. */
const everyText = Object.entries(languages).flatMap(([lang, texts]) => Object.entries(texts).map(([key, text]) => ({ at: `${lang} ${key}`, lang, key, text })));

/** The words a text holds outside its `{placeholders}`. */
const withoutPlaceholders = (text: string) => text.replace(/\{[\w-]+\}/g, '');

describe('typography of every catalogue', () => {
  it('uses the typographic apostrophe and quotation marks, never the typewriter ones', () => {
    for (const { at, text } of everyText) expect(text, at).to.not.match(/['"`]/);
  });

  it('writes an ellipsis as one character', () => {
    for (const { at, text } of everyText) expect(text, at).to.not.include('...');
  });

  it('never writes a percent sign: rates and thresholds are formatted by Intl and inserted', () => {
    for (const { at, text } of everyText) expect(withoutPlaceholders(text), at).to.not.include('%');
  });

  it('has no "(s)" plural or "(e)" gender shortcut: plural forms go through Intl.PluralRules (.one / .other)', () => {
    for (const { at, text } of everyText) expect(text, at).to.not.match(/\p{L}\((s|e|es|x|n|en|nen|innen)\)/u);
  });

  it('has no doubled, leading or trailing ASCII space', () => {
    for (const { at, text } of everyText) expect(text, at).to.not.match(/ {2}|^ | $/);
  });

  it('keeps the badge labels short: at most 20 characters in every language', () => {
    // French runs about 20 % longer than English; a badge is one line and its label ends with an ellipsis when cut.
    for (const [lang, texts] of Object.entries(languages)) {
      for (const status of DISPLAY_STATUSES) expect(texts[`status.${status}.label`]!.length, `${lang} ${status}`).to.be.at.most(20);
    }
  });
});

describe('French typography', () => {
  const french = Object.entries(fr);

  it('puts a no-break space before : ; ! ? » and after «, never a breakable space nor none', () => {
    for (const [key, text] of french) {
      expect(text, key).to.not.match(/ [:;!?»]|« /);
      expect(text, key).to.not.match(/[\p{L}\d)}…][:;!?»]|«[\p{L}\d{]/u);
    }
  });

  it('quotes with « », not with English quotation marks', () => {
    for (const [key, text] of french) expect(text, key).to.not.match(/[“”]/);
  });

  it('keeps a number with the word it counts or measures: a no-break space after it, never a breakable one', () => {
    // "72 heures", "{count} événements": a line never starts with the unit. "entre 0 et 1" keeps its spaces.
    for (const [key, text] of french) expect(text, key).to.not.match(/(\d|\{(count|shown)\}) (?!(et|ou|à|sur|de)\b)\p{L}/u);
  });

  it('addresses the user as « vous », never « tu »', () => {
    for (const [key, text] of french) expect(withoutPlaceholders(text), key).to.not.match(/(^|[^\p{L}’])(tu|toi|ton|ta|tes|te|t’)(?![\p{L}’])/iu);
  });

  it('writes « e-mail » and « rebond », not « email » and a bare « bounce »', () => {
    // The English word is given once, in quotes, beside the French one (« soft bounce »), as users' help centres use it.
    for (const [key, text] of french) {
      expect(text, key).to.not.match(/(^|[^-\p{L}])e?mails?(?!\p{L})/iu);
      expect(text.replace(/«\u00a0(soft|hard) bounce\u00a0»/g, ''), key).to.not.match(/bounce/i);
    }
  });
});

describe('French rate names', () => {
  it('writes « taux de » with the noun in the singular, as in « taux de rebond »', () => {
    // « taux de rebond » beside « taux de rebonds définitifs » read as two different measures.
    for (const [key, text] of Object.entries(fr)) expect(text, key).to.not.match(/taux d(e |’)\p{L}+s\b/u);
  });
});

describe('German, Spanish, Italian and Dutch typography', () => {
  const others = { de, es, it: italian, nl } as const;
  /** Each language's quotation marks, opening and closing (see the header of its catalogue). */
  const QUOTES = { de: ['„', '“'], es: ['«', '»'], it: ['«', '»'], nl: ['“', '”'] } as const;
  const ANY_QUOTE = /[„“”«»‚‘‹›]/g;

  it('quotes with the language’s own marks, each opened and closed', () => {
    for (const [lang, texts] of Object.entries(others)) {
      const [open, close] = QUOTES[lang as keyof typeof QUOTES];
      for (const [key, text] of Object.entries(texts)) {
        const marks = text.match(ANY_QUOTE) ?? [];
        expect(marks.join(''), `${lang} ${key}: ${text}`).to.equal(`${open}${close}`.repeat(marks.length / 2));
      }
    }
  });

  it('keeps a number with the word it counts or measures: a no-break space after it, never a breakable one', () => {
    // "72 Stunden", "{count} eventos": a line never starts with the unit. "zwischen 0 und 1" keeps its spaces.
    for (const [lang, texts] of Object.entries(others)) {
      for (const [key, text] of Object.entries(texts)) expect(text, `${lang} ${key}`).to.not.match(/(\d|\{count\}) (?!(und|oder|y|o|e|en|of)\b)\p{L}/u);
    }
  });

  it('puts a no-break space before a German trailing ellipsis', () => {
    for (const [key, text] of Object.entries(de)) expect(text, key).to.not.match(/[^\u00a0(]…/);
  });

  it('addresses the reader formally: German « Sie », Spanish « usted », Dutch « u », Italian impersonally', () => {
    const familiar = {
      de: /(^|[^\p{L}])(du|dich|dir|dein\p{L}*|ihr|euch|euer|eure\p{L}*)(?!\p{L})/u,
      es: /(^|[^\p{L}])(tú|tu|tus|te|ti|contigo|vosotr\p{L}+|os|vuestr\p{L}+)(?!\p{L})/iu,
      // Italian instructions take the infinitive (Verificare, Riprovare): no « tu », « Lei » or « voi », nor their possessives.
      it: /(^|[^\p{L}’])(tu|ti|te|tuo|tua|tuoi|tue|voi|vi|vostr\p{L}+|Lei|Suo|Sua|Suoi|Sue)(?![\p{L}’])/u,
      nl: /(^|[^\p{L}’])(je|jij|jou|jouw|jullie)(?![\p{L}’])/iu,
    };
    for (const [lang, texts] of Object.entries(others)) {
      for (const [key, text] of Object.entries(texts)) expect(withoutPlaceholders(text), `${lang} ${key}`).to.not.match(familiar[lang as keyof typeof familiar]);
    }
  });

  it('names the number beside the address wherever English names both (the texts cover SMS too)', () => {
    const number = { de: /nummer/i, es: /número/i, it: /numer[oi]/i, nl: /nummer/i };
    const both = Object.entries(en).filter(([, text]) => /address(es)? or (phone )?numbers?/i.test(text));
    expect(both.length, 'English texts naming both').to.be.above(10);
    for (const [lang, texts] of Object.entries(others)) {
      for (const [key] of both) expect((texts as Texts)[key], `${lang} ${key}`).to.match(number[lang as keyof typeof number]);
    }
  });
});

describe('glossaries of German, Spanish, Italian and Dutch', () => {
  it('German: Soft-Bounce and Hard-Bounce hyphenated, a rate is a « Rate », a timeline stage a « Schritt »', () => {
    for (const [key, text] of Object.entries(de)) {
      expect(text, key).to.not.match(/(Soft|Hard) (Bounce|und|oder)/);
      expect(text, key).to.not.match(/Quote/);
      if (key.startsWith('timeline.')) expect(text, key).to.not.match(/Stufe/);
      // The platform's sending is « versenden »: « gesendet » and a bare « erneut senden » were synonyms.
      expect(text, key).to.not.match(/gesendet|erneut senden/);
    }
  });

  it('Spanish: a click is « Clicado », a complaint’s status « Marcado como spam »', () => {
    for (const [key, text] of Object.entries(es)) expect(text, key).to.not.match(/Con clic|^Queja por spam$/);
    expect([es['status.clicked.label'], es['metric.clicked.label'], es['status.complained.label']]).to.deep.equal(['Clicado', 'Clicados', 'Marcado como spam']);
  });

  it('Italian and Dutch: the English « soft bounce » and « hard bounce » only once each, quoted, in the status meaning', () => {
    const quoted = { it: /«(soft|hard) bounce»/g, nl: /“(soft|hard) bounce”/g };
    for (const [lang, texts] of [['it', italian], ['nl', nl]] as const) {
      for (const [key, text] of Object.entries(texts)) {
        const rest = /^status\.(soft|hard)-bounced\.meaning$/.test(key) ? text.replace(quoted[lang], '') : text;
        expect(rest, `${lang} ${key}`).to.not.match(/(soft|hard) bounce/i);
      }
    }
  });

  it('Italian: « tasso di » with the noun in the singular, as in « tasso di rimbalzo »', () => {
    for (const [key, text] of Object.entries(italian)) expect(text, key).to.not.match(/tasso di rimbalzi/);
  });

  it('Dutch: sms-berichten, never the colloquial sms’jes; a request to the platform is an « aanvraag »', () => {
    for (const [key, text] of Object.entries(nl)) expect(text, key).to.not.match(/sms’jes|verzoek/i);
  });
});

describe('sentence case in French and English', () => {
  // Proper names, acronyms and keys of the keyboard keep their capitals wherever they stand.
  const NAMES = new Set(['SMS', 'HTML', 'STOP', 'UTC', 'RCS', 'WhatsApp', 'CSV', 'API', 'HTTP', 'JSON', 'Tab', 'Estafette', 'Email', 'E-mail']);

  it('capitalizes only the first word of a sentence, names and what is quoted', () => {
    for (const [lang, texts] of [['fr', fr], ['en', en]] as const) {
      for (const [key, text] of Object.entries(texts)) {
        // A sentence starts the text, or follows a stop or a quotation mark; the rest of its words are in lower case.
        const words = [...withoutPlaceholders(text).matchAll(/(^|[.!?…«“]\s*|\s)(\p{Lu}[\p{L}’-]*)/gu)];
        const capitalized = words.filter((m) => m[1] === ' ' || m[1] === '\u00a0').map((m) => m[2]!).filter((word) => !NAMES.has(word) && !/^\p{Lu}+$/u.test(word));
        expect(capitalized, `${lang} ${key}: ${text}`).to.deep.equal([]);
      }
    }
  });
});

describe('English spelling', () => {
  it('spells the American way, as the status words do (canceled, color)', () => {
    for (const [key, text] of Object.entries(en)) expect(text, key).to.not.match(/cancell|colour|behaviour|recognis|organis|favour|labell|centre|analys(e|ing)\b|licence|customis/i);
  });
});
