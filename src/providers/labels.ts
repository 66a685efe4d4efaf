import type { Channel, DisplayStatus, FailureReason } from '../core/index.js';

/** What a back-office label stands for on the model. */
export interface LabelMeaning {
  readonly status: DisplayStatus;
  /** The failure reason the label implies, when it implies one (`Filtré`: suppressed). */
  readonly reason?: FailureReason;
}

/** One meaning and the labels (French and English) that say it. */
export interface LabelRule extends LabelMeaning {
  readonly labels: readonly string[];
  /** Only for this channel, when a label means something else on the other one. */
  readonly channel?: Channel;
}

/**
 * Back-office labels, French and English, on the model. The French rows follow seed-statuses.md (the words of
 * the seed back-offices); the English ones are the usual words of provider dashboards. Our own labels (the
 * catalogues' `status.<id>.label`) read back as their status too.
 */
export const LABELS: readonly LabelRule[] = [
  { status: 'scheduled', labels: ['Prévu', 'Programmé', 'Planifié', 'Scheduled'] },
  { status: 'queued', labels: ['En attente', "En file d'attente", 'Traité', 'Accepté', 'Queued', 'Pending', 'Processed', 'Accepted', 'Requested'] },
  // An SMS "accepted" is the carrier taking it (Vonage), not a platform accepting a request.
  { status: 'sent', channel: 'sms', labels: ['Accepté', 'Accepted'] },
  { status: 'held', reason: 'quota', labels: ['Crédits épuisés', 'Out of credits'] },
  { status: 'held', reason: 'moderation', labels: ['En attente de modération', 'Awaiting moderation', 'Pending moderation'] },
  { status: 'held', labels: ['Suspendu', 'En pause', 'Retenu', 'Held', 'On hold'] },
  { status: 'sending', labels: ['Envoi en cours', "En cours d'envoi", 'En traitement', 'En cours', 'Sending', 'In progress'] },
  { status: 'sent', labels: ['Envoyé', 'Sent'] },
  { status: 'deferred', reason: 'quota', labels: ['Différé'] },
  { status: 'deferred', labels: ['Retardé', 'Deferred', 'Delayed'] },
  // Seed 000 defines "Expédié" as accepted by the recipient's infrastructure: a delivery.
  { status: 'delivered', labels: ['Délivré', 'Livré', 'Expédié', 'Remis', 'Delivered'] },
  {
    status: 'soft-bounced',
    labels: ['Bounce temporaire', 'Soft bounce', 'Softbounce', 'Erreur / soft bounce', 'Erreur temporaire', 'Bounce: softbounce', 'Rebond temporaire', 'Soft bounced', 'Softbounced'],
  },
  {
    status: 'hard-bounced',
    // "Harbounce" is how seed 003 spells it; "Erreur définitive" is seed 001's French for a hard bounce.
    labels: ['Bounce permanente', 'Bounce permanent', 'Hard bounce', 'Hardbounce', 'Harbounce', 'Erreur / hard bounce', 'Erreur définitive', 'Bounce: hardbounce', 'Rebond permanent', 'Rebond définitif', 'Hard bounced', 'Hardbounced'],
  },
  { status: 'bounced', labels: ['Bounce', 'Rebond', 'Bounced'] },
  { status: 'blocked', reason: 'reputation-block', labels: ['Blocked'] },
  // Our own label: the receiving side refused the message (no reason implied).
  { status: 'blocked', labels: ['Refusé'] },
  // "Bloqué" is the platform's own refusal (seed 001): never sent, hence dropped.
  { status: 'dropped', reason: 'suppressed', labels: ['Bloqué', 'Rejeté', 'Filtré', 'Dropped', 'Rejected', 'Filtered', 'Suppressed'] },
  // Tipimail's "Quarantaine": its anti-spam moderation refused the message (seed 003), the end of the review that
  // "En attente de modération" awaits; not a rule of the recipient's side or of the law, which `policy` covers.
  { status: 'dropped', reason: 'moderation', labels: ['Quarantaine', 'Quarantine', 'Quarantined'] },
  { status: 'dropped', labels: ['Non envoyé', 'Not sent'] },
  { status: 'failed', reason: 'template-error', labels: ['Erreur (traitement)'] },
  { status: 'failed', labels: ['Erreur', 'Erreur (réception)', 'Livraison échouée', 'Échec', 'Échoué', 'Échec d’envoi', 'Error', 'Failed', 'Sending error'] },
  { status: 'expired', labels: ['Expiré', 'Expired'] },
  { status: 'canceled', labels: ['Annulé', 'Canceled', 'Cancelled'] },
  { status: 'unknown', labels: ['Inconnu', 'Unknown'] },
  { status: 'opened', labels: ['Ouvert', 'Opened', 'Open'] },
  { status: 'clicked', labels: ['Cliqué', 'Clicked', 'Click'] },
  { status: 'read', labels: ['Lu', 'Read'] },
  { status: 'replied', labels: ['Réponse', 'Répondu', 'Réponse reçue', 'Replied', 'Reply', 'Replies'] },
  { status: 'unsubscribed', labels: ['Désabonné', 'Désinscrit', 'Désinscription', 'Désabonnement', 'Unsubscribed'] },
  // Resubscribed is a signal, not a headline: a recipient who resubscribed from the message had received it, so the
  // label reads as delivered, as `mapStatus` reads a provider's resubscribe word (our own Réabonné / Resubscribed too).
  { status: 'delivered', labels: ['Réabonné', 'Réabonnement', 'Réinscrit', 'Réinscription', 'Resubscribed', 'Resubscribe'] },
  { status: 'complained', labels: ['Spam', 'Plainte', 'Signalé comme spam', 'Signalement de spam', 'Complaint', 'Complained', 'Reported as spam', 'Marked as spam', 'Spam report'] },
];

/**
 * Folds a label for lookup: no accents, no case, punctuation as spaces, and a plural `s` dropped from words of
 * four letters or more ("Délivrés", "Soft bounces", "Désinscriptions").
 */
export const foldLabel = (label: string): string =>
  label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word.length >= 4 && word.endsWith('s') ? word.slice(0, -1) : word))
    .join(' ');

const INDEX = new Map<string, LabelRule[]>();
for (const rule of LABELS) {
  for (const label of rule.labels) {
    const key = foldLabel(label);
    const list = INDEX.get(key);
    if (list) list.push(rule);
    else INDEX.set(key, [rule]);
  }
}

/**
 * What a back-office label means (status and implied reason), French or English, accents and case ignored.
 * `channel` picks the channel's own meaning where one differs ("Accepté" on SMS: handed to the carrier).
 * Undefined for labels it does not know.
 */
export function labelMeaning(label: string, channel?: Channel): LabelMeaning | undefined {
  if (typeof label !== 'string') return undefined;
  const rules = INDEX.get(foldLabel(label));
  if (!rules) return undefined;
  const rule = (channel !== undefined && rules.find((r) => r.channel === channel)) || rules.find((r) => r.channel === undefined) || rules[0];
  if (!rule) return undefined;
  return rule.reason === undefined ? { status: rule.status } : { status: rule.status, reason: rule.reason };
}

/**
 * The display status for a label a back-office stored instead of a provider word ("Délivré", "Crédits
 * épuisés", "Soft bounces", "Delivered"), French or English, accents and case ignored. Unknown labels give
 * `unknown`.
 */
export function mapLabel(label: string, channel?: Channel): DisplayStatus {
  return labelMeaning(label, channel)?.status ?? 'unknown';
}
