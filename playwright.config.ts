import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_API_KEY, E2E_HOST_PORT, E2E_SESSION_SECRET, E2E_USER_TOKEN_SECRET } from './tests/e2e/support/constants.js';

// Debian's Chromium (scripts/ensure-chromium.mjs installs it); Playwright cannot download its own here.
const chromiumPath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(
  (candidate) => candidate && existsSync(candidate),
);
const port = Number(process.env.E2E_PORT ?? 3199);
// The server's data directory. Set once in the runner; the workers it starts inherit it, so a test can run
// a CLI (`npm run user:create`) against the same database as the server.
process.env.E2E_DATA_DIR ??= path.join(tmpdir(), `flashnotify-e2e-${process.pid}-${Date.now()}`);

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  // One retry: a browser test that fails once and then passes is reported as "flaky" (visible in the
  // output, to be fixed at its cause), rather than turning a whole run red on a one-off stall of a 2-core
  // machine. Not only when CI is set: the CI here runs the README's `npm test` as a newcomer would.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // Without the background-networking flags Chromium floods the closed network with connections.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The built client (npm run build runs before this) served by the real server on a fresh SQLite file.
    command: 'npx tsx server/index.ts',
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: process.env.E2E_DATA_DIR,
      BOOTSTRAP_API_KEY: E2E_API_KEY,
      SESSION_SECRET: E2E_SESSION_SECRET,
      // The host app of tests/e2e/embed.spec.ts (its own origin), embedding the inbox with user tokens.
      ALLOWED_ORIGINS: `http://127.0.0.1:${E2E_HOST_PORT}`,
      USER_TOKEN_SECRET: E2E_USER_TOKEN_SECRET,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'test',
      // The analytics page's figures within a second of the traffic (tests/e2e/analytics.spec.ts).
      ANALYTICS_ROLLUP_INTERVAL_MS: '1000',
      ANALYTICS_SETTLE_MS: '0',
    },
  },
});
