// Loads axe-core for a test file before its first test: chai-a11y-axe's `accessible()` otherwise imports it (half a
// megabyte, fetched from the test server and parsed) inside the first test that checks accessibility, whose 10 s
// budget it then shares. On a loaded machine that first test timed out: campaign-stats.test.ts's 'shows the messages
// scheduled for later…' in a full Firefox run (276 ms otherwise), demo-announce.test.ts's 'stays accessible with what
// it says' in a CPU-throttled Chromium run. Imported for its hook; the same module chai-a11y-axe imports (window.axe).
// The download in a hook of its own, with its own budget (mocha's 10 s, as a test's).
before(async () => {
  // @ts-expect-error axe-core's browser build registers window.axe and has no declarations of its own.
  await import('axe-core/axe.min.js');
});
