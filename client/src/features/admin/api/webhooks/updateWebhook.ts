import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { UpdateWebhookEndpointInput, WebhookEndpointDto } from '@shared/schemas/webhooks';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../../lib/api';
import { webhookKeys } from './keys';

/** What to change on which endpoint. */
export interface UpdateWebhookVariables {
  id: string;
  changes: UpdateWebhookEndpointInput;
}

/** Edits an endpoint, or turns it off or on (on: its failure count starts again at 0). */
export function updateWebhook({ id, changes }: UpdateWebhookVariables): Promise<WebhookEndpointDto> {
  return apiFetch<WebhookEndpointDto>(`/api/admin/webhooks/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

/** "Turn off" / "Turn on". */
export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: updateWebhook,
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.webhooks.updateFailed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}
