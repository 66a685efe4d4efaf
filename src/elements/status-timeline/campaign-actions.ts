import { isCampaignAction, isSuspensionReason, type CampaignAction } from '../../core/campaign.js';
import type { StatusCategory, StatusIcon } from '../../core/statuses.js';
import { translate, type Locale } from '../../i18n/index.js';

/** How a campaign history entry is drawn: the same icon set and color families as message statuses. */
export const CAMPAIGN_ACTION_LOOK: { readonly [A in CampaignAction]: { readonly icon: StatusIcon; readonly category: StatusCategory } } = {
  created: { icon: 'check', category: 'neutral' },
  scheduled: { icon: 'clock', category: 'pending' },
  started: { icon: 'arrow-right', category: 'pending' },
  paused: { icon: 'pause', category: 'warning' },
  resumed: { icon: 'retry', category: 'pending' },
  sent: { icon: 'send', category: 'success' },
  completed: { icon: 'check-double', category: 'success' },
  canceled: { icon: 'cancel', category: 'neutral' },
  suspended: { icon: 'ban', category: 'danger' },
};

const UNKNOWN_LOOK = { icon: 'question', category: 'neutral' } as const;

/** The look of an action, tolerating ids from a newer back-end. */
export const campaignActionLook = (action: string): { readonly icon: StatusIcon; readonly category: StatusCategory } =>
  isCampaignAction(action) ? CAMPAIGN_ACTION_LOOK[action] : UNKNOWN_LOOK;

/** An action in words; one from a newer back-end (or a page's own history) as "Unknown action: {its id}". */
export const campaignActionLabel = (locale: Locale, action: string): string =>
  isCampaignAction(action) ? translate(locale, `campaign.action.${action}`) : translate(locale, 'campaign.action.unknown', { raw: String(action) });

/** Why a campaign was suspended, in words; a reason we do not know as "Unknown reason: {its id}". */
export const suspensionLabel = (locale: Locale, reason: string): string =>
  isSuspensionReason(reason) ? translate(locale, `campaign.suspended.${reason}`) : translate(locale, 'campaign.suspended.unknown', { raw: String(reason) });
