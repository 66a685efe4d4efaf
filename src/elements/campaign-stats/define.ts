import { define } from '../shared/define.js';
import { CampaignStatsElement } from './campaign-stats.js';

define('campaign-stats', CampaignStatsElement);

declare global {
  interface HTMLElementTagNameMap {
    'campaign-stats': CampaignStatsElement;
  }
}

export { CampaignStatsElement };
