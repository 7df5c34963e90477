import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PreferencesDto } from '@shared/schemas/preferences';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { preferenceKeys } from './preferenceKeys';

/** Fetches the signed-in user's preference matrix, schedule and contact points. */
export function fetchPreferences(request: ApiRequest, signal?: AbortSignal): Promise<PreferencesDto> {
  return inboxRequests.preferences(request, signal);
}

/** Query of the preferences page; `preferences.updated` socket events overwrite it. */
export function preferencesOptions() {
  return queryOptions({
    queryKey: preferenceKeys.detail(),
    queryFn: ({ client, signal }) => fetchPreferences(requestOf(client), signal),
  });
}

/**
 * The language the user chose as the preferences in this tab's cache say (null: the browser's), without
 * fetching them; undefined while they were never loaded. A choice made on the preferences page, or in
 * another tab (`preferences.updated`), applies at once through it.
 */
export function useChosenLocale(): string | null | undefined {
  return useQuery({ ...preferencesOptions(), enabled: false }).data?.locale;
}

/** The signed-in user's preferences. */
export function usePreferences() {
  return useQuery(preferencesOptions());
}
