import type { QueryClient } from '@tanstack/react-query';
import type { BulkUpdateChange } from '@shared/events';
import type { NotificationDto } from '@shared/schemas/notification';
import { applyBulkChangeToLists, categoriesOptions, notificationKeys, writeToLists } from '../../inbox';

/**
 * What every inbox event source — the web app's cookie socket (`registerInboxHandlers`) and an embedded
 * inbox's `InboxClient` (`feedInboxClient`) — writes into the query cache, so both show the same thing.
 */

/** A notification the client did not hold (live or replayed): into every list it belongs to, its category into the filter. */
export function writeNewNotification(queryClient: QueryClient, item: NotificationDto): void {
  writeToLists(queryClient, item);
  const categories = queryClient.getQueryData(categoriesOptions().queryKey);
  if (categories && !categories.some((option) => option.key === item.category)) {
    // New to this inbox: offer it in the filter at once (by key), then fetch its label.
    queryClient.setQueryData(categoriesOptions().queryKey, [...categories, { key: item.category, label: item.category }]);
    void queryClient.invalidateQueries({ queryKey: categoriesOptions().queryKey });
  }
}

/**
 * A "mark all" applied on the server: the same scope (category, seq bound) on the cached lists. A bulk
 * action or an undo: each item it lists written as a `notification.updated` would be (deleted ones leave
 * every list), or the lists refetched when it changed more than an event lists (`refetch`).
 */
export function writeBulkChange(queryClient: QueryClient, change: BulkUpdateChange): void {
  for (const item of change.items ?? []) writeToLists(queryClient, item);
  applyBulkChangeToLists(queryClient, change);
  if (change.readAll || change.refetch) refetchLists(queryClient);
}

/**
 * Refetches the lists (first sync, a reset, after a catch-up): only the lists. The counts are not: the
 * server sends fresh ones after every sync, and a counts refetch racing a live event is what made a badge
 * and a list disagree.
 */
export function refetchLists(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
}
