import type { PreferencesDto } from '../../../shared/schemas/preferences.js';
import type { AppContext } from '../../context.js';
import { presentPreferences } from '../../presenters/preferences.js';
import { loadPreferences } from './loadPreferences.js';

/** What reading and publishing preferences needs. */
export type PreferencesContext = Pick<AppContext, 'db' | 'delivery' | 'realtime'>;

/**
 * One user's preferences: the category × channel matrix (admin defaults until the user chooses), the
 * global switches with whether each channel can reach them, quiet hours, digest time and contact points.
 *
 * @example
 * res.json(await getPreferences(ctx, currentUserId(req)));
 */
export async function getPreferences(ctx: Pick<AppContext, 'db' | 'delivery'>, userId: string): Promise<PreferencesDto> {
  return presentPreferences(await loadPreferences(ctx, userId));
}

/**
 * Sends the fresh preferences to every tab and device of the user (after the change committed), and
 * returns them, so the caller answers with exactly what the other tabs received.
 *
 * @example
 * return publishPreferences(ctx, userId);
 */
export async function publishPreferences(ctx: PreferencesContext, userId: string): Promise<PreferencesDto> {
  const dto = await getPreferences(ctx, userId);
  ctx.realtime.publish(userId, 'preferences.updated', dto);
  return dto;
}
