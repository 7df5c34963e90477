import type { AppContext } from '../../context.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { claimDue, type Lease } from '../../jobs/leases.js';

/** How long a claimed send is reserved for its worker (renewed while it works); a crashed worker's claim expires after this. */
export const SEND_LEASE_MS = 60_000;

/**
 * Claims up to `limit` sends that are due (scheduled in the past, or processing with an expired lease:
 * a dead worker's, or a failed attempt whose retry time has come), atomically moving them to
 * `processing` with a lease (claimDue) and counting the attempt.
 */
export async function claimDueSends(ctx: AppContext, now: Date, limit: number): Promise<Lease[]> {
  return claimDue<{ id: string }>(
    ctx,
    {
      table: 'Send',
      ready: Prisma.sql`("status" = 'scheduled' AND "scheduledAt" <= ${now}) OR "status" = 'processing'`,
      orderBy: Prisma.sql`"scheduledAt"`,
      set: Prisma.sql`"status" = 'processing', "attempts" = "attempts" + 1`,
    },
    { limit, leaseMs: SEND_LEASE_MS, now },
  );
}
