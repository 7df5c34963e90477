import type { UserDto } from '../../../shared/schemas/directory.js';
import type { Role } from '../../../shared/types.js';
import type { Db } from '../../db/client.js';
import { HttpError, NotFoundError } from '../../errors.js';
import { presentUser } from '../../presenters/directory.js';

export interface UpdateUserRoleProps {
  /** The admin making the change. */
  actorId: string;
  userId: string;
  role: Role;
}

/**
 * Sets a user's role. An admin cannot demote themselves: the acting admin always stays one, so the
 * installation can never lose its last admin through this endpoint.
 */
export async function updateUserRole(db: Db, { actorId, userId, role }: UpdateUserRoleProps): Promise<UserDto> {
  if (userId === actorId && role !== 'admin') {
    throw new HttpError(409, 'cannot_demote_self', 'You cannot remove your own admin role; ask another admin');
  }
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw NotFoundError('user');
  if (user.role === role) return presentUser(user);
  return presentUser(await db.user.update({ where: { id: userId }, data: { role } }));
}
