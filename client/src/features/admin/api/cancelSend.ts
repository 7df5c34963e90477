import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { SendDto } from '@shared/schemas/sends';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch, isApiError } from '../../../lib/api';
import { sendKeys } from './adminKeys';
import { sendOptions } from './getSend';

/** Cancels a scheduled send; 409 `send_not_cancellable` once it has started going out. */
export function cancelSend(id: string): Promise<SendDto> {
  return apiFetch<SendDto>(`/api/admin/sends/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** "Cancel send", after the admin confirmed. */
export function useCancelSend() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  return useMutation({
    mutationFn: cancelSend,
    onSuccess: (send) => {
      // The DELETE may answer 204; then the refetch below brings the cancelled state.
      if (send) queryClient.setQueryData(sendOptions(send.id).queryKey, send);
      toast.success(intl.formatMessage({ id: 'admin.sends.cancelled' }));
    },
    onError: (error) => {
      const message =
        isApiError(error, 409) && error.code === 'send_not_cancellable'
          ? intl.formatMessage({ id: 'admin.sends.notCancellable' })
          : apiErrorMessage(intl, error, 'admin.sends.cancelFailed');
      toast.error(message);
    },
    onSettled: (_send, _error, id) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sendOptions(id).queryKey }),
        queryClient.invalidateQueries({ queryKey: sendKeys.lists() }),
      ]),
  });
}
