// The watchdog and pass/fail list of the ship scripts (check-cdn.mjs, check-csp.mjs, smoke-storybook.mjs): each
// step they take in a browser gets a time limit. Playwright's `page.evaluate` has no timeout of its own, so a page
// that never answers would otherwise hang the script, and with it CI, saying nothing about where (check-cdn.mjs did
// once).
import { clearTimeout, setTimeout } from 'node:timers';

/** Default time one step may take before the watchdog stops the script (ms). */
export const STEP_LIMIT_MS = 90_000;

/**
 * `step(name)` names what `script` does next and gives it `stepLimitMs`; a step still running after that calls
 * `onStop()` (to print what is known so far), names the step on stderr and exits 1 (the browsers Playwright
 * launched are closed by its own exit handler). `stop()` disarms it.
 */
export function watchdog(script, { stepLimitMs = STEP_LIMIT_MS, onStop = () => {} } = {}) {
  let current = 'starting';
  let timer;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      onStop();
      console.error(`${script}: stopped: the step "${current}" did not finish in ${stepLimitMs / 1000} s`);
      process.exit(1);
    }, stepLimitMs);
    // Never what keeps the script alive: a script that has nothing left to do exits as before.
    timer.unref();
  };
  arm();
  return {
    step(name) {
      current = name;
      arm();
    },
    stop: () => clearTimeout(timer),
  };
}

/**
 * A {@link watchdog} with a list of results: `check(name, ok, detail)` records one; `finish()` prints them all and
 * a "<script>: N passed, N failed" line, and exits 1 if any failed. A stopped step prints the results so far.
 */
export function createChecks(script, { stepLimitMs = STEP_LIMIT_MS } = {}) {
  const results = [];
  const report = () => {
    for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.ok ? '' : ` -- ${r.detail}`}`);
    return results.filter((r) => !r.ok).length;
  };
  const { step, stop } = watchdog(script, { stepLimitMs, onStop: report });
  return {
    step,
    check(name, ok, detail = '') {
      results.push({ name, ok: Boolean(ok), detail });
    },
    finish() {
      stop();
      const failed = report();
      console.log(`${script}: ${results.length - failed} passed, ${failed} failed`);
      process.exit(failed ? 1 : 0);
    },
  };
}
