// Fails when a generated file that is committed (custom-elements.json) differs from what the sources give:
// run after `npm run analyze`. Enforced in CI (CI=true); locally it only reminds, since an edit in progress is
// expected to change them. Outside a git checkout there is nothing to compare with.
import { execFileSync } from 'node:child_process';

const files = ['custom-elements.json'];
try {
  execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { stdio: 'ignore' });
} catch {
  process.exit(0);
}
try {
  execFileSync('git', ['diff', '--exit-code', '--stat', '--', ...files], { stdio: 'inherit' });
} catch {
  console.error(`estafette: ${files.join(', ')} is out of date: run npm run analyze and commit the result.`);
  if (process.env.CI) process.exit(1);
}
