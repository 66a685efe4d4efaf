// The CDN page's own script (an external file: the page's CSP allows no inline script). It scripts the kit the
// way a page without a bundler does, from the CDN file's exports.
import { StaticDataSource, setDefaultSource } from '/dist/cdn/estafette.js';
import { CSP_DATA } from './csp-data.js';

setDefaultSource(new StaticDataSource(CSP_DATA));
document.body.dataset.ready = 'yes';
