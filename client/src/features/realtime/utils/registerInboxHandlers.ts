import type { QueryClient } from '@tanstack/react-query';
import type { InboxCounts, NotificationDto } from '@shared/schemas/notification';
import type { BulkUpdateChange, CreatedMeta } from '@shared/events';
import { InboxSync, type SeqWatermark } from '@shared/inboxSync';
import { requestCatchUp, type InboxSocket } from '../../../lib/socket';
import { notificationKeys, setCountsIfNewer, writeToLists } from '../../inbox';
import { refetchLists, writeBulkChange, writeNewNotification } from './inboxCacheWriters';

interface InboxHandlerDeps {
  queryClient: QueryClient;
  tracker: SeqWatermark;
  /** A notification arrived live (not as part of a reconnect replay). */
  onLive: (item: NotificationDto) => void;
  /** A reconnect replay or a catch-up delivered `count` notifications the client had missed, `critical` of them critical and unread. */
  onReplayed: (count: number, critical: number) => void;
}

/**
 * Registers the socket's server-event listeners once; they write the query cache so lists and counts
 * stay current without refetching. A jump in `seq` on the live stream is filled at once over the same
 * socket (`InboxSync` + `sync.request`), without reconnecting. Returns the function that removes them.
 */
export function registerInboxHandlers(socket: InboxSocket, deps: InboxHandlerDeps): () => void {
  const { queryClient, tracker } = deps;
  // Critical items among the replay or catch-up in progress: its summary toast must not vanish by itself either.
  let replayedCritical = 0;
  const summarizeReplay = (count: number) => {
    deps.onReplayed(count, replayedCritical);
    replayedCritical = 0;
  };
  const handleNew = (item: NotificationDto, meta?: CreatedMeta) => {
    writeNewNotification(queryClient, item);
    // Replays are summed up in one toast at sync.done; archived ones (in-app turned off) never toast.
    if (item.archivedAt !== null) return;
    if (!meta?.replayed) deps.onLive(item);
    else if (item.priority === 'critical' && item.readAt === null) replayedCritical += 1;
  };
  const onCounts = (counts: InboxCounts) => setCountsIfNewer(queryClient, counts);
  const refetchEverything = () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const sync = new InboxSync(
    {
      request: (afterSeq) => requestCatchUp(socket, afterSeq),
      handlers: {
        created: handleNew,
        counts: onCounts,
        reset: refetchEverything,
        caughtUp: (count) => {
          summarizeReplay(count);
          // Read/archive changes carry no seq: whatever dropped the missed notifications may have dropped
          // those too, so the lists are refetched once.
          refetchLists(queryClient);
        },
      },
    },
    tracker,
  );

  const onConnect = () => sync.connected();
  const onDisconnect = () => sync.disconnected();
  const onCreated = (item: NotificationDto, meta?: CreatedMeta) => {
    if (sync.received(item, meta)) handleNew(item, meta); // else a replay of something already held
    if (meta?.counts) onCounts(meta.counts); // versioned: an older one than held is ignored
  };
  const onUpdated = (item: NotificationDto) => writeToLists(queryClient, item);
  const onBulkUpdated = (change: BulkUpdateChange) => writeBulkChange(queryClient, change);
  const onReset = ({ latestSeq }: { latestSeq: number }) => {
    sync.syncReset(latestSeq);
    refetchEverything();
  };
  const onSyncDone = ({ latestSeq, replayed }: { latestSeq: number; replayed: number }) => {
    if (tracker.watermark === undefined) {
      // First sync of this page: lists fetched before the socket joined its room may miss what was
      // sent in between, so refetch them once; from here on the watermark covers every gap.
      refetchLists(queryClient);
    }
    sync.syncDone(latestSeq);
    if (replayed > 0) summarizeReplay(replayed);
    else replayedCritical = 0;
  };

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('notification.created', onCreated);
  socket.on('notification.updated', onUpdated);
  socket.on('notifications.bulkUpdated', onBulkUpdated);
  socket.on('counts.updated', onCounts);
  socket.on('sync.reset', onReset);
  socket.on('sync.done', onSyncDone);
  return () => {
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    socket.off('notification.created', onCreated);
    socket.off('notification.updated', onUpdated);
    socket.off('notifications.bulkUpdated', onBulkUpdated);
    socket.off('counts.updated', onCounts);
    socket.off('sync.reset', onReset);
    socket.off('sync.done', onSyncDone);
  };
}
