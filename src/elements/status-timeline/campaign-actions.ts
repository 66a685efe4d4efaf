import type { CampaignAction } from '../../core/campaign.js';
import type { StatusCategory, StatusIcon } from '../../core/statuses.js';

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
  Object.hasOwn(CAMPAIGN_ACTION_LOOK, action) ? CAMPAIGN_ACTION_LOOK[action as CampaignAction] : UNKNOWN_LOOK;
