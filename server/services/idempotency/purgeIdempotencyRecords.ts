import type { Db } from '../../db/client.js';

/** Idempotency keys are honoured for at least this long (the 24 h). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/** Deletes remembered responses older than the TTL. */
export async function purgeIdempotencyRecords(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } } });
  return count;
}
