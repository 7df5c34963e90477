import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { SessionData } from 'express-session';
import type { ExtendedError } from 'socket.io';
import { socketAuthSchema } from '../../shared/schemas/realtime.js';
import { SESSION_CHANGED } from '../../shared/sessionIdentity.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { UNAVAILABLE_RETRY_AFTER_S } from '../errors.js';
import type { Logger } from '../logger.js';
import type { HandshakeAdmission } from './handshakeAdmission.js';
import type { IoSocket } from './socketServer.js';

/** The handshake request as the session middleware leaves it. */
type HandshakeRequest = IncomingMessage & {
  _query?: Record<string, string>;
  session?: Partial<SessionData> & { cookie?: { expires?: Date | null } };
  sessionID?: string;
  /** Set when the session store failed (database unreachable): the auth step answers "unavailable". */
  sessionError?: unknown;
};

/** The longest an admitted handshake holds its place, in ms (a replay takes milliseconds). */
const MAX_PLACE_HOLD_MS = 10_000;

/** The places admitted sockets hold in the admission gate until their replay has been sent. */
const admitted = new WeakMap<IoSocket, { release: () => void }>();

/** Frees the socket's place in the admission gate (any number of times; a no-op without one). */
export function releaseAdmission(socket: IoSocket): void {
  admitted.get(socket)?.release();
  admitted.delete(socket);
}

/**
 * Runs the session middleware on the handshake request only (not on every polling request) and keeps a
 * store failure on the request instead of failing the transport: the auth step then refuses with
 * `unavailable`, which the client retries, instead of a transport error or a false `unauthorized`.
 */
export function sessionForHandshake(middleware: RequestHandler) {
  return (req: HandshakeRequest, res: ServerResponse, next: (err?: unknown) => void) => {
    if (req._query?.sid !== undefined) return next();
    middleware(req as never, res as never, (err?: unknown) => {
      if (err) req.sessionError = err;
      next();
    });
  };
}

/**
 * The Socket.IO auth step: a signed-in session and a valid `auth` payload, else `connect_error` with
 * message `unauthorized`, `invalid_handshake: <field>: <problem>`, `unavailable` (the node is taking too
 * many handshakes at once, or the session could not be read; `data.retryAfterMs` says when to try again),
 * or `session_changed`: the client said it acts for `auth.userId` but the cookie's session is another
 * user's (another tab signed out and in as someone else). Refusing it here means nothing is joined or
 * replayed: the client's `lastSeq` was counted in the other user's stream, and what it would get is not
 * what its screen says it shows.
 *
 * Only a handshake that passed every check takes a place in `admission` (so nobody without a session can
 * fill it), held until its replay has been sent (releaseAdmission), its connection closes, or
 * MAX_PLACE_HOLD_MS has passed, whichever comes first.
 */
export function authenticateHandshake(log: Logger, admission: HandshakeAdmission) {
  const unavailable = (retryAfterMs: number): ExtendedError => Object.assign(new Error('unavailable'), { data: { retryAfterMs } });
  const refusal = (socket: IoSocket): ExtendedError | undefined => {
    const { session, sessionID, sessionError } = socket.request as HandshakeRequest;
    if (sessionError) {
      if (!isDatabaseUnavailable(sessionError)) log.error({ err: sessionError }, 'Session lookup failed on a socket handshake');
      // Spread out: every client of the node was refused at once and must not come back at once.
      return unavailable(Math.round(UNAVAILABLE_RETRY_AFTER_S * 1000 * (0.5 + Math.random())));
    }
    if (!session?.userId || !sessionID) return new Error('unauthorized');
    const auth = socketAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (!auth.success) {
      const [issue] = auth.error.issues;
      return new Error(`invalid_handshake: auth.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
    }
    if (auth.data.userId !== undefined && auth.data.userId !== session.userId) return new Error(SESSION_CHANGED);
    const place = admission.tryEnter();
    if ('retryAfterMs' in place) return unavailable(place.retryAfterMs);
    // Socket.IO drops a socket whose connection closed while this step ran without ever emitting
    // `connection` (where the place is normally given back): a client could send CONNECT and close in one
    // polling payload and keep the place for good. So the place also goes with the connection, and after
    // MAX_PLACE_HOLD_MS at the latest (a replay waiting on Redis during an outage must not hold it forever).
    const timer = setTimeout(() => releaseAdmission(socket), MAX_PLACE_HOLD_MS);
    timer.unref();
    admitted.set(socket, {
      release: () => {
        clearTimeout(timer);
        place.release();
      },
    });
    if (socket.conn.readyState !== 'open') {
      releaseAdmission(socket);
      return new Error('closed');
    }
    socket.conn.once('close', () => releaseAdmission(socket));
    socket.data = { userId: session.userId, sessionId: sessionID };
    return undefined;
  };
  return (socket: IoSocket, next: (err?: ExtendedError) => void) => next(refusal(socket));
}

/** When the handshake's session expires (the store reports its `expiresAt` as the cookie's expiry). */
export function handshakeSessionExpiry(socket: IoSocket): Date | undefined {
  const expires = (socket.request as HandshakeRequest).session?.cookie?.expires;
  return expires ? new Date(expires) : undefined;
}
