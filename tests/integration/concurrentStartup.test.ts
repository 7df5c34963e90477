import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config.js';
import type { AppContext } from '../../server/context.js';
import { openDatabase, type Db, type Dialect } from '../../server/db/client.js';
import { migrateDatabase } from '../../server/db/migrate.js';
import { createLogger } from '../../server/logger.js';
import { apiKeyPrefix } from '../../server/services/apiKeys/apiKeySecrets.js';
import { ensureBootstrapApiKey } from '../../server/services/apiKeys/ensureBootstrapApiKey.js';
import { seedDemoData } from '../../server/services/auth/seedDemoData.js';
import { ensureDefaultCategories } from '../../server/services/categories/ensureDefaultCategories.js';
import { loadOrCreateVapidKeys } from '../../server/services/push/loadOrCreateVapidKeys.js';
import { resolveSessionSecret } from '../../server/sessionSecret.js';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.js';
import { getTestServer, TEST_API_KEY, type TestServer } from '../helpers/testServer.js';

let postgres: StartedPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(() => postgres?.stop());

const NODES = 4;
let databases = 0;
/** A fresh, empty database on the shared PostgreSQL server. */
async function freshPostgres(): Promise<string> {
  const name = `startup_${++databases}`;
  await postgres.createDatabase(name);
  return postgres.urlFor(name);
}

describe(`${NODES} nodes started at once on one empty PostgreSQL database`, () => {
  for (const [round, bootstrap] of [
    [1, 'configured'],
    [2, 'generated'],
    [3, 'configured'],
    [4, 'generated'],
  ] as const) {
    it(`all start, and every start-up row exists once (round ${round}, ${bootstrap} bootstrap key)`, async () => {
      const url = await freshPostgres();
      const env = {
        DATABASE_URL: url,
        SESSION_SECRET: 'concurrent-start-secret-0123456789abcdef',
        // Empty = unset: the nodes race to generate the one bootstrap key.
        ...(bootstrap === 'generated' ? { BOOTSTRAP_API_KEY: '' } : {}),
      };
      const starts = await Promise.allSettled(Array.from({ length: NODES }, () => getTestServer(env)));
      const nodes = starts.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        expect(starts.filter((s) => s.status === 'rejected').map((s) => String(s.reason))).toEqual([]);
        const db = nodes[0]!.ctx.db;
        expect(await db.user.count()).toBe(3);
        expect((await db.category.findMany({ orderBy: { key: 'asc' } })).map((c) => c.key)).toEqual([
          'billing', 'deploys', 'general', 'product', 'security',
        ]);
        expect(await db.apiKey.count()).toBe(1);
        const generated = nodes.map((n) => n.generatedApiKey).filter(Boolean);
        expect(generated).toHaveLength(bootstrap === 'generated' ? 1 : 0);
        if (bootstrap === 'configured') expect((await db.apiKey.findFirstOrThrow()).prefix).toBe(apiKeyPrefix(TEST_API_KEY));
      } finally {
        await Promise.all(nodes.map((n: TestServer) => n.stop()));
      }
    });
  }
});

/**
 * Callers' database handles. PostgreSQL: one per caller, as separate nodes hold their own pools. SQLite
 * (one node by design): one shared handle, as concurrent requests of one process share it; separate
 * synchronous better-sqlite3 connections in one thread would block each other in the busy handler.
 */
async function handles(url: string, dialect: Dialect): Promise<Db[]> {
  await migrateDatabase(url);
  if (dialect === 'sqlite') {
    const shared = await openDatabase(url, dialect);
    return Array.from({ length: NODES }, () => shared);
  }
  return Promise.all(Array.from({ length: NODES }, () => openDatabase(url, dialect)));
}

function contextFor(db: Db, dialect: Dialect, bootstrapApiKey?: string): AppContext {
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: tmpdir(), ...(bootstrapApiKey ? { BOOTSTRAP_API_KEY: bootstrapApiKey } : {}) });
  return { config, db, dialect, log: createLogger('silent') } as AppContext;
}

describe('each start-up write, called concurrently', () => {
  const dialects: [Dialect, () => Promise<{ url: string; cleanup(): Promise<void> }>][] = [
    [
      'sqlite',
      async () => {
        const dir = await mkdtemp(path.join(tmpdir(), 'flashnotify-startup-'));
        return { url: `file:${path.join(dir, 'db.sqlite')}`, cleanup: () => rm(dir, { recursive: true, force: true }) };
      },
    ],
    ['postgres', async () => ({ url: await freshPostgres(), cleanup: async () => {} })],
  ];

  for (const [dialect, create] of dialects) {
    it(`on ${dialect}: categories, demo data, bootstrap keys (configured and generated), VAPID keys`, async () => {
      const { url, cleanup } = await create();
      const dbs = await handles(url, dialect);
      try {
        await Promise.all(dbs.map((db) => ensureDefaultCategories(db)));
        expect(await dbs[0]!.category.count({ where: { key: 'general' } })).toBe(1);

        const seeded = await Promise.all(dbs.map((db) => seedDemoData(contextFor(db, dialect))));
        expect(seeded.filter(Boolean)).toHaveLength(1); // one node seeds (and prints the accounts)
        expect(await dbs[0]!.user.count()).toBe(3);
        expect(await dbs[0]!.category.count()).toBe(5);

        const generated = await Promise.all(dbs.map((db) => ensureBootstrapApiKey(contextFor(db, dialect))));
        expect(generated.filter(Boolean)).toHaveLength(1); // one key generated and printed, once
        expect(await dbs[0]!.apiKey.count()).toBe(1);
        const configured = await Promise.all(dbs.map((db) => ensureBootstrapApiKey(contextFor(db, dialect, TEST_API_KEY))));
        expect(configured.every((key) => key === undefined)).toBe(true);
        expect(await dbs[0]!.apiKey.count()).toBe(2);

        const vapid = await Promise.all(dbs.map((db) => loadOrCreateVapidKeys(db)));
        expect(new Set(vapid.map((k) => k.publicKey)).size).toBe(1);
        expect(await dbs[0]!.appSetting.count({ where: { key: { startsWith: 'vapid.' } } })).toBe(2);
      } finally {
        await Promise.all([...new Set(dbs)].map((db) => db.$disconnect()));
        await cleanup();
      }
    });
  }

  it('the session secret file: every process of one DATA_DIR reads the same, complete secret', async () => {
    for (let round = 0; round < 5; round++) {
      const dir = await mkdtemp(path.join(tmpdir(), 'flashnotify-secret-'));
      try {
        const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: path.join(dir, 'data') });
        const secrets = await Promise.all(Array.from({ length: 8 }, () => resolveSessionSecret(config)));
        expect(new Set(secrets).size).toBe(1);
        expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  });
});
