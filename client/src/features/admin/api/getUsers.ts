import { infiniteQueryOptions, keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import type { UserPage } from '@shared/schemas/directory';
import { apiFetch, toSearch } from '../../../lib/api';
import { adminUserKeys, type UserFilters } from './adminKeys';

/** Rows per page of the users table. */
export const USERS_PAGE_SIZE = 25;

/** Fetches one page of users matching the filters (search matches email, name or externalId). */
export function fetchUserPage(
  filters: UserFilters & { limit?: number },
  cursor: string | null,
  signal?: AbortSignal,
): Promise<UserPage> {
  const search = toSearch({
    search: filters.search?.trim(),
    role: filters.role,
    cursor: cursor ?? undefined,
    limit: filters.limit ?? USERS_PAGE_SIZE,
  });
  return apiFetch<UserPage>(`/api/admin/users${search}`, { signal });
}

/** Infinite query of the users table for these filters. */
export function userListOptions(filters: UserFilters) {
  return infiniteQueryOptions({
    queryKey: adminUserKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchUserPage(filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 30_000,
    // Typing in the search box keeps the previous rows on screen instead of flashing a skeleton.
    placeholderData: keepPreviousData,
  });
}

/** The users table, page by page. */
export function useUsers(filters: UserFilters) {
  return useInfiniteQuery(userListOptions(filters));
}
