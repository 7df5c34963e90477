import type { PreferenceCell, PreferencesDto, UpdatePreferencesInput } from '@shared/schemas/preferences';
import type { Channel } from '@shared/types';

/** A cell as a newer server may send it: with the category default, so "Reset" can be shown at once. */
type CellWithDefault = PreferenceCell & { defaultEnabled?: boolean };

/**
 * What `PATCH /api/preferences` with `patch` will most likely return: the optimistic picture the page
 * shows until the server answers. Locked cells never change.
 *
 * @example
 * applyPreferencesPatch(prefs, { categories: { billing: { channels: { email: false } } } });
 */
export function applyPreferencesPatch(prefs: PreferencesDto, patch: UpdatePreferencesInput): PreferencesDto {
  const next: PreferencesDto = { ...prefs };
  if (patch.channels) {
    next.channels = { ...prefs.channels };
    for (const [channel, enabled] of entries(patch.channels)) {
      next.channels[channel] = { ...prefs.channels[channel], enabled };
    }
  }
  if (patch.categories) {
    next.categories = prefs.categories.map((category) => {
      const change = patch.categories?.[category.key];
      if (!change) return category;
      const channels = { ...category.channels };
      for (const [channel, value] of entries(change.channels ?? {})) {
        channels[channel] = applyCell(channels[channel], value);
      }
      return { ...category, channels, emailDigest: change.emailDigest ?? category.emailDigest };
    });
  }
  if (patch.quietHours !== undefined) next.quietHours = patch.quietHours;
  if (patch.timezone !== undefined) next.timezone = patch.timezone;
  if (patch.locale !== undefined) next.locale = patch.locale;
  if (patch.digestTime !== undefined) next.digestTime = patch.digestTime;
  return next;
}

/** `null` resets to the default; a cell off its default is nearly always the opposite of it. */
function applyCell(cell: CellWithDefault, value: boolean | null | undefined): PreferenceCell {
  if (cell.locked || value === undefined) return cell;
  if (value === null) return { ...cell, isDefault: true, enabled: cell.isDefault ? cell.enabled : (cell.defaultEnabled ?? !cell.enabled) };
  return { ...cell, enabled: value, isDefault: false };
}

function entries<V>(record: Partial<Record<Channel, V>>): [Channel, V][] {
  return Object.entries(record).filter(([, value]) => value !== undefined) as [Channel, V][];
}
