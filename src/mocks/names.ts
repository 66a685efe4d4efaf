import type { Random } from './prng.js';

/** A fake contact. Names are common French and English names; the addresses are made up from them. */
export interface MockContact {
  readonly firstName: string;
  readonly lastName: string;
  readonly locale: 'fr' | 'en';
  readonly email: string;
  readonly phone: string;
}

const FRENCH_FIRST = [
  'Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Jade', 'Louise', 'Emma', 'Zoé', 'Élodie', 'Margaux', 'Clémence',
  'Hélène', 'Océane', 'Anaïs', 'Juliette', 'Thomas', 'Lucas', 'Hugo', 'Théo', 'Nathan', 'Louis', 'Mathis', 'Gabriel',
  'Antoine', 'Julien', 'Maxime', 'Quentin', 'Rémi', 'François', 'Jérôme', 'Benoît', 'Aurélien', 'Céline', 'Noël', 'Gaëlle',
] as const;
const FRENCH_LAST = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent',
  'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Lefebvre',
  'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin',
] as const;
const ENGLISH_FIRST = [
  'Oliver', 'George', 'Harry', 'Jack', 'Charlie', 'Jacob', 'Thomas', 'James', 'William', 'Noah', 'Amelia', 'Olivia',
  'Isla', 'Emily', 'Poppy', 'Ava', 'Isabella', 'Jessica', 'Lily', 'Sophie', 'Grace', 'Evie', 'Ruby', 'Chloe',
] as const;
const ENGLISH_LAST = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson', 'Evans',
  'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hughes', "O'Brien", 'Patel', 'Khan',
] as const;

/** Mailbox providers, weighted roughly as in a French consumer list. */
export const FRENCH_DOMAINS = ['gmail.com', 'orange.fr', 'free.fr', 'laposte.net', 'sfr.fr', 'hotmail.fr', 'outlook.fr', 'yahoo.fr', 'wanadoo.fr', 'icloud.com'] as const;
export const ENGLISH_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'btinternet.com', 'hotmail.co.uk', 'icloud.com', 'proton.me'] as const;
/** Misspelled domains: what "domain not found" bounces are made of. */
export const TYPO_DOMAINS = ['gmial.com', 'orange.fe', 'hotmial.fr', 'outlok.com', 'wanado.fr', 'gmail.con'] as const;

// A few dozen names make thousands of addresses: fold each name's accents once.
const asciiCache = new Map<string, string>();
const ascii = (text: string) => {
  let folded = asciiCache.get(text);
  if (folded === undefined) {
    folded = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z-]/g, '').toLowerCase();
    asciiCache.set(text, folded);
  }
  return folded;
};

/**
 * Phone numbers in ranges set aside for fiction, so that no real person is ever named: ARCEP's 06 39 98 xx xx
 * (mobile) and Ofcom's 07700 900xxx. Landlines use ARCEP's 01 99 00 xx xx.
 */
export const fictionalMobile = (locale: 'fr' | 'en', n: number): string =>
  locale === 'fr' ? `+33639${String(980000 + (n % 20000)).padStart(6, '0')}` : `+447700900${String(n % 1000).padStart(3, '0')}`;
export const fictionalLandline = (n: number): string => `+33199${String(n % 1000000).padStart(6, '0')}`;

/** A contact; `frenchShare` of them are French. */
export function makeContact(random: Random, n: number, frenchShare = 0.75): MockContact {
  const locale = random.chance(frenchShare) ? 'fr' : 'en';
  const firstName = random.pick(locale === 'fr' ? FRENCH_FIRST : ENGLISH_FIRST);
  const lastName = random.pick(locale === 'fr' ? FRENCH_LAST : ENGLISH_LAST);
  const domain = random.pick(locale === 'fr' ? FRENCH_DOMAINS : ENGLISH_DOMAINS);
  // A number after the name, as in real lists where "camille.martin" is long taken.
  const suffix = random.chance(0.45) ? String(random.int(1, 99)) : '';
  const separator = random.pick(['.', '.', '_', '']);
  const email = `${ascii(firstName)}${separator}${ascii(lastName)}${suffix}@${domain}`;
  return { firstName, lastName, locale, email, phone: fictionalMobile(locale, n) };
}

/** People who act on campaigns in the history ("Paused by ..."). */
export const OPERATORS = ['Camille Martin', 'Thomas Dubois', 'Sophie Laurent', 'Oliver Smith'] as const;
