import type { InboxStatus } from '../../../shared/types.js';
import type { ListNotificationsQuery, NotificationPage } from '../../../shared/schemas/notification.js';
import { decodeSnoozeCursor, encodeSnoozeCursor } from '../../../shared/schemas/cursors.js';
import type { AppContext } from '../../context.js';
import { ValidationError } from '../../errors.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { presentNotification } from '../../presenters/notification.js';
import { findSearchedRows } from './findSearchedRows.js';
import { searchTerms } from './searchStatements.js';

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
 *
 * The `snoozed` view is ordered by wake time instead (soonest first, then by seq), with a
 * `(snoozedUntil, seq)` cursor (encodeSnoozeCursor), read along the counts index; it is not searched
 * (`q` there is a 400 naming it: the few snoozed items are all on screen).
 */
export async function listNotifications(
  ctx: Pick<AppContext, 'db' | 'dialect'>,
  userId: string,
  query: ListNotificationsQuery,
): Promise<NotificationPage> {
  const snoozed = query.status === 'snoozed';
  if (snoozed && query.q !== undefined) throw ValidationError(undefined, 'query', [{ path: 'q', message: 'The snoozed view is not searched' }]);
  const where = inboxWhere(userId, {
    status: query.status,
    category: query.category,
    pinned: query.pinned === undefined ? undefined : query.pinned === 'true',
  });
  const rows = snoozed
    ? await listSnoozed(ctx, where, query)
    : query.q === undefined
      ? await ctx.db.notification.findMany({
          where: { ...where, ...(query.cursor ? { seq: { lt: Number(query.cursor) } } : {}) },
          orderBy: { seq: 'desc' },
          take: query.limit + 1,
        })
      : await findSearchedRows(ctx.db, ctx.dialect, userId, where, searchTerms(query.q), {
          beforeSeq: query.cursor ? Number(query.cursor) : undefined,
          take: query.limit + 1,
        });
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  let nextCursor: string | null = null;
  if (hasMore && last) nextCursor = snoozed ? encodeSnoozeCursor({ snoozedUntil: last.snoozedUntil!, seq: last.seq }) : String(last.seq);
  return { items: page.map(presentNotification), nextCursor };
}

/** The snoozed view's page: soonest to wake first, after the `(snoozedUntil, seq)` cursor. */
function listSnoozed(ctx: Pick<AppContext, 'db'>, where: Prisma.NotificationWhereInput, query: ListNotificationsQuery) {
  const after = query.cursor ? decodeSnoozeCursor(query.cursor) : undefined;
  return ctx.db.notification.findMany({
    where: {
      ...where,
      ...(after ? { OR: [{ snoozedUntil: { gt: after.snoozedUntil } }, { snoozedUntil: after.snoozedUntil, seq: { gt: after.seq } }] } : {}),
    },
    orderBy: [{ snoozedUntil: 'asc' }, { seq: 'asc' }],
    take: query.limit + 1,
  });
}
