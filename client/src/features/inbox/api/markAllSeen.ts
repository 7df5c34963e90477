import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BulkUpdateResult, MarkAllSeenInput } from '@shared/schemas/notification';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { patchCounts, restoreCounts, setCountsIfNewer, snapshotCounts } from '../utils/countsCache';
import { applyBulkChangeToLists, loadedItems } from '../utils/listCache';
import { coveredBy } from '../../../lib/bulkChange';
import { notificationKeys } from './notificationKeys';

/** Marks the inbox as seen up to `upToSeq` (the newest item the bell panel shows), or entirely without it. */
export function markAllSeen(request: ApiRequest, input: MarkAllSeenInput): Promise<BulkUpdateResult> {
  return inboxRequests.markAllSeen(request, input);
}

/** Called when the bell panel shows its items; "seen" is invisible in lists, so no list refetch is needed. */
export function useMarkAllSeen() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MarkAllSeenInput) => markAllSeen(requestOf(queryClient), input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: notificationKeys.counts() });
      const counts = snapshotCounts(queryClient);
      const change = { seenAll: true, ...input };
      const unseenLeft = loadedItems(queryClient).filter((item) => item.archivedAt === null && item.seenAt === null && !coveredBy(change, item)).length;
      patchCounts(queryClient, { unseen: unseenLeft });
      applyBulkChangeToLists(queryClient, change);
      return { counts };
    },
    onError: (_error, _vars, snapshot) => restoreCounts(queryClient, snapshot?.counts),
    onSuccess: ({ counts }) => setCountsIfNewer(queryClient, counts),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.counts() }),
  });
}
