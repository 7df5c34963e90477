import type { ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import { Prisma } from '../generated/sqlite/client.js';

/** A delivery this worker now holds until `leaseUntil`. */
export interface DeliveryClaim {
  id: string;
  attempts: number;
  leaseUntil: Date;
}

/**
 * Claims up to `limit` due deliveries of the given channels: pending ones whose time has come, and
 * ones left `sending` by a worker that died (lease expired). The claim bumps `attempts` and sets a lease
 * in one statement; on PostgreSQL `FOR UPDATE SKIP LOCKED` keeps concurrent nodes from claiming the same
 * row, on SQLite the single writer makes the statement atomic.
 */
export async function claimDueDeliveries(
  ctx: AppContext,
  channels: ExternalChannel[],
  limit: number,
  now = new Date(),
): Promise<DeliveryClaim[]> {
  if (channels.length === 0 || limit <= 0) return [];
  const leaseUntil = new Date(now.getTime() + ctx.config.delivery.leaseMs);
  const lock = Prisma.raw(ctx.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '');
  const rows = await ctx.db.$queryRaw<{ id: string; attempts: number | bigint }[]>`
    UPDATE "Delivery" SET "status" = 'sending', "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "id" IN (
      SELECT "id" FROM "Delivery"
      WHERE "channel" IN (${Prisma.join(channels)})
        AND (("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR ("status" = 'sending' AND "leaseUntil" < ${now}))
      ORDER BY "nextAttemptAt" LIMIT ${limit} ${lock}
    ) RETURNING "id", "attempts"`;
  return rows.map((row) => ({ id: row.id, attempts: Number(row.attempts), leaseUntil }));
}
