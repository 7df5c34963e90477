import type { Db } from '../../db/client.js';
import { deleteInBatches, type BatchOptions } from '../batches.js';

/** Idempotency keys are honoured for at least this long (the 24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes remembered responses older than the TTL, in batches (deleteInBatches: short statements, safe on every
 * node at once). Returns how many went.
 */
export async function purgeIdempotencyRecords(db: Db, now: Date, options: BatchOptions = {}): Promise<number> {
  const where = { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } };
  const purged = await deleteInBatches(
    (take) => db.idempotencyRecord.findMany({ where, select: { id: true }, take }),
    (ids) => db.idempotencyRecord.deleteMany({ where: { id: { in: ids }, ...where } }),
    options,
  );
  return purged.rows;
}
