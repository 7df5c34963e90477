import type { NotificationDto } from '../../../shared/schemas/notification.js';
import { REPLAY_LIMIT } from '../../../shared/schemas/realtime.js';
import type { Db } from '../../db/client.js';
import { presentNotification } from '../../presenters/notification.js';

export type MissedNotifications =
  | { kind: 'replay'; latestSeq: number; items: NotificationDto[] }
  /** Too many missed (or the client is ahead of the server, e.g. a restored database): refetch. */
  | { kind: 'reset'; latestSeq: number };

/**
 * What a reconnecting client missed after `lastSeq`, oldest first.
 *
 * `latestSeq` is read before the rows: every seq up to it belongs to a committed row (the seq bump and
 * the insert share a transaction), so the replay covers (lastSeq, latestSeq] completely; anything newer
 * reaches the socket live because it joined the user's room before this query.
 */
export async function listMissedNotifications(db: Db, userId: string, lastSeq: number): Promise<MissedNotifications> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { inboxSeq: true } });
  const latestSeq = user.inboxSeq;
  if (lastSeq > latestSeq || latestSeq - lastSeq > REPLAY_LIMIT) return { kind: 'reset', latestSeq };
  const rows = await db.notification.findMany({
    where: { userId, seq: { gt: lastSeq, lte: latestSeq } },
    orderBy: { seq: 'asc' },
  });
  return { kind: 'replay', latestSeq, items: rows.map(presentNotification) };
}
