// No zod here: the embedded inbox bundle imports this module (its schema is in schemas/realtime.ts).
import { USER_TOKEN_ERRORS } from './userTokenErrors.js';

/**
 * "Who this client believes it is", on both transports. A browser's tabs share one cookie jar: when one
 * tab signs out and in as someone else, every other tab's cookie now opens the new user's session while
 * its memory (header, lists, watermark, CSRF token) still belongs to the old one. So a client says on
 * every request and every (re)connect which user it is acting for, and the server refuses a session of
 * another user with the distinct code `session_changed` instead of answering with that user's data:
 *
 * - REST: the `x-expected-user` header (EXPECTED_USER_HEADER) → 401 `session_changed`;
 * - socket: `auth.userId` in the handshake (`socketAuthSchema`) → `connect_error` `session_changed`,
 *   before anything is joined or replayed.
 *
 * The client then drops everything it holds and reads the session again (the new user's app, fresh, or
 * the sign-in page). A client that sends no identity is not checked (API tools, the service worker).
 */

/** Request header naming the user id the client acts for (the `user.id` of its `SessionInfo`). */
export const EXPECTED_USER_HEADER = 'x-expected-user';

/** Error code (REST) and `connect_error` message (socket) for "the session belongs to another user now". */
export const SESSION_CHANGED = 'session_changed';

/**
 * What a realtime client does with a handshake's `connect_error` (the server's messages: `unauthorized`,
 * `session_changed`, `unavailable`, `invalid_handshake: …`, `origin_not_allowed`, or a transport error):
 *
 * - `sign_in`: no valid session; retrying cannot help.
 * - `reload_session`: the cookie now belongs to another user; drop local state, read the session again,
 *   and never retry with the old identity or watermark.
 * - `new_token`: the user token was refused (`token_expired`, `invalid_token`, `unknown_user`): ask the host
 *   for a new one; if a fresh token is refused too, stop (the host's user cannot use the inbox).
 * - `retry`: anything else (server busy or restarting, database down, network): back off and try again.
 *
 * @example
 * socket.on('connect_error', (err) => {
 *   if (connectErrorAction(err) === 'reload_session') resetToCurrentSession();
 * });
 */
export function connectErrorAction(error: { message: string }): 'sign_in' | 'reload_session' | 'new_token' | 'retry' {
  if (error.message === 'unauthorized') return 'sign_in';
  if ((Object.values(USER_TOKEN_ERRORS) as string[]).includes(error.message)) return 'new_token';
  if (error.message === SESSION_CHANGED) return 'reload_session';
  return 'retry';
}

/** The longest wait a server's `retryAfterMs` may impose on a client (a bad value must not park it for hours). */
const MAX_SERVER_RETRY_MS = 60_000;

/**
 * When the server asked the client to come back, in ms: `data.retryAfterMs` of an `unavailable` refusal
 * (the node is taking too many handshakes at once, or its database is unreachable), already spread out by
 * the server so the refused do not return together; undefined when it did not say (use the backoff).
 *
 * @example
 * socket.on('connect_error', (err) => scheduler.schedule(connectErrorRetryAfterMs(err)));
 */
export function connectErrorRetryAfterMs(error: { message: string; data?: unknown }): number | undefined {
  if (error.message !== 'unavailable' || typeof error.data !== 'object' || error.data === null) return undefined;
  const ms = (error.data as { retryAfterMs?: unknown }).retryAfterMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_SERVER_RETRY_MS) : undefined;
}
