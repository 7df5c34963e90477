import type { SessionUser } from '../../../shared/schemas/auth.js';
import type { Db } from '../../db/client.js';
import { toSessionUser } from './authenticateUser.js';

/**
 * The signed-in user as the client sees them; null when the session has no user or the user is gone.
 *
 * @example
 * const user = await getSessionUser(ctx.db, req.session.userId);
 */
export async function getSessionUser(db: Db, userId: string | undefined): Promise<SessionUser | null> {
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, locale: true, localeChosen: true } });
  return user ? toSessionUser(user) : null;
}
