// Runs before the browser tests: makes sure the browser they drive is there. `node scripts/ensure-browser.mjs`
// checks Chromium (npm test); `firefox` and `webkit` check those (npm run test:firefox, npm run test:webkit).
// Found, with the programs its runner needs (CHROME_PATH / FIREFOX_PATH / MINIBROWSER_PATH, else Debian's path):
// nothing to do. Missing and root on Debian: apt-get installs Debian's packages. Missing otherwise: one line saying
// how to get them, and a non-zero exit.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BROWSERS } from './browsers.mjs';

const name = process.argv[2] ?? 'chromium';
const browser = BROWSERS[name];
if (!browser) {
  console.error(`estafette: unknown browser "${name}"; known: ${Object.keys(BROWSERS).join(', ')}`);
  process.exit(2);
}
const path = browser.path();
const missing = () => [path, ...(browser.tools ?? [])].filter((file) => !existsSync(file));
if (missing().length) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && !process.env[browser.env]) {
    console.log(`estafette: no ${missing().join(', ')}: installing Debian's ${browser.debianPackages.join(' ')} (apt-get)...`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...browser.debianPackages], { stdio: 'inherit', env });
  }
  if (missing().length) {
    console.error(`estafette: no ${missing().join(', ')} for ${name}: install it (sudo apt-get install ${browser.debianPackages.join(' ')}) or set ${browser.env}=/path/to/it, then run the tests again.`);
    process.exit(1);
  }
}
