/**
 * The CDN file (`dist/cdn/estafette.js`): Lit and everything bundled, every element registered on load.
 * A page configures its data source without JavaScript: `<status-source endpoint="/api">`.
 *
 * It exports what a page without a bundler needs to script the elements (their classes, the data sources, the
 * page-wide default source, the version); the model, the formatters and the rest of the API come from npm
 * (`estafette`, `estafette/core`, ...). Keeping the list short keeps the file small: every export is kept whole.
 *
 * @example
 * <script type="module">
 *   import { StaticDataSource, addMessages, setDefaultSource } from 'https://cdn.example/estafette@0.1.0/dist/cdn/estafette.js';
 *   setDefaultSource(new StaticDataSource({ events: [...] }));
 *   addMessages('fr', { 'status.delivered.label': 'Remis' }); // a page's own wording
 * </script>
 */
// The data sources first: the bundler lays modules out in this order, and StaticDataSource (which no element imports)
// then sits beside the core and the REST source it reads like, within gzip's reach (0.18 KB gzipped less than last).
// The data layer runs nothing on load, so the elements still register as before.
export {
  DataSourceError,
  RestDataSource,
  StaticDataSource,
  batchMessages,
  getDefaultSource,
  setDefaultSource,
  type RestDataSourceOptions,
  type StaticDataSourceOptions,
  type StatusDataSource,
} from './data/index.js';
import './define.js';

export { VERSION } from './version.js';
export { define } from './elements/shared/define.js';
export { StatusSourceElement } from './elements/status-source/status-source.js';
export { EmailStatusBadgeElement } from './elements/email-status-badge/email-status-badge.js';
export { CampaignStatsElement } from './elements/campaign-stats/campaign-stats.js';
export { StatusTimelineElement } from './elements/status-timeline/status-timeline.js';
export { addMessages, loadLocale, removeAddedMessages, type MessageOverrides } from './i18n/registry.js';
