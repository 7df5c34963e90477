import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { UserDto } from '@shared/schemas/directory';
import { adminUserKeys } from './adminKeys';
import { fetchUserPage } from './getUsers';

/** How many matches the user picker offers at once. */
const PICKER_LIMIT = 8;

/** Fetches the first few users matching `term`, for pickers. */
export async function searchUsers(term: string, signal?: AbortSignal): Promise<UserDto[]> {
  const page = await fetchUserPage({ search: term, limit: PICKER_LIMIT }, null, signal);
  return page.items;
}

/** Query of the picker's matches for one (already debounced) term. */
export function userSearchOptions(term: string) {
  return queryOptions({
    queryKey: adminUserKeys.search(term.trim()),
    queryFn: ({ signal }) => searchUsers(term, signal),
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}

/** Users matching `term`; idle while `enabled` is false (e.g. the picker is closed). */
export function useUserSearch(term: string, enabled = true) {
  return useQuery({ ...userSearchOptions(term), enabled });
}
