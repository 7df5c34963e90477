import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../../lib/api';
import { patchCounts, restoreCounts, setCountsIfNewer } from '../utils/countsCache';
import { transformLists } from '../utils/listCache';
import type { BulkUpdateResult } from '@shared/schemas/notification';
import { countsOptions } from './getCounts';

/** Marks everything in the inbox as seen (the user opened the bell panel). */
export function markAllSeen(): Promise<BulkUpdateResult> {
  return apiFetch<BulkUpdateResult>('/api/notifications/seen-all', { method: 'POST', body: {} });
}

/** Called when the bell panel opens; "seen" is invisible in lists, so no list refetch is needed. */
export function useMarkAllSeen() {
  const queryClient = useQueryClient();
  const countsKey = countsOptions().queryKey;
  return useMutation({
    mutationFn: markAllSeen,
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: countsKey });
      const counts = queryClient.getQueryData(countsKey);
      patchCounts(queryClient, { unseen: 0 });
      const now = new Date().toISOString();
      transformLists(queryClient, (item) => (item.seenAt ? item : { ...item, seenAt: now }));
      return { counts };
    },
    onError: (_error, _vars, snapshot) => restoreCounts(queryClient, snapshot?.counts),
    onSuccess: ({ counts }) => setCountsIfNewer(queryClient, counts),
    onSettled: () => queryClient.invalidateQueries({ queryKey: countsKey }),
  });
}
