import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, SocketAuth, SyncReply } from '@shared/events';
import type { TokenSource } from './userTokens.js';

/** The typed inbox socket (event maps from shared/events.ts). */
export type InboxSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How long a `sync.request` may wait for its answer before it counts as failed (and is retried). */
const SYNC_REQUEST_TIMEOUT_MS = 10_000;

/**
 * Creates the same-origin inbox socket of one user, not yet connected. Socket.IO's own reconnection is off
 * because `SocketConnection` runs its own backoff; `auth` is a function so every reconnect sends the newest
 * seq, always with the user the seq belongs to: if the browser's cookie is another user's by then, the
 * server refuses with `session_changed` instead of replaying that user's stream into this one's inbox.
 *
 * @example
 * const socket = createInboxSocket({ userId: user.id, getLastSeq: () => tracker.watermark });
 */
export function createInboxSocket({ userId, getLastSeq }: { userId: string; getLastSeq: () => number | undefined }): InboxSocket {
  return io({
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    reconnection: false,
    auth: (cb) => cb({ lastSeq: getLastSeq(), userId } satisfies SocketAuth),
  });
}

/**
 * Creates the inbox socket of an embedded inbox, not yet connected: FlashNotify at `baseUrl` (another origin
 * than the page's), authenticated by a user token instead of a cookie. `auth` is asked on every (re)connect,
 * so each handshake carries the current token (refreshed by `tokens` when due) and the newest seq; with no
 * token to be had the handshake goes without one and is refused (`unauthorized`).
 *
 * @example
 * const socket = createUserTokenSocket({ baseUrl: 'https://notify.example.com', tokens, getLastSeq: () => tracker.watermark });
 */
export function createUserTokenSocket({ baseUrl, tokens, getLastSeq }: { baseUrl: string; tokens: TokenSource; getLastSeq: () => number | undefined }): InboxSocket {
  return io(baseUrl.replace(/\/+$/, ''), {
    path: '/socket.io',
    transports: ['websocket'],
    autoConnect: false,
    reconnection: false,
    withCredentials: false,
    auth: (cb) => {
      tokens.get().then(
        (token) => cb({ token, lastSeq: getLastSeq() } satisfies SocketAuth),
        () => cb({ lastSeq: getLastSeq() } satisfies SocketAuth),
      );
    },
  });
}

/**
 * Asks the server for every notification after `afterSeq` on the open socket (the transport of
 * `InboxSync`); rejects when no answer comes within SYNC_REQUEST_TIMEOUT_MS or the socket drops.
 *
 * @example
 * const sync = new InboxSync({ request: (afterSeq) => requestCatchUp(socket, afterSeq), handlers });
 */
export function requestCatchUp(socket: InboxSocket, afterSeq: number): Promise<SyncReply> {
  return socket.timeout(SYNC_REQUEST_TIMEOUT_MS).emitWithAck('sync.request', { afterSeq });
}
