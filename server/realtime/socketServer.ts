import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { RequestHandler } from 'express';
import type { Session, SessionData } from 'express-session';
import { Server, type Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '../../shared/events.js';
import { socketAuthSchema } from '../../shared/schemas/realtime.js';
import type { AppContext } from '../context.js';
import { readInboxSync } from '../services/notifications/readInboxSync.js';
import { HandshakeAdmission } from './handshakeAdmission.js';
import { admissionOf, authenticateHandshake, releaseAdmission, sessionForHandshake } from './handshakeSession.js';
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
  const admission = new HandshakeAdmission(ctx.config.socketHandshakesInFlight);
  io.engine.use(sessionForHandshake(sessionMiddleware, admission));
  // A handshake's place in the gate is freed however it ends: refused by the origin check (engine.io's
  // connection_error), refused by the auth step (authenticateHandshake), replayed (below), or its
  // connection closed first.
  io.engine.on('connection_error', ({ req }: { req: IncomingMessage }) => releaseAdmission(req));
  io.engine.on('connection', (engineSocket: { request: IncomingMessage; once(event: 'close', listener: () => void): void }) => {
    const ticket = admissionOf(engineSocket.request);
    if (ticket) engineSocket.once('close', ticket.release);
  });
  io.use(authenticateHandshake(ctx.log));

  io.on('connection', (socket) => {
    answerSyncRequests(ctx, socket);
    syncOnConnect(ctx, socket, roomsReady)
      .catch((err: unknown) => {
        ctx.log.error({ err, userId: socket.data.userId }, 'Replay after connect failed');
        socket.disconnect(true);
      })
      .finally(() => {
        releaseAdmission(socket.request);
        forgetHandshakeRequest(socket);
      });
  });
  return io;
}

/**
 * Lets the handshake's HTTP request (headers twice over, the session, the cookie parser's leftovers) be
 * garbage-collected once the socket is synced: nothing reads it later, and engine.io would keep it for
 * the socket's life. Socket.IO's own advice for memory per socket (docs, "Memory usage").
 */
function forgetHandshakeRequest(socket: IoSocket): void {
  (socket.conn as { request: IncomingMessage | null }).request = null;
}

/**
 * Joins the rooms first, then replays what the client missed since the seq it sent, then counts: the
 * order that guarantees no gap (see readInboxSync). Duplicates are possible and dropped by id
 * on the client.
 */
async function syncOnConnect(ctx: AppContext, socket: IoSocket, roomsReady: () => Promise<void>): Promise<void> {
  const { userId, sessionId } = socket.data;
  await socket.join([userRoom(userId), sessionRoom(sessionId)]);
  await roomsReady();
  const { lastSeq } = socketAuthSchema.parse(socket.handshake.auth ?? {});
  // Without a lastSeq (a fresh client loads its lists over REST) only the stream's position is needed.
  const { latestSeq, missed, counts } = await readInboxSync(ctx.raw, userId, lastSeq);
  let replayed = 0;
  if (missed?.kind === 'reset') socket.emit('sync.reset', { latestSeq });
  else if (missed) {
    for (const item of missed.items) socket.emit('notification.created', item, { replayed: true });
    replayed = missed.items.length;
  }
  socket.emit('counts.updated', counts);
  socket.emit('sync.done', { latestSeq, replayed });
}
