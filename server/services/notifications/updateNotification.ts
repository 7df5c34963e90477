import { SNOOZE_LIMITS, type NotificationDto, type UpdateNotificationInput, type UpdateNotificationResult } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { presentNotification } from '../../presenters/notification.js';
import { unsnoozeNotification } from '../snoozes/unsnoozeNotification.js';
import { cancelEscalations } from './cancelEscalations.js';
import { bumpInboxVersion } from './inboxCounts.js';
import { issueUndo } from './issueUndo.js';
import { enqueueReadEvents } from '../webhooks/enqueueReadEvents.js';

export interface UpdateNotificationProps {
  userId: string;
  notificationId: string;
  changes: UpdateNotificationInput;
}

type NotificationState = { readAt: Date | null; seenAt: Date | null; archivedAt: Date | null; snoozedUntil: Date | null; pinnedAt: Date | null };

/** Which timestamps change; an unchanged state keeps its original time (reading twice is not news). */
function diff(current: NotificationState, changes: UpdateNotificationInput, now: Date, snoozeUntil: Date | undefined) {
  const data: { readAt?: Date | null; seenAt?: Date; archivedAt?: Date | null; snoozedUntil?: Date | null; pinnedAt?: Date | null } = {};
  if (changes.read === true && !current.readAt) data.readAt = now;
  if (changes.read === false && current.readAt) data.readAt = null;
  // Reading something implies having seen it.
  if ((changes.seen || changes.read) && !current.seenAt) data.seenAt = now;
  if (changes.archived === true && !current.archivedAt) data.archivedAt = now;
  if (changes.archived === false && current.archivedAt) data.archivedAt = null;
  // Snooze (issue 11): archiving ends a snooze; snoozing takes an item out of the archive.
  if (changes.archived === true && current.snoozedUntil) data.snoozedUntil = null;
  if (snoozeUntil && snoozeUntil.getTime() !== current.snoozedUntil?.getTime()) {
    data.snoozedUntil = snoozeUntil;
    if (current.archivedAt) data.archivedAt = null;
  }
  if (changes.pinned === true && !current.pinnedAt) data.pinnedAt = now;
  if (changes.pinned === false && current.pinnedAt) data.pinnedAt = null;
  return data;
}

/**
 * The instant a `snoozedUntil` names, checked against the snooze clock: at least SNOOZE_MIN_AHEAD_MS (a
 * minute) and at most SNOOZE_LIMITS.maxAheadMs (a year) ahead; a 400 naming `snoozedUntil` otherwise.
 */
function snoozeTime(ctx: AppContext, value: string): Date {
  const at = new Date(value);
  const ahead = at.getTime() - ctx.snoozes.now().getTime();
  const refuse = (message: string) =>
    new HttpError(400, 'validation_failed', 'Invalid request body', [{ path: 'snoozedUntil', message }]);
  const min = ctx.config.snoozeMinAheadMs;
  if (ahead < min) throw refuse(`Must be at least ${min >= 1000 ? `${Math.ceil(min / 1000)} seconds` : `${min} ms`} from now`);
  if (ahead > SNOOZE_LIMITS.maxAheadMs) throw refuse('Must be at most a year from now');
  return at;
}

/**
 * Marks one of the user's notifications read/unread/seen/archived/pinned, or snoozes it. Another user's id
 * is a 404, the same as a missing (or deleted) one, so ids cannot be probed. Every tab and device is told
 * after commit. Archiving it answers with an `undo` ticket too (POST /api/notifications/undo).
 *
 * Snoozing hides it from the inbox lists and counts until `snoozedUntil` (the snooze job then wakes it
 * as new: server/services/snoozes/); `snoozedUntil: null` wakes a snoozed one now, the same way
 * (answered with its new seq), and any other change in the request applies after that. Snoozing a
 * critical notification leaves its escalation steps alone: only reading it cancels them.
 *
 * @throws HttpError 400 `validation_failed` naming `snoozedUntil` when it is under a minute or over a year ahead
 * @throws HttpError 404 `not_found` for a missing notification or another user's
 */
export async function updateNotification(
  ctx: AppContext,
  { userId, notificationId, changes }: UpdateNotificationProps,
): Promise<UpdateNotificationResult> {
  const now = new Date();
  const snoozeUntil = typeof changes.snoozedUntil === 'string' ? snoozeTime(ctx, changes.snoozedUntil) : undefined;
  let woken: NotificationDto | undefined;
  if (changes.snoozedUntil === null) woken = await unsnoozeNotification(ctx, userId, notificationId);

  const result = await ctx.db.$transaction(async (tx) => {
    const current = await tx.notification.findFirst({ where: { id: notificationId, userId, deletedAt: null } });
    if (!current) throw NotFoundError('notification');
    const data = diff(current, changes, now, snoozeUntil);
    if (Object.keys(data).length === 0) return { row: current, counts: null, undo: undefined };
    const row = await tx.notification.update({ where: { id: notificationId }, data });
    if (data.readAt) {
      await cancelEscalations(tx, userId, notificationId);
      await enqueueReadEvents(tx, userId, data.readAt);
    }
    const undo = data.archivedAt ? await issueUndo(tx, userId, 'archive', now, ctx.config.undoWindowSeconds) : undefined;
    return { row, counts: await bumpInboxVersion(tx, userId), undo };
  });

  const dto = presentNotification(result.row);
  if (result.counts) {
    ctx.realtime.publish(userId, 'notification.updated', dto);
    ctx.realtime.publish(userId, 'counts.updated', result.counts);
    if (snoozeUntil) ctx.snoozes.wake(snoozeUntil);
  }
  if (result.undo) return { ...dto, undo: result.undo };
  return result.counts || !woken ? dto : woken;
}
