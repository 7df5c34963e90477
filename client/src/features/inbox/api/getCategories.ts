import type { CategoriesResponse } from '@shared/schemas/notification';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api';
import { notificationKeys } from './notificationKeys';

/** Fetches the distinct categories present in the user's inbox. */
export async function fetchCategories(signal?: AbortSignal): Promise<string[]> {
  const { categories } = await apiFetch<CategoriesResponse>('/api/notifications/categories', { signal });
  return categories;
}

/** Query of the category filter's options. */
export function categoriesOptions() {
  return queryOptions({
    queryKey: notificationKeys.categories(),
    queryFn: ({ signal }) => fetchCategories(signal),
  });
}

/** Categories the category filter offers. */
export function useCategories() {
  return useQuery(categoriesOptions());
}
