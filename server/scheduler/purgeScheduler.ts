import type { AppContext } from '../context.js';
import { startJobLoop, type JobLoop } from '../jobs/jobLoop.js';
import { purgeDeletedNotifications } from '../services/notifications/purgeDeletedNotifications.js';

/**
 * Purges deleted notifications past retention and expired undo tickets every `intervalMs` (PURGE_INTERVAL_MS)
 * on the job engine's loop: runs never overlap in a process, and every node may run one (see
 * purgeDeletedNotifications). `stop()` ends it after its current batch. Housekeeping: not watched by
 * readiness, a late purge harms nobody.
 */
export function startPurgeScheduler(ctx: AppContext, intervalMs: number): JobLoop {
  return startJobLoop({
    intervalMs,
    run: async (signal) => {
      const purged = await purgeDeletedNotifications(ctx, new Date(), { signal });
      if (purged.notifications > 0 || purged.undoTickets > 0) ctx.log.info(purged, 'Purged deleted notifications and expired undo tickets');
    },
    onError: (err) => ctx.log.error({ err }, 'Purge of deleted notifications failed'),
  });
}
