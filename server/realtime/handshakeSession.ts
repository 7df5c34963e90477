import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { SessionData } from 'express-session';
import type { ExtendedError } from 'socket.io';
import { socketAuthSchema } from '../../shared/schemas/realtime.js';
import type { SocketAuth, SocketData } from '../../shared/events.js';
import { SESSION_CHANGED } from '../../shared/sessionIdentity.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { UNAVAILABLE_RETRY_AFTER_S } from '../errors.js';
import type { Logger } from '../logger.js';
import { UserTokenError, type UserTokenVerifier } from '../services/userTokens/verifyUserToken.js';
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
 * The Socket.IO auth step. Two ways in:
 * - a host-signed user token in `auth.token` (the embedded inbox; createUserTokenVerifier's rules): refused
 *   with the token's code (`token_expired`, `invalid_token`, `unknown_user`);
 * - otherwise the session cookie: a signed-in session, else `unauthorized`.
 * Either way a valid `auth` payload, else `invalid_handshake: <field>: <problem>`; `unavailable` when the
 * node is taking too many handshakes at once or the session or token could not be checked
 * (`data.retryAfterMs` says when to try again); and `session_changed` when the client said it acts for
 * `auth.userId` but the session (or token) is another user's (another tab signed out and in as someone
 * else). Refusing it here means nothing is joined or replayed: the client's `lastSeq` was counted in the
 * other user's stream, and what it would get is not what its screen says it shows.
 *
 * Only a handshake that passed every check takes a place in `admission` (so nobody without a session or a
 * valid token can fill it), held until its replay has been sent (releaseAdmission), its connection closes,
 * or MAX_PLACE_HOLD_MS has passed, whichever comes first.
 */
export function authenticateHandshake(log: Logger, admission: HandshakeAdmission, verifyUserToken: UserTokenVerifier) {
  const unavailable = (retryAfterMs: number): ExtendedError => Object.assign(new Error('unavailable'), { data: { retryAfterMs } });
  // Spread out: every client of the node was refused at once and must not come back at once.
  const dependencyDown = () => unavailable(Math.round(UNAVAILABLE_RETRY_AFTER_S * 1000 * (0.5 + Math.random())));
  const parseAuth = (socket: IoSocket): SocketAuth | ExtendedError => {
    const auth = socketAuthSchema.safeParse(socket.handshake.auth ?? {});
    if (auth.success) return auth.data;
    const [issue] = auth.error.issues;
    return new Error(`invalid_handshake: auth.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  };

  const admit = (socket: IoSocket, data: SocketData): ExtendedError | undefined => {
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
    socket.data = data;
    return undefined;
  };

  const bySession = (socket: IoSocket): ExtendedError | undefined => {
    const { session, sessionID, sessionError } = socket.request as HandshakeRequest;
    if (sessionError) {
      if (!isDatabaseUnavailable(sessionError)) log.error({ err: sessionError }, 'Session lookup failed on a socket handshake');
      return dependencyDown();
    }
    if (!session?.userId || !sessionID) return new Error('unauthorized');
    const auth = parseAuth(socket);
    if (auth instanceof Error) return auth;
    if (auth.userId !== undefined && auth.userId !== session.userId) return new Error(SESSION_CHANGED);
    return admit(socket, { via: 'session', userId: session.userId, sessionId: sessionID });
  };

  const byUserToken = async (socket: IoSocket, auth: SocketAuth & { token: string }): Promise<ExtendedError | undefined> => {
    let identity;
    try {
      identity = await verifyUserToken(auth.token);
    } catch (err) {
      if (err instanceof UserTokenError) return new Error(err.code);
      if (!isDatabaseUnavailable(err)) log.error({ err }, 'User token check failed on a socket handshake');
      return dependencyDown();
    }
    if (auth.userId !== undefined && auth.userId !== identity.userId) return new Error(SESSION_CHANGED);
    return admit(socket, { via: 'userToken', userId: identity.userId, secretId: identity.secretId, expiresAt: identity.expiresAt });
  };

  return (socket: IoSocket, next: (err?: ExtendedError) => void) => {
    const claimsToken = typeof socket.handshake.auth === 'object' && socket.handshake.auth !== null && 'token' in socket.handshake.auth;
    if (!claimsToken) return next(bySession(socket));
    const auth = parseAuth(socket);
    if (auth instanceof Error || auth.token === undefined) return next(auth instanceof Error ? auth : new Error('unauthorized'));
    void byUserToken(socket, { ...auth, token: auth.token }).then(next);
  };
}

/** When the handshake's session expires (the store reports its `expiresAt` as the cookie's expiry). */
export function handshakeSessionExpiry(socket: IoSocket): Date | undefined {
  const expires = (socket.request as HandshakeRequest).session?.cookie?.expires;
  return expires ? new Date(expires) : undefined;
}
