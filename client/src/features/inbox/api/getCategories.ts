import type { CategoryOption } from '@shared/schemas/notification';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { notificationKeys } from './notificationKeys';

/** Fetches the categories present in the user's inbox, with their labels, sorted by label. */
export async function fetchCategories(request: ApiRequest, signal?: AbortSignal): Promise<CategoryOption[]> {
  const { items } = await inboxRequests.categories(request, signal);
  return items;
}

/** Query of the category filter's options (and of the labels every category chip shows). */
export function categoriesOptions() {
  return queryOptions({
    queryKey: notificationKeys.categories(),
    queryFn: ({ client, signal }) => fetchCategories(requestOf(client), signal),
  });
}

/** Categories the category filter offers. */
export function useCategories() {
  return useQuery(categoriesOptions());
}

/**
 * The label to show for a category key; the key itself until (or unless) the label is known, e.g. for a
 * category that just arrived live (the realtime handler refetches the list then).
 *
 * @example
 * const labelOf = useCategoryLabel();
 * <span className="chip">{labelOf(item.category)}</span>
 */
export function useCategoryLabel(): (key: string) => string {
  const { data } = useCategories();
  return useCallback((key: string) => data?.find((option) => option.key === key)?.label ?? key, [data]);
}
