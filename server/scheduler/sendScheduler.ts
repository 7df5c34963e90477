import type { AppContext } from '../context.js';
import { claimDueSends } from '../services/sends/claimDueSends.js';
import { releaseSend } from '../services/sends/releaseSend.js';
import { poll, serialTask } from './serialTask.js';

const BATCH = 10;

export interface SendScheduler {
  /** Polls at `at` when that is sooner than the next regular poll (a send due in 2 s need not wait). */
  wake(at: Date): void;
  /** Stops polling and waits for the tick in flight. */
  stop(): Promise<void>;
}

/**
 * Releases scheduled sends when due. State lives only in the database (status, scheduledAt, lease), so
 * a restart loses nothing, and every node may run a scheduler: claims never overlap.
 */
export function startSendScheduler(ctx: AppContext, intervalMs: number): SendScheduler {
  const wakeTimers = new Set<NodeJS.Timeout>();

  const tick = serialTask(async () => {
    let claims: { id: string; leaseUntil: Date }[];
    do {
      claims = await claimDueSends(ctx, new Date(), BATCH);
      // A claim left unreleased at shutdown expires, and the next start (or another node) takes it.
      for (const claim of claims) await releaseSend(ctx, claim);
    } while (claims.length === BATCH);
  }, (err) => ctx.log.error({ err }, 'Send scheduler tick failed'), () => ctx.runState.beat('sendScheduler'));
  ctx.runState.watch('sendScheduler', intervalMs);
  const stopPolling = poll(tick.run, intervalMs);
  tick.run();

  return {
    wake: (at) => {
      const delay = at.getTime() - Date.now();
      if (delay >= intervalMs) return;
      const timer = setTimeout(() => {
        wakeTimers.delete(timer);
        tick.run();
      }, Math.max(0, delay));
      timer.unref();
      wakeTimers.add(timer);
    },
    stop: async () => {
      tick.stop();
      stopPolling();
      for (const timer of wakeTimers) clearTimeout(timer);
      await tick.idle();
    },
  };
}
