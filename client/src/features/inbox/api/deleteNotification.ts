import { useMutation } from '@tanstack/react-query';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { setCountsIfNewer } from '../utils/countsCache';
import { applyBulkAction } from '../utils/selection';
import { changeKey, changeOptimistically, refetchAfterChanges } from '../utils/optimistic';
import { useInboxChange } from './inboxChange';

/**
 * Deletes one notification (soft: `DELETE /api/notifications/:id`): gone from every list and count at once,
 * put back if the server refuses; the answer's ticket is offered as Undo (InboxExtensions.offerUndo).
 *
 * @example
 * const remove = useDeleteNotification();
 * remove.mutate(item.id);
 */
export function useDeleteNotification() {
  const { queryClient, offerUndo, refused } = useInboxChange();
  return useMutation({
    mutationKey: changeKey('delete'),
    mutationFn: (id: string) => inboxRequests.deleteNotification(requestOf(queryClient), id),
    onMutate: (id) => changeOptimistically(queryClient, [id], (item) => applyBulkAction(item, 'delete')),
    onError: (_error, _id, snapshot) => refused(snapshot, 'inboxActions.deleteFailed'),
    onSuccess: ({ counts, undo }) => {
      setCountsIfNewer(queryClient, counts);
      offerUndo?.({ action: 'delete', count: 1, tickets: [undo] });
    },
    onSettled: () => refetchAfterChanges(queryClient),
  });
}
