import Database from 'better-sqlite3';
import type { Pool, PoolClient } from 'pg';
import type { Dialect } from './client.js';
import type { Gate } from './serializedSqlite.js';
import { isDatabaseUnavailable } from './unavailable.js';

/**
 * One statement runner inside a hot-path transaction. SQL is written with `?` placeholders for both
 * dialects (PostgreSQL's runner numbers them `$1…`). Parameters: strings, numbers, null, Dates (stored
 * the way Prisma stores them in each dialect, so ORM reads and comparisons keep working) and, on
 * PostgreSQL, arrays (`= ANY(?::text[])`).
 */
export interface SqlRunner {
  readonly dialect: Dialect;
  /** Rows of a statement that returns rows (SELECT, … RETURNING); integers come back as JS numbers. */
  all<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement; resolves with the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
}

/**
 * The hot path's own way to the database (ingest, fan-out), beside Prisma: prepared statements reused,
 * no ORM layer. Everything else keeps using Prisma (DESIGN.md "The hot path").
 */
export interface RawDatabase {
  readonly dialect: Dialect;
  /**
   * Runs `work` in one transaction: committed when it resolves, rolled back when it throws (the error is
   * rethrown). On SQLite it holds the process's single-writer gate from BEGIN IMMEDIATE to COMMIT, so
   * Prisma's queries and transactions wait their turn; `work` must use only `sql`.
   */
  transaction<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * Runs read-only `work` outside any transaction (each statement sees the latest commit). On SQLite it
   * takes its turn at the gate like any Prisma query, so keep it to a few statements.
   */
  read<T>(work: (sql: SqlRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Statements kept prepared per connection; the hot path's SQL texts are fixed, so this is plenty. */
const STATEMENT_CACHE = 200;

/** SQLite's DateTime text as Prisma's better-sqlite3 adapter writes it (`timestampFormat: iso8601`). */
export const sqliteTimestamp = (date: Date): string => date.toISOString().replace('Z', '+00:00');

function sqliteParam(value: unknown): unknown {
  if (value instanceof Date) return sqliteTimestamp(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value ?? null;
}

/**
 * The hot path's SQLite connection: a second better-sqlite3 connection to the same file, taking turns
 * with Prisma's through the shared `gate` (server/db/serializedSqlite.ts): only one of them ever has a
 * transaction open, so neither ever waits on SQLite's lock (which would block the event loop).
 */
export function openSqliteRawDatabase(url: string, gate: Gate): RawDatabase {
  const connection = new Database(url.replace(/^file:/, ''));
  connection.pragma('journal_mode = WAL');
  connection.pragma('busy_timeout = 5000');
  connection.pragma('foreign_keys = ON');
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
      statement = connection.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const runner: SqlRunner = {
    dialect: 'sqlite',
    all: <T extends object>(sql: string, params: readonly unknown[] = []) => {
      const statement = prepare(sql);
      if (!statement.reader) {
        statement.run(...params.map(sqliteParam));
        return Promise.resolve([] as T[]);
      }
      return Promise.resolve(statement.all(...params.map(sqliteParam)) as T[]);
    },
    run: (sql, params = []) => Promise.resolve(prepare(sql).run(...params.map(sqliteParam)).changes),
  };
  return {
    dialect: 'sqlite',
    transaction: async (work) => {
      const release = await gate.acquire();
      try {
        // IMMEDIATE: take the write lock now; another process (a CLI) holding it makes this wait (busy_timeout).
        connection.exec('BEGIN IMMEDIATE');
        try {
          const result = await work(runner);
          connection.exec('COMMIT');
          return result;
        } catch (err) {
          if (connection.inTransaction) connection.exec('ROLLBACK');
          throw err;
        }
      } finally {
        release();
      }
    },
    read: (work) => gate.run(() => work(runner)),
    close: async () => {
      // After any transaction in flight: closing under it would fail its COMMIT.
      await gate.run(async () => connection.close());
    },
  };
}

/** PostgreSQL `timestamp(3)` text in UTC, as Prisma's pg adapter writes it (no zone: the columns have none). */
const postgresTimestamp = (date: Date): string => date.toISOString().slice(0, -1);

function postgresParam(value: unknown): unknown {
  if (value instanceof Date) return postgresTimestamp(value);
  if (Array.isArray(value)) return value.map(postgresParam);
  return value ?? null;
}

/** `?` → `$1, $2, …` (the hot path's SQL has no `?` inside literals). */
function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The hot path on PostgreSQL: a client from the same pool Prisma's adapter uses, per transaction. */
export function openPostgresRawDatabase(pool: Pool): RawDatabase {
  const runnerFor = (client: PoolClient): SqlRunner => ({
    dialect: 'postgres',
    all: async <T extends object>(sql: string, params: readonly unknown[] = []) => {
      const result = await client.query(numberPlaceholders(sql), params.map(postgresParam));
      return result.rows as T[];
    },
    run: async (sql, params = []) => (await client.query(numberPlaceholders(sql), params.map(postgresParam))).rowCount ?? 0,
  });
  return {
    dialect: 'postgres',
    transaction: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const result = await work(runnerFor(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch((rollbackError: unknown) => {
            // The connection is unusable (it dropped): do not give it back to the pool.
            broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
          });
          throw err;
        }
      } finally {
        client.release(broken);
      }
    },
    read: async (work) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        return await work(runnerFor(client));
      } catch (err) {
        // A dropped connection must not go back to the pool.
        if (isDatabaseUnavailable(err)) broken = err instanceof Error ? err : new Error(String(err));
        throw err;
      } finally {
        client.release(broken);
      }
    },
    // The pool is Prisma's too: closed with it (Db.$disconnect).
    close: async () => {},
  };
}

/**
 * `column IN (the values)` as ONE parameter, so the statement's text (and its prepared statement) is the
 * same whatever the number of values: `json_each(?)` on SQLite, `= ANY(?::text[])` on PostgreSQL. Pass
 * `sqlListParam(sql, values)` as its value.
 *
 * @example
 * await sql.all(`SELECT "id" FROM "User" WHERE ${sqlInList(sql, '"id"')}`, [sqlListParam(sql, ids)]);
 */
export function sqlInList(sql: SqlRunner, column: string): string {
  return sql.dialect === 'postgres' ? `${column} = ANY(?::text[])` : `${column} IN (SELECT value FROM json_each(?))`;
}

/** The parameter of {@link sqlInList}: the array itself on PostgreSQL, its JSON text on SQLite. */
export function sqlListParam(sql: SqlRunner, values: readonly string[]): unknown {
  return sql.dialect === 'postgres' ? values : JSON.stringify(values);
}

/**
 * A timestamp column as a select expression whose value `dateFromSql` reads back exactly: Prisma keeps
 * PostgreSQL's `timestamp(3)` columns in UTC without a zone, which node-postgres would read in the
 * process's local zone, so they are turned into `timestamptz` first.
 *
 * @example
 * await sql.all(`SELECT ${sqlTimestampColumn(sql, 'expiresAt')} FROM "Session" WHERE "sid" = ?`, [sid]);
 */
export function sqlTimestampColumn(sql: Pick<SqlRunner, 'dialect'>, column: string): string {
  return sql.dialect === 'postgres' ? `("${column}" AT TIME ZONE 'UTC') AS "${column}"` : `"${column}"`;
}

/**
 * A timestamp as the drivers return it → Date: a Date (node-postgres, `timestamptz`) or SQLite's text
 * (`2026-12-01T10:00:00.000+00:00` as Prisma's adapter writes it; a zone-less `YYYY-MM-DD HH:MM:SS` from
 * SQLite's own `CURRENT_TIMESTAMP` is UTC too).
 */
export function dateFromSql(value: unknown): Date {
  if (value instanceof Date) return value;
  if (typeof value === 'number') return new Date(value);
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}
