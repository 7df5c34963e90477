import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { useInboxEnvironment } from '../../../components/inboxEnvironment';
import { useInboxExtensions } from '../components/inboxExtensions';
import { setCountsIfNewer } from '../utils/countsCache';
import { applyBulkAction } from '../utils/selection';
import { changeKey, changeOptimistically, refetchAfterChanges, rollBack } from '../utils/optimistic';

/**
 * Deletes one notification (soft: `DELETE /api/notifications/:id`): gone from every list and count at once,
 * put back if the server refuses; the answer's ticket is offered as Undo (InboxExtensions.offerUndo).
 *
 * @example
 * const remove = useDeleteNotification();
 * remove.mutate(item.id);
 */
export function useDeleteNotification() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const { notifyError } = useInboxEnvironment();
  const { offerUndo } = useInboxExtensions();
  return useMutation({
    mutationKey: changeKey('delete'),
    mutationFn: (id: string) => inboxRequests.deleteNotification(requestOf(queryClient), id),
    onMutate: (id) => changeOptimistically(queryClient, [id], (item) => applyBulkAction(item, 'delete')),
    onError: (_error, _id, snapshot) => {
      rollBack(queryClient, snapshot);
      notifyError({ title: intl.formatMessage({ id: 'inboxActions.deleteFailed' }) });
    },
    onSuccess: ({ counts, undo }) => {
      setCountsIfNewer(queryClient, counts);
      offerUndo?.({ action: 'delete', count: 1, tickets: [undo] });
    },
    onSettled: () => refetchAfterChanges(queryClient),
  });
}
