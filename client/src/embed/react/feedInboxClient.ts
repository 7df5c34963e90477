import type { QueryClient } from '@tanstack/react-query';
import type { InboxClient } from '../inboxClient';
import { setCountsIfNewer, writeToLists } from '../../features/inbox';
import { preferenceKeys, writePreferences } from '../../features/preferences';
import { refetchLists, writeBulkChange, writeNewNotification } from '../../features/realtime';

/**
 * Feeds an `InboxClient`'s events into a QueryClient with the web app's own cache writers, so the embedded
 * components show exactly what the app's would: new notifications into the lists, read/archive changes,
 * "mark all", versioned counts, preferences. A reset (first sync, or too much missed) refetches the lists
 * only; the server sends fresh counts after every sync. Another user's token (the host's user changed)
 * resets every query. Returns the function that removes the listeners.
 *
 * @example
 * const stop = feedInboxClient(inbox, queryClient);
 * inbox.connect();
 */
export function feedInboxClient(client: InboxClient, queryClient: QueryClient): () => void {
  let connectedBefore = false;
  const removers = [
    client.on('notification', (item) => writeNewNotification(queryClient, item)),
    client.on('updated', (item) => writeToLists(queryClient, item)),
    client.on('bulkUpdated', (change) => writeBulkChange(queryClient, change)),
    client.on('counts', (counts) => setCountsIfNewer(queryClient, counts)),
    client.on('reset', () => refetchLists(queryClient)),
    // The host's signed-in user changed: every query is the previous user's (lists, counts, categories,
    // preferences); reset to empty and refetched as the new one.
    client.on('userChanged', () => void queryClient.resetQueries()),
    client.on('preferences', (prefs) => writePreferences(queryClient, prefs)),
    client.on('connection', ({ state }) => {
      if (state !== 'connected') return;
      // Preference changes are not replayed: after a reconnect they are read again.
      if (connectedBefore) void queryClient.invalidateQueries({ queryKey: preferenceKeys.detail() });
      connectedBefore = true;
    }),
  ];
  return () => {
    for (const remove of removers) remove();
  };
}
