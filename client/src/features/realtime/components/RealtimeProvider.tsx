import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { SeqWatermark } from '@shared/inboxSync';
import { SocketConnection } from '../../../lib/connection';
import { createInboxSocket } from '../../../lib/socket';
import { sessionOptions } from '../../auth';
import { showNotificationToast, showReplaySummaryToast } from '../utils/notificationToasts';
import { registerInboxHandlers } from '../utils/registerInboxHandlers';
import { registerPreferencesHandlers } from '../utils/registerPreferencesHandlers';
import { RealtimeContext } from './realtimeContext';

/**
 * Owns the app's one inbox socket for as long as a user is signed in: connects it, keeps it connected
 * and feeds its events into the query cache.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // Handlers are registered once; they read the latest navigate through this ref.
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);
  const [connection, setConnection] = useState<SocketConnection | null>(null);

  useEffect(() => {
    // No watermark yet: the first handshake asks for no replay, and the first sync.done sets it.
    const tracker = new SeqWatermark();
    const socket = createInboxSocket(() => tracker.watermark);
    const openInbox = () => void navigateRef.current('/');
    const unregisterInbox = registerInboxHandlers(socket, {
      queryClient,
      tracker,
      onLive: (item) => showNotificationToast(item, openInbox),
      onReplayed: (count, critical) => showReplaySummaryToast(count, openInbox, critical),
    });
    const unregisterPreferences = registerPreferencesHandlers(socket, queryClient);
    const live = new SocketConnection(socket, {
      // The session ended server-side: RequireAuth sees `null` and redirects to /login.
      onUnauthorized: () => queryClient.setQueryData(sessionOptions().queryKey, null),
    });
    setConnection(live);
    live.start();
    return () => {
      live.stop();
      unregisterInbox();
      unregisterPreferences();
    };
  }, [queryClient]);

  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}
