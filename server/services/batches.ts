import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** Rows removed per transaction by the purge and retention jobs: short transactions, so ingest (and SQLite's single writer) never waits long. */
export const PURGE_BATCH = 200;

/** A batch job rests this many times as long as its last batch took: it has the database at most 1/(1 + this) of the time. */
const REST_PER_BATCH_TIME = 3;

/**
 * Starts timing a batch; the function returned, awaited after it, rests REST_PER_BATCH_TIME × its length
 * (at most a second) before the next. Without it a backlog's deletion took the database from ingest: on
 * SQLite every query waits its turn at the one writer's gate, and a loop of batches never even let the event
 * loop read a request (the adapter resolves in the same turn); bench figure 10 measured ingest at 0 %, then 8 %
 * of its rate with a turn of the event loop alone.
 *
 * @example
 * const rest = batchTimer(); await deleteOneBatch(); await rest();
 */
export function batchTimer(): () => Promise<void> {
  const started = performance.now();
  return async () => {
    await sleep(Math.min(1000, Math.max(1, (performance.now() - started) * REST_PER_BATCH_TIME)));
  };
}

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
    const rest = batchTimer();
    const ids = (await pick(batchSize)).map((row) => row.id);
    if (ids.length === 0) return done;
    done.rows += (await remove(ids)).count;
    done.batches += 1;
    if (ids.length < batchSize) return done;
    await rest();
  }
}
