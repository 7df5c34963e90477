import type { AppContext } from '../context.js';
import { startJobLoop, type JobLoop } from '../jobs/jobLoop.js';
import { runDigests } from '../services/digests/runDigests.js';

/** How often each node looks for due digests unless told otherwise: digests are due on the minute at best. */
export const DEFAULT_DIGEST_INTERVAL_MS = 60_000;

/**
 * Sends due digests every `intervalMs` on the job engine's loop (startJobLoop). All state is in DigestRun
 * rows, so a restart loses nothing and every node may run one: each digest is claimed by exactly one of
 * them (claimDigestRun). `stop()` waits for the digest in flight; the turn stops before the next one.
 *
 * @example
 * const digests = startDigestScheduler(ctx, config.digestIntervalMs);
 * await digests.stop();
 */
export function startDigestScheduler(ctx: AppContext, intervalMs = DEFAULT_DIGEST_INTERVAL_MS): JobLoop {
  return startJobLoop({
    intervalMs,
    run: (signal) => runDigests(ctx, new Date(), { signal }),
    onError: (err) => ctx.log.error({ err }, 'Digest scheduler tick failed'),
    heartbeat: { runState: ctx.runState, loop: 'digests' },
  });
}
