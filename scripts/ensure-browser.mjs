// Makes sure the browsers the tests drive are there, with the programs their runners need:
// `node scripts/ensure-browser.mjs` checks Chromium (npm test); `firefox`, `webkit`, or several names, check those
// (npm run test:firefox, npm run test:webkit; .ci/run names all three). Found (CHROME_PATH / FIREFOX_PATH /
// MINIBROWSER_PATH, else Debian's path): nothing to do. Missing and root on Debian: one apt-get call installs the
// Debian packages of every browser named that lacks something. Missing otherwise: a line per browser saying how to
// get it, and a non-zero exit.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { BROWSERS } from './browsers.mjs';

const names = process.argv.length > 2 ? process.argv.slice(2) : ['chromium'];
const unknown = names.filter((name) => !Object.hasOwn(BROWSERS, name));
if (unknown.length) {
  console.error(`estafette: unknown browser "${unknown.join('", "')}"; known: ${Object.keys(BROWSERS).join(', ')}`);
  process.exit(2);
}
/** What `name`'s tests need and cannot find. */
const missing = (name) => [BROWSERS[name].path(), ...(BROWSERS[name].tools ?? [])].filter((file) => !existsSync(file));
const lacking = () => names.filter((name) => missing(name).length);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// A browser whose path variable is set is the caller's to provide, not apt's.
const installable = lacking().filter((name) => !process.env[BROWSERS[name].env]);
if (installable.length && isRoot && existsSync('/usr/bin/apt-get')) {
  const packages = [...new Set(installable.flatMap((name) => BROWSERS[name].debianPackages))];
  console.log(`estafette: no ${installable.flatMap(missing).join(', ')}: installing Debian's ${packages.join(' ')} (apt-get)...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}
const stillLacking = lacking();
for (const name of stillLacking) {
  const { env, debianPackages } = BROWSERS[name];
  console.error(`estafette: no ${missing(name).join(', ')} for ${name}: install it (sudo apt-get install ${debianPackages.join(' ')}) or set ${env}=/path/to/it, then run the tests again.`);
}
if (stillLacking.length) process.exit(1);
