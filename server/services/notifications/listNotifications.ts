import type { ListNotificationsQuery, NotificationPage } from '../../../shared/schemas/notification.js';
import type { Db } from '../../db/client.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { presentNotification } from '../../presenters/notification.js';

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

/**
 * One page of a user's inbox, newest first. The cursor is the seq of the last item returned: seqs are
 * unique per user and never reused, so pages neither skip nor repeat items while new ones arrive.
 */
export async function listNotifications(
  db: Db,
  userId: string,
  query: ListNotificationsQuery,
): Promise<NotificationPage> {
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...statusFilter(query.status),
      ...(query.category ? { category: query.category } : {}),
      ...(query.cursor ? { seq: { lt: Number(query.cursor) } } : {}),
    },
    orderBy: { seq: 'desc' },
    take: query.limit + 1,
  });
  const hasMore = rows.length > query.limit;
  const items = rows.slice(0, query.limit).map(presentNotification);
  return { items, nextCursor: hasMore ? String(items[items.length - 1]!.seq) : null };
}
