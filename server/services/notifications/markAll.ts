import type { BulkUpdateResult } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import { cancelEscalations } from './cancelEscalations.js';
import { enqueueReadEvents } from '../webhooks/enqueueReadEvents.js';
import { bumpInboxVersion } from './inboxCounts.js';
import { issueUndo } from './issueUndo.js';

export interface MarkAllProps {
  userId: string;
  /** `read` marks read (and seen); `seen` only clears the "new" state, e.g. when the bell is opened. */
  mark: 'read' | 'seen';
  category?: string;
  /** Only notifications with `seq <= upToSeq`: what the client had shown when the user clicked. */
  upToSeq?: number;
}

/**
 * Marks every unarchived, unsnoozed notification of the user (optionally of one category, optionally only up to the
 * `seq` the user had seen) read or seen in one statement, then tells all the user's tabs, with the same
 * scope, so they change exactly the items the server changed. Marking read answers with an undo ticket
 * when it changed something (every row it read carries its time `now`: see undoInboxAction).
 */
export async function markAll(
  ctx: AppContext,
  { userId, mark, category, upToSeq }: MarkAllProps,
): Promise<BulkUpdateResult> {
  const now = new Date();
  const scope = {
    userId,
    archivedAt: null,
    // Snoozed ones are out of the inbox until they wake, and wake unread anyway (issue 11).
    snoozedUntil: null,
    ...(category ? { category } : {}),
    // Something that arrived after the user looked is still news: it stays unread / unseen.
    ...(upToSeq !== undefined ? { seq: { lte: upToSeq } } : {}),
  };
  const { updated, counts, undo } = await ctx.db.$transaction(async (tx) => {
    let updated: number;
    if (mark === 'read') {
      ({ count: updated } = await tx.notification.updateMany({ where: { ...scope, readAt: null }, data: { readAt: now } }));
      await tx.notification.updateMany({ where: { ...scope, seenAt: null }, data: { seenAt: now } });
      if (updated > 0) {
        await cancelEscalations(tx, userId);
        await enqueueReadEvents(tx, userId, now);
      }
    } else {
      ({ count: updated } = await tx.notification.updateMany({ where: { ...scope, seenAt: null }, data: { seenAt: now } }));
    }
    const undo = mark === 'read' && updated > 0 ? await issueUndo(tx, userId, 'read', now, ctx.config.undoWindowSeconds) : undefined;
    return { updated, counts: await bumpInboxVersion(tx, userId), undo };
  });

  if (updated > 0) {
    ctx.realtime.publish(userId, 'notifications.bulkUpdated', {
      ...(mark === 'read' ? { readAll: true } : { seenAll: true }),
      ...(category ? { category } : {}),
      ...(upToSeq !== undefined ? { upToSeq } : {}),
    });
  }
  ctx.realtime.publish(userId, 'counts.updated', counts);
  return { updated, counts, ...(undo ? { undo } : {}) };
}
