import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router';
import { toast } from 'sonner';
import { SeqWatermark } from '@shared/inboxSync';
import { SocketConnection } from '../../../lib/connection';
import { createInboxSocket } from '../../../lib/socket';
import { endSession, refreshSession, reloadSession, useCurrentUser } from '../../auth';
import { showNotificationToast, showReplaySummaryToast } from '../utils/notificationToasts';
import { registerInboxHandlers } from '../utils/registerInboxHandlers';
import { registerPreferencesHandlers } from '../utils/registerPreferencesHandlers';
import { registerSessionHandlers } from '../utils/registerSessionHandlers';
import { RealtimeContext } from './realtimeContext';

/**
 * Owns the app's one inbox socket for as long as a user is signed in: connects it, keeps it connected
 * and feeds its events into the query cache. The socket, its watermark and its toasts belong to one user:
 * when the session turns out to be another user's, the socket stops and the app starts over for them.
 */
export function RealtimeProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const userId = useCurrentUser().id;
  // Handlers are registered once; they read the latest navigate through this ref.
  const navigateRef = useRef(navigate);
  // Toasts speak the language of the moment they show, not of when the socket was set up.
  const intl = useIntl();
  const intlRef = useRef(intl);
  useEffect(() => {
    navigateRef.current = navigate;
    intlRef.current = intl;
  }, [navigate, intl]);
  const [connection, setConnection] = useState<SocketConnection | null>(null);

  useEffect(() => {
    // No watermark yet: the first handshake asks for no replay, and the first sync.done sets it.
    const tracker = new SeqWatermark();
    const socket = createInboxSocket({ userId, getLastSeq: () => tracker.watermark });
    const openInbox = () => void navigateRef.current('/');
    const unregisterInbox = registerInboxHandlers(socket, {
      queryClient,
      tracker,
      onLive: (item) => showNotificationToast(intlRef.current, item, openInbox),
      onReplayed: (count, critical) => showReplaySummaryToast(intlRef.current, count, openInbox, critical),
    });
    const unregisterPreferences = registerPreferencesHandlers(socket, queryClient);
    // A role change ends the user's sockets: each reconnect re-reads the session, so the navigation and
    // the admin pages follow the role at once.
    const unregisterSession = registerSessionHandlers(socket, () => refreshSession(queryClient));
    const live = new SocketConnection(socket, {
      // The session ended server-side: RequireAuth sees `null` and redirects to /login.
      onUnauthorized: () => endSession(queryClient),
      // Another tab signed this browser in as someone else: nothing of this user's stays on screen.
      onSessionChanged: () => reloadSession(queryClient),
    });
    setConnection(live);
    live.start();
    return () => {
      live.stop();
      unregisterInbox();
      unregisterPreferences();
      unregisterSession();
      // Toasts show this user's notifications; they must not stay up for whoever comes next.
      toast.dismiss();
    };
  }, [queryClient, userId]);

  return <RealtimeContext.Provider value={connection}>{children}</RealtimeContext.Provider>;
}
