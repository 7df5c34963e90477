import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgres/client.js';
import { openPostgresRawDatabase, openSqliteRawDatabase, type RawDatabase } from './rawDatabase.js';
import { Gate, serializeSqliteAdapter } from './serializedSqlite.js';

/**
 * The Prisma client type services use. Both generated clients come from one data model (the postgres
 * schema is derived from the SQLite one), so their model APIs are identical; the SQLite type stands for both.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
export type Dialect = 'sqlite' | 'postgres';

/**
 * Opens the database for a `file:` (SQLite, embedded) or `postgres://` (scale-out) URL: the Prisma
 * client everything uses, and the hot path's raw connection (server/db/rawDatabase.ts) that shares its
 * SQLite writer gate or its PostgreSQL pool. `db.$disconnect()` closes the pool; call `raw.close()` first.
 *
 * @example
 * const { db, raw } = await openDatabases('file:./data/flashnotify.db', 'sqlite');
 */
export async function openDatabases(url: string, dialect: Dialect): Promise<{ db: Db; raw: RawDatabase }> {
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: url });
    const client = new PostgresClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
    return { db: client as unknown as Db, raw: openPostgresRawDatabase(pool) };
  }
  // One writer: Prisma's transactions, its stand-alone queries and the hot path take turns (see serializeSqliteAdapter).
  const gate = new Gate();
  const db = await openSqliteClient(url, gate);
  return { db, raw: openSqliteRawDatabase(url, gate) };
}

/**
 * The Prisma client alone (CLI scripts, tests): see openDatabases.
 *
 * @example
 * const db = await openDatabase('file:./data/flashnotify.db', 'sqlite');
 */
export async function openDatabase(url: string, dialect: Dialect): Promise<Db> {
  if (dialect === 'postgres') {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  return openSqliteClient(url, new Gate());
}

async function openSqliteClient(url: string, gate: Gate): Promise<Db> {
  const db = new SqliteClient({ adapter: serializeSqliteAdapter(new PrismaBetterSqlite3({ url }), gate) });
  // WAL lets readers run beside the single writer; busy_timeout makes a second process wait, not fail.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}
