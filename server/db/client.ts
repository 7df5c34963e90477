import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgres/client.js';
import { openPostgresRawDatabase, openSqliteRawDatabase, type RawDatabase } from './rawDatabase.js';
import { Gate, serializeSqliteAdapter } from './serializedSqlite.js';
import { timeDriverAdapter, timeRawDatabase, type StatementTimer } from './timedDatabase.js';

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
 * With `timers`, every SQL statement of each is timed (server/db/timedDatabase.ts: what is measured).
 *
 * @example
 * const { db, raw } = await openDatabases('file:./data/flashnotify.db', 'sqlite');
 */
export async function openDatabases(
  url: string,
  dialect: Dialect,
  timers?: { prisma: StatementTimer; raw: StatementTimer },
): Promise<{ db: Db; raw: RawDatabase }> {
  const timedRaw = (raw: RawDatabase) => (timers ? timeRawDatabase(raw, timers.raw) : raw);
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: url });
    const adapter = new PrismaPg(pool, { disposeExternalPool: true });
    const client = new PostgresClient({ adapter: timers ? timeDriverAdapter(adapter, timers.prisma) : adapter });
    return { db: client as unknown as Db, raw: timedRaw(openPostgresRawDatabase(pool)) };
  }
  // One writer: Prisma's transactions, its stand-alone queries and the hot path take turns (see serializeSqliteAdapter).
  const gate = new Gate();
  const db = await openSqliteClient(url, gate, timers?.prisma);
  return { db, raw: timedRaw(openSqliteRawDatabase(url, gate)) };
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

async function openSqliteClient(url: string, gate: Gate, timer?: StatementTimer): Promise<Db> {
  const driver = new PrismaBetterSqlite3({ url });
  // Timed inside the gate: a statement's time in the driver, not its wait for the single writer.
  const db = new SqliteClient({ adapter: serializeSqliteAdapter(timer ? timeDriverAdapter(driver, timer) : driver, gate) });
  // WAL lets readers run beside the single writer; busy_timeout makes a second process wait, not fail.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}
