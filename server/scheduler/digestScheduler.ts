import type { AppContext } from '../context.js';
import { runDigests } from '../services/digests/runDigests.js';

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
  const stopping = new AbortController();
  let inFlight: Promise<void> | null = null;

  const run = () => {
    if (inFlight || stopping.signal.aborted) return;
    inFlight = runDigests(ctx, new Date(), { signal: stopping.signal })
      .then(() => undefined)
      .catch((err: unknown) => ctx.log.error({ err }, 'Digest scheduler tick failed'))
      .finally(() => {
        inFlight = null;
      });
  };
  const interval = setInterval(run, intervalMs);
  interval.unref();
  run();

  return {
    stop: async () => {
      stopping.abort();
      clearInterval(interval);
      await inFlight;
    },
  };
}
