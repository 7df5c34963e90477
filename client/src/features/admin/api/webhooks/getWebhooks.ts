import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WebhookEndpointList } from '@shared/schemas/webhooks';
import { apiFetch } from '../../../../lib/api';
import { webhookKeys } from './keys';

/** Query of the endpoints table (never their secrets). */
export function webhooksOptions() {
  return queryOptions({
    queryKey: webhookKeys.list(),
    queryFn: ({ signal }) => apiFetch<WebhookEndpointList>('/api/admin/webhooks', { signal }),
    // The worker may turn an endpoint off at any time: the page shows it within half a minute.
    refetchInterval: 30_000,
  });
}

/** The endpoints table. */
export function useWebhooks() {
  return useQuery(webhooksOptions());
}
