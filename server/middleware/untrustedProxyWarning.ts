import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';

/** Headers a proxy in front of the server adds (RFC 7239 `Forwarded`, and the de-facto X-Forwarded-*). */
const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-forwarded-proto'] as const;

/**
 * Warns once per process when a request carries proxy headers while TRUST_PROXY is unset. The server then
 * (rightly) ignores them, so every client behind that proxy has the proxy's address: the per-address
 * limits (failed sign-ins, set-password) count them all together — a handful of bad passwords locks
 * everyone out — and request logs name the proxy. A client can also send these headers itself, so the
 * warning says what to check rather than assuming a proxy.
 *
 * @example
 * app.use(untrustedProxyWarning(ctx));
 */
export function untrustedProxyWarning(ctx: AppContext): RequestHandler {
  let warned = ctx.config.trustProxy !== false;
  return (req, _res, next) => {
    if (!warned && FORWARDING_HEADERS.some((name) => req.headers[name] !== undefined)) {
      warned = true;
      ctx.log.warn(
        { clientIp: req.ip, headers: FORWARDING_HEADERS.filter((name) => req.headers[name] !== undefined) },
        'A request carries proxy headers (X-Forwarded-For / Forwarded) but TRUST_PROXY is unset, so they are ignored: if a proxy is in front of this server, every client behind it shares the proxy’s address for rate limits (a few failed sign-ins lock everyone out) and logs. Set TRUST_PROXY to trust that proxy (see README). (Logged once.)',
      );
    }
    next();
  };
}
