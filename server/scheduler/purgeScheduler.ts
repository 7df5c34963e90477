import type { AppContext } from '../context.js';
import { purgeDeletedNotifications } from '../services/notifications/purgeDeletedNotifications.js';
import { runPeriodically } from './serialTask.js';

export interface PurgeScheduler {
  /** Stops polling and waits for the purge in flight (which stops after its current batch). */
  stop(): Promise<void>;
}

/**
 * Purges deleted notifications past retention and expired undo tickets every `intervalMs` (PURGE_INTERVAL_MS),
 * on the digests' loop primitives: runs never overlap in a process, and every node may run one (see
 * purgeDeletedNotifications). Housekeeping: not watched by readiness, a late purge harms nobody.
 */
export function startPurgeScheduler(ctx: AppContext, intervalMs: number): PurgeScheduler {
  return runPeriodically(
    intervalMs,
    async (signal) => {
      const purged = await purgeDeletedNotifications(ctx, new Date(), { signal });
      if (purged.notifications > 0 || purged.undoTickets > 0) ctx.log.info(purged, 'Purged deleted notifications and expired undo tickets');
    },
    (err) => ctx.log.error({ err }, 'Purge of deleted notifications failed'),
  );
}
