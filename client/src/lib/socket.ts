import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SocketAuth } from '@shared/events';

/** The typed inbox socket (event maps from shared/events.ts). */
export type InboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Creates the same-origin inbox socket, not yet connected. Socket.IO's own reconnection is off because
 * `SocketConnection` runs its own backoff; `auth` is a function so every reconnect sends the newest seq.
 *
 * @example
 * const socket = createInboxSocket(() => tracker.watermark);
 */
export function createInboxSocket(getLastSeq: () => number | undefined): InboxSocket {
  return io({
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    reconnection: false,
    auth: (cb) => cb({ lastSeq: getLastSeq() } satisfies SocketAuth),
  });
}
