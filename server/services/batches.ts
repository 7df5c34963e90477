/** Rows removed per transaction by the purge and retention jobs: short transactions, so ingest (and SQLite's single writer) never waits long. */
export const PURGE_BATCH = 500;

/** How a batched removal goes. */
export interface BatchOptions {
  /** Rows per batch (tests use small ones to see the batching). */
  batchSize?: number;
  /** Stops between batches (a shutdown). */
  signal?: AbortSignal;
}

/**
 * Deletes rows `batchSize` at a time until none is left (or `signal` aborts): `pick` reads the ids of up to
 * `take` rows due to go, `remove` deletes those ids (repeating its condition, so a row changed meanwhile
 * stays), each its own short statement. Safe on every node at once: a row two nodes pick is deleted by one
 * of them, the other's delete matches nothing. Returns the rows deleted and the batches run.
 *
 * @example
 * await deleteInBatches((take) => db.inboxUndo.findMany({ where, select: { id: true }, take }), (ids) => db.inboxUndo.deleteMany({ where: { id: { in: ids } } }));
 */
export async function deleteInBatches(
  pick: (take: number) => Promise<{ id: string }[]>,
  remove: (ids: string[]) => Promise<{ count: number }>,
  { batchSize = PURGE_BATCH, signal }: BatchOptions = {},
): Promise<{ rows: number; batches: number }> {
  const done = { rows: 0, batches: 0 };
  for (;;) {
    if (signal?.aborted) return done;
    const ids = (await pick(batchSize)).map((row) => row.id);
    if (ids.length === 0) return done;
    done.rows += (await remove(ids)).count;
    done.batches += 1;
    if (ids.length < batchSize) return done;
  }
}
