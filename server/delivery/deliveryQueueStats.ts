import type { Db } from '../db/client.js';

/** The delivery queue at one moment, as the metrics export it. */
export interface DeliveryQueueStats {
  /** Pending deliveries whose time has come (`nextAttemptAt` ≤ now): waiting for a worker. */
  due: number;
  /** Pending deliveries due later: retries backing off, quiet hours, escalation steps, breaker waits. */
  scheduled: number;
  /** Claimed by a worker (in flight, or left by a crashed one until its lease expires). */
  sending: number;
  /** Seconds since the oldest due delivery became due; 0 when none is due. */
  oldestDueAgeSeconds: number;
}

/**
 * Reads the delivery queue's depth and the age of its oldest due delivery: four statements answered
 * from the `(status, nextAttemptAt)` index (three counts and one ordered first row), for a scrape,
 * never for the hot path.
 *
 * @example
 * const { due, oldestDueAgeSeconds } = await readDeliveryQueueStats(ctx.db);
 */
export async function readDeliveryQueueStats(db: Db, now = new Date()): Promise<DeliveryQueueStats> {
  const [due, scheduled, sending, oldest] = await Promise.all([
    db.delivery.count({ where: { status: 'pending', nextAttemptAt: { lte: now } } }),
    db.delivery.count({ where: { status: 'pending', nextAttemptAt: { gt: now } } }),
    db.delivery.count({ where: { status: 'sending' } }),
    db.delivery.findFirst({
      where: { status: 'pending', nextAttemptAt: { lte: now } },
      orderBy: { nextAttemptAt: 'asc' },
      select: { nextAttemptAt: true },
    }),
  ]);
  const oldestDueAgeSeconds = oldest ? Math.max(0, (now.getTime() - oldest.nextAttemptAt.getTime()) / 1000) : 0;
  return { due, scheduled, sending, oldestDueAgeSeconds };
}
