import type { InboxSocket } from '../../../lib/socket';

/**
 * Calls `onReconnect` on every connect after the first: the server ends a user's sockets when their role
 * changes (or their session does), so a reconnect is when the session is worth reading again (the
 * navigation and admin pages follow the role at once). Returns the function that removes the listener.
 *
 * @example
 * const unregister = registerSessionHandlers(socket, () => refreshSession(queryClient));
 */
export function registerSessionHandlers(socket: InboxSocket, onReconnect: () => void): () => void {
  let connectedBefore = false;
  const onConnect = () => {
    if (connectedBefore) onReconnect();
    connectedBefore = true;
  };
  socket.on('connect', onConnect);
  return () => {
    socket.off('connect', onConnect);
  };
}
