import type { QueryClient } from '@tanstack/react-query';
import type { NotificationDto } from '@shared/schemas/notification';
import { notificationKeys } from '../api/notificationKeys';
import { adjustCounts, restoreCounts, snapshotCounts, type CountsSnapshot } from './countsCache';
import { isUnread } from './filters';
import { findInLists, restoreLists, snapshotLists, writeToLists, type ListSnapshot } from './listCache';

/** The cached lists and counts before an optimistic change, to put back if the server refuses it. */
export interface InboxSnapshot {
  lists: ListSnapshot;
  counts: CountsSnapshot;
}

/**
 * Before an optimistic change: cancels list and counts fetches in flight (their answers, read before the
 * change, would overwrite it) and copies what the cache holds.
 */
export async function snapshotInbox(queryClient: QueryClient): Promise<InboxSnapshot> {
  await Promise.all([
    queryClient.cancelQueries({ queryKey: notificationKeys.lists() }),
    queryClient.cancelQueries({ queryKey: notificationKeys.counts() }),
  ]);
  return { lists: snapshotLists(queryClient), counts: snapshotCounts(queryClient) };
}

/**
 * Shows a change to some notifications before the server confirms it: each one the lists hold, as `change`
 * leaves it, is written into every list (leaving those it no longer belongs to), and the counts (the inbox's
 * and its category's) move by its unread change. Ids the client does not hold are left to the server's events.
 * Resolves with the snapshot to roll back to.
 *
 * @example
 * const snapshot = await changeOptimistically(queryClient, [id], (item) => applyPatch(item, { pinned: true }));
 */
export async function changeOptimistically(
  queryClient: QueryClient,
  ids: readonly string[],
  change: (item: NotificationDto) => NotificationDto,
): Promise<InboxSnapshot> {
  const snapshot = await snapshotInbox(queryClient);
  for (const id of ids) {
    const before = findInLists(queryClient, id);
    if (!before) continue;
    const after = change(before);
    writeToLists(queryClient, after);
    adjustCounts(queryClient, { unread: Number(isUnread(after)) - Number(isUnread(before)) }, before.category);
  }
  return snapshot;
}

/** Puts the lists and counts back as they were before a change the server refused. */
export function rollBack(queryClient: QueryClient, snapshot: InboxSnapshot | undefined): void {
  if (!snapshot) return;
  restoreLists(queryClient, snapshot.lists);
  restoreCounts(queryClient, snapshot.counts);
}

/**
 * Mutation key of one kind of inbox change (`update`, `delete`, `bulk`, `undo`); all share one prefix, so
 * the lists are refetched once after the last change in flight settles (see refetchAfterChanges).
 */
export const changeKey = (kind: string) => [...notificationKeys.all, 'change', kind] as const;

/**
 * After an inbox change settled: refetches the lists and counts, so they show the server's truth, unless
 * another change is still in flight: while the user clicks through several items an early refetch would
 * overwrite the later optimistic changes, so only the last one to settle refetches.
 */
export function refetchAfterChanges(queryClient: QueryClient): void {
  if (queryClient.isMutating({ mutationKey: [...notificationKeys.all, 'change'] }) > 1) return;
  void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
  void queryClient.invalidateQueries({ queryKey: notificationKeys.counts() });
}
