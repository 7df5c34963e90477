import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { RequestHandler } from 'express';
import type { Session, SessionData } from 'express-session';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/events.js';
import { socketAuthSchema } from '../../shared/schemas/realtime.js';
import type { AppContext } from '../context.js';
import { InboxSessionEndedError, InboxUserGoneError, readInboxSync } from '../services/notifications/readInboxSync.js';
import type { HandshakeAdmission } from './handshakeAdmission.js';
import { authenticateHandshake, releaseAdmission, sessionForHandshake } from './handshakeSession.js';
import { sessionRoom, userRoom, userTokenSecretRoom } from './rooms.js';
import { corsPolicy } from '../middleware/corsPolicy.js';
import { socketOriginGate } from './socketOrigin.js';
import { answerSyncRequests } from './syncRequests.js';
import { endUserTokenSocketBySecret, keepUserTokenSocket, watchUserTokenSecrets } from './userTokenSockets.js';
import { readUserTokenSecretEnd, UserTokenSecretEndedError } from '../services/userTokens/readUserTokenStates.js';

declare module 'http' {
  interface IncomingMessage {
    // Set by express-session on the handshake; absent on a request it never saw.
    session: Session & Partial<SessionData>;
    sessionID: string;
  }
}

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * Socket.IO on the app's HTTP server, authenticated by the express-session cookie or a host-signed user
 * token (`auth.token`, ended with the token: keepUserTokenSocket). Each socket joins only
 * its user's room and its session's room; clients cannot join anything, but may ask for a gap in their
 * stream (`sync.request`). Re-validation against the sessions: startSessionRevalidation.
 */
export function createSocketServer(
  httpServer: HttpServer,
  ctx: AppContext,
  sessionMiddleware: RequestHandler,
  /** The gate handshakes take a place in (SOCKET_HANDSHAKES_IN_FLIGHT). */
  admission: HandshakeAdmission,
  /** Resolves when room joins are effective cluster-wide (the Redis adapter subscribes asynchronously). */
  roomsReady: () => Promise<void> = async () => {},
): IoServer {
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 15_000,
    allowRequest: socketOriginGate(ctx),
    cors: corsPolicy(ctx.config),
  });
  io.engine.use(sessionForHandshake(sessionMiddleware));
  io.use(authenticateHandshake(ctx.log, admission, ctx.userTokens));
  // A rotation or revocation reaches the token sockets of its secret on every node at once.
  watchUserTokenSecrets(ctx, io);

  io.on('connection', (socket) => {
    answerSyncRequests(ctx, socket);
    keepUserTokenSocket(ctx, socket);
    syncOnConnect(ctx, socket, roomsReady)
      .catch((err: unknown) => {
        // A user deleted while its socket connected is a race, not a fault.
        if (err instanceof InboxUserGoneError) ctx.log.info({ userId: socket.data.userId }, 'User gone while its socket connected');
        // The connection was opened before its session ended (logout, password reset) and connected after.
        else if (err instanceof InboxSessionEndedError || err instanceof UserTokenSecretEndedError) {
          ctx.log.info({ userId: socket.data.userId }, 'Session or signing secret ended before its socket connected');
        }
        else ctx.log.error({ err, userId: socket.data.userId }, 'Replay after connect failed');
        socket.disconnect(true);
      })
      .finally(() => {
        releaseAdmission(socket);
        forgetHandshakeRequest(socket);
      });
  });
  return io;
}

/**
 * Lets what the handshake's HTTP request carries be garbage-collected once the socket is synced: engine.io
 * keeps the request for the socket's life, and with it the upgrade's ServerResponse, the session and the
 * raw headers, which nothing reads later (Socket.IO's docs, "Memory usage": RSS per idle socket 32.6 →
 * 15.2 KiB with the replay changes). The request object itself stays, unlike their advice
 * (`socket.conn.request = null`): engine.io's socket objects are on the emit path, and a bench run with
 * that variant was slower (not conclusive on this noisy machine, but nothing is lost by keeping them as is).
 * Runs after the sync, never in the same tick as the `connection` listeners: sessionRevalidation reads the
 * session's expiry there.
 */
function forgetHandshakeRequest(socket: IoSocket): void {
  const request = socket.request as IncomingMessage & { res?: unknown; session?: unknown; sessionStore?: unknown };
  request.res = undefined;
  request.session = undefined as never;
  request.sessionStore = undefined;
  request.rawHeaders = [];
}

/**
 * Joins the rooms first, then replays what the client missed since the seq it sent, then counts: the
 * order that guarantees no gap (see readInboxSync). Duplicates are possible and dropped by id
 * on the client.
 */
async function syncOnConnect(ctx: AppContext, socket: IoSocket, roomsReady: () => Promise<void>): Promise<void> {
  const { data } = socket;
  const { userId } = data;
  // The second room lets one logout, or one secret's revocation, reach exactly the sockets it ends.
  await socket.join([userRoom(userId), data.via === 'session' ? sessionRoom(data.sessionId) : userTokenSecretRoom(data.secretId)]);
  await roomsReady();
  // A secret revoked or rotated between the token's check and the join above (or checked from a cache
  // that had not heard of it yet) missed this socket: checked again now that a later change reaches it, and
  // the socket ends with a retiring secret (the session's own check is in readInboxSync).
  if (data.via === 'userToken' && data.secretId !== null) {
    const secret = await readUserTokenSecretEnd(ctx.db, data.secretId);
    if (!secret) throw new UserTokenSecretEndedError();
    endUserTokenSocketBySecret(socket, secret.endsAt);
  }
  const { lastSeq } = socketAuthSchema.parse(socket.handshake.auth ?? {});
  // Without a lastSeq (a fresh client loads its lists over REST) only the stream's position is needed.
  const { latestSeq, missed, counts } = await readInboxSync(ctx.raw, userId, lastSeq, data.via === 'session' ? data.sessionId : undefined);
  let replayed = 0;
  if (missed?.kind === 'reset') socket.emit('sync.reset', { latestSeq });
  else if (missed) {
    for (const item of missed.items) socket.emit('notification.created', item, { replayed: true });
    replayed = missed.items.length;
  }
  if (missed) ctx.metrics.replayServed('connect', missed.kind, replayed);
  socket.emit('counts.updated', counts);
  socket.emit('sync.done', { latestSeq, replayed, userId });
}
