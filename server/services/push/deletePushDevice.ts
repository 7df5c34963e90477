import { NotFoundError } from '../../errors.js';
import { publishPreferences, type PreferencesContext } from '../preferences/getPreferences.js';

/**
 * Removes one of the user's push devices; another user's id is a 404, the same as a missing one, so ids
 * cannot be probed. The user's other tabs hear about it (the push channel may have become unavailable).
 *
 * @example
 * await deletePushDevice(ctx, { userId, deviceId: req.params.id });
 */
export async function deletePushDevice(ctx: PreferencesContext, { userId, deviceId }: { userId: string; deviceId: string }): Promise<void> {
  const { count } = await ctx.db.pushSubscription.deleteMany({ where: { id: deviceId, userId } });
  if (count === 0) throw NotFoundError('push device');
  await publishPreferences(ctx, userId);
}
