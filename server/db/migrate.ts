/**
 * Applies pending SQL migrations from prisma/migrations/<provider>/ at server start.
 *
 * A small applier rather than Prisma's WASM schema engine: it runs in a few milliseconds, closes its
 * connections (the WASM engine keeps adapter connections and timers alive after `free()`), and does not
 * depend on the engine's error mapping matching the adapter version. It keeps Prisma's bookkeeping:
 * the same `_prisma_migrations` table and rows as `prisma migrate deploy` (checksum = sha256 of
 * migration.sql, `finished_at` NULL = failed), so Prisma's status/resolve semantics keep holding.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { makeDirectory } from '../makeDirectory.js';
import { packagePath } from '../packageRoot.js';

/** Package-relative, not cwd-relative: the server and tests start from various directories. */
const MIGRATIONS_ROOT = packagePath('prisma', 'migrations');

/** Same key as Prisma's own migrate commands, so they serialize with us too. */
const PG_ADVISORY_LOCK_KEY = 72707369;

export type Provider = 'sqlite' | 'postgresql';

/** One migration folder on disk. */
export interface LocalMigration {
  name: string;
  sql: string;
  checksum: string;
}

/** One non-rolled-back row of `_prisma_migrations`. */
interface AppliedRow {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  logs: string | null;
}

/** What `db:status` reports; also used by migrateDatabase. */
export interface MigrationStatus {
  provider: Provider;
  applied: string[];
  pending: string[];
  /** Started but never finished (Prisma's "failed" state): new migrations will not be applied. */
  failed: { name: string; logs: string | null }[];
  /** Applied, but migration.sql changed since. */
  modified: string[];
  /** Recorded in the database but absent from the migrations folder. */
  missingLocally: string[];
}

/** Provider from a connection URL: `file:` is SQLite, `postgres(ql)://` is PostgreSQL. */
export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error(`Unsupported DATABASE_URL "${databaseUrl}": expected file:/path.db or postgres(ql)://…`);
}

/** Absolute SQLite path from `file:/abs.db`, `file:./rel.db` (cwd-relative) or `file:x.db?opts`. */
export function sqlitePath(databaseUrl: string): string {
  const raw = databaseUrl.slice('file:'.length).split('?')[0]!;
  return raw.startsWith('//') ? fileURLToPath(databaseUrl.split('?')[0]!) : resolve(raw);
}

/** sha256 hex of migration.sql, as Prisma records it. */
function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Migrations of a provider in apply order (directory names start with a sortable timestamp). */
export function readLocalMigrations(provider: Provider, root = MIGRATIONS_ROOT): LocalMigration[] {
  const dir = join(root, provider === 'sqlite' ? 'sqlite' : 'postgres');
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

/** The operations the applier needs, per database kind. */
interface MigrationDb {
  ensureTable(): Promise<void>;
  rows(): Promise<AppliedRow[]>;
  start(id: string, m: LocalMigration): Promise<void>;
  run(sql: string): Promise<void>;
  finish(id: string): Promise<void>;
  fail(id: string, logs: string): Promise<void>;
  close(): Promise<void>;
}

const nowIso = () => new Date().toISOString().replace('Z', '+00:00'); // Prisma's SQLite format

function openSqlite(databaseUrl: string): MigrationDb {
  const file = sqlitePath(databaseUrl);
  makeDirectory(dirname(file));
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  return {
    async ensureTable() {
      // Same DDL as Prisma's SQLite connector.
      db.exec(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`);
    },
    async rows() {
      return db
        .prepare(`SELECT id, migration_name, checksum, finished_at, logs FROM "_prisma_migrations"
                  WHERE rolled_back_at IS NULL ORDER BY started_at`)
        .all() as AppliedRow[];
    },
    async start(id, m) {
      db.prepare(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
                  VALUES (?, ?, ?, ?, 0)`).run(id, m.checksum, m.name, nowIso());
    },
    // No wrapping transaction, like Prisma: table redefinitions use PRAGMA foreign_keys=OFF, which is a
    // no-op inside a transaction (and the DROP of a parent table would then cascade).
    async run(sql) {
      db.exec(sql);
    },
    async finish(id) {
      db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(nowIso(), id);
    },
    async fail(id, logs) {
      db.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(logs, id);
    },
    async close() {
      db.close();
    },
  };
}

async function openPostgres(databaseUrl: string, lock: boolean): Promise<MigrationDb> {
  // Loaded here: an embedded (SQLite) start never needs the PostgreSQL driver.
  const { default: pg } = await import('pg');
  // One dedicated connection: the advisory lock belongs to the session.
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  if (lock) {
    try {
      // Another instance may be migrating: wait for it (bounded), then see its result.
      await client.query(`SET lock_timeout = '120s'`);
      await client.query('SELECT pg_advisory_lock($1)', [PG_ADVISORY_LOCK_KEY]);
      await client.query('SET lock_timeout = 0');
    } catch (err) {
      await client.end();
      throw err;
    }
  }
  return {
    async ensureTable() {
      // Same DDL as Prisma's PostgreSQL connector.
      await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`);
    },
    async rows() {
      const res = await client.query<AppliedRow>(
        `SELECT id, migration_name, checksum, finished_at, logs FROM "_prisma_migrations"
         WHERE rolled_back_at IS NULL ORDER BY started_at`,
      );
      return res.rows;
    },
    async start(id, m) {
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, clock_timestamp(), 0)`,
        [id, m.checksum, m.name],
      );
    },
    // Argument-free multi-statement query = simple protocol = one implicit transaction, as in Prisma.
    async run(sql) {
      await client.query(sql);
    },
    async finish(id) {
      await client.query(
        `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
        [id],
      );
    },
    async fail(id, logs) {
      await client.query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [logs, id]);
    },
    async close() {
      // Ending the session releases the advisory lock too.
      await client.end();
    },
  };
}

/** `lock`: on PostgreSQL, hold the advisory lock (serializes with other nodes migrating) until close. */
async function openDb(databaseUrl: string, { lock }: { lock: boolean }): Promise<MigrationDb> {
  return providerOf(databaseUrl) === 'sqlite' ? openSqlite(databaseUrl) : openPostgres(databaseUrl, lock);
}

/** True for the error of reading `_prisma_migrations` from a database that has never been migrated. */
const isMissingTable = (err: unknown) => /no such table|does not exist/.test((err as Error).message);

function statusOf(provider: Provider, local: LocalMigration[], rows: AppliedRow[]): MigrationStatus {
  const byName = new Map(local.map((m) => [m.name, m]));
  const finished = rows.filter((r) => r.finished_at != null);
  const appliedNames = new Set(finished.map((r) => r.migration_name));
  // Prisma accepts a checksum computed with either line ending (files checked out on Windows).
  const matches = (m: LocalMigration, sum: string) =>
    sum === m.checksum || sum === checksumOf(m.sql.replace(/\r\n/g, '\n')) || sum === checksumOf(m.sql.replace(/\r?\n/g, '\r\n'));
  return {
    provider,
    applied: [...appliedNames],
    pending: local.filter((m) => !appliedNames.has(m.name)).map((m) => m.name),
    failed: rows.filter((r) => r.finished_at == null).map((r) => ({ name: r.migration_name, logs: r.logs })),
    modified: finished.filter((r) => byName.has(r.migration_name) && !matches(byName.get(r.migration_name)!, r.checksum)).map((r) => r.migration_name),
    missingLocally: [...appliedNames].filter((n) => !byName.has(n)),
  };
}

/** Options of {@link migrateDatabase}. */
export interface MigrateOptions {
  /** Progress and warnings (one line each). Default: silent. */
  log?: (msg: string) => void;
  /** Override of prisma/migrations (tests). */
  migrationsRoot?: string;
}

/**
 * Applies the pending migrations of the URL's provider to the database at `databaseUrl`
 * (`file:/abs/path.db` — parent dir created — or `postgres(ql)://…`). Safe to call at every start:
 * a no-op run only reads `_prisma_migrations`. On PostgreSQL concurrent callers serialize on an advisory
 * lock, so each migration is applied once. Throws (after recording the failure like Prisma does) when
 * a migration fails or when a previously failed migration blocks the history.
 */
export async function migrateDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const provider = providerOf(databaseUrl);
  const local = readLocalMigrations(provider, options.migrationsRoot);
  const warn = (status: MigrationStatus) => {
    for (const name of status.modified) log(`warning: migration ${name} was modified after it was applied (checksum differs)`);
    for (const name of status.missingLocally) log(`warning: migration ${name} is applied in the database but missing from ${provider} migrations`);
  };

  // Every start but the first after an upgrade: all applied. Seen with one query, without the lock (which
  // waits for any other node's migration), the DDL, or a second look; anything else goes the careful way.
  const current = await readStatus(databaseUrl, provider, local);
  if (current && current.pending.length === 0 && current.failed.length === 0) {
    warn(current);
    return { applied: [] };
  }

  const db = await openDb(databaseUrl, { lock: true });
  const applied: string[] = [];
  try {
    await db.ensureTable();
    const status = statusOf(provider, local, await db.rows());
    if (status.failed.length > 0) {
      const f = status.failed[0]!;
      throw new Error(
        `Migration ${f.name} failed earlier and blocks new migrations (Prisma P3009). Fix the database, then ` +
          `mark it rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${f.name}' ` +
          `AND finished_at IS NULL) or applied.${f.logs ? `\nIts error: ${f.logs}` : ''}`,
      );
    }
    warn(status);

    for (const m of local.filter((x) => status.pending.includes(x.name))) {
      const id = randomUUID();
      await db.start(id, m);
      try {
        await db.run(m.sql);
      } catch (err) {
        const msg = (err as Error).message;
        await db.fail(id, msg).catch(() => {});
        throw new Error(`Migration ${m.name} failed: ${msg}. The server will not start until it is resolved.`, { cause: err });
      }
      await db.finish(id);
      applied.push(m.name);
      log(`applied migration ${m.name}`);
    }
    return { applied };
  } finally {
    await db.close();
  }
}

/** Read-only comparison of the migrations folder with the database (for `npm run db:status`). */
export async function migrationStatus(databaseUrl: string, options: Pick<MigrateOptions, 'migrationsRoot'> = {}): Promise<MigrationStatus> {
  const provider = providerOf(databaseUrl);
  const local = readLocalMigrations(provider, options.migrationsRoot);
  if (provider === 'sqlite' && !existsSync(sqlitePath(databaseUrl))) return statusOf(provider, local, []);
  const db = await openDb(databaseUrl, { lock: true });
  try {
    // Read-only: a database without the table simply has nothing applied.
    const rows = await db.rows().catch((err: unknown) => {
      if (isMissingTable(err)) return [];
      throw err;
    });
    return statusOf(provider, local, rows);
  } finally {
    await db.close();
  }
}

/**
 * The database's migration status from one unlocked read of `_prisma_migrations`, or undefined when it
 * has no such table yet (a new database). A migration another node applies meanwhile shows up as pending
 * here, and the locked path then finds it applied.
 */
async function readStatus(databaseUrl: string, provider: Provider, local: LocalMigration[]): Promise<MigrationStatus | undefined> {
  const db = await openDb(databaseUrl, { lock: false });
  try {
    return statusOf(provider, local, await db.rows());
  } catch (err) {
    if (isMissingTable(err)) return undefined;
    throw err;
  } finally {
    await db.close();
  }
}
