import type { Role } from '../../../shared/types.js';
import type { Db } from '../../db/client.js';

/** What admission needs of a signed-in user: their role, and their email (the label audit events carry). */
export interface UserAccess {
  role: Role;
  email: string;
}

/**
 * The user's current role and email, read from the database (never from the session, so a demotion applies
 * at once); null when the user is gone.
 *
 * @example
 * if ((await getUserAccess(db, userId))?.role !== 'admin') return next(ForbiddenError('Admins only'));
 */
export async function getUserAccess(db: Db, userId: string): Promise<UserAccess | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, email: true } });
  return user ? { role: user.role as Role, email: user.email } : null;
}
