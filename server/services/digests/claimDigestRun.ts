import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../uniqueViolation.js';
import type { DueDigest } from './dueDigests.js';

/**
 * How long a claimed digest is reserved for its worker: far longer than one SMTP send (socket timeout
 * 30 s), so a live worker never loses its claim, while a crashed one's digest goes out within minutes.
 */
export const DIGEST_LEASE_MS = 5 * 60 * 1000;

/** A digest run this worker now holds until `leaseUntil`. */
export interface DigestClaim {
  id: string;
  leaseUntil: Date;
  /** When the run was first claimed; retries give up relative to it. */
  createdAt: Date;
}

/**
 * Claims one digest for this worker, or returns null when another worker has it. The first claim inserts
 * the DigestRun row, so the unique (userId, period, periodKey) key lets exactly one worker win, on any
 * number of nodes; a run left `sending` with an expired lease (its worker crashed, or a failed attempt
 * waits for its retry) is taken over by a conditional update, which again only one worker can win.
 *
 * @example
 * const claim = await claimDigestRun(ctx, digest, now);
 * if (claim) await sendDigestRun(ctx, digest, claim, now);
 */
export async function claimDigestRun(ctx: AppContext, digest: DueDigest, now: Date): Promise<DigestClaim | null> {
  const leaseUntil = new Date(now.getTime() + DIGEST_LEASE_MS);
  const key = { userId: digest.userId, period: digest.period, periodKey: digest.periodKey };
  try {
    const run = await ctx.db.digestRun.create({ data: { ...key, status: 'sending', leaseUntil, createdAt: now }, select: { id: true } });
    return { id: run.id, leaseUntil, createdAt: now };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
  }
  const { count } = await ctx.db.digestRun.updateMany({
    where: { ...key, status: 'sending', leaseUntil: { lt: now } },
    data: { leaseUntil },
  });
  if (count === 0) return null;
  const run = await ctx.db.digestRun.findUniqueOrThrow({ where: { userId_period_periodKey: key }, select: { id: true, createdAt: true } });
  return { id: run.id, leaseUntil, createdAt: run.createdAt };
}
