import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CategoryDto, UpdateCategoryInput } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { adminCategoriesOptions } from './getAdminCategories';

/** What to change on one category. */
export interface UpdateCategoryVars {
  key: string;
  patch: UpdateCategoryInput;
}

/** Updates a category's label, description, criticality or default channels (the key is fixed). */
export function updateCategory({ key, patch }: UpdateCategoryVars): Promise<CategoryDto> {
  return apiFetch<CategoryDto>(`/api/admin/categories/${encodeURIComponent(key)}`, { method: 'PATCH', body: patch });
}

/** The inline "Edit" row's mutation. */
export function useUpdateCategory() {
  const queryClient = useQueryClient();
  const { queryKey } = adminCategoriesOptions();
  return useMutation({
    mutationFn: updateCategory,
    onSuccess: (category) => {
      queryClient.setQueryData<CategoryDto[]>(queryKey, (items) =>
        items?.map((item) => (item.key === category.key ? category : item)),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
