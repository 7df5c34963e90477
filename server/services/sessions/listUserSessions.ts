import type { SessionList } from '../../../shared/schemas/account.js';
import type { Db } from '../../db/client.js';
import { presentSession } from '../../presenters/session.js';

/**
 * The signed-in sessions of one user, and only theirs (by the indexed `userId` column): the current one
 * first, then by last activity. Expired sessions not yet pruned are left out.
 *
 * @example
 * res.json(await listUserSessions(ctx.db, { userId, currentSid: req.sessionID }));
 */
export async function listUserSessions(db: Db, { userId, currentSid }: { userId: string; currentSid: string }): Promise<SessionList> {
  const rows = await db.session.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    select: { sid: true, data: true, createdAt: true, lastSeenAt: true, expiresAt: true },
  });
  const items = rows.map((row) => presentSession(row, currentSid));
  const seen = (item: (typeof items)[number]) => item.lastSeenAt ?? item.createdAt;
  items.sort((a, b) => Number(b.current) - Number(a.current) || seen(b).localeCompare(seen(a)));
  return { items };
}
