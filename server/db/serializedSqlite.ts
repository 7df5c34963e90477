import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  SqlQuery,
  SqlResultSet,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * A first-in, first-out gate: one holder at a time, the others wait their turn.
 *
 * @example
 * const release = await gate.acquire();
 * try { … } finally { release(); }
 */
export class Gate {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves once every earlier holder has released; call the returned function to release. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const turn = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return turn;
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}

/**
 * Isolates Prisma's SQLite transactions from every other query of the process.
 *
 * better-sqlite3 is one connection. Prisma's adapter serializes transactions against each other, but a
 * query outside any transaction runs on that same connection at once, even while an interactive
 * transaction is open and awaiting its next statement: it then runs *inside* that transaction, sees its
 * uncommitted rows, and, when the transaction rolls back (a lost scheduler claim, a duplicate
 * Idempotency-Key, a deleted recipient), its own write is rolled back with it and lost.
 *
 * This wrapper puts transactions and stand-alone queries behind one FIFO gate: a transaction holds it
 * from BEGIN to COMMIT/ROLLBACK, a stand-alone query for the length of its (synchronous) statement. Code
 * inside a transaction callback must therefore use the callback's `tx`, never the outer client: a query
 * on the outer client would wait for the transaction that is waiting for it. Pass the `gate` the hot
 * path's own connection takes too (server/db/rawDatabase.ts), so its transactions take turns with Prisma's.
 *
 * @example
 * new PrismaClient({ adapter: serializeSqliteAdapter(new PrismaBetterSqlite3({ url })) })
 */
export function serializeSqliteAdapter(factory: SqlDriverAdapterFactory, gate = new Gate()): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => new SerializedAdapter(await factory.connect(), gate),
  };
}

class SerializedAdapter implements SqlDriverAdapter {
  readonly provider: SqlDriverAdapter['provider'];
  readonly adapterName: string;

  constructor(
    private readonly inner: SqlDriverAdapter,
    private readonly gate: Gate,
  ) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    return this.gate.run(() => this.inner.queryRaw(query));
  }

  executeRaw(query: SqlQuery): Promise<number> {
    return this.gate.run(() => this.inner.executeRaw(query));
  }

  executeScript(script: string): Promise<void> {
    return this.gate.run(() => this.inner.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    const release = await this.gate.acquire();
    try {
      return releasingOnEnd(await this.inner.startTransaction(isolationLevel), release);
    } catch (err) {
      release();
      throw err;
    }
  }

  getConnectionInfo() {
    return this.inner.getConnectionInfo?.() ?? { supportsRelationJoins: false };
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/** The transaction, releasing the gate once it has committed or rolled back (exactly once). */
function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  let released = false;
  const end = (finish: () => Promise<void>) => async () => {
    try {
      await finish();
    } finally {
      if (!released) {
        released = true;
        release();
      }
    }
  };
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: end(() => tx.commit()),
    rollback: end(() => tx.rollback()),
    ...(tx.createSavepoint && { createSavepoint: (name: string) => tx.createSavepoint!(name) }),
    ...(tx.rollbackToSavepoint && { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) }),
    ...(tx.releaseSavepoint && { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) }),
  };
}
