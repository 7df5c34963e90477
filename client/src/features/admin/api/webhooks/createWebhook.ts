import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookEndpointInput, WebhookEndpointWithSecret } from '@shared/schemas/webhooks';
import { apiFetch } from '../../../../lib/api';
import { webhookKeys } from './keys';

/** Registers an endpoint; the answer holds its signing secret, shown this once. */
export function createWebhook(input: CreateWebhookEndpointInput): Promise<WebhookEndpointWithSecret> {
  return apiFetch<WebhookEndpointWithSecret>('/api/admin/webhooks', { method: 'POST', body: input });
}

/** "Add endpoint". */
export function useCreateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createWebhook, onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }) });
}
