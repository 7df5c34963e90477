import type { AuthRefreshReply } from '../../shared/events.js';
import { SESSION_CHANGED } from '../../shared/sessionIdentity.js';
import { authRefreshSchema } from '../../shared/schemas/userTokens.js';
import type { AppContext } from '../context.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { UNAVAILABLE_RETRY_AFTER_S, zodIssuesToDetails } from '../errors.js';
import { UserTokenError } from '../services/userTokens/verifyUserToken.js';
import { ENVIRONMENT_SECRET, userTokenSecretRoom } from './rooms.js';
import type { IoSocket } from './socketServer.js';
import { tokenBucket } from './tokenBucket.js';

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
export function keepUserTokenSocket(ctx: Pick<AppContext, 'userTokens' | 'log'>, socket: IoSocket): void {
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

async function refresh(ctx: Pick<AppContext, 'userTokens' | 'log'>, socket: IoSocket, token: string): Promise<AuthRefreshReply> {
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
    await socket.leave(userTokenSecretRoom(data.secretId ?? ENVIRONMENT_SECRET));
    await socket.join(userTokenSecretRoom(identity.secretId ?? ENVIRONMENT_SECRET));
  }
  socket.data = { ...data, secretId: identity.secretId, expiresAt: identity.expiresAt };
  return { ok: true, expiresAt: identity.expiresAt };
}
