import type { QueryClient } from '@tanstack/react-query';
import type { InboxCounts, NotificationDto } from '@shared/schemas/notification';
import type { SeqWatermark } from '@shared/inboxSync';
import type { InboxSocket } from '../../../lib/socket';
import { categoriesOptions } from '../../inbox/api/getCategories';
import { notificationKeys } from '../../inbox/api/notificationKeys';
import { setCountsIfNewer } from '../../inbox/utils/countsCache';
import { isUnread } from '../../inbox/utils/filters';
import { transformLists, writeToLists } from '../../inbox/utils/listCache';

interface InboxHandlerDeps {
  queryClient: QueryClient;
  tracker: SeqWatermark;
  /** A notification arrived live (not as part of a reconnect replay). */
  onLive: (item: NotificationDto) => void;
  /** A reconnect replayed `count` notifications the client had missed, `critical` of them critical. */
  onReplayed: (count: number, critical: number) => void;
}

/**
 * Registers the socket's server-event listeners once; they write the query cache so lists and counts
 * stay current without refetching. Returns the function that removes them.
 */
export function registerInboxHandlers(socket: InboxSocket, deps: InboxHandlerDeps): () => void {
  const { queryClient, tracker } = deps;
  // Critical items among the replay in progress: its summary toast must not vanish by itself either.
  let replayedCritical = 0;
  const onCreated = (item: NotificationDto, meta?: { replayed: true }) => {
    if (!tracker.accept(item)) return; // replay of something already held
    writeToLists(queryClient, item);
    const categories = queryClient.getQueryData(categoriesOptions().queryKey);
    if (categories && !categories.some((option) => option.key === item.category)) {
      // New to this inbox: offer it in the filter at once (by key), then fetch its label.
      queryClient.setQueryData(categoriesOptions().queryKey, [...categories, { key: item.category, label: item.category }]);
      void queryClient.invalidateQueries({ queryKey: categoriesOptions().queryKey });
    }
    // Replays are summed up in one toast at sync.done; archived ones (in-app turned off) never toast.
    if (item.archivedAt !== null) return;
    if (!meta?.replayed) deps.onLive(item);
    else if (item.priority === 'critical' && item.readAt === null) replayedCritical += 1;
  };
  const onUpdated = (item: NotificationDto) => writeToLists(queryClient, item);
  const onBulkUpdated = (change: { readAll?: boolean; seenAll?: boolean; category?: string }) => {
    const now = new Date().toISOString();
    if (change.seenAll) transformLists(queryClient, (item) => (item.seenAt ? item : { ...item, seenAt: now }));
    if (change.readAll) {
      const affects = (item: NotificationDto) =>
        isUnread(item) && (!change.category || item.category === change.category);
      transformLists(queryClient, (item) => (affects(item) ? { ...item, readAt: now } : item));
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
    }
  };
  const onCounts = (counts: InboxCounts) => setCountsIfNewer(queryClient, counts);
  const onReset = ({ latestSeq }: { latestSeq: number }) => {
    tracker.reset(latestSeq);
    void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  };
  const onSyncDone = ({ latestSeq, replayed }: { latestSeq: number; replayed: number }) => {
    if (tracker.watermark === undefined) {
      // First sync of this page: lists fetched before the socket joined its room may miss what was
      // sent in between, so refetch them once; from here on the watermark covers every gap.
      void queryClient.invalidateQueries({ queryKey: notificationKeys.lists() });
    }
    tracker.confirmUpTo(latestSeq);
    if (replayed > 0) deps.onReplayed(replayed, replayedCritical);
    replayedCritical = 0;
  };

  socket.on('notification.created', onCreated);
  socket.on('notification.updated', onUpdated);
  socket.on('notifications.bulkUpdated', onBulkUpdated);
  socket.on('counts.updated', onCounts);
  socket.on('sync.reset', onReset);
  socket.on('sync.done', onSyncDone);
  return () => {

    socket.off('notification.created', onCreated);
    socket.off('notification.updated', onUpdated);
    socket.off('notifications.bulkUpdated', onBulkUpdated);
    socket.off('counts.updated', onCounts);
    socket.off('sync.reset', onReset);
    socket.off('sync.done', onSyncDone);
  };
}
