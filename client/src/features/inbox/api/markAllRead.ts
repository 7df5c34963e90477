import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import type { MarkAllReadInput, NotificationDto } from '@shared/schemas/notification';
import { apiFetch } from '../../../lib/api';
import { adjustCounts, patchCounts, restoreCounts, setCountsIfNewer } from '../utils/countsCache';
import { isUnread } from '../utils/filters';
import { restoreLists, snapshotLists, transformLists, type ListData } from '../utils/listCache';
import type { BulkUpdateResult } from '@shared/schemas/notification';
import { countsOptions } from './getCounts';
import { notificationKeys } from './notificationKeys';

/** Marks every unread notification (optionally of one category) as read. */
export function markAllRead(input: MarkAllReadInput): Promise<BulkUpdateResult> {
  return apiFetch<BulkUpdateResult>('/api/notifications/read-all', { method: 'POST', body: input });
}

/** Loaded unread items of a category: the best optimistic guess of how far the badge drops. */
function countLoadedUnread(lists: Array<[unknown, ListData | undefined]>, category: string): number {
  const ids = new Set<string>();
  for (const [, data] of lists) {
    for (const item of data?.pages.flatMap((page) => page.items) ?? []) {
      if (item.category === category && isUnread(item)) ids.add(item.id);
    }
  }
  return ids.size;
}

/** "Mark all as read", applied optimistically to lists and counts. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  const countsKey = countsOptions().queryKey;
  return useMutation({
    mutationFn: markAllRead,
    onMutate: async ({ category }) => {
      await Promise.all([
        queryClient.cancelQueries({ queryKey: notificationKeys.lists() }),
        queryClient.cancelQueries({ queryKey: countsKey }),
      ]);
      const snapshot = { lists: snapshotLists(queryClient), counts: queryClient.getQueryData(countsKey) };
      const now = new Date().toISOString();
      const affects = (item: NotificationDto) => isUnread(item) && (!category || item.category === category);
      if (category) adjustCounts(queryClient, { unread: -countLoadedUnread(snapshot.lists, category) });
      else patchCounts(queryClient, { unread: 0 });
      transformLists(queryClient, (item) => (affects(item) ? { ...item, readAt: now } : item));
      return snapshot;
    },
    onError: (_error, _vars, snapshot) => {
      if (snapshot) {
        restoreLists(queryClient, snapshot.lists);
        restoreCounts(queryClient, snapshot.counts);
      }
      toast.error('Could not mark everything as read. Please try again.');
    },
    onSuccess: ({ counts }) => setCountsIfNewer(queryClient, counts),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.lists() }),
  });
}
