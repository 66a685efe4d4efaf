import type { EventDetail, FailureReason } from '../core/index.js';
import type { Random } from './prng.js';

/**
 * Diagnostics worded the way receiving servers and providers word them (Gmail, Microsoft, Orange, Postfix,
 * Twilio error codes), so that the elements and `classifySmtp` meet realistic text. IPs are from the
 * documentation ranges (RFC 5737).
 */
type Family = 'gmail' | 'microsoft' | 'orange' | 'other';

const familyOf = (address: string): Family => {
  const domain = address.slice(address.lastIndexOf('@') + 1);
  if (domain === 'gmail.com') return 'gmail';
  if (/^(outlook|hotmail|live)\./.test(domain)) return 'microsoft';
  if (/^(orange|wanadoo)\.fr$/.test(domain)) return 'orange';
  return 'other';
};

const ip = (random: Random) => `203.0.113.${random.int(10, 250)}`;

/** SMTP code and text for an email failure of `reason` to `address`. */
export function emailDiagnostic(reason: FailureReason, address: string, random: Random): EventDetail {
  const family = familyOf(address);
  const domain = address.slice(address.lastIndexOf('@') + 1);
  switch (reason) {
    case 'invalid-recipient':
      if (family === 'gmail')
        return { code: '550 5.1.1', text: "550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser" };
      if (family === 'microsoft')
        return { code: '550 5.5.0', text: '550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [AM4PEPF00027A5C.eurprd04.prod.outlook.com]' };
      if (family === 'orange')
        return { code: '550 5.1.1', text: `550 5.1.1 <${address}>: Recipient address rejected: User unknown (OFR_416)` };
      return { code: '550 5.1.1', text: `550 5.1.1 <${address}>: Recipient address rejected: User unknown in virtual mailbox table` };
    case 'mailbox-full':
      if (family === 'gmail')
        return { code: '452 4.2.2', text: '452-4.2.2 The recipient\'s inbox is out of storage space. Please direct the recipient to https://support.google.com/mail/?p=OverQuotaTemp' };
      return { code: '552 5.2.2', text: `552 5.2.2 <${address}>: Mailbox full, quota exceeded` };
    case 'message-too-large':
      return { code: '552 5.3.4', text: '552 5.3.4 Message size exceeds fixed maximum message size (10485760 bytes)' };
    case 'domain-or-dns':
      return { code: '5.4.4', text: `Host or domain name not found. Name service error for name=${domain} type=MX: Host not found` };
    case 'timeout':
      return random.chance(0.5)
        ? { code: '421 4.4.2', text: `421 4.4.2 mx.${domain}: Connection timed out` }
        : { code: '451 4.4.1', text: `451 4.4.1 No answer from host mx1.${domain}, will retry` };
    case 'content-block':
      if (family === 'gmail')
        return { code: '550 5.7.1', text: '550-5.7.1 Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked.' };
      return { code: '554 5.7.1', text: '554 5.7.1 Message rejected: spam content detected (score 9.4 > 5.0)' };
    case 'reputation-block':
      if (family === 'microsoft')
        return { code: '550 5.7.1', text: `550 5.7.1 Unfortunately, messages from [${ip(random)}] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).` };
      return { code: '554 5.7.1', text: `554 5.7.1 Service unavailable; Client host [${ip(random)}] blocked using zen.spamhaus.org` };
    case 'policy':
      if (family === 'gmail')
        return { code: '550 5.7.26', text: '550-5.7.26 Unauthenticated email from newsletter.example-shop.fr is not accepted due to domain\'s DMARC policy. Please contact the administrator of newsletter.example-shop.fr domain if this was a legitimate mail.' };
      return { code: '550 5.7.1', text: '550 5.7.1 Message rejected due to local policy: SPF check failed' };
    case 'suppressed':
      return { text: 'Address is on the suppression list after a previous hard bounce; the message was not sent.' };
    case 'duplicate':
      return { text: 'Duplicate message: the same idempotency key was used 2 s earlier; this copy was not sent.' };
    case 'template-error':
      return { text: 'Template rendering failed: variable {{ order.total }} is undefined (template "order-confirmation", v12).' };
    case 'quota':
      return { text: 'Daily sending quota reached (10,000 of 10,000); the message will go out after midnight UTC.' };
    case 'moderation':
      return { text: 'Held for review: the first send of a new sender address is checked by hand before it goes out.' };
    case 'undetermined':
      return { code: '5.0.0', text: 'Delivery failed; the receiving server gave no reason.' };
    default:
      return { text: 'Delivery failed.' };
  }
}

/** Twilio-style error code and text for an SMS failure of `reason`. */
export function smsDiagnostic(reason: FailureReason): EventDetail {
  switch (reason) {
    case 'landline':
      return { code: '30006', text: 'Landline or unreachable carrier: the destination number cannot receive SMS.' };
    case 'carrier':
      return { code: '30003', text: 'Unreachable destination handset: the phone may be off or out of coverage.' };
    case 'invalid-recipient':
      return { code: '30005', text: 'Unknown destination handset: the number does not exist or is no longer in service.' };
    case 'content-block':
      return { code: '30007', text: 'Message filtered by the carrier (content or sender flagged as spam).' };
    case 'quota':
      return { code: '30001', text: 'Queue overflow: too many messages queued for this sender; the message was not sent.' };
    case 'timeout':
      return { code: '30036', text: 'Validity period expired while the message was queued: it was not sent.' };
    case 'undetermined':
      return { code: '30008', text: 'Unknown error from the carrier.' };
    default:
      return { code: '30008', text: 'Unknown error.' };
  }
}

/** Links of the newsletter, for click events. */
export const NEWSLETTER_LINKS = [
  'https://www.example-shop.fr/black-friday?utm_source=newsletter&utm_campaign=2026-11',
  'https://www.example-shop.fr/nouveautes?utm_source=newsletter&utm_campaign=2026-11',
  'https://www.example-shop.fr/magasins?utm_source=newsletter&utm_campaign=2026-11',
  'https://www.example-shop.fr/compte/preferences?utm_source=newsletter',
] as const;
