import type { AuthRefreshReply } from '../../shared/events.js';
import { SESSION_CHANGED } from '../../shared/sessionIdentity.js';
import { authRefreshSchema } from '../../shared/schemas/userTokens.js';
import type { AppContext } from '../context.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { UNAVAILABLE_RETRY_AFTER_S, zodIssuesToDetails } from '../errors.js';
import { UserTokenError } from '../services/userTokens/verifyUserToken.js';
import { userTokenSecretRoom } from './rooms.js';
import { readUserTokenSecretEnd, readUserTokenStates } from '../services/userTokens/readUserTokenStates.js';
import type { IoServer, IoSocket } from './socketServer.js';
import { tokenBucket } from './tokenBucket.js';

/** Each kept token socket's hard stop, re-armed when its end moves (a refresh, or its secret's end). */
const hardStops = new WeakMap<IoSocket, () => void>();

/**
 * Ends a token socket no later than its signing secret (`endsAt`, ms since the epoch: a rotation's end):
 * disconnected now when that has passed, else its hard stop moves there when sooner than its token's `exp`.
 * A socket checked against the secret before it was rotated kept the token's `exp` (up to 24 h) otherwise.
 */
export function endUserTokenSocketBySecret(socket: IoSocket, endsAt: number | undefined): void {
  const { data } = socket;
  if (data.via !== 'userToken' || endsAt === undefined || endsAt >= data.expiresAt) return;
  socket.data = { ...data, expiresAt: endsAt };
  if (endsAt <= Date.now()) socket.disconnect(true);
  else hardStops.get(socket)?.();
}

/**
 * Applies a change of signing secrets (the invalidation bus's `userTokenSecret`: a rotation, a revocation;
 * without a key, any) to this node's token sockets at once, on every node: those of a revoked or ended secret
 * are disconnected, those of a retiring one end with it (endUserTokenSocketBySecret). One query per change.
 * The sweep (sessionRevalidation) applies the same rule to a message lost while Redis was down.
 *
 * @example
 * watchUserTokenSecrets(ctx, io); // once per Socket.IO server
 */
export function watchUserTokenSecrets(ctx: Pick<AppContext, 'db' | 'invalidation' | 'log'>, io: IoServer): () => void {
  return ctx.invalidation.subscribe('userTokenSecret', (secretId) => {
    const sockets = [...io.of('/').sockets.values()].filter(
      (s) => s.data.via === 'userToken' && s.data.secretId !== null && (secretId === undefined || s.data.secretId === secretId),
    );
    if (sockets.length === 0) return;
    const secretIds = [...new Set(sockets.map((s) => (s.data.via === 'userToken' ? s.data.secretId! : '')))];
    readUserTokenStates(ctx.db, { secretIds, userIds: [] }).then(
      ({ liveSecrets }) => {
        for (const socket of sockets) {
          const { data } = socket;
          if (data.via !== 'userToken' || data.secretId === null || !socket.connected) continue;
          if (!liveSecrets.has(data.secretId)) socket.disconnect(true);
          else endUserTokenSocketBySecret(socket, liveSecrets.get(data.secretId));
        }
      },
      (err: unknown) => ctx.log.warn({ err }, 'Could not apply a signing-secret change to its sockets; the next sweep will'),
    );
  });
}

/** Refreshes a socket may ask at once, then one more per REFILL_MS: a client refreshes once per token lifetime. */
const BURST = 3;
const REFILL_MS = 10_000;

/**
 * Keeps a socket opened with a user token no longer than its token: it is disconnected when `expiresAt`
 * passes, unless the client hands a fresh token first with `auth.refresh { token }`. A valid token for the
 * same user moves the socket's end to the new token's (earlier or later) and, when another secret signed
 * it, moves the socket to that secret's room so a revocation still finds it. Another user's token is
 * `session_changed`; a cookie socket gets `not_a_token_socket` (its session decides its life). Refreshes
 * are rate-limited per socket like `sync.request`.
 *
 * @example
 * io.on('connection', (socket) => keepUserTokenSocket(ctx, socket));
 */
export function keepUserTokenSocket(ctx: Pick<AppContext, 'userTokens' | 'log' | 'db'>, socket: IoSocket): void {
  const takeToken = tokenBucket(BURST, REFILL_MS);
  let hardStop: NodeJS.Timeout | undefined;
  const armHardStop = () => {
    clearTimeout(hardStop);
    const { data } = socket;
    if (data.via !== 'userToken') return;
    // At most 24 h ahead (USER_TOKEN_MAX_LIFETIME_S): within setTimeout's range.
    hardStop = setTimeout(() => socket.disconnect(true), Math.max(0, data.expiresAt - Date.now()));
    hardStop.unref();
  };
  armHardStop();
  hardStops.set(socket, armHardStop);
  socket.once('disconnect', () => clearTimeout(hardStop));

  socket.on('auth.refresh', (request, ack) => {
    if (typeof ack !== 'function') return;
    if (socket.data.via !== 'userToken') {
      ack({ ok: false, error: { code: 'not_a_token_socket', message: 'This socket was opened with a session cookie, not a user token' } });
      return;
    }
    const waitMs = takeToken();
    if (waitMs > 0) {
      ack({ ok: false, error: { code: 'rate_limited', message: 'Too many auth.refresh requests on this connection', retryAfterMs: waitMs } });
      return;
    }
    const parsed = authRefreshSchema.safeParse(request);
    if (!parsed.success) {
      ack({ ok: false, error: { code: 'validation_failed', message: 'Invalid auth.refresh payload', details: zodIssuesToDetails(parsed.error.issues) } });
      return;
    }
    void refresh(ctx, socket, parsed.data.token).then((reply) => {
      if (reply.ok) armHardStop();
      ack(reply);
    });
  });
}

async function refresh(ctx: Pick<AppContext, 'userTokens' | 'log' | 'db'>, socket: IoSocket, token: string): Promise<AuthRefreshReply> {
  let identity;
  try {
    identity = await ctx.userTokens(token);
  } catch (err) {
    if (err instanceof UserTokenError) return { ok: false, error: err.toBody().error };
    if (!isDatabaseUnavailable(err)) ctx.log.error({ err, userId: socket.data.userId }, 'auth.refresh failed');
    return { ok: false, error: { code: 'service_unavailable', message: 'Could not check the token; retry shortly', retryAfterMs: UNAVAILABLE_RETRY_AFTER_S * 1000 } };
  }
  const { data } = socket;
  if (data.via !== 'userToken' || !socket.connected) return { ok: false, error: { code: 'not_connected', message: 'The socket has ended' } };
  if (identity.userId !== data.userId) {
    return { ok: false, error: { code: SESSION_CHANGED, message: "The token is another user's: reconnect with it instead" } };
  }
  if (identity.secretId !== data.secretId) {
    await socket.leave(userTokenSecretRoom(data.secretId));
    await socket.join(userTokenSecretRoom(identity.secretId));
    socket.data = { ...data, secretId: identity.secretId, expiresAt: identity.expiresAt };
    // As on connect (syncOnConnect): a revocation or rotation between the token's check (perhaps from a cache
    // that had not heard of it) and the join above missed this socket; read again now that a later one reaches it.
    if (identity.secretId !== null) {
      let secret;
      try {
        secret = await readUserTokenSecretEnd(ctx.db, identity.secretId);
      } catch (err) {
        if (!isDatabaseUnavailable(err)) ctx.log.error({ err, userId: data.userId }, 'auth.refresh: could not re-read the secret');
        endAfterAck(socket);
        return { ok: false, error: { code: 'service_unavailable', message: 'Could not check the token; reconnect shortly', retryAfterMs: UNAVAILABLE_RETRY_AFTER_S * 1000 } };
      }
      if (!secret) {
        endAfterAck(socket);
        return { ok: false, error: { code: 'invalid_token', message: 'The token’s signing secret has been revoked or has ended' } };
      }
      endUserTokenSocketBySecret(socket, secret.endsAt);
    }
    // The socket's end: the token's, or its secret's when a rotation ends that sooner.
    return { ok: true, expiresAt: socket.data.via === 'userToken' ? socket.data.expiresAt : identity.expiresAt };
  }
  socket.data = { ...data, secretId: identity.secretId, expiresAt: identity.expiresAt };
  return { ok: true, expiresAt: identity.expiresAt };
}

/** Disconnects once the reply being sent has left: the client learns why before the socket ends. */
function endAfterAck(socket: IoSocket): void {
  setImmediate(() => socket.disconnect(true));
}
