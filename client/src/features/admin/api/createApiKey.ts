import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyDto, CreateApiKeyInput, CreatedApiKey } from '@shared/schemas/directory';
import { apiFetch } from '../../../lib/api';
import { apiKeysOptions } from './getApiKeys';

/** Creates an API key; the answer holds the secret, which the server never shows again. */
export function createApiKey(input: CreateApiKeyInput): Promise<CreatedApiKey> {
  return apiFetch<CreatedApiKey>('/api/admin/api-keys', { method: 'POST', body: input });
}

/** "Create API key": adds the new key to the table at once. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  const { queryKey } = apiKeysOptions();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: ({ apiKey }) => {
      queryClient.setQueryData<ApiKeyDto[]>(queryKey, (items) => (items ? [apiKey, ...items] : items));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
