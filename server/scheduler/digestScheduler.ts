import type { AppContext } from '../context.js';
import { runDigests } from '../services/digests/runDigests.js';
import { runPeriodically } from './serialTask.js';

/** How often each node looks for due digests unless told otherwise: digests are due on the minute at best. */
export const DEFAULT_DIGEST_INTERVAL_MS = 60_000;

export interface DigestScheduler {
  /** Stops polling and waits for the tick in flight (which stops after its current digest). */
  stop(): Promise<void>;
}

/**
 * Sends due digests every `intervalMs`. All state is in DigestRun rows, so a restart loses nothing and
 * every node may run one: each digest is claimed by exactly one of them. Ticks never overlap in a process.
 *
 * @example
 * const digests = startDigestScheduler(ctx, config.digestIntervalMs);
 * await digests.stop();
 */
export function startDigestScheduler(ctx: AppContext, intervalMs = DEFAULT_DIGEST_INTERVAL_MS): DigestScheduler {
  ctx.runState.watch('digests', intervalMs);
  return runPeriodically(
    intervalMs,
    (signal) => runDigests(ctx, new Date(), { signal }),
    (err) => ctx.log.error({ err }, 'Digest scheduler tick failed'),
    () => ctx.runState.beat('digests'),
  );
}
