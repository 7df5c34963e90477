import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { PushDeviceDto } from '@shared/schemas/delivery';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch, isApiError } from '../../../lib/api';
import { preferenceKeys } from '../../preferences';
import { rememberThisDevice, thisDeviceId } from '../utils/pushSupport';
import { pushDevicesOptions } from './getPushDevices';

/**
 * Removes a push device. Removing this browser also drops its subscription here, so a later
 * "Enable push" starts clean.
 *
 * @example
 * await removePushDevice(device.id);
 */
export async function removePushDevice(id: string): Promise<void> {
  await apiFetch<void>(`/api/push/subscriptions/${encodeURIComponent(id)}`, { method: 'DELETE' });
  if (id === thisDeviceId()) {
    rememberThisDevice(null);
    const registration = await navigator.serviceWorker?.getRegistration();
    await (await registration?.pushManager.getSubscription())?.unsubscribe();
  }
}

/** "Remove": the row disappears at once and comes back if the server refuses. */
export function useRemovePushDevice() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const { queryKey } = pushDevicesOptions();
  return useMutation({
    mutationFn: removePushDevice,
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<PushDeviceDto[]>(queryKey);
      queryClient.setQueryData<PushDeviceDto[]>(queryKey, (items) => items?.filter((d) => d.id !== id));
      return { previous };
    },
    onError: (error, _id, context) => {
      // Already gone (removed in another tab, or pruned by the push service): the list is right as it is.
      if (isApiError(error, 404)) return;
      queryClient.setQueryData(queryKey, context?.previous);
      toast.error(apiErrorMessage(intl, error, 'devices.removeFailed'));
    },
    // The preferences page counts devices, and push becomes (un)available with them.
    onSettled: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey }), queryClient.invalidateQueries({ queryKey: preferenceKeys.all })]),
  });
}
