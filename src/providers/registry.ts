import type { Adapter } from './adapter.js';
import { amazonSes } from './amazon-ses.js';
import { brevo } from './brevo.js';
import { mailgun } from './mailgun.js';
import { mailjet } from './mailjet.js';
import { postmark } from './postmark.js';
import { resend } from './resend.js';
import { sendgrid } from './sendgrid.js';
import { sparkpost } from './sparkpost.js';
import { tipimail } from './tipimail.js';
import { twilio } from './twilio.js';
import { vonage } from './vonage.js';
import type { ProviderId, ProviderMapping } from './types.js';

/** One adapter per provider id. */
export const ADAPTERS: { readonly [P in ProviderId]: Adapter } = {
  sendgrid,
  mailjet,
  brevo,
  mailgun,
  postmark,
  'amazon-ses': amazonSes,
  twilio,
  vonage,
  sparkpost,
  resend,
  tipimail,
};

/**
 * Every adapter's mapping tables, by provider: raw words (with conditions) to canonical events, extra status
 * words, error-code tables. The adapters read these very tables, and the README is generated from them.
 */
export const PROVIDER_MAPPINGS: { readonly [P in ProviderId]: ProviderMapping } = {
  sendgrid: sendgrid.mapping,
  mailjet: mailjet.mapping,
  brevo: brevo.mapping,
  mailgun: mailgun.mapping,
  postmark: postmark.mapping,
  'amazon-ses': amazonSes.mapping,
  twilio: twilio.mapping,
  vonage: vonage.mapping,
  sparkpost: sparkpost.mapping,
  resend: resend.mapping,
  tipimail: tipimail.mapping,
};
