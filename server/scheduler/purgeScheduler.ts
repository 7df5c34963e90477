import type { AppContext } from '../context.js';
import { startJobLoop, type JobLoop } from '../jobs/jobLoop.js';
import { purgeDeletedNotifications } from '../services/notifications/purgeDeletedNotifications.js';
import { applyRetention } from '../services/retention/applyRetention.js';
import { purgeWebhookMessages } from '../services/webhooks/purgeWebhookMessages.js';

/**
 * The housekeeping job, every `intervalMs` (PURGE_INTERVAL_MS), on the job engine's loop: purges deleted
 * notifications past DELETED_RETENTION_DAYS and expired undo tickets, then applies retention (notifications
 * past their category's window, loose dev-outbox messages, Idempotency-Key answers past 24 h: applyRetention),
 * all in short batches, and drops webhook log lines past 30 days (purgeWebhookMessages). Runs never overlap in a process, and every node may run one (both services are safe on
 * several nodes at once). `stop()` ends it after its current batch. Its heartbeat ('housekeeping') is in the
 * metrics but not in readiness: a late purge harms nobody.
 */
export function startPurgeScheduler(ctx: AppContext, intervalMs: number): JobLoop {
  return startJobLoop({
    intervalMs,
    run: async (signal) => {
      const now = new Date();
      const purged = await purgeDeletedNotifications(ctx, now, { signal });
      if (purged.removed.notifications > 0 || purged.undoTickets > 0) ctx.log.info(purged, 'Purged deleted notifications and expired undo tickets');
      const retention = await applyRetention(ctx, now, { signal });
      if (retention.removed.notifications > 0 || retention.outboxMessages > 0 || retention.idempotencyRecords > 0) {
        ctx.log.info(retention, 'Removed data past its retention');
      }
      const webhookMessages = await purgeWebhookMessages(ctx.db, now);
      if (webhookMessages > 0) ctx.log.info({ webhookMessages }, 'Removed webhook log lines past 30 days');
    },
    onError: (err) => ctx.log.error({ err }, 'Purge or retention run failed'),
    heartbeat: { runState: ctx.runState, loop: 'housekeeping', watchedByReadiness: false },
  });
}
