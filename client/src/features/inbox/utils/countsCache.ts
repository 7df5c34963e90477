import type { QueryClient } from '@tanstack/react-query';
import type { InboxCounts } from '@shared/schemas/notification';
import { countsOptions } from '../api/getCounts';
import { notificationKeys } from '../api/notificationKeys';

/** Cached counts (whole inbox and per category) by key, to restore after a failed optimistic update. */
export type CountsSnapshot = Array<[readonly unknown[], InboxCounts | undefined]>;

/**
 * Stores counts unless the cache already holds a newer version (socket and HTTP answers can cross).
 * Category counts older than them are stale from now on: they are fetched again (only the views that
 * show them), since no event carries per-category counts.
 */
export function setCountsIfNewer(queryClient: QueryClient, counts: InboxCounts): void {
  queryClient.setQueryData(countsOptions().queryKey, (current) =>
    current && current.version > counts.version ? current : counts,
  );
  void queryClient.invalidateQueries({
    queryKey: notificationKeys.counts(),
    predicate: (query) =>
      query.queryKey.length > notificationKeys.counts().length &&
      ((query.state.data as InboxCounts | undefined)?.version ?? -1) < counts.version,
  });
}

/**
 * Shifts the cached counts by a delta for an optimistic update — the whole inbox's and, with `category`,
 * that category's too; versions stay, so any server value wins.
 */
export function adjustCounts(queryClient: QueryClient, delta: { unread?: number; unseen?: number }, category?: string): void {
  const shift = (current: InboxCounts | undefined) =>
    current
      ? {
          ...current,
          unread: Math.max(0, current.unread + (delta.unread ?? 0)),
          unseen: Math.max(0, current.unseen + (delta.unseen ?? 0)),
        }
      : current;
  queryClient.setQueryData(countsOptions().queryKey, shift);
  if (category) queryClient.setQueryData<InboxCounts>(notificationKeys.categoryCounts(category), shift);
}

/**
 * Replaces the cached counts (of the whole inbox, or of `category`) outright for an optimistic
 * "all read"/"all seen", keeping the version so any server value wins.
 */
export function patchCounts(
  queryClient: QueryClient,
  patch: Partial<Omit<InboxCounts, 'version'>>,
  category?: string,
): void {
  const key = category ? notificationKeys.categoryCounts(category) : countsOptions().queryKey;
  queryClient.setQueryData<InboxCounts>(key, (current) => (current ? { ...current, ...patch } : current));
}

/** The cached counts of `category`, if that view was shown. */
export function getCategoryCounts(queryClient: QueryClient, category: string): InboxCounts | undefined {
  return queryClient.getQueryData<InboxCounts>(notificationKeys.categoryCounts(category));
}

/** Copies every cached counts entry, before an optimistic write. */
export function snapshotCounts(queryClient: QueryClient): CountsSnapshot {
  return queryClient.getQueriesData<InboxCounts>({ queryKey: notificationKeys.counts() });
}

/** Rolls back an optimistic change, entry by entry, unless a newer server value arrived meanwhile. */
export function restoreCounts(queryClient: QueryClient, snapshot: CountsSnapshot | InboxCounts | undefined): void {
  if (!snapshot) return;
  const entries: CountsSnapshot = Array.isArray(snapshot) ? snapshot : [[countsOptions().queryKey, snapshot]];
  for (const [key, saved] of entries) {
    if (!saved) continue;
    queryClient.setQueryData<InboxCounts>(key, (current) => (current && current.version > saved.version ? current : saved));
  }
}
