import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type StartedPostgres } from './postgres.js';
import type { StartOptions } from '../../server/server.js';
import { getTestServer, type TestServer } from './testServer.js';

/** The databases a FlashNotify server runs on: embedded SQLite, and PostgreSQL (scale-out mode). */
export const DATABASES = ['sqlite', 'postgres'] as const;
export type TestDatabase = (typeof DATABASES)[number];

/**
 * One test server per database for a test file: SQLite and a throwaway PostgreSQL, started before the
 * file's tests and stopped after them, both with `env` added (and `options`: test transports). Call it at the top level; `server(database)`
 * inside tests.
 *
 * @example
 * const server = useServerPerDatabase();
 * describe.each(DATABASES)('on %s', (database) => { it('…', async () => { await fetch(server(database).url); }); });
 */
export function useServerPerDatabase(env: Record<string, string> = {}, options: StartOptions = {}): (database: TestDatabase) => TestServer {
  let postgres: StartedPostgres | undefined;
  const servers: Partial<Record<TestDatabase, TestServer>> = {};
  beforeAll(async () => {
    postgres = await startPostgres();
    [servers.sqlite, servers.postgres] = await Promise.all([getTestServer(env, options), getTestServer({ ...env, DATABASE_URL: postgres.url }, options)]);
  }, 120_000);
  afterAll(async () => {
    await servers.sqlite?.stop();
    await servers.postgres?.stop();
    await postgres?.stop();
  });
  return (database) => {
    const server = servers[database];
    if (!server) throw new Error(`the ${database} test server is not running (use it inside a test)`);
    return server;
  };
}
