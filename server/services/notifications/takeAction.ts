import type { ActResult } from '../../../shared/schemas/actions.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { presentNotification } from '../../presenters/notification.js';
import { parseActions } from '../sends/sendSpec.js';
import { cancelEscalations } from './cancelEscalations.js';
import { enqueueReadEvents } from '../webhooks/enqueueReadEvents.js';
import { bumpInboxVersion } from './inboxCounts.js';
import { linkTarget } from './readLink.js';

export interface TakeActionProps {
  userId: string;
  notificationId: string;
  actionId: string;
}

const alreadyActed = (taken: string) =>
  new HttpError(409, 'already_acted', `Another action ("${taken}") was already taken on this notification`, [
    { path: 'actionId', message: `Already answered with "${taken}"` },
  ]);

/**
 * The recipient takes one of a notification's actions (an app button, a push button, an email link's
 * confirm page): records which one and when, marks the notification read (cancelling pending escalation
 * steps, as reading does) and tells every tab (`notification.updated`, `counts.updated`).
 *
 * Set once: the same action again answers the same result without changing anything; a different one
 * after the first is a 409 `already_acted` (the sender counts one answer per recipient). The write is
 * conditional on no action being recorded yet, so two different clicks racing get one 200 and one 409.
 *
 * @returns the notification as it is now, and where a `url` action leads (its URL, re-checked by the
 *   action-URL rule; null for `acknowledge`)
 * @throws 404 `not_found` (missing or another user's notification), 404 `unknown_action` naming
 *   `actionId`, 409 `already_acted`
 * @example
 * const { notification, url } = await takeAction(ctx, { userId, notificationId, actionId: 'approve' });
 */
export async function takeAction(ctx: AppContext, { userId, notificationId, actionId }: TakeActionProps): Promise<ActResult> {
  const result = await ctx.db.$transaction(async (tx) => {
    const current = await tx.notification.findFirst({ where: { id: notificationId, userId } });
    if (!current) throw NotFoundError('notification');
    const action = parseActions(current.actions).find((a) => a.id === actionId);
    if (!action) {
      throw new HttpError(404, 'unknown_action', `This notification has no action "${actionId}"`, [
        { path: 'actionId', message: `No action "${actionId}" on this notification` },
      ]);
    }
    if (current.actedActionId === actionId) return { row: current, action, counts: null };
    if (current.actedActionId !== null) throw alreadyActed(current.actedActionId);
    const now = new Date();
    const { count } = await tx.notification.updateMany({
      where: { id: notificationId, actedActionId: null },
      data: { actedActionId: actionId, actedAt: now, readAt: current.readAt ?? now, seenAt: current.seenAt ?? now },
    });
    if (count === 0) {
      // Another click committed first (PostgreSQL; SQLite has one writer): same answer as if it had been seen.
      const taken = await tx.notification.findUniqueOrThrow({ where: { id: notificationId } });
      if (taken.actedActionId === actionId) return { row: taken, action, counts: null };
      throw alreadyActed(taken.actedActionId ?? '?');
    }
    const row = await tx.notification.findUniqueOrThrow({ where: { id: notificationId } });
    if (!current.readAt) {
      await cancelEscalations(tx, userId, notificationId);
      await enqueueReadEvents(tx, userId, now);
    }
    return { row, action, counts: await bumpInboxVersion(tx, userId) };
  });

  const notification = presentNotification(result.row);
  if (result.counts) {
    ctx.realtime.publish(userId, 'notification.updated', notification);
    ctx.realtime.publish(userId, 'counts.updated', result.counts);
  }
  return { notification, url: result.action.kind === 'url' ? linkTarget(result.action.url ?? null) : null };
}
