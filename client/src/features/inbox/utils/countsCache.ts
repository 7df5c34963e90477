import type { QueryClient } from '@tanstack/react-query';
import type { InboxCounts } from '@shared/schemas/notification';
import { countsOptions } from '../api/getCounts';

/** Stores counts unless the cache already holds a newer version (socket and HTTP answers can cross). */
export function setCountsIfNewer(queryClient: QueryClient, counts: InboxCounts): void {
  queryClient.setQueryData(countsOptions().queryKey, (current) =>
    current && current.version > counts.version ? current : counts,
  );
}

/** Shifts the cached counts by a delta for an optimistic update; the version stays, so any server value wins. */
export function adjustCounts(queryClient: QueryClient, delta: { unread?: number; unseen?: number }): void {
  queryClient.setQueryData(countsOptions().queryKey, (current) =>
    current
      ? {
          ...current,
          unread: Math.max(0, current.unread + (delta.unread ?? 0)),
          unseen: Math.max(0, current.unseen + (delta.unseen ?? 0)),
        }
      : current,
  );
}

/** Replaces the cached counts outright (optimistic "all read"/"all seen"), keeping the version. */
export function patchCounts(queryClient: QueryClient, patch: Partial<Omit<InboxCounts, 'version'>>): void {
  queryClient.setQueryData(countsOptions().queryKey, (current) => (current ? { ...current, ...patch } : current));
}

/** Rolls back an optimistic change, unless a newer server value arrived meanwhile. */
export function restoreCounts(queryClient: QueryClient, snapshot: InboxCounts | undefined): void {
  if (!snapshot) return;
  queryClient.setQueryData(countsOptions().queryKey, (current) =>
    current && current.version > snapshot.version ? current : snapshot,
  );
}
