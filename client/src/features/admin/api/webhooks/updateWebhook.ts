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

/** "Edit" (its dialog shows what the server refused) and "Turn off" / "Turn on". */
export function useUpdateWebhook() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: updateWebhook, onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }) });
}

/** The toast of a failed "Turn off" / "Turn on" (the table has no place for the server's answer). */
export function useToggleFailedToast(): (error: unknown) => void {
  const intl = useIntl();
  return (error) => toast.error(apiErrorMessage(intl, error, 'admin.webhooks.updateFailed'));
}
