import type { Channel } from '../../../shared/types.js';
import { EXTERNAL_CHANNELS, type ExternalChannel } from '../../channels/types.js';
import type { AppContext } from '../../context.js';
import type { Db, Tx } from '../../db/client.js';
import { NotFoundError } from '../../errors.js';
import { groupPreferenceRows, type CategoryPolicy } from '../../preferences/effectivePreference.js';
import type { PreferencesSnapshot } from '../../presenters/preferences.js';

/** Category row → the facts the preference rules need (channels are stored as a comma list). */
export function toCategoryPolicy(row: { key: string; critical: boolean; defaultChannels: string }): CategoryPolicy {
  return { key: row.key, critical: row.critical, defaultChannels: row.defaultChannels.split(',').filter(Boolean) as Channel[] };
}

/** The user's Preference rows, grouped for the rules in effectivePreference.ts. */
export async function loadPreferenceRows(db: Db | Tx, userId: string) {
  return groupPreferenceRows(await db.preference.findMany({ where: { userId } }));
}

/**
 * Reads everything the preferences DTO shows for one user: profile columns, categories, Preference rows,
 * push device count and the admins' channel switches. 404 when the user does not exist.
 *
 * @example
 * const dto = presentPreferences(await loadPreferences(ctx, userId));
 */
export async function loadPreferences(ctx: Pick<AppContext, 'db' | 'delivery'>, userId: string): Promise<PreferencesSnapshot> {
  const [user, categories, rows, pushDevices, switches] = await Promise.all([
    ctx.db.user.findUnique({
      where: { id: userId },
      select: {
        email: true, phone: true, smsConsentAt: true, smsConsentSource: true, teamsWebhookUrl: true, whatsappConsentAt: true, whatsappConsentSource: true,
        quietHoursStart: true, quietHoursEnd: true, timezone: true, locale: true, localeChosen: true, digestTime: true,
      },
    }),
    ctx.db.category.findMany({ orderBy: { key: 'asc' } }),
    loadPreferenceRows(ctx.db, userId),
    ctx.db.pushSubscription.count({ where: { userId } }),
    Promise.all(EXTERNAL_CHANNELS.map(async (channel) => [channel, await ctx.delivery.switches.isEnabled(channel)] as const)),
  ]);
  if (!user) throw NotFoundError('user');
  return {
    user,
    categories: categories.map((row) => ({ ...toCategoryPolicy(row), label: row.label, description: row.description })),
    rows,
    pushDevices,
    adminDisabled: new Set<ExternalChannel>(switches.filter(([, enabled]) => !enabled).map(([channel]) => channel)),
  };
}
