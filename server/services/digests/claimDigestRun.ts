import type { AppContext } from '../../context.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { claimDue, newClaimToken, type Lease } from '../../jobs/leases.js';
import { isUniqueViolation } from '../uniqueViolation.js';
import type { DueDigest } from './dueDigests.js';

/**
 * How long a claimed digest is reserved for its worker: far longer than one SMTP send (socket timeout
 * 30 s), so a live worker never loses its claim, while a crashed one's digest goes out within minutes.
 */
export const DIGEST_LEASE_MS = 5 * 60 * 1000;

/** A digest run this worker now holds (its lease: `claimedBy`). */
export interface DigestClaim extends Lease {
  /** When the run was first claimed; retries give up relative to it. */
  createdAt: Date;
}

/**
 * Claims one digest for this worker, or returns null when another worker has it. The first claim inserts
 * the DigestRun row, so the unique (userId, period, periodKey) key lets exactly one worker win, on any
 * number of nodes; a run left `sending` with an expired lease (its worker crashed, or a failed attempt
 * waits for its retry) is taken over by the job engine's conditional update (claimDue), which again only
 * one worker can win.
 *
 * @example
 * const claim = await claimDigestRun(ctx, digest, now);
 * if (claim) await sendDigestRun(ctx, digest, claim, now);
 */
export async function claimDigestRun(ctx: AppContext, digest: DueDigest, now: Date): Promise<DigestClaim | null> {
  const key = { userId: digest.userId, period: digest.period, periodKey: digest.periodKey };
  const claimedBy = newClaimToken();
  try {
    const leaseUntil = new Date(now.getTime() + DIGEST_LEASE_MS);
    const run = await ctx.db.digestRun.create({ data: { ...key, status: 'sending', claimedBy, leaseUntil, createdAt: now }, select: { id: true } });
    return { id: run.id, claimedBy, createdAt: now };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const [taken] = await claimDue<{ id: string }>(
    ctx,
    {
      table: 'DigestRun',
      ready: Prisma.sql`"userId" = ${key.userId} AND "period" = ${key.period} AND "periodKey" = ${key.periodKey} AND "status" = 'sending'`,
      orderBy: Prisma.sql`"createdAt"`,
    },
    { limit: 1, leaseMs: DIGEST_LEASE_MS, now },
  );
  if (!taken) return null;
  const run = await ctx.db.digestRun.findUniqueOrThrow({ where: { id: taken.id }, select: { createdAt: true } });
  return { ...taken, createdAt: run.createdAt };
}
