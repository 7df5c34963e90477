import type { UndoResult } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { bumpInboxVersion } from './inboxCounts.js';
import { undoTokenId, type UndoableAction } from './issueUndo.js';
import { publishBulkChange, readChangedItems } from './publishInboxChange.js';

export interface UndoInboxActionProps {
  userId: string;
  token: string;
}

/**
 * Puts back the rows `action` stamped at `at` and that still carry that stamp: a row the user changed
 * since (read again, unarchived, …) carries another time or none and is left alone. Deleted rows are left
 * alone by the other undos (they are gone until their own delete is undone). Returns the ids restored.
 */
async function revert(tx: Tx, userId: string, action: UndoableAction, at: Date): Promise<string[]> {
  // Written by condition, not by id list: a "mark all read" may have stamped more rows than one statement binds.
  const stamped =
    action === 'read' ? { deletedAt: null, readAt: at } : action === 'archive' ? { deletedAt: null, archivedAt: at } : { deletedAt: at };
  const ids = (await tx.notification.findMany({ where: { userId, ...stamped }, select: { id: true } })).map((row) => row.id);
  switch (action) {
    case 'read':
      // Reading stamped seenAt too where the item was unseen: it is new again, as before.
      await tx.notification.updateMany({ where: { userId, ...stamped, seenAt: at }, data: { seenAt: null } });
      await tx.notification.updateMany({ where: { userId, ...stamped }, data: { readAt: null } });
      break;
    case 'archive':
      await tx.notification.updateMany({ where: { userId, ...stamped }, data: { archivedAt: null } });
      break;
    case 'delete':
      // The delete archived what was not archived yet, with its own time: only that is taken back.
      await tx.notification.updateMany({ where: { userId, ...stamped, archivedAt: at }, data: { archivedAt: null } });
      await tx.notification.updateMany({ where: { userId, ...stamped }, data: { deletedAt: null } });
      break;
  }
  return ids;
}

/**
 * `POST /api/notifications/undo`: reverts exactly what the ticket's action changed (see `revert`), once,
 * within its window, in one transaction with one version bump; every tab is told (`notifications.bulkUpdated`
 * with the restored items, then the counts). The ticket is consumed: a second use is a 404.
 *
 * @throws HttpError 404 `not_found` (unknown token, another user's, or already used), 410 `undo_expired`
 */
export async function undoInboxAction(ctx: AppContext, { userId, token }: UndoInboxActionProps): Promise<UndoResult> {
  const id = undoTokenId(token);
  const now = new Date();
  const result = await ctx.db.$transaction(async (tx) => {
    const ticket = await tx.inboxUndo.findUnique({ where: { id } });
    if (!ticket || ticket.userId !== userId) throw NotFoundError('undo');
    if (ticket.expiresAt <= now) {
      throw new HttpError(410, 'undo_expired', 'Too late to undo this', [{ path: 'token', message: `Expired at ${ticket.expiresAt.toISOString()}` }]);
    }
    // Consumed here: of two concurrent undos with the same token, the second finds nothing to delete.
    const { count } = await tx.inboxUndo.deleteMany({ where: { id } });
    if (count === 0) throw NotFoundError('undo');
    const restored = await revert(tx, userId, ticket.action as UndoableAction, ticket.at);
    return { restored: restored.length, counts: await bumpInboxVersion(tx, userId), items: await readChangedItems(tx, restored) };
  });
  publishBulkChange(ctx, userId, result.items, result.counts);
  return { restored: result.restored, counts: result.counts };
}
