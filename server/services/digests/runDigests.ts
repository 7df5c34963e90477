import type { AppContext } from '../../context.js';
import { holdLease } from '../../jobs/leases.js';
import { claimDigestRun, DIGEST_LEASE_MS } from './claimDigestRun.js';
import { dueDigests } from './dueDigests.js';
import { sendDigestRun, type DigestOutcome } from './sendDigestRun.js';

/** How many digests one call handled, by outcome; `taken` were claimed by another worker first. */
export type DigestSummary = Record<DigestOutcome | 'taken', number>;

/**
 * Sends every digest due at `now`, one at a time: claim (exactly one worker wins each), then send or
 * record `empty`, holding the run's lease while it sends (holdLease). Safe to call from every node at once. `signal` stops it between digests, so a
 * shutdown waits for one send at most.
 *
 * @example
 * const summary = await runDigests(ctx, new Date()); // { sent: 2, empty: 1, … }
 */
export async function runDigests(ctx: AppContext, now: Date, { signal }: { signal?: AbortSignal } = {}): Promise<DigestSummary> {
  const summary: DigestSummary = { sent: 0, empty: 0, retrying: 0, failed: 0, deferred: 0, taken: 0 };
  // Switched off by an admin: claim nothing, so the digests go out once email is back on.
  if (!(await ctx.delivery.switches.isEnabled('email'))) return summary;
  for (const digest of await dueDigests(ctx, now)) {
    if (signal?.aborted) break;
    const claim = await claimDigestRun(ctx, digest, now);
    if (!claim) {
      summary.taken += 1;
      continue;
    }
    const onRenewalError = (err: unknown) => ctx.log.warn({ err, digestRunId: claim.id }, 'Renewing a digest lease failed');
    summary[await holdLease(ctx, 'DigestRun', claim, DIGEST_LEASE_MS, () => sendDigestRun(ctx, digest, claim, now), onRenewalError)] += 1;
  }
  return summary;
}
