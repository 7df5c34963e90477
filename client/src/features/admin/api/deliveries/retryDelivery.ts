import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { DeliveryDto, DeliveryPage } from '@shared/schemas/delivery';
import { apiErrorMessage } from '../../../../i18n/apiErrorMessage';
import { apiFetch, isApiError } from '../../../../lib/api';
import { channelStatusesOptions } from '../channels/getChannelStatuses';
import { deliveryKeys } from './keys';

/** Queues a failed or dead delivery again; 409 `delivery_not_retryable` for any other status. */
export function retryDelivery(id: string): Promise<DeliveryDto> {
  return apiFetch<DeliveryDto>(`/api/admin/deliveries/${encodeURIComponent(id)}/retry`, { method: 'POST' });
}

/** "Retry" on a failed or dead delivery: the row shows it pending at once, every list refreshes after. */
export function useRetryDelivery() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: retryDelivery,
    onSuccess: (delivery) => {
      queryClient.setQueriesData<InfiniteData<DeliveryPage>>({ queryKey: deliveryKeys.lists() }, (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === delivery.id ? delivery : item)) })),
        },
      );
      toast.success(intl.formatMessage({ id: 'admin.deliveries.retried' }));
    },
    onError: (error) => {
      toast.error(
        isApiError(error, 409)
          ? intl.formatMessage({ id: 'admin.deliveries.notRetryable' })
          : apiErrorMessage(intl, error, 'admin.deliveries.retryFailed'),
      );
    },
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: deliveryKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: channelStatusesOptions().queryKey }),
      ]),
  });
}
