// node --test test/ship/checks.test.mjs: the pass/fail list and watchdog of the ship scripts (scripts/checks.mjs).
// A check script whose browser never answers must stop on its own, naming the step it was stuck in, rather than
// hang CI in silence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';

const checks = new URL('../../scripts/checks.mjs', import.meta.url).href;

/** Runs `body` as an ES module script after `createChecks` is imported; returns its exit code and output. */
const run = (body) => {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', `import { createChecks } from '${checks}';\n${body}`], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
};

test('a step that never finishes is stopped, named, after the results so far', () => {
  const { code, out, err } = run(`
    const { check, step } = createChecks('demo check', { stepLimitMs: 300 });
    check('the page renders', true);
    step('waiting for a page that never answers');
    setInterval(() => {}, 1000); // something keeps the process alive, as a browser connection does
    await new Promise(() => {});
  `);
  assert.equal(code, 1);
  assert.match(out, /^ok {3}the page renders$/m);
  assert.match(err, /demo check: stopped: the step "waiting for a page that never answers" did not finish in 0\.3 s/);
});

test('each step gets the whole limit: steps that each finish in time are not stopped', () => {
  const { code, out, err } = run(`
    const { check, step, finish } = createChecks('demo check', { stepLimitMs: 400 });
    for (const name of ['one', 'two', 'three']) {
      step(name);
      await new Promise((resolve) => setTimeout(resolve, 250));
      check(name, true);
    }
    finish();
  `);
  assert.equal(err, '');
  assert.equal(code, 0);
  assert.match(out, /^demo check: 3 passed, 0 failed$/m);
});

test('a failed check is listed with its detail and fails the script', () => {
  const { code, out } = run(`
    const { check, finish } = createChecks('demo check');
    check('renders', true);
    check('shows the label', false, 'saw ""');
    finish();
  `);
  assert.equal(code, 1);
  assert.match(out, /^FAIL shows the label -- saw ""$/m);
  assert.match(out, /^demo check: 1 passed, 1 failed$/m);
});
