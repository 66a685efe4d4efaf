import type { LabelCatalogue } from '../catalogue.js';

/**
 * French. Typed as `LabelCatalogue`, so a key missing from (or unknown to) the English reference fails the build;
 * the texts of `<campaign-stats>` and `<status-timeline>` are in `fr-panels.ts` and the explanations in
 * `fr-explanations.ts`: both load on demand.
 * French typography: a no-break space (U+00A0) before `:` and inside « », a narrow no-break space (U+202F) before
 * `;`, `!`, `?` and `%`, so that a line never starts with the punctuation; a no-break space between a number and
 * the word it counts (« 72 heures », « {count} événements »); the typographic apostrophe ’; sentence case (« Rebond
 * temporaire », not « Rebond Temporaire »); the reader is « vous ». test/i18n/typography.test.ts checks them all.
 *
 * Glossary: one term per concept, in the badge, the figures, the timeline, the tooltips and the demo; the seeds'
 * words where they agree (research/seed-statuses.md).
 * - message (e-mail or SMS) · destinataire · campagne · plateforme d’envoi (short: plateforme) · fournisseur (who
 *   reports the statuses) · serveur du destinataire, opérateur mobile
 * - sent: Envoyé(s), both the status (handed on, receipt not confirmed yet) and the indicator (every message taken
 *   on): the seeds' back-offices use the word for both, and each explanation says which it is (see en.ts); the rates
 *   over the indicator say « des messages pris en charge », as its explanation
 * - delivered: Délivré(s), noun « livraison » (never « remis », never « reçu », which would say the person has it)
 * - bounce: rebond (temporaire / définitif); the English words once, in quotes, in the meanings (« soft bounce »)
 * - blocked (the receiving side refused it): Refusé; dropped (the platform did not send it): Non envoyé; « bloqué »
 *   is not used, the seeds give it to both
 * - unsubscribe: désabonné / désabonnement (the seeds also say « désinscrit »: mapLabel reads both)
 * - open: Ouvert / ouverture · click: Cliqué / clic, « lien dont la plateforme mesure les clics » · complaint:
 *   Signalé comme spam / signalement de spam · reason: motif
 * - rates: « taux de » and the noun in the singular, as the seeds write them: taux de rebond, taux de rebond
 *   définitif, taux d’ouverture, taux de clic, taux de désabonnement, taux de signalement de spam, taux de livraison,
 *   taux d’échec (the counts beside them stay plural: « Rebonds définitifs », « Signalements de spam »)
 */
export const fr: LabelCatalogue = {
  'locale.name': 'Français',

  // Delivery states. That a status which is not final may still change is said once, by badge.may-change.
  'status.scheduled.label': 'Programmé',
  'status.queued.label': 'En file d’attente',
  'status.held.label': 'Retenu',
  'status.sending.label': 'Envoi en cours',
  'status.sent.label': 'Envoyé',
  'status.deferred.label': 'Différé',
  'status.delivered.label': 'Délivré',
  'status.soft-bounced.label': 'Rebond temporaire',
  'status.hard-bounced.label': 'Rebond définitif',
  'status.bounced.label': 'Rebond',
  'status.blocked.label': 'Refusé',
  'status.dropped.label': 'Non envoyé',
  'status.failed.label': 'Échec d’envoi',
  'status.expired.label': 'Expiré',
  'status.canceled.label': 'Annulé',
  'status.unknown.label': 'Statut inconnu',

  // Engagement signals.
  'status.opened.label': 'Ouvert',
  'status.clicked.label': 'Cliqué',
  'status.read.label': 'Lu',
  'status.replied.label': 'Réponse reçue',
  'status.unsubscribed.label': 'Désabonné',
  'status.resubscribed.label': 'Réabonné',
  'status.complained.label': 'Signalé comme spam',

  // Failure reasons.
  'reason.invalid-recipient.label': 'Adresse ou numéro invalide',
  'reason.mailbox-full.label': 'Boîte pleine',
  'reason.message-too-large.label': 'Message trop lourd',
  'reason.domain-or-dns.label': 'Problème de domaine',
  'reason.timeout.label': 'Pas de réponse à temps',
  'reason.content-block.label': 'Contenu refusé',
  'reason.reputation-block.label': 'Expéditeur refusé',
  'reason.policy.label': 'Règle d’envoi',
  'reason.suppressed.label': 'Sur une liste d’exclusion',
  'reason.duplicate.label': 'Doublon',
  'reason.template-error.label': 'Erreur de modèle',
  'reason.quota.label': 'Limite atteinte ou crédits épuisés',
  'reason.moderation.label': 'Modération',
  'reason.landline.label': 'Numéro de téléphone fixe',
  'reason.carrier.label': 'Opérateur mobile',
  'reason.undetermined.label': 'Non précisé',

  'category.pending': 'en cours',
  'category.success': 'réussite',
  'category.engagement': 'interaction',
  'category.warning': 'à surveiller',
  'category.danger': 'échec',
  'category.neutral': 'autre',

  'channel.email': 'E-mail',
  'channel.sms': 'SMS',

  'badge.label': 'Statut d’envoi : {status}',
  'badge.meaning': 'Ce que cela signifie',
  'badge.caveat': 'Bon à savoir',
  'badge.reason': 'Motif',
  'badge.code': 'Code',
  'badge.diagnostic': 'Détails techniques',
  // Read by screen readers only, in the tooltip's description: after each heading, and after a line without a stop.
  'badge.heading-end': ' :',
  'badge.line-end': '.',
  'badge.updated': 'Dernière mise à jour : {time}',
  'badge.may-change': 'Pas encore définitif : un statut peut mettre jusqu’à une heure à se stabiliser, et jusqu’à 72 heures quand la plateforme réessaie ou pour certains SMS.',
  'badge.no-status-label': 'Aucun statut',
  'badge.no-status': 'Aucun statut n’a encore été donné pour ce message.',
  'badge.automated': 'Automatique : sans doute une protection de la vie privée ou un outil de sécurité, pas une personne.',
  'badge.async-bounce': 'Rebond après livraison : le serveur du destinataire a d’abord accepté le message, puis l’a renvoyé.',
  'badge.inferred': 'Compté comme délivré parce que le destinataire a interagi avec le message.',
  'badge.raw-status': 'Statut du fournisseur : {raw}',
  'badge.provider': 'Fournisseur : {provider}',
  'badge.loading': 'Chargement du statut…',
  'badge.error': 'Impossible de charger le statut : {reason}',
  'badge.unavailable': 'Indisponible',
  'badge.unavailable-name': '{label}. {problem}',
  'badge.retrying': 'Nouvel essai automatique en cours.',
  'badge.no-source': 'Aucune source de données n’est configurée pour ce statut.',
  'badge.not-found': 'Aucun message trouvé avec cet identifiant.',

  'data-error.network': 'le serveur est injoignable',
  'data-error.http': 'le serveur a répondu par une erreur ({status})',
  'data-error.malformed': 'la réponse du serveur est illisible',
  'data-error.timeout': 'le serveur a mis trop de temps à répondre',
  'data-error.aborted': 'la requête a été annulée',
  'data-error.no-source': 'aucune source de données n’est connectée',
  'data-error.unknown': 'une erreur inattendue s’est produite',

  'common.unknown-value': 'Statut inconnu : {raw}',
  'common.source-missing': 'Données indisponibles : aucune source de données n’est connectée.',

  'format.unknown-date': 'date inconnue',
  'format.no-number': '—',
};
