import { canSendDigest } from '../../channels/types.js';
import { sendWithFailover } from '../../delivery/sendWithFailover.js';
import type { AppContext } from '../../context.js';
import { retryDelayMs, type RetryPolicy } from '../../jobs/backoff.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { buildDigestMessage } from './buildDigestMessage.js';
import type { DigestClaim } from './claimDigestRun.js';
import type { DueDigest } from './dueDigests.js';

/** A failed attempt is retried after 10 min, always (by whichever worker claims the run once its lease ends). */
const DIGEST_RETRY: RetryPolicy = { baseMs: 10 * 60 * 1000, maxMs: 10 * 60 * 1000, jitter: false };
/**
 * A run still failing this long after its first claim is given up (`failed`): about six attempts, after
 * which the digest would be stale anyway. Time-based because DigestRun has no attempts column.
 */
export const DIGEST_GIVE_UP_MS = 60 * 60 * 1000;

/** What became of one claimed run. */
export type DigestOutcome = 'sent' | 'empty' | 'retrying' | 'failed' | 'deferred';

/**
 * Sends one claimed digest: the period's notifications that are still unread, not archived, not expired
 * and whose category the user still gets email for, grouped by category. Nothing left → no email, the run
 * is recorded `empty`. Every write is conditional on still holding the claim, so a worker that stalled
 * past its lease cannot overwrite the outcome of the one that took over.
 *
 * @example
 * const outcome = await sendDigestRun(ctx, digest, claim, now); // 'sent'
 */
export async function sendDigestRun(ctx: AppContext, digest: DueDigest, claim: DigestClaim, now: Date): Promise<DigestOutcome> {
  const ours = { id: claim.id, status: 'sending', claimedBy: claim.claimedBy };
  const record = async (data: Prisma.DigestRunUpdateManyMutationInput) => {
    await ctx.db.digestRun.updateMany({ where: ours, data });
  };

  const message = await buildDigestMessage(ctx, digest, claim.id, now);
  if (!message) {
    await record({ status: 'empty', leaseUntil: null, claimedBy: null, notificationCount: 0, lastError: null });
    return 'empty';
  }
  const providers = ctx.delivery.providers.email;
  const capable = providers.filter(canSendDigest);
  if (capable.length === 0) {
    await record({ status: 'failed', leaseUntil: null, claimedBy: null, lastError: `The ${providers[0].provider} email channel cannot send digests` });
    return 'failed';
  }
  // Through the relays in failover order, sharing their breakers with the delivery worker: while every
  // relay is down, digests wait untouched.
  const result = await sendWithFailover(capable, ctx.delivery.breakerFor, (provider) => provider.sendDigest(message));
  if (result.kind === 'all_open') {
    await record({ leaseUntil: now, claimedBy: null });
    return 'deferred';
  }

  const count = message.groups.reduce((sum, group) => sum + group.notifications.length, 0);
  const last = result.tries.at(-1)!;
  if (last.outcome === 'sent') {
    await record({ status: 'sent', sentAt: now, leaseUntil: null, claimedBy: null, notificationCount: count, providerMessageId: last.providerMessageId, lastError: null });
    return 'sent';
  }
  const error = last.error ?? last.outcome;
  const giveUp = last.outcome === 'permanent_error' || now.getTime() - claim.createdAt.getTime() >= DIGEST_GIVE_UP_MS;
  await record(giveUp ? { status: 'failed', leaseUntil: null, claimedBy: null, lastError: error } : { leaseUntil: new Date(now.getTime() + retryDelayMs(1, DIGEST_RETRY)), claimedBy: null, lastError: error });
  ctx.log.warn({ digestRunId: claim.id, period: digest.period, periodKey: digest.periodKey, provider: last.provider, error, giveUp }, 'Digest attempt failed');
  return giveUp ? 'failed' : 'retrying';
}
