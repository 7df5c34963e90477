import { useMutation } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { WebhookEndpointWithSecret } from '@shared/schemas/webhooks';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch } from '../../../../lib/api';

/** Gives an endpoint a new signing secret (in the answer only); the old one stops signing at once. */
export function rotateWebhookSecret(id: string): Promise<WebhookEndpointWithSecret> {
  return apiFetch<WebhookEndpointWithSecret>(`/api/admin/webhooks/${encodeURIComponent(id)}/rotate-secret`, { method: 'POST' });
}

/** "Rotate secret", after the admin confirmed. */
export function useRotateWebhookSecret() {
  const intl = useIntl();
  return useMutation({
    mutationFn: rotateWebhookSecret,
    onError: (error) => toast.error(apiErrorMessage(intl, error, 'admin.webhooks.rotateFailed')),
  });
}
