import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PreferencesDto } from '@shared/schemas/preferences';
import { apiFetch } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { preferenceKeys } from './preferenceKeys';

/** Fetches the signed-in user's preference matrix, schedule and contact points. */
export function fetchPreferences(signal?: AbortSignal): Promise<PreferencesDto> {
  return inboxRequests.preferences(apiFetch, signal);
}

/** Query of the preferences page; `preferences.updated` socket events overwrite it. */
export function preferencesOptions() {
  return queryOptions({
    queryKey: preferenceKeys.detail(),
    queryFn: ({ signal }) => fetchPreferences(signal),
  });
}

/** The signed-in user's preferences. */
export function usePreferences() {
  return useQuery(preferencesOptions());
}
