import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { ApiKeyDto } from '@shared/schemas/directory';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../lib/api';
import { apiKeysOptions } from './getApiKeys';

/** Revokes an API key: every request made with it fails from now on. Returns the revoked key. */
export function revokeApiKey(id: string): Promise<ApiKeyDto> {
  return apiFetch<ApiKeyDto>(`/api/admin/api-keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** "Revoke", after the admin confirmed; the row turns "Revoked". */
export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const { queryKey } = apiKeysOptions();
  return useMutation({
    mutationFn: revokeApiKey,
    onSuccess: (revoked) => {
      queryClient.setQueryData<ApiKeyDto[]>(queryKey, (items) =>
        items?.map((item) => (item.id === revoked.id ? revoked : item)),
      );
      toast.success(intl.formatMessage({ id: 'admin.apiKeys.revoked' }, { name: revoked.name }));
    },
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.apiKeys.revokeFailed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
