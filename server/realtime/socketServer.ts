import type { Server as HttpServer } from 'node:http';
import type { RequestHandler } from 'express';
import type { Session, SessionData } from 'express-session';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/events.js';
import { socketAuthSchema } from '../../shared/schemas/realtime.js';
import type { AppContext } from '../context.js';
import { getInboxSeq } from '../services/notifications/getInboxSeq.js';
import { getInboxCounts } from '../services/notifications/inboxCounts.js';
import { listMissedNotifications } from '../services/notifications/listMissedNotifications.js';
import { authenticateHandshake, sessionForHandshake } from './handshakeSession.js';
import { sessionRoom, userRoom } from './rooms.js';
import { socketOriginGate } from './socketOrigin.js';
import { answerSyncRequests } from './syncRequests.js';

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
 * Socket.IO on the app's HTTP server, authenticated by the express-session cookie. Each socket joins only
 * its user's room and its session's room; clients cannot join anything, but may ask for a gap in their
 * stream (`sync.request`). Re-validation against the sessions: startSessionRevalidation.
 */
export function createSocketServer(
  httpServer: HttpServer,
  ctx: AppContext,
  sessionMiddleware: RequestHandler,
  /** Resolves when room joins are effective cluster-wide (the Redis adapter subscribes asynchronously). */
  roomsReady: () => Promise<void> = async () => {},
): IoServer {
  const io: IoServer = new Server(httpServer, {
    serveClient: false,
    pingInterval: 20_000,
    pingTimeout: 15_000,
    allowRequest: socketOriginGate(ctx),
  });
  io.engine.use(sessionForHandshake(sessionMiddleware));
  io.use(authenticateHandshake(ctx.log));

  io.on('connection', (socket) => {
    answerSyncRequests(ctx, socket);
    syncOnConnect(ctx, socket, roomsReady).catch((err: unknown) => {
      ctx.log.error({ err, userId: socket.data.userId }, 'Replay after connect failed');
      socket.disconnect(true);
    });
  });
  return io;
}

/**
 * Joins the rooms first, then replays what the client missed since the seq it sent, then counts: the
 * order that guarantees no gap (see listMissedNotifications). Duplicates are possible and dropped by id
 * on the client.
 */
async function syncOnConnect(ctx: AppContext, socket: IoSocket, roomsReady: () => Promise<void>): Promise<void> {
  const { userId, sessionId } = socket.data;
  await socket.join([userRoom(userId), sessionRoom(sessionId)]);
  await roomsReady();
  const { lastSeq } = socketAuthSchema.parse(socket.handshake.auth ?? {});

  let latestSeq: number;
  let replayed = 0;
  if (lastSeq === undefined) {
    // A fresh client loads its lists over REST; it only needs to know where the stream stands.
    latestSeq = await getInboxSeq(ctx.db, userId);
  } else {
    const missed = await listMissedNotifications(ctx.db, userId, lastSeq);
    latestSeq = missed.latestSeq;
    if (missed.kind === 'reset') socket.emit('sync.reset', { latestSeq });
    else {
      for (const item of missed.items) socket.emit('notification.created', item, { replayed: true });
      replayed = missed.items.length;
    }
  }
  socket.emit('counts.updated', await getInboxCounts(ctx.db, userId));
  socket.emit('sync.done', { latestSeq, replayed });
}
