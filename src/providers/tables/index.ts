import type { ProviderId, ProviderMapping } from '../types.js';
import { amazonSesMapping } from './amazon-ses.js';
import { brevoMapping } from './brevo.js';
import { mailgunMapping } from './mailgun.js';
import { mailjetMapping } from './mailjet.js';
import { postmarkMapping } from './postmark.js';
import { resendMapping } from './resend.js';
import { sendgridMapping } from './sendgrid.js';
import { sparkpostMapping } from './sparkpost.js';
import { tipimailMapping } from './tipimail.js';
import { twilioMapping } from './twilio.js';
import { vonageMapping } from './vonage.js';

/**
 * Every adapter's mapping tables, by provider: raw words (with conditions) to canonical events, extra status
 * words, error-code tables. The adapters read these very tables, and the README is generated from them.
 * Tables only, no parsing code: `mapStatus` (and so the badge, and the CDN file) needs these and no adapter.
 */
export const PROVIDER_MAPPINGS: { readonly [P in ProviderId]: ProviderMapping } = {
  sendgrid: sendgridMapping,
  mailjet: mailjetMapping,
  brevo: brevoMapping,
  mailgun: mailgunMapping,
  postmark: postmarkMapping,
  'amazon-ses': amazonSesMapping,
  twilio: twilioMapping,
  vonage: vonageMapping,
  sparkpost: sparkpostMapping,
  resend: resendMapping,
  tipimail: tipimailMapping,
};
