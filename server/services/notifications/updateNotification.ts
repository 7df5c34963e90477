import type { NotificationDto, UpdateNotificationInput } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { NotFoundError } from '../../errors.js';
import { presentNotification } from '../../presenters/notification.js';
import { cancelEscalations } from './cancelEscalations.js';
import { bumpInboxVersion } from './inboxCounts.js';

export interface UpdateNotificationProps {
  userId: string;
  notificationId: string;
  changes: UpdateNotificationInput;
}

/** Which timestamps change; an unchanged state keeps its original time (reading twice is not news). */
function diff(
  current: { readAt: Date | null; seenAt: Date | null; archivedAt: Date | null },
  changes: UpdateNotificationInput,
  now: Date,
) {
  const data: { readAt?: Date | null; seenAt?: Date; archivedAt?: Date | null } = {};
  if (changes.read === true && !current.readAt) data.readAt = now;
  if (changes.read === false && current.readAt) data.readAt = null;
  // Reading something implies having seen it.
  if ((changes.seen || changes.read) && !current.seenAt) data.seenAt = now;
  if (changes.archived === true && !current.archivedAt) data.archivedAt = now;
  if (changes.archived === false && current.archivedAt) data.archivedAt = null;
  return data;
}

/**
 * Marks one of the user's notifications read/unread/seen/archived. Another user's id is a 404, the
 * same as a missing one, so ids cannot be probed. Every tab and device is told after commit.
 */
export async function updateNotification(
  ctx: AppContext,
  { userId, notificationId, changes }: UpdateNotificationProps,
): Promise<NotificationDto> {
  const result = await ctx.db.$transaction(async (tx) => {
    const current = await tx.notification.findFirst({ where: { id: notificationId, userId } });
    if (!current) throw NotFoundError('notification');
    const data = diff(current, changes, new Date());
    if (Object.keys(data).length === 0) return { row: current, counts: null };
    const row = await tx.notification.update({ where: { id: notificationId }, data });
    if (data.readAt) await cancelEscalations(tx, userId, notificationId);
    return { row, counts: await bumpInboxVersion(tx, userId) };
  });

  const dto = presentNotification(result.row);
  if (result.counts) {
    ctx.realtime.publish(userId, 'notification.updated', dto);
    ctx.realtime.publish(userId, 'counts.updated', result.counts);
  }
  return dto;
}
