import type { UserDto } from '../../../shared/schemas/directory.js';
import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { presentUser } from '../../presenters/directory.js';

/** The user a calling system knows as `externalId`; 404 when there is none. */
export async function getUserByExternalId(db: Db, externalId: string): Promise<UserDto> {
  const user = await db.user.findUnique({ where: { externalId } });
  if (!user) throw NotFoundError('user');
  return presentUser(user);
}
