// Every status the seed help centres name is explained by our own texts, with what those pages taught their users
// about it: what the badge's tooltip says (meaning, caveat, and the reason when the label implies one) must carry
// each point below, in French and in English. A status of the seed table without its points here fails, so does a
// text reworded so that it loses one.
import type { Channel, DisplayStatus, FailureReason } from '../../src/core/index.js';
import { enExplanations } from '../../src/i18n/messages/en-explanations.js';
import { en as enLabels } from '../../src/i18n/messages/en.js';
import { frExplanations } from '../../src/i18n/messages/fr-explanations.js';
import { fr as frLabels } from '../../src/i18n/messages/fr.js';
import { SEED } from '../fixtures/seed-statuses.js';
import { expect } from '../support/expect.js';

type Texts = Readonly<Record<string, string>>;
const catalogues: Readonly<Record<'fr' | 'en', Texts>> = {
  fr: { ...frLabels, ...frExplanations },
  en: { ...enLabels, ...enExplanations },
};

/** What the seeds say about a status on a channel, as words our texts must hold. Written by hand from the seeds. */
const POINTS: Readonly<Partial<Record<`${DisplayStatus}@${Channel}`, Readonly<Record<'fr' | 'en', readonly string[]>>>>> = {
  // Accepted by the recipient's server, not necessarily in the inbox (000, 001, 002, 003).
  'delivered@email': { fr: ['accepté', 'boîte de réception', 'spams'], en: ['accepted', 'inbox', 'spam'] },
  // Reached the handset, not necessarily read (004).
  'delivered@sms': { fr: ['arrivé sur le téléphone', 'ne veut pas dire lu'], en: ['reached the recipient’s phone', 'does not mean read'] },
  // Settles within minutes (000); SMS "En traitement" (004).
  'sending@email': { fr: ['quelques minutes'], en: ['within minutes'] },
  'sending@sms': { fr: ['opérateur mobile', 'quelques minutes'], en: ['mobile carrier', 'within minutes'] },
  // Handed on, the receiving side's answer awaited, from seconds to hours; many stuck there is a problem (001, 002).
  'sent@email': { fr: ['pas encore été confirmée', 'plusieurs heures', 'problème de livraison'], en: ['not confirmed', 'hours', 'delivery problem'] },
  // A tracking image, may be automatic, no legal proof, HTML and open tracking needed, blocked images (000-003).
  'opened@email': {
    fr: ['image', 'automatiquement', 'juridique', 'HTML', 'suivi des ouvertures', 'images sont bloquées'],
    en: ['image', 'automatically', 'legal', 'HTML', 'open tracking', 'images are blocked'],
  },
  // A tracked link, at least once; not proof the person went on to sign up (000, 001, 003).
  'clicked@email': { fr: ['mesure les clics', 'au moins une fois', 'inscription'], en: ['tracked link', 'at least once', 'sign up'] },
  // Temporary (full mailbox), retried automatically (000, 001, 003).
  'soft-bounced@email': { fr: ['passager', 'boîte pleine', 'réessaie'], en: ['temporary', 'full mailbox', 'retries'] },
  // Retried over up to 72 hours; landline, quiet hours, phone off (004).
  'soft-bounced@sms': { fr: ['72\u00a0heures', 'ligne fixe', 'heure non autorisée', 'téléphone éteint'], en: ['72 hours', 'landline', 'quiet hours', 'switched off'] },
  // Does not exist any more; then excluded from sends (000, 001, 003).
  'hard-bounced@email': { fr: ['pour de bon', 'n’existe pas', 'exclu'], en: ['for good', 'does not exist', 'excluded'] },
  // The number does not exist, or the recipient or carrier blocked the sender's number (004).
  'hard-bounced@sms': { fr: ['n’existe pas', 'numéro d’expéditeur'], en: ['does not exist', 'sender number'] },
  // Never sent by the platform: suppression list (unsubscribed, bounced, complained), or given up after attempts (000, 001, 003).
  'dropped@email': { fr: ['n’a pas envoyé', 'liste d’exclusion', 'abandonné'], en: ['did not send', 'suppression list', 'given up'] },
  // The recipient's side refused the sender, an IP on a blocklist or behind a firewall (000).
  'blocked@email': { fr: ['refusé', 'réputation'], en: ['refused', 'reputation'] },
  // The reason is in the details (002); refused at submission, a bad request (003).
  'failed@email': { fr: ['motif', 'requête'], en: ['reason', 'request'] },
  // Taken on, about to go; not sent yet (003: En attente, Traité, Accepté).
  'queued@email': { fr: ['pris en charge', 'ne veut pas dire envoyé'], en: ['accepted', 'is not sent'] },
  // Throttled, tried again later (003).
  'deferred@email': { fr: ['ralentit', 'réessaiera'], en: ['slows', 'try again'] },
  // Out of credits (kept about a day) or awaiting moderation (003).
  'held@email': { fr: ['crédits', 'journée', 'vérification'], en: ['credits', 'a day', 'review'] },
  // Planned, awaiting the sender's go (003).
  'scheduled@email': { fr: ['plus tard', 'pas encore parti'], en: ['later', 'not gone out'] },
  // Open for more than a few seconds (003).
  'read@email': { fr: ['quelques secondes'], en: ['few seconds'] },
  // The unsubscribe link; later sends take it into account (001, 003); a STOP reply for SMS (004).
  'unsubscribed@email': { fr: ['lien de désabonnement', 'excluent'], en: ['unsubscribe link', 'exclude'] },
  'unsubscribed@sms': { fr: ['STOP'], en: ['STOP'] },
  // Reported as spam; weighs on the reputation; excluded afterwards (001, 003).
  'complained@email': { fr: ['spam', 'réputation', 'exclue'], en: ['spam', 'reputation', 'excluded'] },
  // Replies to an SMS; some countries do not allow replying to marketing SMS (004).
  'replied@sms': { fr: ['répondu', 'certains pays'], en: ['answered', 'some countries'] },
};

/** What the seeds say about the failure reason a label implies. */
const REASON_POINTS: Readonly<Partial<Record<FailureReason, Readonly<Record<'fr' | 'en', readonly string[]>>>>> = {
  // Bounced, unsubscribed or complained before: the list users know as a blacklist (001, 003).
  suppressed: { fr: ['rebondi', 'désabonné', 'spam', 'liste noire'], en: ['bounced', 'unsubscribed', 'spam', 'blacklist'] },
  // An IP blocked by a firewall or a mailbox provider (000).
  'reputation-block': { fr: ['liste de blocage', 'pare-feu'], en: ['blocklist', 'firewall'] },
  // The message's structure (003).
  'template-error': { fr: ['modèle'], en: ['template'] },
  // Throttled (Différé) or out of credits (Crédits épuisés) (003).
  quota: { fr: ['limite d’envoi', 'crédits'], en: ['sending limit', 'credits'] },
  // Awaiting the platform's anti-spam review (003, En attente de modération), or refused by it (003, Quarantaine).
  moderation: { fr: ['anti-spam', 'vérification', 'l’a refusé'], en: ['anti-spam', 'review', 'refused by'] },
};

/** What a badge's tooltip says about a status on a channel, with the reason its label implies. */
function tooltipText(texts: Texts, status: DisplayStatus, channel: Channel, reason: string | undefined): string {
  const caveat = texts[`status.${status}.caveat.${channel}`] ?? texts[`status.${status}.caveat`];
  const meaning = texts[`status.${status}.meaning.${channel}`] ?? texts[`status.${status}.meaning`];
  const parts = [texts[`status.${status}.label`], meaning, caveat];
  if (reason) parts.push(texts[`reason.${reason}.label`], texts[`reason.${reason}.explanation`]);
  return parts.join('\n');
}

describe('every status of the seed help centres, explained', () => {
  it('has what the seeds teach about each status, in French and English', () => {
    const missing: string[] = [];
    for (const [label, channel, status, reason] of SEED) {
      const points = POINTS[`${status}@${channel}`];
      const reasonPoints = reason === undefined ? { fr: [], en: [] } : REASON_POINTS[reason];
      if (!points || !reasonPoints) {
        missing.push(`${label}: no points for ${status}@${channel}${reason ? ` (${reason})` : ''}`);
        continue;
      }
      for (const lang of ['fr', 'en'] as const) {
        const text = tooltipText(catalogues[lang], status, channel, reason);
        for (const point of [...points[lang], ...reasonPoints[lang]]) if (!text.includes(point)) missing.push(`${label} (${status}@${channel}, ${lang}): «${point}»`);
      }
    }
    expect(missing).to.deep.equal([]);
  });

  it('covers the five seeds and every status they name', () => {
    // A row taken out of the table would leave a status unchecked: the table keeps every status the seeds name.
    const statuses = new Set(SEED.map(([, channel, status]) => `${status}@${channel}`));
    expect([...statuses].sort()).to.deep.equal(Object.keys(POINTS).sort());
    const reasons = new Set(SEED.flatMap(([, , , reason]) => (reason === undefined ? [] : [reason])));
    expect([...reasons].sort()).to.deep.equal(Object.keys(REASON_POINTS).sort());
    expect(SEED.length).to.equal(47);
  });
});
