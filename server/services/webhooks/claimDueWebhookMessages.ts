import type { AppContext } from '../../context.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { claimDue, type Lease } from '../../jobs/leases.js';

/** A webhook message this worker now holds, on attempt number `attempts`. */
export interface WebhookMessageClaim extends Lease {
  attempts: number;
}

/** How long a claim holds a message: well over the longest answer an endpoint is given (WEBHOOK_TIMEOUT_MS). */
export function webhookLeaseMs(ctx: Pick<AppContext, 'config'>): number {
  return Math.max(30_000, ctx.config.webhooks.timeoutMs * 3);
}

/**
 * Claims up to `limit` due webhook messages of enabled endpoints (claimDue: one conditional UPDATE with a
 * lease): pending ones whose time has come, and ones left `sending` by a worker that died. The claim moves
 * them to `sending` and counts the attempt. Messages of a turned-off endpoint wait, untouched.
 */
export async function claimDueWebhookMessages(ctx: AppContext, limit: number, now = new Date()): Promise<WebhookMessageClaim[]> {
  const rows = await claimDue<{ id: string; attempts: number | bigint }>(
    ctx,
    {
      table: 'WebhookMessage',
      ready: Prisma.sql`(("status" = 'pending' AND "nextAttemptAt" <= ${now}) OR "status" = 'sending')
        AND "endpointId" IN (SELECT "id" FROM "WebhookEndpoint" WHERE "enabled" = ${true})`,
      orderBy: Prisma.sql`"nextAttemptAt"`,
      set: Prisma.sql`"status" = 'sending', "attempts" = "attempts" + 1, "updatedAt" = ${now}`,
      returning: Prisma.sql`, "attempts"`,
    },
    { limit, leaseMs: webhookLeaseMs(ctx), now },
  );
  return rows.map((row) => ({ ...row, attempts: Number(row.attempts) }));
}
