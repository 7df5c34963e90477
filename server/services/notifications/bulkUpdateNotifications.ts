import type { BulkAction, BulkActionInput, BulkActionResult } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { cancelEscalations } from './cancelEscalations.js';
import { enqueueReadEvents } from '../webhooks/enqueueReadEvents.js';
import { findSearchedRows } from './findSearchedRows.js';
import { bumpInboxVersion } from './inboxCounts.js';
import { issueUndo, type UndoableAction } from './issueUndo.js';
import { inboxWhere } from './listNotifications.js';
import { publishBulkChange, readChangedItems } from './publishInboxChange.js';
import { searchTerms } from './searchStatements.js';

export interface BulkUpdateProps {
  userId: string;
  input: BulkActionInput;
}

/** Rows per `id IN (…)`: under SQLite's 999 bind parameters. */
const ID_CHUNK = 500;

/**
 * Each action: which rows it changes (those not in that state yet: acting twice is not news and keeps the
 * first time) and what it writes. `undo`: the field an undo clears where it still holds the action's time.
 */
const ACTIONS: Record<BulkAction, { pending: Prisma.NotificationWhereInput; data: (now: Date) => Prisma.NotificationUpdateManyMutationInput; undo?: UndoableAction }> = {
  read: { pending: { readAt: null }, data: (now) => ({ readAt: now }), undo: 'read' },
  unread: { pending: { readAt: { not: null } }, data: () => ({ readAt: null }) },
  // Archiving and deleting end a snooze, as PATCH does: the snooze job must not bring it back as new.
  archive: { pending: { archivedAt: null }, data: (now) => ({ archivedAt: now, snoozedUntil: null }), undo: 'archive' },
  unarchive: { pending: { archivedAt: { not: null } }, data: () => ({ archivedAt: null }) },
  delete: { pending: {}, data: (now) => ({ deletedAt: now, snoozedUntil: null }), undo: 'delete' },
  pin: { pending: { pinnedAt: null }, data: (now) => ({ pinnedAt: now }) },
  unpin: { pending: { pinnedAt: { not: null } }, data: () => ({ pinnedAt: null }) },
};

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += ID_CHUNK) out.push(items.slice(i, i + ID_CHUNK));
  return out;
}

/** The ids the request selects among the user's undeleted notifications (others' ids simply match nothing). */
async function selectedIds(ctx: AppContext, tx: Tx, userId: string, input: BulkActionInput): Promise<string[]> {
  if (input.ids) return [...new Set(input.ids)];
  const filter = input.filter!;
  const where = inboxWhere(userId, filter);
  // What the user saw when choosing "select all": anything newer is left alone.
  const upToSeq = input.upToSeq!;
  if (filter.q !== undefined) {
    const rows = await findSearchedRows(tx, ctx.dialect, userId, where, searchTerms(filter.q), { upToSeq, take: Infinity });
    return rows.map((row) => row.id);
  }
  const rows = await tx.notification.findMany({ where: { ...where, seq: { lte: upToSeq } }, select: { id: true } });
  return rows.map((row) => row.id);
}

/**
 * Applies one action to a selection of the user's notifications (listed ids, or everything in a view up to
 * `upToSeq`) in one transaction with one version bump, then tells every tab of the user with one
 * `notifications.bulkUpdated` (the changed items, or `refetch` when more than an event carries) and the
 * exact counts. Read, archive and delete answer with an undo ticket when they changed something.
 * Other users' ids are skipped without a word: `updated` counts only the user's rows actually changed.
 */
export async function bulkUpdateNotifications(ctx: AppContext, { userId, input }: BulkUpdateProps): Promise<BulkActionResult> {
  const now = new Date();
  const action = ACTIONS[input.action];
  const result = await ctx.db.$transaction(async (tx) => {
    const changed: string[] = [];
    let updated = 0;
    for (const chunk of chunks(await selectedIds(ctx, tx, userId, input))) {
      const scope = { id: { in: chunk }, userId, deletedAt: null, ...action.pending };
      const ids = (await tx.notification.findMany({ where: scope, select: { id: true } })).map((row) => row.id);
      if (ids.length === 0) continue;
      if (input.action === 'delete') {
        // Deleting archives too, with the same time (see deleteNotification): counts and "mark all" skip it.
        await tx.notification.updateMany({ where: { id: { in: ids }, archivedAt: null }, data: { archivedAt: now } });
      }
      if (input.action === 'read') {
        await tx.notification.updateMany({ where: { id: { in: ids }, seenAt: null }, data: { seenAt: now } });
      }
      // `pending` again: on PostgreSQL another request may have changed one of them since the read above (it
      // keeps its own time, and is not counted; the event still shows its current state).
      const { count } = await tx.notification.updateMany({ where: { id: { in: ids }, deletedAt: null, ...action.pending }, data: action.data(now) });
      updated += count;
      changed.push(...ids);
    }
    if (input.action === 'read' && updated > 0) {
      await cancelEscalations(tx, userId);
      await enqueueReadEvents(tx, userId, now);
    }
    const counts = await bumpInboxVersion(tx, userId);
    const undo = action.undo && updated > 0 ? await issueUndo(tx, userId, action.undo, now, ctx.config.undoWindowSeconds) : undefined;
    return { updated, counts, undo, items: await readChangedItems(tx, changed) };
  });
  publishBulkChange(ctx, userId, result.items, result.counts);
  return { updated: result.updated, counts: result.counts, ...(result.undo ? { undo: result.undo } : {}) };
}
