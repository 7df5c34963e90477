import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CategoryDto, CreateCategoryInput } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { adminCategoriesOptions } from './getAdminCategories';

/** Creates a category; 409 `category_exists` (path `key`) when the key is taken. */
export function createCategory(input: CreateCategoryInput): Promise<CategoryDto> {
  return apiFetch<CategoryDto>('/api/admin/categories', { method: 'POST', body: input });
}

/** The "New category" form's mutation. */
export function useCreateCategory() {
  const queryClient = useQueryClient();
  const { queryKey } = adminCategoriesOptions();
  return useMutation({
    mutationFn: createCategory,
    onSuccess: (category) => {
      queryClient.setQueryData<CategoryDto[]>(queryKey, (items) =>
        items ? [...items, category].sort((a, b) => a.key.localeCompare(b.key)) : items,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
