#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, installing Debian's package when it can (root + apt).
// Playwright's own browser download cannot work on machines that reach only npm and apt, so the tests
// drive the system Chromium. Prints the path it settled on; exits 1 with instructions otherwise.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

function findChromium() {
  return CANDIDATES.find((candidate) => candidate && existsSync(candidate));
}

function canInstallWithApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('which', ['apt-get']).status === 0;
}

let chromium = findChromium();
if (!chromium && canInstallWithApt()) {
  console.log('No Chromium found: installing Debian\'s "chromium" package (about 30 s)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
  chromium = findChromium();
}
if (!chromium) {
  console.error(
    'End-to-end tests need Chromium and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install -y chromium\n' +
      '  elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chromium',
  );
  process.exit(1);
}
console.log(`Using Chromium at ${chromium}`);
