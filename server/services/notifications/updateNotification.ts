import type { UpdateNotificationInput, UpdateNotificationResult } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { presentNotification } from '../../presenters/notification.js';
import { cancelEscalations } from './cancelEscalations.js';
import { bumpInboxVersion } from './inboxCounts.js';
import { issueUndo } from './issueUndo.js';

export interface UpdateNotificationProps {
  userId: string;
  notificationId: string;
  changes: UpdateNotificationInput;
}

type Timestamps = { readAt: Date | null; seenAt: Date | null; archivedAt: Date | null; pinnedAt: Date | null };

/** Which timestamps change; an unchanged state keeps its original time (reading twice is not news). */
function diff(current: Timestamps, changes: UpdateNotificationInput, now: Date) {
  const data: { readAt?: Date | null; seenAt?: Date; archivedAt?: Date | null; pinnedAt?: Date | null } = {};
  if (changes.read === true && !current.readAt) data.readAt = now;
  if (changes.read === false && current.readAt) data.readAt = null;
  // Reading something implies having seen it.
  if ((changes.seen || changes.read) && !current.seenAt) data.seenAt = now;
  if (changes.archived === true && !current.archivedAt) data.archivedAt = now;
  if (changes.archived === false && current.archivedAt) data.archivedAt = null;
  if (changes.pinned === true && !current.pinnedAt) data.pinnedAt = now;
  if (changes.pinned === false && current.pinnedAt) data.pinnedAt = null;
  return data;
}

/**
 * Marks one of the user's notifications read/unread/seen/archived/pinned. Another user's id is a 404, the
 * same as a missing (or deleted) one, so ids cannot be probed. Every tab and device is told after commit.
 * Archiving it answers with an `undo` ticket too (POST /api/notifications/undo).
 */
export async function updateNotification(
  ctx: AppContext,
  { userId, notificationId, changes }: UpdateNotificationProps,
): Promise<UpdateNotificationResult> {
  const now = new Date();
  const result = await ctx.db.$transaction(async (tx) => {
    const current = await tx.notification.findFirst({ where: { id: notificationId, userId, deletedAt: null } });
    if (!current) throw NotFoundError('notification');
    const data = diff(current, changes, now);
    if (Object.keys(data).length === 0) return { row: current, counts: null, undo: undefined };
    const row = await tx.notification.update({ where: { id: notificationId }, data });
    if (data.readAt) await cancelEscalations(tx, userId, notificationId);
    const undo = data.archivedAt ? await issueUndo(tx, userId, 'archive', now, ctx.config.undoWindowSeconds) : undefined;
    return { row, counts: await bumpInboxVersion(tx, userId), undo };
  });

  const dto = presentNotification(result.row);
  if (result.counts) {
    ctx.realtime.publish(userId, 'notification.updated', dto);
    ctx.realtime.publish(userId, 'counts.updated', result.counts);
  }
  return result.undo ? { ...dto, undo: result.undo } : dto;
}
