// The data both CSP test pages show (scripts/check-csp.mjs): a message that was delivered then opened (the
// timeline), one that bounced on a full mailbox (the badge), and a campaign's counts (the stats), fed to a
// StaticDataSource. Fixed times in UTC, no clock needed.
const at = (minute) => new Date(Date.UTC(2026, 10, 2, 9, minute)).toISOString();
const event = (messageId, type, minute, raw, extra = {}) => ({ provider: 'sendgrid', channel: 'email', messageId, type, at: at(minute), raw, ...extra });

/** Options for `new StaticDataSource(...)`. */
export const CSP_DATA = {
  events: [
    event('m-1', 'queued', 0, 'processed'),
    event('m-1', 'delivered', 1, 'delivered'),
    event('m-1', 'opened', 5, 'open'),
    event('m-2', 'queued', 0, 'processed'),
    event('m-2', 'soft-bounced', 2, 'deferred', { reason: 'mailbox-full', detail: { code: '4.2.2' } }),
  ],
  campaigns: [
    {
      campaign: { id: 'c-1', name: 'Autumn sale', channel: 'email' },
      counts: { sent: 1000, delivered: 950, opened: 400, clicked: 60, hardBounced: 30, softBounced: 20 },
    },
  ],
};
