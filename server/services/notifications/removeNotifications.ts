import type { Tx } from '../../db/client.js';

/** The columns of a notification its removal needs: which send it counts toward, and whether it was read or answered. */
export interface RemovedNotification {
  id: string;
  sendId: string | null;
  readAt: Date | null;
  actedActionId: string | null;
}

/** Selects the RemovedNotification columns (`findMany({ select: REMOVED_NOTIFICATION })`). */
export const REMOVED_NOTIFICATION = { id: true, sendId: true, readAt: true, actedActionId: true } as const;

/** Rows one removal removed, by kind. */
export interface RemovedRows {
  notifications: number;
  deliveries: number;
  deliveryAttempts: number;
  /** Dev-outbox copies (OutboxMessage) of the removed deliveries. */
  outboxMessages: number;
}

/**
 * Deletes notifications for good (at most a few hundred: the ids go into IN lists) with their deliveries,
 * delivery attempts and the dev-outbox copies of those deliveries, in the caller's transaction, after moving
 * their reads and answers into their sends' frozen counts (`erasedReadCount`, `erasedActionCounts`), so a
 * send's read and action counts do not drop when its notifications go: a person erased (GDPR), a category's
 * retention passed, a deleted notification purged. Deleted explicitly rather than by cascade, to count what
 * went. The caller makes sure no other transaction removes the same rows meanwhile (a lock it holds), else a
 * read would be frozen twice.
 *
 * @example
 * const removed = await db.$transaction(async (tx) => removeNotifications(tx, await tx.notification.findMany({ where, select: REMOVED_NOTIFICATION })));
 */
export async function removeNotifications(tx: Tx, notifications: RemovedNotification[]): Promise<RemovedRows> {
  // In send id order: two removals at once (PostgreSQL) lock the sends they share in the same order, never a deadlock.
  const perSend = [...countsPerSend(notifications)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [sendId, counts] of perSend) await freezeCounts(tx, sendId, counts);
  const ids = notifications.map((row) => row.id);
  const deliveryIds = (await tx.delivery.findMany({ where: { notificationId: { in: ids } }, select: { id: true } })).map((row) => row.id);
  const attempts = await tx.deliveryAttempt.deleteMany({ where: { deliveryId: { in: deliveryIds } } });
  const outbox = await tx.outboxMessage.deleteMany({ where: { deliveryId: { in: deliveryIds } } });
  const deliveries = await tx.delivery.deleteMany({ where: { id: { in: deliveryIds } } });
  const removed = await tx.notification.deleteMany({ where: { id: { in: ids } } });
  return { notifications: removed.count, deliveries: deliveries.count, deliveryAttempts: attempts.count, outboxMessages: outbox.count };
}

interface SendCounts {
  reads: number;
  actions: Map<string, number>;
}

function countsPerSend(notifications: RemovedNotification[]): Map<string, SendCounts> {
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
 * read (compare-and-set, retried): two removals touching one send at once, on PostgreSQL, must not lose one.
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
