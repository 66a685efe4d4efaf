/**
 * Side-effect entry: registers every Estafette element. Safe to import more than once and beside the CDN file
 * (registration never throws; another version already registered only warns).
 *
 * @example import 'estafette/define';
 */
import './elements/status-source/define.js';
import './elements/email-status-badge/define.js';
import './elements/campaign-stats/define.js';
import './elements/status-timeline/define.js';
