import { performance } from 'node:perf_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, SqlResultSet, Transaction } from '@prisma/driver-adapter-utils';
import type { RawDatabase, SqlRunner } from './rawDatabase.js';

/** Receives one statement's duration, in seconds. */
export type StatementTimer = (seconds: number) => void;

/** Resolves like `work()`; tells `timer` how long it took to settle, in seconds, whether it resolved or threw. */
async function timed<T>(timer: StatementTimer, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timer((performance.now() - started) / 1000);
  }
}

/**
 * A Prisma driver adapter factory whose connections time every SQL statement they run (`queryRaw`,
 * `executeRaw`, in a transaction or not): the driver's execution and, on PostgreSQL, the round trip and
 * the wait for a pooled connection. Not included: Prisma's own query planning and result mapping, and
 * BEGIN/COMMIT. Wrap the driver's factory directly (inside serializeSqliteAdapter, whose gate wait is not
 * a query's cost).
 *
 * @example
 * new PrismaClient({ adapter: serializeSqliteAdapter(timeDriverAdapter(new PrismaBetterSqlite3({ url }), timer), gate) })
 */
export function timeDriverAdapter(factory: SqlDriverAdapterFactory, timer: StatementTimer): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => timedAdapter(await factory.connect(), timer),
  };
}

function timedAdapter(inner: SqlDriverAdapter, timer: StatementTimer): SqlDriverAdapter {
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery): Promise<SqlResultSet> => timed(timer, () => inner.queryRaw(query)),
    executeRaw: (query: SqlQuery): Promise<number> => timed(timer, () => inner.executeRaw(query)),
    executeScript: (script: string) => inner.executeScript(script),
    startTransaction: async (isolationLevel) => timedTransaction(await inner.startTransaction(isolationLevel), timer),
    getConnectionInfo: () => inner.getConnectionInfo?.() ?? { supportsRelationJoins: false },
    dispose: () => inner.dispose(),
  };
}

function timedTransaction(tx: Transaction, timer: StatementTimer): Transaction {
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => timed(timer, () => tx.queryRaw(query)),
    executeRaw: (query) => timed(timer, () => tx.executeRaw(query)),
    commit: () => tx.commit(),
    rollback: () => tx.rollback(),
    ...(tx.createSavepoint && { createSavepoint: (name: string) => tx.createSavepoint!(name) }),
    ...(tx.rollbackToSavepoint && { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) }),
    ...(tx.releaseSavepoint && { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) }),
  };
}

/**
 * The hot path's connection with every statement timed (`all`, `run`): on SQLite the synchronous
 * execution of the prepared statement, on PostgreSQL the round trip. BEGIN/COMMIT and the writer gate's
 * wait are not statements and are not included.
 *
 * @example
 * const raw = timeRawDatabase(openSqliteRawDatabase(url, gate), (s) => metrics.dbQuery('raw', s));
 */
export function timeRawDatabase(raw: RawDatabase, timer: StatementTimer): RawDatabase {
  const wrap = (sql: SqlRunner): SqlRunner => ({
    dialect: sql.dialect,
    all: <T extends object>(text: string, params?: readonly unknown[]) => timed(timer, () => sql.all<T>(text, params)),
    run: (text, params) => timed(timer, () => sql.run(text, params)),
  });
  return {
    dialect: raw.dialect,
    transaction: (work) => raw.transaction((sql) => work(wrap(sql))),
    read: (work) => raw.read((sql) => work(wrap(sql))),
    close: () => raw.close(),
  };
}
