import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';

/**
 * Our id of the user a calling system knows as `externalId`; 404 when there is none.
 *
 * @example
 * const userId = await getUserIdByExternalId(ctx.db, 'crm-42');
 */
export async function getUserIdByExternalId(db: Db, externalId: string): Promise<string> {
  const user = await db.user.findUnique({ where: { externalId }, select: { id: true } });
  if (!user) throw NotFoundError('user');
  return user.id;
}
