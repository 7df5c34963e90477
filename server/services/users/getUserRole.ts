import type { Role } from '../../../shared/types.js';
import type { Db } from '../../db/client.js';

/**
 * The user's current role, read from the database (never from the session, so a demotion applies at
 * once); null when the user is gone.
 *
 * @example
 * if ((await getUserRole(db, userId)) !== 'admin') return next(ForbiddenError('Admins only'));
 */
export async function getUserRole(db: Db, userId: string): Promise<Role | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  return user ? (user.role as Role) : null;
}
