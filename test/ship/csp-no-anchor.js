/* global CSS, URLSearchParams -- a page script */
// On a CSP test page opened with ?no-anchor: a browser without CSS anchor positioning, so the tooltips are placed
// by the Floating UI fallback (loaded on first use), which must also work under the page's strict CSP.
if (new URLSearchParams(window.location.search).has('no-anchor')) {
  const supports = CSS.supports.bind(CSS);
  CSS.supports = (...args) => !/anchor|position-area/.test(args.join(' ')) && supports(...args);
}
