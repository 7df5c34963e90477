import type { ServerOptions } from 'socket.io';
import type { AppContext } from '../context.js';
import { judgeRequest } from '../requestOrigin.js';
import { compileTrustProxy } from '../trustProxy.js';

/**
 * engine.io's `allowRequest` for the handshake (polling or WebSocket): a page on another origin must not
 * open the user's socket with the user's cookie (cross-site WebSocket hijacking) and receive their
 * notifications. Same rule as the cookie-authenticated API (judgeRequestOrigin); a refused client gets
 * `connect_error` (HTTP 403 `origin_not_allowed` on polling, 400 on a WebSocket upgrade: engine.io's choice)
 * and no engine.io session is created, so no namespace middleware or connection handler ever runs.
 *
 * @example
 * new Server(httpServer, { allowRequest: socketOriginGate(ctx) });
 */
export function socketOriginGate(ctx: AppContext): NonNullable<ServerOptions['allowRequest']> {
  const trust = compileTrustProxy(ctx.config.trustProxy);
  return (req, callback) => {
    const verdict = judgeRequest(req, ctx.config, trust);
    if (verdict.allowed) return callback(null, true);
    ctx.log.info({ [verdict.header]: verdict.claimed }, 'Cross-origin Socket.IO handshake refused');
    callback('origin_not_allowed', false);
  };
}
