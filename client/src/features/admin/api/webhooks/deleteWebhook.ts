import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../../lib/api';
import { webhookKeys } from './keys';

/** Deletes an endpoint with its delivery log. */
export function deleteWebhook(id: string): Promise<void> {
  return apiFetch<void>(`/api/admin/webhooks/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** "Delete", after the admin confirmed. */
export function useDeleteWebhook() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: deleteWebhook,
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.webhooks.deleteFailed')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list() }),
  });
}
