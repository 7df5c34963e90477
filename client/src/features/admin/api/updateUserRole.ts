import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useIntl, type IntlShape } from 'react-intl';
import { toast } from 'sonner';
import type { UserDto, UserPage } from '@shared/schemas/directory';
import type { Role } from '@shared/types';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch, isApiError } from '../../../lib/api';
import { adminUserKeys } from './adminKeys';

/** Which user gets which role. */
export interface UpdateUserRoleVars {
  id: string;
  role: Role;
}

/** Changes a user's role; the server refuses to demote the signed-in admin (409 `cannot_demote_self`). */
export function updateUserRole({ id, role }: UpdateUserRoleVars): Promise<UserDto> {
  return apiFetch<UserDto>(`/api/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body: { role } });
}

type UserListData = InfiniteData<UserPage, string | null>;

function replaceUser(data: UserListData | undefined, user: Pick<UserDto, 'id'> & Partial<UserDto>) {
  if (!data) return data;
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((item) => (item.id === user.id ? { ...item, ...user } : item)),
    })),
  };
}

/** A sentence for a refused role change, in the reader's language. */
function roleErrorMessage(intl: IntlShape, error: unknown): string {
  if (isApiError(error, 409) && error.code === 'cannot_demote_self') return intl.formatMessage({ id: 'admin.users.role.cannotDemoteSelf' });
  return apiErrorMessage(intl, error, 'admin.users.role.failed');
}

/**
 * Changes a role optimistically in every cached users table, rolling back (with a toast) if refused.
 *
 * @example
 * const updateRole = useUpdateUserRole();
 * updateRole.mutate({ id: user.id, role: 'admin' });
 */
export function useUpdateUserRole() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: updateUserRole,
    onMutate: async ({ id, role }) => {
      await queryClient.cancelQueries({ queryKey: adminUserKeys.lists() });
      const snapshot = queryClient.getQueriesData<UserListData>({ queryKey: adminUserKeys.lists() });
      queryClient.setQueriesData<UserListData>({ queryKey: adminUserKeys.lists() }, (data) =>
        replaceUser(data, { id, role }),
      );
      return snapshot;
    },
    onError: (error, _vars, snapshot) => {
      for (const [key, data] of snapshot ?? []) queryClient.setQueryData(key, data);
      toast.error(roleErrorMessage(intl, error));
    },
    onSuccess: (user) => {
      queryClient.setQueriesData<UserListData>({ queryKey: adminUserKeys.lists() }, (data) => replaceUser(data, user));
      toast.success(intl.formatMessage({ id: 'admin.users.role.changed' }, { name: user.name, role: user.role }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: adminUserKeys.all }),
  });
}
