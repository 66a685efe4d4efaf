import type { ProviderId } from './types.js';

/**
 * Each provider's name as its brand writes it, for people to read in the elements (ids are for code: `amazon-ses`).
 * Short on purpose: the tables' `name` is the README's heading for a provider ("Twilio SendGrid", "Brevo
 * (ex-Sendinblue)"), and the tables load only when needed, where this weighs on every badge.
 */
export const PROVIDER_NAMES: { readonly [P in ProviderId]: string } = {
  sendgrid: 'SendGrid',
  mailjet: 'Mailjet',
  brevo: 'Brevo',
  mailgun: 'Mailgun',
  postmark: 'Postmark',
  'amazon-ses': 'Amazon SES',
  twilio: 'Twilio',
  vonage: 'Vonage',
  sparkpost: 'SparkPost',
  resend: 'Resend',
  tipimail: 'Tipimail',
};

/** The name to show for a provider id: its brand's spelling for one we know, else the id as given. */
export const providerName = (id: string): string => (Object.hasOwn(PROVIDER_NAMES, id) ? PROVIDER_NAMES[id as ProviderId] : id);
