// The negative control of scripts/check-csp.mjs: two things this page's CSP forbids, done on purpose, so the
// check proves that it sees violations (a listener that hears nothing would otherwise pass every page).
const target = document.getElementById('target');
try {
  // eslint-disable-next-line no-restricted-syntax -- the deliberate Trusted Types violation under test
  target.innerHTML = '<b>x</b>';
} catch (error) {
  target.dataset.blocked = String(error?.name);
}
// An inline style attribute: blocked by style-src 'self' (no 'unsafe-inline').
target.setAttribute('style', 'color: rgb(255, 0, 0)');
document.body.dataset.ready = 'yes';
