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
import type { ProviderId } from './types.js';

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

export { PROVIDER_MAPPINGS } from './tables/index.js';
