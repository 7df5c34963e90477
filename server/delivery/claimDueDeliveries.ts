import type { ExternalChannel } from '../channels/types.js';
import type { AppContext } from '../context.js';
import { Prisma } from '../generated/sqlite/client.js';
import { claimDue, type Lease } from '../jobs/leases.js';

/** A delivery this worker now holds (its lease: `claimedBy`), on attempt number `attempts`. */
export interface DeliveryClaim extends Lease {
  attempts: number;
}

/**
 * Claims up to `limit` due deliveries of the given channels (claimDue: one conditional UPDATE, a lease
 * of DELIVERY_LEASE_MS): pending ones whose time has come, and ones left `sending` by a worker that died
 * (lease expired). The claim moves them to `sending` and counts the attempt.
 */
export async function claimDueDeliveries(
  ctx: AppContext,
  channels: ExternalChannel[],
  limit: number,
  now = new Date(),
): Promise<DeliveryClaim[]> {
  if (channels.length === 0) return [];
  const rows = await claimDue<{ id: string; attempts: number | bigint }>(
    ctx,
    {
      table: 'Delivery',
      ready: Prisma.sql`"channel" IN (${Prisma.join(channels)}) AND (("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR "status" = 'sending')`,
      orderBy: Prisma.sql`"nextAttemptAt"`,
      set: Prisma.sql`"status" = 'sending', "attempts" = "attempts" + 1, "updatedAt" = ${now}`,
      returning: Prisma.sql`, "attempts"`,
    },
    { limit, leaseMs: ctx.config.delivery.leaseMs, now },
  );
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}
