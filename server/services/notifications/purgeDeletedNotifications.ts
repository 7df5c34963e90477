import type { AppContext } from '../../context.js';
import { deleteInBatches, type BatchOptions } from '../batches.js';
import { removeNotificationsWhere, type RemovedBatches } from './removeNotificationsWhere.js';

/** What one purge removed. */
export interface PurgeResult {
  /** The deleted notifications removed for good, with their deliveries, attempts and dev-outbox copies. */
  removed: RemovedBatches;
  undoTickets: number;
}

/**
 * Removes for good the notifications deleted more than DELETED_RETENTION_DAYS ago (never sooner than the
 * undo window, so a pending undo always finds its rows), and the expired undo tickets, in batches of
 * `batchSize` rows, one transaction each (removeNotificationsWhere: their sends keep their read and action
 * counts). The search index follows by itself (SQLite trigger, PostgreSQL index). Safe on every node at once.
 */
export async function purgeDeletedNotifications(ctx: AppContext, now: Date, options: BatchOptions = {}): Promise<PurgeResult> {
  const { deletedRetentionDays, undoWindowSeconds } = ctx.config;
  const keepMs = Math.max(deletedRetentionDays * 86_400_000, undoWindowSeconds * 1000);
  const cutoff = new Date(now.getTime() - keepMs);
  const removed = await removeNotificationsWhere(ctx, { deletedAt: { lt: cutoff } }, options);
  const undo = await deleteInBatches(
    (take) => ctx.db.inboxUndo.findMany({ where: { expiresAt: { lt: now } }, select: { id: true }, take }),
    (ids) => ctx.db.inboxUndo.deleteMany({ where: { id: { in: ids } } }),
    options,
  );
  return { removed, undoTickets: undo.rows };
}
