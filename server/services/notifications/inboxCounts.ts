import type { InboxCounts } from '../../../shared/schemas/notification.js';
import type { Db, Tx } from '../../db/client.js';

/**
 * Exact unread/unseen counts for several users at once (archived and snoozed items never count).
 * Call inside the transaction that bumped the users' `stateVersion`, so each count matches its version.
 */
export async function countInboxes(
  tx: Tx | Db,
  versions: Map<string, number>,
  category?: string,
): Promise<Map<string, InboxCounts>> {
  const userIds = [...versions.keys()];
  const counts = new Map<string, InboxCounts>();
  // Chunked: Prisma refuses queries with more bind parameters than SQLite allows (999).
  for (let i = 0; i < userIds.length; i += COUNT_CHUNK) {
    const chunk = userIds.slice(i, i + COUNT_CHUNK);
    for (const [id, c] of await countChunk(tx, chunk, category)) counts.set(id, { ...c, version: versions.get(id) ?? 0 });
  }
  return counts;
}

const COUNT_CHUNK = 500;

async function countChunk(
  tx: Tx | Db,
  userIds: string[],
  category: string | undefined,
): Promise<Map<string, { unread: number; unseen: number }>> {
  const scope = { userId: { in: userIds }, archivedAt: null, snoozedUntil: null, ...(category ? { category } : {}) };
  const [unread, unseen] = await Promise.all([
    tx.notification.groupBy({
      by: ['userId'],
      where: { ...scope, readAt: null },
      _count: { _all: true },
    }),
    tx.notification.groupBy({
      by: ['userId'],
      where: { ...scope, seenAt: null },
      _count: { _all: true },
    }),
  ]);
  const unreadBy = new Map(unread.map((row) => [row.userId, row._count._all]));
  const unseenBy = new Map(unseen.map((row) => [row.userId, row._count._all]));
  return new Map(userIds.map((id) => [id, { unread: unreadBy.get(id) ?? 0, unseen: unseenBy.get(id) ?? 0 }]));
}

/**
 * Marks a change to one user's inbox: bumps its version (which also serializes concurrent changes to
 * the same inbox on PostgreSQL through the row lock) and returns the counts as of this change.
 */
export async function bumpInboxVersion(tx: Tx, userId: string): Promise<InboxCounts> {
  const { stateVersion } = await tx.user.update({
    where: { id: userId },
    data: { stateVersion: { increment: 1 } },
    select: { stateVersion: true },
  });
  const counts = await countInboxes(tx, new Map([[userId, stateVersion]]));
  return counts.get(userId)!;
}

/**
 * Current counts for one user, outside any change (GET /counts, socket connect). With `category`, the
 * counts of that category only (the inbox's filtered view); the version is the inbox's, the same scale.
 */
export async function getInboxCounts(db: Db, userId: string, category?: string): Promise<InboxCounts> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { stateVersion: true } });
  const counts = await countInboxes(db, new Map([[userId, user.stateVersion]]), category);
  return counts.get(userId)!;
}
