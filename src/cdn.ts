/**
 * The CDN file (`dist/cdn/estafette.js`): Lit and everything bundled, every element registered on load.
 * A page configures its data source without JavaScript: `<status-source endpoint="/api">`.
 */
import './define.js';

export * from './index.js';
