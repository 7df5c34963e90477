import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { Prisma } from '../../generated/sqlite/client.js';
import { batchTimer, PURGE_BATCH, type BatchOptions } from '../batches.js';
import { REMOVED_NOTIFICATION, removeNotifications, type RemovedNotification, type RemovedRows } from './removeNotifications.js';

/** What a batched removal removed, and in how many transactions. */
export type RemovedBatches = RemovedRows & { batches: number };

/** Nothing removed yet: the start of a sum of RemovedBatches. */
export const noneRemoved = (): RemovedBatches => ({ notifications: 0, deliveries: 0, deliveryAttempts: 0, outboxMessages: 0, batches: 0 });

/** Adds `more` into `total` (both RemovedBatches). */
export function addRemoved(total: RemovedBatches, more: RemovedRows & { batches?: number }): void {
  total.notifications += more.notifications;
  total.deliveries += more.deliveries;
  total.deliveryAttempts += more.deliveryAttempts;
  total.outboxMessages += more.outboxMessages;
  total.batches += more.batches ?? 0;
}

/**
 * Removes for good every notification matching `where`, with its deliveries, attempts and dev-outbox copies,
 * its reads and answers frozen into its send's counts (removeNotifications): `batchSize` rows per transaction,
 * resting between them (batchTimer), so sends and inbox actions commit between batches. For the jobs (the purge of deleted notifications,
 * retention); stops between batches when `signal` aborts.
 *
 * Safe on every node at once: each batch is picked and removed in one transaction, its rows locked and read again
 * under the lock on PostgreSQL (stillMatchingLocked; SQLite has one writer), so a row another node is removing is
 * skipped rather than counted twice into its send, and a row that stopped matching meanwhile (pinned, say) stays.
 * When every row of a batch is held by others the run ends: they are being removed, the next run takes the rest.
 *
 * @example
 * const removed = await removeNotificationsWhere(ctx, { deletedAt: { lt: cutoff } }, { signal });
 */
export async function removeNotificationsWhere(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  where: Prisma.NotificationWhereInput,
  { batchSize = PURGE_BATCH, signal }: BatchOptions = {},
): Promise<RemovedBatches> {
  const total = noneRemoved();
  for (;;) {
    if (signal?.aborted) return total;
    const rest = batchTimer();
    const step = await ctx.db.$transaction(async (tx) => {
      const picked = await tx.notification.findMany({ where, select: REMOVED_NOTIFICATION, take: batchSize });
      const rows = ctx.dialect === 'postgres' && picked.length > 0 ? await stillMatchingLocked(tx, where, picked) : picked;
      return { picked: picked.length, removed: rows.length > 0 ? await removeNotifications(tx, rows) : null };
    });
    if (step.removed) addRemoved(total, { ...step.removed, batches: 1 });
    if (step.picked < batchSize || !step.removed) return total;
    await rest();
  }
}

/**
 * PostgreSQL: of the rows picked, those this transaction could lock (`FOR UPDATE SKIP LOCKED`: another node's
 * removal holds the rest) and that, read again under the lock, still match `where`. SQLite needs neither: its
 * single writer (the process's gate) lets nothing change between the pick and the delete. Re-reading there would
 * cost more than it says: its planner may answer `id IN (…) AND category = … AND createdAt < …` from the
 * (category, createdAt) index, scanning the whole backlog.
 */
async function stillMatchingLocked(tx: Tx, where: Prisma.NotificationWhereInput, picked: RemovedNotification[]): Promise<RemovedNotification[]> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Notification" WHERE "id" IN (${Prisma.join(picked.map((row) => row.id))}) FOR UPDATE SKIP LOCKED`;
  if (locked.length === 0) return [];
  return tx.notification.findMany({ where: { AND: [{ id: { in: locked.map((row) => row.id) } }, where] }, select: REMOVED_NOTIFICATION });
}
