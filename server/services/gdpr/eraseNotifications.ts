import type { Tx } from '../../db/client.js';

/** The columns of a notification its erasure needs: which send it counts toward, and whether it was read or answered. */
export interface ErasedNotification {
  id: string;
  sendId: string | null;
  readAt: Date | null;
  actedActionId: string | null;
}

/** Rows one erasure step removed, by kind. */
export interface ErasedRows {
  notifications: number;
  deliveries: number;
  deliveryAttempts: number;
}

/**
 * Deletes notifications (at most GDPR_PAGE: the ids go into IN lists) with their deliveries and delivery
 * attempts, in the caller's transaction, after moving their reads and answers into their sends' frozen
 * counts (`erasedReadCount`, `erasedActionCounts`), so a send's read and action counts do not drop when a
 * recipient is erased. Deleted explicitly rather than by cascade, to count what went.
 *
 * @example
 * const removed = await db.$transaction((tx) => eraseNotifications(tx, batch));
 */
export async function eraseNotifications(tx: Tx, notifications: ErasedNotification[]): Promise<ErasedRows> {
  for (const [sendId, counts] of countsPerSend(notifications)) await freezeCounts(tx, sendId, counts);
  const ids = notifications.map((row) => row.id);
  const attempts = await tx.deliveryAttempt.deleteMany({ where: { delivery: { notificationId: { in: ids } } } });
  const deliveries = await tx.delivery.deleteMany({ where: { notificationId: { in: ids } } });
  const removed = await tx.notification.deleteMany({ where: { id: { in: ids } } });
  return { notifications: removed.count, deliveries: deliveries.count, deliveryAttempts: attempts.count };
}

interface SendCounts {
  reads: number;
  actions: Map<string, number>;
}

function countsPerSend(notifications: ErasedNotification[]): Map<string, SendCounts> {
  const perSend = new Map<string, SendCounts>();
  for (const row of notifications) {
    if (!row.sendId || (!row.readAt && !row.actedActionId)) continue;
    let counts = perSend.get(row.sendId);
    if (!counts) perSend.set(row.sendId, (counts = { reads: 0, actions: new Map() }));
    if (row.readAt) counts.reads++;
    if (row.actedActionId) counts.actions.set(row.actedActionId, (counts.actions.get(row.actedActionId) ?? 0) + 1);
  }
  return perSend;
}

/**
 * Adds to one send's frozen counts. The action counts are JSON, so their update is conditional on the value
 * read (compare-and-set, retried): two erasures touching one send at once, on PostgreSQL, must not lose one.
 */
async function freezeCounts(tx: Tx, sendId: string, { reads, actions }: SendCounts): Promise<void> {
  for (;;) {
    const send = await tx.send.findUnique({ where: { id: sendId }, select: { erasedActionCounts: true } });
    if (!send) return;
    const merged: Record<string, number> = send.erasedActionCounts ? (JSON.parse(send.erasedActionCounts) as Record<string, number>) : {};
    for (const [actionId, count] of actions) merged[actionId] = (merged[actionId] ?? 0) + count;
    const { count } = await tx.send.updateMany({
      where: { id: sendId, erasedActionCounts: send.erasedActionCounts },
      data: { erasedReadCount: { increment: reads }, ...(actions.size > 0 && { erasedActionCounts: JSON.stringify(merged) }) },
    });
    if (count > 0) return;
  }
}
