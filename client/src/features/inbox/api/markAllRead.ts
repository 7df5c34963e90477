import { useMutation, type QueryClient } from '@tanstack/react-query';
import type { BulkUpdateChange } from '@shared/events';
import type { BulkUpdateResult, MarkAllReadInput } from '@shared/schemas/notification';
import type { ApiRequest } from '../../../lib/api';
import { inboxRequests } from '../../../lib/inboxRequests';
import { requestOf } from '../../../lib/queryClient';
import { coveredBy } from '../../../lib/bulkChange';
import { adjustCounts, getCategoryCounts, patchCounts, setCountsIfNewer } from '../utils/countsCache';
import { isUnread } from '../utils/filters';
import { applyBulkChangeToLists, loadedItems, maxLoadedSeq, unreadLeftAfter } from '../utils/listCache';
import { changeKey, snapshotInbox } from '../utils/optimistic';
import { useInboxChange } from './inboxChange';
import { notificationKeys } from './notificationKeys';

/** Marks every unread notification (optionally of one category, optionally up to a seq) as read. */
export function markAllRead(request: ApiRequest, input: MarkAllReadInput): Promise<BulkUpdateResult> {
  return inboxRequests.markAllRead(request, input);
}

/**
 * The request "Mark all as read" sends from a view: its category, bounded by the newest item the client
 * has shown, so what arrives after the click (or is still on its way) stays unread. No bound when the
 * client holds nothing at all.
 *
 * @example
 * markAllRead(markAllReadInput(queryClient, 'billing')); // { category: 'billing', upToSeq: 41 }
 */
export function markAllReadInput(queryClient: QueryClient, category?: string): MarkAllReadInput {
  const upToSeq = maxLoadedSeq(queryClient);
  return { ...(category ? { category } : {}), ...(upToSeq !== undefined ? { upToSeq } : {}) };
}

/**
 * "Mark all as read", applied optimistically to lists, the inbox counts and the view's category counts;
 * offers Undo where the page can (InboxExtensions.offerUndo) when it marked something.
 */
export function useMarkAllRead() {
  const { queryClient, offerUndo, refused } = useInboxChange();
  return useMutation({
    mutationKey: changeKey('readAll'),
    mutationFn: (input: MarkAllReadInput) => markAllRead(requestOf(queryClient), input),
    onMutate: async (input) => {
      const snapshot = await snapshotInbox(queryClient);
      const change: BulkUpdateChange = { readAll: true, ...input };
      if (input.category) {
        // The category's count drops to what stays unread; the inbox's by as many as the server will mark.
        const scoped = getCategoryCounts(queryClient, input.category);
        const left = unreadLeftAfter(queryClient, change, input.category);
        const marked = loadedItems(queryClient).filter((item) => isUnread(item) && coveredBy(change, item)).length;
        patchCounts(queryClient, { unread: left }, input.category);
        adjustCounts(queryClient, { unread: -(scoped ? Math.max(scoped.unread - left, marked) : marked) });
      } else {
        patchCounts(queryClient, { unread: unreadLeftAfter(queryClient, change) });
      }
      applyBulkChangeToLists(queryClient, change);
      return snapshot;
    },
    onError: (_error, _vars, snapshot) => refused(snapshot, 'inbox.markAllFailed'),
    // Newer inbox counts also mark the category counts stale, so the view's header is fetched again.
    onSuccess: ({ counts, updated, undo }) => {
      setCountsIfNewer(queryClient, counts);
      if (undo) offerUndo?.({ action: 'read', count: updated, tickets: [undo] });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.lists() }),
  });
}
