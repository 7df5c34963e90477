import type { Db } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';

/**
 * Removes one of the user's push devices; another user's id is a 404, the same as a missing one, so ids
 * cannot be probed.
 *
 * @example
 * await deletePushDevice(ctx.db, { userId, deviceId: req.params.id });
 */
export async function deletePushDevice(db: Db, { userId, deviceId }: { userId: string; deviceId: string }): Promise<void> {
  const { count } = await db.pushSubscription.deleteMany({ where: { id: deviceId, userId } });
  if (count === 0) throw NotFoundError('push device');
}
