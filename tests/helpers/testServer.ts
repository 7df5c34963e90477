import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config.js';
import { startServer, type RunningServer, type StartOptions } from '../../server/server.js';

export const TEST_API_KEY = 'fn_test_bootstrap_key_0123456789abcdef';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/**
 * Boots the real server on 127.0.0.1:0 with a fresh SQLite file (or `DATABASE_URL` from `env`), demo
 * accounts seeded and a known bootstrap API key. Unless `env` names a `CLIENT_DIST_DIR`, the web app's
 * fallback route serves a stub index.html, so no test depends on `npm run build` having run (CI runs
 * the unit and integration tests on a fresh clone, before the end-to-end step builds the client).
 *
 * @example
 * const server = await getTestServer();
 * afterAll(() => server.stop());
 */
export async function getTestServer(env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'flashnotify-test-'));
  const clientDistDir = path.join(dataDir, 'client');
  await mkdir(clientDistDir);
  await writeFile(path.join(clientDistDir, 'index.html'), '<!doctype html><title>FlashNotify</title>');
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    BOOTSTRAP_API_KEY: TEST_API_KEY,
    CLIENT_DIST_DIR: clientDistDir,
    ...env,
  });
  const server = await startServer(config, options);
  return {
    ...server,
    dataDir,
    stop: async () => {
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
