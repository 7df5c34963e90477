import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { toast } from 'sonner';
import type { SessionDto } from '@shared/schemas/account';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { apiFetch, isApiError } from '../../../lib/api';
import { sessionsOptions } from './getSessions';

/**
 * Signs out one of the user's other sessions (its device is signed out at once, sockets too).
 *
 * @example
 * await endSession(session.id);
 */
export function endSession(id: string): Promise<void> {
  return apiFetch<void>(`/api/account/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** "Sign out" on a session row: the row goes at once and comes back if the server refuses. */
export function useEndSession() {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const { queryKey } = sessionsOptions();
  return useMutation({
    mutationFn: endSession,
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey });
      const previous = queryClient.getQueryData<SessionDto[]>(queryKey);
      queryClient.setQueryData<SessionDto[]>(queryKey, (items) => items?.filter((s) => s.id !== id));
      return { previous };
    },
    onError: (error, _id, context) => {
      // Already ended (expired, or signed out elsewhere): the list is right as it is.
      if (isApiError(error, 404)) return;
      queryClient.setQueryData(queryKey, context?.previous);
      toast.error(apiErrorMessage(intl, error, 'account.sessions.endFailed'));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey }),
  });
}
