import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
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

/**
 * The label to show for a category key (Admin → Categories); the key itself until the catalogue has
 * loaded or for a key it lacks.
 *
 * @example
 * const labelOf = useAdminCategoryLabel();
 * <span className="chip">{labelOf(send.category)}</span>
 */
export function useAdminCategoryLabel(): (key: string) => string {
  const { data } = useAdminCategories();
  return useCallback((key: string) => data?.find((category) => category.key === key)?.label ?? key, [data]);
}
