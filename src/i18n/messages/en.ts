import type { ExplanationKey, PanelRequiredKey, RequiredKey } from '../keys.js';

/**
 * English, the reference catalogue: its keys (with those of `en-panels.ts` and `en-explanations.ts`) define
 * `MessageKey`, and it is the fallback for any missing text. The texts of `<campaign-stats>` and `<status-timeline>`
 * are in `en-panels.ts` and the explanations in `en-explanations.ts`: both load on demand.
 * Plain text only (never HTML). `{name}` marks a value inserted by `translate()`; keys ending in `.one` / `.other`
 * are plural forms picked by `translatePlural()`.
 *
 * Style: American spelling (canceled, recognize, color), sentence case ("Soft bounce", "Spam reports"), the
 * typographic apostrophe and quotation marks (’ “ ”); test/i18n/typography.test.ts checks them.
 * "Sent" names both the status (handed on for delivery, receipt not confirmed yet: a pending state) and the
 * campaign indicator (every message the platform took on, whatever happened next). Kept on purpose: it is the word
 * of the dashboards our users know (Mailjet's "Sent" / "Envoyés" is both), a badge has no room for "Awaiting
 * confirmation", and each says which it is: the status is in the pending group and its caveat starts "Sent does
 * not mean received"; the indicator's help says it counts every message the platform took on, and the rates over it
 * say "of messages taken on" (not "of all messages": while a campaign is sending, most of it may be scheduled still).
 * A complaint is a report, in every text: the status "Reported as spam", the indicator "Spam reports", the "Spam
 * report rate", as French says « Signalé comme spam » / « Signalements de spam » (not "Marked as spam" beside
 * "Spam reports": two verbs for one signal, on one page).
 */
export const en = {
  'locale.name': 'English',

  // Delivery states. That a status which is not final may still change is said once, by badge.may-change.
  'status.scheduled.label': 'Scheduled',
  'status.queued.label': 'Queued',
  'status.held.label': 'On hold',
  'status.sending.label': 'Sending',
  'status.sent.label': 'Sent',
  'status.deferred.label': 'Delayed',
  'status.delivered.label': 'Delivered',
  'status.soft-bounced.label': 'Soft bounce',
  'status.hard-bounced.label': 'Hard bounce',
  'status.bounced.label': 'Bounced',
  'status.blocked.label': 'Blocked',
  'status.dropped.label': 'Not sent',
  'status.failed.label': 'Sending error',
  'status.expired.label': 'Expired',
  'status.canceled.label': 'Canceled',
  'status.unknown.label': 'Unknown status',

  // Engagement signals.
  'status.opened.label': 'Opened',
  'status.clicked.label': 'Clicked',
  'status.read.label': 'Read',
  'status.replied.label': 'Replied',
  'status.unsubscribed.label': 'Unsubscribed',
  'status.resubscribed.label': 'Resubscribed',
  'status.complained.label': 'Reported as spam',

  // Failure reasons.
  'reason.invalid-recipient.label': 'Invalid address or number',
  'reason.mailbox-full.label': 'Mailbox full',
  'reason.message-too-large.label': 'Message too large',
  'reason.domain-or-dns.label': 'Domain problem',
  'reason.timeout.label': 'No answer in time',
  'reason.content-block.label': 'Content refused',
  'reason.reputation-block.label': 'Sender refused',
  'reason.policy.label': 'Sending rule',
  'reason.suppressed.label': 'On a suppression list',
  'reason.duplicate.label': 'Duplicate',
  'reason.template-error.label': 'Template error',
  'reason.quota.label': 'Limit reached or no credits',
  'reason.moderation.label': 'Moderation',
  'reason.landline.label': 'Landline number',
  'reason.carrier.label': 'Mobile carrier',
  'reason.undetermined.label': 'Unspecified',

  // Status families, read out next to a color so that color is never the only cue.
  'category.pending': 'in progress',
  'category.success': 'success',
  'category.engagement': 'engagement',
  'category.warning': 'needs attention',
  'category.danger': 'failure',
  'category.neutral': 'other',

  'channel.email': 'Email',
  'channel.sms': 'SMS',

  // <email-status-badge>
  'badge.label': 'Delivery status: {status}',
  'badge.meaning': 'What it means',
  'badge.caveat': 'Good to know',
  'badge.reason': 'Reason',
  'badge.code': 'Code',
  'badge.diagnostic': 'Technical details',
  // Read by screen readers only, in the tooltip's description: after each heading, and after a line without a stop.
  'badge.heading-end': ':',
  'badge.line-end': '.',
  'badge.updated': 'Last update: {time}',
  'badge.may-change': 'Not final yet: a status can take up to an hour to settle, and up to 72 hours when the platform retries or for some SMS.',
  'badge.no-status-label': 'No status',
  'badge.no-status': 'No status was given for this message yet.',
  'badge.automated': 'Automatic: most likely a privacy feature or a security scanner, not a person.',
  'badge.async-bounce': 'Bounced after delivery: the recipient’s server first accepted the message, then sent it back.',
  'badge.inferred': 'Counted as delivered because the recipient interacted with the message.',
  'badge.raw-status': 'Provider status: {raw}',
  'badge.provider': 'Provider: {provider}',
  'badge.loading': 'Loading the status…',
  'badge.error': 'Couldn’t load the status: {reason}',
  'badge.unavailable': 'Unavailable',
  'badge.unavailable-name': '{label}. {problem}',
  'badge.retrying': 'Trying again automatically.',
  'badge.no-source': 'No data source is set up for this status.',
  'badge.not-found': 'No message was found with this identifier.',

  // <status-timeline>
  'data-error.network': 'the server is unreachable',
  'data-error.http': 'the server answered with an error ({status})',
  'data-error.malformed': 'the server’s answer is unreadable',
  'data-error.timeout': 'the server took too long to answer',
  'data-error.aborted': 'the request was canceled',
  'data-error.no-source': 'no data source is connected',
  'data-error.unknown': 'an unexpected error occurred',

  'common.unknown-value': 'Unknown status: {raw}',
  'common.source-missing': 'Data unavailable: no data source is connected.',

  // Used by the formatters when their input cannot be shown.
  'format.unknown-date': 'unknown date',
  'format.no-number': '—',
  // The index signature lets the literal hold keys beyond the required ones; `MessageKey` still lists them all.
} satisfies Record<Exclude<RequiredKey, ExplanationKey | PanelRequiredKey>, string> & Record<string, string>;
