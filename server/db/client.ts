import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from '../generated/sqlite/client.js';
import { PrismaClient as PostgresClient } from '../generated/postgres/client.js';
import { serializeSqliteAdapter } from './serializedSqlite.js';

/**
 * The Prisma client type services use. Both generated clients come from one data model (the postgres
 * schema is derived from the SQLite one), so their model APIs are identical; the SQLite type stands for both.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
export type Dialect = 'sqlite' | 'postgres';

/**
 * Opens the database for a `file:` (SQLite, embedded) or `postgres://` (scale-out) URL.
 *
 * @example
 * const db = await openDatabase('file:./data/flashnotify.db', 'sqlite');
 */
export async function openDatabase(url: string, dialect: Dialect): Promise<Db> {
  if (dialect === 'postgres') {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    return client as unknown as Db;
  }
  // One connection: transactions and stand-alone queries take turns (see serializeSqliteAdapter).
  const db = new SqliteClient({ adapter: serializeSqliteAdapter(new PrismaBetterSqlite3({ url })) });
  // WAL lets readers run beside the single writer; busy_timeout makes a second process wait, not fail.
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
  return db;
}
