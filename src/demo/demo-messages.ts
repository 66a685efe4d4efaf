/** The demo page's own words (the elements bring theirs). */
export const DEMO_MESSAGES = {
  fr: {
    title: 'Back-office de démonstration',
    subtitle: 'Campagnes, contacts et statuts de délivrance, alimentés par l’API simulée.',
    campaign: 'Campagne',
    language: 'Langue',
    theme: 'Thème',
    light: 'Clair',
    dark: 'Sombre',
    contacts: 'Contacts',
    columns: 'Colonnes',
    filter: 'Filtrer par statut',
    all: 'Tous les statuts',
    search: 'Rechercher un contact',
    name: 'Contact',
    address: 'Adresse',
    showMore: 'Afficher plus de contacts',
    shown: '{shown} contacts affichés sur {total}',
    filtered: 'Filtre : {metric}',
    clear: 'Retirer le filtre',
    loadingFilter: 'Recherche des contacts correspondants…',
    history: 'Historique du message',
    campaignHistory: 'Historique de la campagne',
    close: 'Fermer',
    noMessage: 'Pas de message pour ce contact dans cette campagne.',
  },
  en: {
    title: 'Demo back-office',
    subtitle: 'Campaigns, contacts and delivery statuses, fed by the mock API.',
    campaign: 'Campaign',
    language: 'Language',
    theme: 'Theme',
    light: 'Light',
    dark: 'Dark',
    contacts: 'Contacts',
    columns: 'Columns',
    filter: 'Filter by status',
    all: 'All statuses',
    search: 'Search a contact',
    name: 'Contact',
    address: 'Address',
    showMore: 'Show more contacts',
    shown: '{shown} of {total} contacts shown',
    filtered: 'Filter: {metric}',
    clear: 'Clear the filter',
    loadingFilter: 'Finding the matching contacts…',
    history: 'Message history',
    campaignHistory: 'Campaign history',
    close: 'Close',
    noMessage: 'No message for this contact in this campaign.',
  },
} as const;

export type DemoLocale = keyof typeof DEMO_MESSAGES;
export type DemoKey = keyof (typeof DEMO_MESSAGES)['fr'];

export const demoText = (locale: DemoLocale, key: DemoKey, params: Record<string, string | number> = {}): string =>
  DEMO_MESSAGES[locale][key].replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
