import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CategoryDto, CategoryList } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { adminCategoryKeys } from './adminKeys';

/** Fetches the category catalogue (key, label, critical, default channels). */
export async function fetchAdminCategories(signal?: AbortSignal): Promise<CategoryDto[]> {
  const { items } = await apiFetch<CategoryList>('/api/admin/categories', { signal });
  return items;
}

/** Query of the categories table and of the composer's "Category" select. */
export function adminCategoriesOptions() {
  return queryOptions({
    queryKey: adminCategoryKeys.list(),
    queryFn: ({ signal }) => fetchAdminCategories(signal),
  });
}

/** The category catalogue. */
export function useAdminCategories() {
  return useQuery(adminCategoriesOptions());
}
