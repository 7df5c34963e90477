import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';

/**
 * For routes that set the session cookie (sign-in): with `COOKIE_SECURE=true` the cookie is Secure, and
 * express-session silently leaves it out of a response to a plain-HTTP request. The sign-in would then
 * answer 200 and the next request would be signed out, with nothing telling anyone why. So such a request
 * is refused with 403 `https_required` naming the fix, and the operator is told once per process (the
 * usual cause is a proxy that does not send `X-Forwarded-Proto: https`, or TRUST_PROXY not trusting it).
 * Express decides `req.secure` from the socket or, per TRUST_PROXY, X-Forwarded-Proto.
 *
 * @example
 * router.post('/login', requireSecureSignIn(ctx), handler);
 */
export function requireSecureSignIn(ctx: AppContext): RequestHandler {
  let warned = false;
  return (req, _res, next) => {
    if (!ctx.config.cookieSecure || req.secure) {
      next();
      return;
    }
    if (!warned) {
      warned = true;
      ctx.log.warn(
        { clientIp: req.ip, forwardedProto: req.headers['x-forwarded-proto'] ?? null, trustProxy: ctx.config.trustProxy },
        'COOKIE_SECURE=true but a sign-in arrived over plain HTTP: refused (403 https_required), since the Secure session cookie would not be set. Serve the app over HTTPS; behind a TLS-terminating proxy, make it send X-Forwarded-Proto: https and set TRUST_PROXY to trust it. (Logged once.)',
      );
    }
    next(
      new HttpError(403, 'https_required', 'Signing in needs HTTPS here: open this site with https://', [
        { path: 'protocol', message: 'Must be https (COOKIE_SECURE=true); a proxy in front must send X-Forwarded-Proto: https and be trusted (TRUST_PROXY)' },
      ]),
    );
  };
}
