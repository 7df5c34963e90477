/**
 * The inbox search's indexes are written by hand in the migrations (Prisma models neither an FTS5 table nor
 * an expression index): a later `db:migrate` must not propose to drop them (its diff is empty on both
 * databases), and the search query must be one the index serves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffMigrationsToSchema } from '../../scripts/db/diff.ts';
import { EXTERNAL_TABLES } from '../../scripts/db/externalTables.ts';
import type { Db } from '../../server/db/client.ts';
import { migrateDatabase } from '../../server/db/migrate.ts';
import { searchNotificationHits, searchTerms } from '../../server/services/notifications/searchStatements.ts';
import { startPostgres, type StartedPostgres } from '../helpers/postgres.ts';

/** The SQL and parameters the search would run (a recorder in place of Prisma). */
async function searchStatement(dialect: 'sqlite' | 'postgres', text: string) {
  const seen: { sql: string; params: unknown[] }[] = [];
  const recorder = {
    $queryRawUnsafe: async (sql: string, ...params: unknown[]) => {
      seen.push({ sql, params });
      return [];
    },
  } as unknown as Db;
  await searchNotificationHits(recorder, dialect, 'user-1', searchTerms(text), { beforeSeq: 5000, take: 21 });
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('inbox search migrations on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fn-search-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('create the FTS5 table, its shadow tables and triggers, which a later db:migrate leaves alone', async () => {
    const file = join(dir, 'app.db');
    await migrateDatabase(`file:${file}`);
    const db = new Database(file);
    try {
      const names = (type: string) =>
        (db.prepare(`SELECT name FROM sqlite_master WHERE type = ? AND name LIKE '%earch%' ORDER BY name`).all(type) as { name: string }[]).map((r) => r.name);
      expect(names('table')).toEqual([...EXTERNAL_TABLES].sort());
      expect(names('trigger')).toEqual(['Notification_search_delete', 'Notification_search_insert', 'Notification_search_update']);

      // The search reads the FTS index, then the rows by rowid.
      const { sql, params } = await searchStatement('sqlite', 'deploy fail');
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
      expect(plan).not.toMatch(/SCAN Notification\b/);
    } finally {
      db.close();
    }
    expect(await diffMigrationsToSchema('sqlite')).toBeNull();
  });
});

describe('inbox search migrations on PostgreSQL', () => {
  let server: StartedPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('create the GIN expression index the query uses, which a later db:migrate leaves alone', async () => {
    expect(await diffMigrationsToSchema('postgresql', { pgUrl: server.url })).toBeNull();

    // A database of its own: the diff's shadow work happens on the server's default one.
    await server.createDatabase('app');
    await migrateDatabase(server.urlFor('app'));
    const client = new pg.Client({ connectionString: server.urlFor('app') });
    await client.connect();
    try {
      const index = await client.query(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Notification_search_idx'`);
      expect(index.rows[0].indexdef).toMatch(/USING gin \(to_tsvector\('flashnotify_search'::regconfig/);
      // The configuration folds accents (and case) on both sides of the match, as FTS5 does on SQLite.
      const folded = await client.query(`SELECT to_tsvector('flashnotify_search', 'Événement créé') @@ to_tsquery('flashnotify_search', '''evenement'' & ''cree'':*') AS hit`);
      expect(folded.rows[0].hit).toBe(true);
      // A big inbox where the words are rare: the planner answers the text condition from the index (so the
      // query's expression is the index's, to the character), and the user's words cannot break out of it.
      await client.query(`INSERT INTO "User" ("id", "email", "name", "updatedAt") VALUES ('user-1', 'u1@example.com', 'U', now())`);
      await client.query(
        `INSERT INTO "Notification" ("id", "userId", "seq", "category", "title", "body")
         SELECT 'n' || i, 'user-1', i, 'general', CASE WHEN i = 7 THEN 'Deploy failed' ELSE 'Row ' || i END, 'nothing' FROM generate_series(1, 5000) AS i`,
      );
      await client.query('ANALYZE "Notification"');
      const { sql, params } = await searchStatement('postgres', "deploy fail'); DROP TABLE x; --");
      await client.query('SET enable_indexscan = off'); // not the (userId, seq) walk: the text index itself
      const plan = (await client.query(`EXPLAIN ${sql}`, params)).rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
      expect(plan).toMatch(/Bitmap Index Scan on "Notification_search_idx"/);
    } finally {
      await client.end();
    }
  });
});
