import type { Mutation, QueryClient } from '@tanstack/react-query';
import type { PreferencesDto, UpdatePreferencesInput } from '@shared/schemas/preferences';
import { preferencesOptions } from '../api/getPreferences';
import { preferenceKeys } from '../api/preferenceKeys';
import { applyPreferencesPatch } from './applyPreferencesPatch';

/**
 * Writes the server's preferences into the cache with the changes still in flight laid on top, so a
 * socket event or an earlier save's answer does not flip back a box the user just ticked.
 * `except` leaves out one change (the one that just failed or just answered).
 *
 * @example
 * writePreferences(queryClient, prefs); // from `preferences.updated`
 */
export function writePreferences(queryClient: QueryClient, prefs: PreferencesDto, except?: UpdatePreferencesInput): void {
  const pending = queryClient
    .getMutationCache()
    .findAll({ mutationKey: preferenceKeys.update(), status: 'pending' })
    .map((mutation) => (mutation as Mutation<unknown, unknown, UpdatePreferencesInput>).state.variables)
    .filter((patch): patch is UpdatePreferencesInput => patch !== undefined && patch !== except);
  queryClient.setQueryData(preferencesOptions().queryKey, pending.reduce(applyPreferencesPatch, prefs));
}

/** True for what `GET /api/preferences` answers (PATCH answers it too, unless an older server sends 204). */
export function isPreferencesDto(value: unknown): value is PreferencesDto {
  return typeof value === 'object' && value !== null && Array.isArray((value as PreferencesDto).categories);
}
