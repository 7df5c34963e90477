import type { Db } from '../../db/client.js';

/**
 * The user's latest inbox sequence number (`seq` of their newest notification, 0 before the first):
 * where the live stream stands for a client that loads its lists over REST.
 *
 * @example
 * socket.emit('sync.done', { latestSeq: await getInboxSeq(ctx.db, userId), replayed: 0 });
 */
export async function getInboxSeq(db: Db, userId: string): Promise<number> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { inboxSeq: true } });
  return user.inboxSeq;
}
