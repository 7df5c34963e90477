import type { AppContext } from '../context.js';
import { purgeIdempotencyRecords } from '../services/idempotency/purgeIdempotencyRecords.js';
import { claimDueSends } from '../services/sends/claimDueSends.js';
import { releaseSend } from '../services/sends/releaseSend.js';

const BATCH = 10;
const PURGE_EVERY_MS = 60 * 60 * 1000;

export interface SendScheduler {
  /** Polls at `at` when that is sooner than the next regular poll (a send due in 2 s need not wait). */
  wake(at: Date): void;
  /** Stops polling and waits for the tick in flight. */
  stop(): Promise<void>;
}

/**
 * Releases scheduled sends when due. State lives only in the database (status, scheduledAt, lease), so
 * a restart loses nothing, and every node may run a scheduler: claims never overlap. Ticks never run
 * concurrently within a process; a wake during a tick runs one more tick right after.
 */
export function startSendScheduler(ctx: AppContext, intervalMs: number): SendScheduler {
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  let again = false;
  let lastPurge = 0;
  const wakeTimers = new Set<NodeJS.Timeout>();

  const tick = async () => {
    let claims: { id: string; leaseUntil: Date }[];
    do {
      claims = await claimDueSends(ctx, new Date(), BATCH);
      for (const claim of claims) {
        if (stopped) return; // the lease expires and the next start (or another node) takes it
        await releaseSend(ctx, claim);
      }
    } while (claims.length === BATCH && !stopped);
    if (Date.now() - lastPurge > PURGE_EVERY_MS) {
      lastPurge = Date.now();
      await purgeIdempotencyRecords(ctx.db);
    }
  };
  const run = () => {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = tick()
      .catch((err: unknown) => ctx.log.error({ err }, 'Send scheduler tick failed'))
      .finally(() => {
        inFlight = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const interval = setInterval(run, intervalMs);
  interval.unref();
  run();

  return {
    wake: (at) => {
      const delay = at.getTime() - Date.now();
      if (delay >= intervalMs) return;
      const timer = setTimeout(() => {
        wakeTimers.delete(timer);
        run();
      }, Math.max(0, delay));
      timer.unref();
      wakeTimers.add(timer);
    },
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      for (const timer of wakeTimers) clearTimeout(timer);
      await inFlight;
    },
  };
}
