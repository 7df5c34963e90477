import type { AppContext } from '../../context.js';
import { Prisma } from '../../generated/sqlite/client.js';

/** How long a claimed send is reserved for its worker; a crashed worker's claim expires after this. */
export const SEND_LEASE_MS = 60_000;

/**
 * Claims up to `limit` sends that are due (scheduled in the past, or processing with an expired lease),
 * atomically moving them to `processing` with a lease. On PostgreSQL `FOR UPDATE SKIP LOCKED` lets
 * several nodes claim at once without taking the same send; SQLite has one writer, so the plain
 * `UPDATE … WHERE id IN (SELECT …)` is already atomic.
 */
export async function claimDueSends(ctx: AppContext, now: Date, limit: number): Promise<{ id: string; leaseUntil: Date }[]> {
  const leaseUntil = new Date(now.getTime() + SEND_LEASE_MS);
  const lock = Prisma.raw(ctx.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '');
  const rows = await ctx.db.$queryRaw<{ id: string }[]>`
    UPDATE "Send" SET "status" = 'processing', "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" IN (
      SELECT "id" FROM "Send"
      WHERE ("status" = 'scheduled' AND "scheduledAt" <= ${now}) OR ("status" = 'processing' AND "leaseUntil" < ${now})
      ORDER BY "scheduledAt" LIMIT ${limit} ${lock}
    ) RETURNING "id"`;
  return rows.map((row) => ({ id: row.id, leaseUntil }));
}
