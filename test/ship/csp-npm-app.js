// A consumer app as an integrator writes it against the npm package: scripts/check-csp.mjs bundles it with Vite
// (the package's entry points resolved through its "exports", Lit included) and loads it in csp-npm-page.html.
import 'estafette/define';
import { StaticDataSource, setDefaultSource } from 'estafette/data';
import { CSP_DATA } from './csp-data.js';

setDefaultSource(new StaticDataSource(CSP_DATA));
document.body.dataset.ready = 'yes';
