import type { PreferencesDto, UpdatePreferencesInput } from '../../../shared/schemas/preferences.js';
import type { AppContext } from '../../context.js';
import type { Tx } from '../../db/client.js';
import { catalogFor } from '../../../shared/i18n/locales.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import { supportedLocales } from '../../i18n/catalogs.js';
import { appendAuditEvent, type AuditActor } from '../audit/appendAuditEvent.js';
import { publishPreferences } from './getPreferences.js';
import { loadPreferenceRows, toCategoryPolicy } from './loadPreferences.js';
import { optOutStamp } from './optOutStamp.js';
import { planPreferenceWrites, type PreferenceWrite } from './planPreferenceWrites.js';

/**
 * Applies a partial preferences update in one transaction (matrix cells, global switches, digest modes,
 * quiet hours, timezone, language, digest time), then sends the fresh preferences to all the user's tabs.
 * Locked critical cells and unknown categories are a 422 and nothing changes; a language without a catalog
 * is a 400 on `locale`. `locale: null` hands the language back to the browser (the next app start sets it).
 * With an `actor` (a service's API key acting for the user) the change is audited in the same transaction,
 * naming the parts changed, not their values; the user's own changes are theirs, not audited.
 *
 * @example
 * await updatePreferences(ctx, userId, { categories: { billing: { channels: { email: false } } } });
 */
export async function updatePreferences(
  ctx: AppContext,
  userId: string,
  input: UpdatePreferencesInput,
  { actor }: { actor?: AuditActor } = {},
): Promise<PreferencesDto> {
  if (input.locale && !catalogFor(input.locale, supportedLocales())) {
    throw ValidationError(undefined, 'request body', [
      { path: 'locale', message: `No messages in this language; available: ${supportedLocales().join(', ')}` },
    ]);
  }
  await ctx.db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw NotFoundError('user');
    const keys = Object.keys(input.categories ?? {});
    const categories = keys.length > 0 ? await tx.category.findMany({ where: { key: { in: keys } } }) : [];
    const policies = new Map(categories.map((row) => [row.key, toCategoryPolicy(row)]));
    const writes = planPreferenceWrites(input, policies, await loadPreferenceRows(tx, userId));
    for (const write of writes) await applyWrite(tx, userId, write);

    const profile = {
      ...(input.quietHours !== undefined
        ? { quietHoursStart: input.quietHours?.start ?? null, quietHoursEnd: input.quietHours?.end ?? null }
        : {}),
      ...(input.timezone !== undefined ? { timezone: input.timezone } : {}),
      ...(input.digestTime !== undefined ? { digestTime: input.digestTime } : {}),
      ...(input.locale !== undefined ? (input.locale === null ? { localeChosen: false } : { locale: input.locale, localeChosen: true }) : {}),
    };
    if (Object.keys(profile).length > 0) await tx.user.update({ where: { id: userId }, data: profile });
    if (actor) await appendAuditEvent(tx, actor, { action: 'user.preferences_updated', target: { type: 'user', id: userId }, after: { fields: Object.keys(input) } });
  });
  return publishPreferences(ctx, userId);
}

async function applyWrite(tx: Tx, userId: string, write: PreferenceWrite): Promise<void> {
  const id = { userId, category: write.category, channel: write.channel };
  if (write.kind === 'delete') {
    await tx.preference.deleteMany({ where: id });
    return;
  }
  const stamp = await optOutStamp(tx, id, write.update.enabled);
  await tx.preference.upsert({ where: { userId_category_channel: id }, create: { ...id, ...write.create, ...stamp }, update: { ...write.update, ...stamp } });
}
