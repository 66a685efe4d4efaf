import type { ProviderId } from './types.js';

/** Each provider's name as its brand writes it, for people to read (ids are for code: `amazon-ses`). */
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
