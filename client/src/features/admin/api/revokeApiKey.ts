import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { ApiKeyDto } from '@shared/schemas/directory';
import { apiFetch, isApiError } from '../../../lib/api';
import { apiKeysOptions } from './getApiKeys';

/** Revokes an API key: every request made with it fails from now on. Returns the revoked key. */
export function revokeApiKey(id: string): Promise<ApiKeyDto> {
  return apiFetch<ApiKeyDto>(`/api/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** "Revoke", after the admin confirmed; the row turns "Revoked". */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  const { queryKey } = apiKeysOptions();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: (revoked) => {
      queryClient.setQueryData<ApiKeyDto[]>(queryKey, (items) =>
        items?.map((item) => (item.id === revoked.id ? revoked : item)),
      );
      toast.success(`“${revoked.name}” is revoked.`);
    },
    onError: (error) => toast.error(isApiError(error) ? error.message : 'Could not revoke the key. Please try again.'),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
