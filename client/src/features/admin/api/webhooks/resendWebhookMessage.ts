import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { WebhookMessageDto } from '@shared/schemas/webhooks';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../../lib/api';
import { webhookKeys } from './keys';

/** Which message of which endpoint, and whether the endpoint is on (off, the message waits until it is turned on). */
export interface ResendWebhookVariables {
  endpointId: string;
  messageId: string;
  endpointEnabled: boolean;
}

/** Sends a message of the log again, now, with the same `webhook-id`. */
export function resendWebhookMessage({ endpointId, messageId }: ResendWebhookVariables): Promise<WebhookMessageDto> {
  return apiFetch<WebhookMessageDto>(`/api/admin/webhooks/${encodeURIComponent(endpointId)}/messages/${encodeURIComponent(messageId)}/resend`, { method: 'POST' });
}

/** "Resend" in an endpoint's log. */
export function useResendWebhookMessage() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: resendWebhookMessage,
    onSuccess: (_data, { endpointEnabled }) =>
      toast.success(intl.formatMessage({ id: endpointEnabled ? 'admin.webhooks.log.resent' : 'admin.webhooks.log.resentWhenOn' })),
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.webhooks.log.resendFailed')),
    onSettled: (_data, _error, { endpointId }) => queryClient.invalidateQueries({ queryKey: webhookKeys.messages(endpointId) }),
  });
}
