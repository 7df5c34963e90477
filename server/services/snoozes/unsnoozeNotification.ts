import type { AppContext } from '../../context.js';
import { presentNotification } from '../../presenters/notification.js';
import type { NotificationDto } from '../../../shared/schemas/notification.js';
import { publishWoken, wakeNotifications, type SnoozeClaim } from './wakeNotifications.js';

/**
 * `snoozedUntil: null` on one of the user's notifications: wakes it now, exactly as the snooze job would
 * when its time comes (a new seq, unread and unseen, `notification.created` to every tab and device).
 * Returns the woken notification, or undefined when it was not snoozed (nothing to do; the job may have
 * woken it a moment before). Waits for a wake-up of the same row in progress on another node.
 */
export async function unsnoozeNotification(ctx: AppContext, userId: string, notificationId: string): Promise<NotificationDto | undefined> {
  const lock = ctx.raw.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const woken = await ctx.raw.transaction(async (sql) => {
    const claims = await sql.all<SnoozeClaim>(
      `SELECT "id", "userId" FROM "Notification" WHERE "id" = ? AND "userId" = ? AND "snoozedUntil" IS NOT NULL${lock}`,
      [notificationId, userId],
    );
    return wakeNotifications(sql, claims);
  });
  publishWoken(ctx, woken);
  const row = woken.rows[0];
  return row && presentNotification(row);
}
