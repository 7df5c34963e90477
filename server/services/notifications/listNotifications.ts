import type { InboxStatus } from '../../../shared/types.js';
import type { ListNotificationsQuery, NotificationPage } from '../../../shared/schemas/notification.js';
import type { AppContext } from '../../context.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { presentNotification } from '../../presenters/notification.js';
import { findSearchedRows } from './findSearchedRows.js';
import { searchTerms } from './searchStatements.js';

/** Which rows each inbox view shows. `all` hides archived items; `archived` shows only them. */
function statusFilter(status: ListNotificationsQuery['status']): Prisma.NotificationWhereInput {
  switch (status) {
    case 'unread':
      return { archivedAt: null, readAt: null };
    case 'read':
      return { archivedAt: null, readAt: { not: null } };
    case 'archived':
      return { archivedAt: { not: null } };
    default:
      return { archivedAt: null };
  }
}

/** One inbox view's filters (the list's, and a bulk action's "everything in this view"), search aside. */
export interface InboxFilter {
  status: InboxStatus;
  category?: string;
  /** true: pinned only; false: unpinned only. */
  pinned?: boolean;
}

/** The rows of one of the user's inbox views: never deleted ones (they are archived too, see the schema). */
export function inboxWhere(userId: string, { status, category, pinned }: InboxFilter): Prisma.NotificationWhereInput {
  return {
    userId,
    deletedAt: null,
    ...statusFilter(status),
    ...(category ? { category } : {}),
    ...(pinned === undefined ? {} : { pinnedAt: pinned ? { not: null } : null }),
  };
}

/**
 * One page of a user's inbox, newest first. The cursor is the seq of the last item returned: seqs are
 * unique per user and never reused, so pages neither skip nor repeat items while new ones arrive.
 * With `q`, only items whose title or body contain its words (see searchTerms), the same order and cursor.
 */
export async function listNotifications(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  userId: string,
  query: ListNotificationsQuery,
): Promise<NotificationPage> {
  const where = inboxWhere(userId, {
    status: query.status,
    category: query.category,
    pinned: query.pinned === undefined ? undefined : query.pinned === 'true',
  });
  const beforeSeq = query.cursor ? Number(query.cursor) : undefined;
  const rows =
    query.q === undefined
      ? await ctx.db.notification.findMany({
          where: { ...where, ...(beforeSeq !== undefined ? { seq: { lt: beforeSeq } } : {}) },
          orderBy: { seq: 'desc' },
          take: query.limit + 1,
        })
      : await findSearchedRows(ctx.db, ctx.dialect, userId, where, searchTerms(query.q), { beforeSeq, take: query.limit + 1 });
  const hasMore = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map(presentNotification);
  return { items, nextCursor: hasMore ? String(items[items.length - 1]!.seq) : null };
}
