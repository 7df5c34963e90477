import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import type { UndoTicket } from '@shared/schemas/notification';
import { ApiError } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { setCountsIfNewer } from '../utils/countsCache';
import { changeKey, refetchAfterChanges } from '../utils/optimistic';

/**
 * The toast that says how an Undo went ("Undone.", "Too late to undo"): not the offer's own id. Sonner
 * removes a toast whose action was clicked ~200 ms later, by id: an answer in that window reusing the offer's
 * id was dropped with it, and one just after it came back with the offer's Undo button (a used ticket).
 */
export const UNDO_OUTCOME_TOAST_ID = 'inbox-undo-outcome';

/**
 * Reverts an archive, delete or mark-read by its tickets (`POST /api/notifications/undo`, one per ticket).
 * The restored items come back into the lists by the server's `notifications.bulkUpdated` (where they were:
 * their seq is unchanged) and by the refetch after it; the counts from the answers. A ticket past its window
 * (410) or already used (404) says so.
 *
 * @example
 * const undo = useUndoAction();
 * undo.mutate(offer.tickets, { onSuccess: () => toast('Undone') });
 */
export function useUndoAction() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { notifyError } = useInboxEnvironment();
  return useMutation({
    mutationKey: changeKey('undo'),
    mutationFn: async (tickets: UndoTicket[]) => {
      let restored = 0;
      for (const { token } of tickets) {
        const result = await inboxRequests.undo(requestOf(queryClient), token);
        restored += result.restored;
        setCountsIfNewer(queryClient, result.counts);
      }
      return restored;
    },
    onError: (error) => {
      const tooLate = error instanceof ApiError && (error.status === 410 || error.status === 404);
      notifyError({ id: UNDO_OUTCOME_TOAST_ID, title: intl.formatMessage({ id: tooLate ? 'inboxActions.undo.tooLate' : 'inboxActions.undo.failed' }) });
    },
    onSettled: () => refetchAfterChanges(queryClient),
  });
}
