import type { QueryClient } from '@tanstack/react-query';
import type { PreferencesDto } from '@shared/schemas/preferences';
import type { InboxSocket } from '../../../lib/socket';
import { preferenceKeys, writePreferences } from '../../preferences';

/**
 * Keeps the preferences query current: `preferences.updated` (another tab, a service, an unsubscribe
 * link) replaces it, keeping this tab's unsaved-yet changes on top; after a reconnect it is refetched,
 * since events sent while offline are not replayed. Returns the function that removes the listeners.
 *
 * @example
 * const unregister = registerPreferencesHandlers(socket, queryClient);
 */
export function registerPreferencesHandlers(socket: InboxSocket, queryClient: QueryClient): () => void {
  let connectedBefore = false;
  const onUpdated = (prefs: PreferencesDto) => writePreferences(queryClient, prefs);
  const onConnect = () => {
    if (connectedBefore) void queryClient.invalidateQueries({ queryKey: preferenceKeys.detail() });
    connectedBefore = true;
  };
  socket.on('preferences.updated', onUpdated);
  socket.on('connect', onConnect);
  return () => {
    socket.off('preferences.updated', onUpdated);
    socket.off('connect', onConnect);
  };
}
