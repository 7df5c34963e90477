import type { ListNotificationsQuery, NotificationPage } from '../../../shared/schemas/notification.js';
import { decodeSnoozeCursor, encodeSnoozeCursor } from '../../../shared/schemas/cursors.js';
import type { Db } from '../../db/client.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { presentNotification } from '../../presenters/notification.js';

/**
 * Which rows each inbox view shows. `all` hides archived and snoozed items; `archived` shows only the
 * archived ones (never snoozed: snoozing un-archives); `snoozed` only the snoozed ones.
 */
function statusFilter(status: ListNotificationsQuery['status']): Prisma.NotificationWhereInput {
  switch (status) {
    case 'unread':
      return { archivedAt: null, snoozedUntil: null, readAt: null };
    case 'read':
      return { archivedAt: null, snoozedUntil: null, readAt: { not: null } };
    case 'archived':
      return { archivedAt: { not: null } };
    case 'snoozed':
      return { archivedAt: null, snoozedUntil: { not: null } };
    default:
      return { archivedAt: null, snoozedUntil: null };
  }
}

/**
 * One page of a user's inbox, newest first. The cursor is the seq of the last item returned: seqs are
 * unique per user and never reused, so pages neither skip nor repeat items while new ones arrive.
 *
 * The `snoozed` view is ordered by wake time instead (soonest first, then by seq), with a
 * `(snoozedUntil, seq)` cursor (encodeSnoozeCursor), read along the counts index.
 */
export async function listNotifications(
  db: Db,
  userId: string,
  query: ListNotificationsQuery,
): Promise<NotificationPage> {
  const snoozed = query.status === 'snoozed';
  const after = snoozed && query.cursor ? decodeSnoozeCursor(query.cursor) : undefined;
  const rows = await db.notification.findMany({
    where: {
      userId,
      ...statusFilter(query.status),
      ...(query.category ? { category: query.category } : {}),
      ...(!snoozed && query.cursor ? { seq: { lt: Number(query.cursor) } } : {}),
      ...(after
        ? { OR: [{ snoozedUntil: { gt: after.snoozedUntil } }, { snoozedUntil: after.snoozedUntil, seq: { gt: after.seq } }] }
        : {}),
    },
    orderBy: snoozed ? [{ snoozedUntil: 'asc' }, { seq: 'asc' }] : { seq: 'desc' },
    take: query.limit + 1,
  });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (hasMore && last) nextCursor = snoozed ? encodeSnoozeCursor({ snoozedUntil: last.snoozedUntil!, seq: last.seq }) : String(last.seq);
  return { items: page.map(presentNotification), nextCursor };
}
