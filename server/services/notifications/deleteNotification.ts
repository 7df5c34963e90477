import type { DeleteNotificationResult } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { presentNotification } from '../../presenters/notification.js';
import { bumpInboxVersion } from './inboxCounts.js';
import { issueUndo } from './issueUndo.js';

export interface DeleteNotificationProps {
  userId: string;
  notificationId: string;
}

/**
 * Soft-deletes one of the user's notifications: `deletedAt` (and `archivedAt` when it was not archived, with
 * the same time, so the undo can tell which it set) = now. From then on it is in no list, search, count or
 * replay; the purge removes it after DELETED_RETENTION_DAYS. Every tab is told (`notification.updated` with
 * `deletedAt` set, then the counts). Another user's id, a missing or an already deleted one: 404.
 */
export async function deleteNotification(ctx: AppContext, { userId, notificationId }: DeleteNotificationProps): Promise<DeleteNotificationResult> {
  const now = new Date();
  const { row, counts, undo } = await ctx.db.$transaction(async (tx) => {
    const current = await tx.notification.findFirst({ where: { id: notificationId, userId, deletedAt: null } });
    if (!current) throw NotFoundError('notification');
    const row = await tx.notification.update({
      where: { id: notificationId },
      // A snooze ends with it: the snooze job must not bring a deleted notification back as new.
      data: { deletedAt: now, snoozedUntil: null, ...(current.archivedAt ? {} : { archivedAt: now }) },
    });
    const undo = await issueUndo(tx, userId, 'delete', now, ctx.config.undoWindowSeconds);
    return { row, counts: await bumpInboxVersion(tx, userId), undo };
  });
  ctx.realtime.publish(userId, 'notification.updated', presentNotification(row));
  ctx.realtime.publish(userId, 'counts.updated', counts);
  return { undo, counts };
}
