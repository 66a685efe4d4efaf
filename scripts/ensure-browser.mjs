// Runs before `npm test`: makes sure a Chromium is there to run the browser tests in.
// Found (CHROME_PATH or /usr/bin/chromium): nothing to do. Missing and root on Debian: apt-get installs it.
// Missing otherwise: one line saying how to get one, and a non-zero exit.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium-args.mjs';

const path = chromiumPath();
if (!existsSync(path)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get') && !process.env.CHROME_PATH) {
    console.log('estafette: no Chromium found, installing Debian\'s chromium (apt-get)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  }
  if (!existsSync(path)) {
    console.error(`estafette: no Chromium at ${path}: install it (sudo apt-get install chromium) or set CHROME_PATH=/path/to/chrome, then run npm test again.`);
    process.exit(1);
  }
}
