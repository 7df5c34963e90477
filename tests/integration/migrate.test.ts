/** migrateDatabase against real databases: a temp SQLite file and a throwaway PostgreSQL. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase, migrationStatus, readLocalMigrations } from '../../server/db/migrate.ts';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.ts';

describe('migrateDatabase on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fn-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the tables on a fresh file (and its parent dir), then applies nothing', async () => {
    const url = `file:${join(dir, 'nested', 'app.db')}`;
    const all = readLocalMigrations('sqlite').map((m) => m.name);

    const first = await migrateDatabase(url);
    expect(first.applied).toEqual(all);
    const db = new Database(join(dir, 'nested', 'app.db'), { readonly: true });
    try {
      expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'Notification'`).get()).toEqual({ name: 'Notification' });
      const rows = db.prepare(`SELECT migration_name, finished_at, applied_steps_count FROM _prisma_migrations`).all();
      expect(rows).toHaveLength(all.length);
    } finally {
      db.close();
    }

    expect((await migrateDatabase(url)).applied).toEqual([]);
    const status = await migrationStatus(url);
    expect(status).toMatchObject({ pending: [], failed: [], modified: [] });
  });

  it('records a failing migration and refuses to start until it is resolved', async () => {
    const root = mkdtempSync(join(dir, 'migs-'));
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(join(root, 'sqlite', '20000101000000_bad'), { recursive: true });
    writeFileSync(join(root, 'sqlite', '20000101000000_bad', 'migration.sql'), 'CREATE TABLE "T" (x INT);\nNOT SQL;');
    const url = `file:${join(dir, 'bad.db')}`;
    await expect(migrateDatabase(url, { migrationsRoot: root })).rejects.toThrow(/Migration 20000101000000_bad failed/);
    await expect(migrateDatabase(url, { migrationsRoot: root })).rejects.toThrow(/failed earlier/);
    expect((await migrationStatus(url, { migrationsRoot: root })).failed[0]?.name).toBe('20000101000000_bad');
  });
});

describe('migrateDatabase on PostgreSQL', () => {
  let server: StartedPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('creates the tables, then applies nothing; concurrent starts apply each migration once', async () => {
    const all = readLocalMigrations('postgresql').map((m) => m.name);
    // Two "servers" starting at once: the advisory lock lets exactly one apply.
    const [a, b] = await Promise.all([migrateDatabase(server.url), migrateDatabase(server.url)]);
    expect([...a.applied, ...b.applied]).toEqual(all);

    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    try {
      const t = await client.query(`SELECT to_regclass('public."Notification"') AS t`);
      expect(t.rows[0].t).toBe('"Notification"');
      const rows = await client.query(`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
      expect(rows.rows.map((r) => r.migration_name)).toEqual(all);
    } finally {
      await client.end();
    }
    expect((await migrateDatabase(server.url)).applied).toEqual([]);
  });

  it('checks an up-to-date database with one read, without waiting for the migration lock', async () => {
    await migrateDatabase(server.url);
    // Another node holds the lock (it is migrating, or stuck doing so): a start with nothing to apply
    // must not queue behind it (the locked path would wait up to 120 s, past this test's timeout).
    const holder = new pg.Client({ connectionString: server.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      const logs: string[] = [];
      expect(await migrateDatabase(server.url, { log: (msg) => logs.push(msg) })).toEqual({ applied: [] });
      expect(logs).toEqual([]);
    } finally {
      await holder.end();
    }
  });
});
