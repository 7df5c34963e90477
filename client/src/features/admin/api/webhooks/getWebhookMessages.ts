import { useQuery } from '@tanstack/react-query';
import type { WebhookMessageList } from '@shared/schemas/webhooks';
import { apiFetch } from '../../../../lib/api';
import { webhookKeys } from './keys';

/** One endpoint's delivery log (its newest messages first), refreshed while shown: retries move it. */
export function useWebhookMessages(endpointId: string) {
  return useQuery({
    queryKey: webhookKeys.messages(endpointId),
    queryFn: ({ signal }) => apiFetch<WebhookMessageList>(`/api/admin/webhooks/${encodeURIComponent(endpointId)}/messages`, { signal }),
    refetchInterval: 5000,
  });
}
