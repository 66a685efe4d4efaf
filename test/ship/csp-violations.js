// First script of every CSP test page, classic and synchronous so it runs before the kit: it records every
// Content Security Policy and Trusted Types violation the page reports, for scripts/check-csp.mjs to read.
// The event is composed, so violations inside shadow roots reach this document-level listener too.
window.cspViolations = [];
document.addEventListener(
  'securitypolicyviolation',
  (event) => {
    window.cspViolations.push({
      directive: event.effectiveDirective,
      blocked: event.blockedURI,
      sample: event.sample,
      where: `${event.sourceFile}:${event.lineNumber}`,
    });
  },
  true,
);
