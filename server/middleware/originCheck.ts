import type { RequestHandler } from 'express';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { redactUrl } from '../logRedaction.js';
import { judgeRequest } from '../requestOrigin.js';
import { compileTrustProxy } from '../trustProxy.js';

/** Methods that change nothing (OPTIONS: a CORS preflight, answered without acting). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests that a page on another origin made with the user's cookie: 403
 * `origin_not_allowed` unless the request comes from the app's own origin or ALLOWED_ORIGINS (rules in
 * judgeRequestOrigin). A second line beside the CSRF token, and the only one for what runs before a session
 * has a token (sign-in). Mount on the cookie-authenticated `/api` routes only: `/api/v1` takes API keys, and
 * the signed-token routes (unsubscribe, push and email actions) are opened from mail clients and the
 * service worker, whose origin is not the app's.
 *
 * @example
 * app.use('/api', originCheck(ctx), express.json(), sessionMiddleware);
 */
export function originCheck(ctx: AppContext): RequestHandler {
  const refuseCrossOrigin = sameOriginOnly(ctx);
  return (req, res, next) => (SAFE_METHODS.has(req.method) ? next() : refuseCrossOrigin(req, res, next));
}

/**
 * originCheck's rule, whatever the method: 403 `origin_not_allowed` for a request another site's page made. For a GET
 * that does something in the reader's name: a download written to the audit log
 * (a GDPR export). SameSite=Lax lets a link on another site open it with the admin's cookie; the file only
 * reaches the admin's own disk, but the audit log would say they exported it. The app's own links pass
 * (`Referer`/`Sec-Fetch-Site: same-origin`), a typed URL or bookmark too (`Sec-Fetch-Site: none`).
 *
 * @example
 * router.get('/:id/export', sameOriginOnly(ctx), handler);
 */
export function sameOriginOnly(ctx: AppContext): RequestHandler {
  const trust = compileTrustProxy(ctx.config.trustProxy);
  return (req, _res, next) => {
    const verdict = judgeRequest(req, ctx.config, trust);
    if (verdict.allowed) return next();
    ctx.log.info({ method: req.method, url: redactUrl(req.originalUrl), [verdict.header]: verdict.claimed }, 'Cross-origin request refused');
    next(
      new HttpError(403, 'origin_not_allowed', `Requests from ${verdict.claimed} may not act on this app`, [
        { path: `headers.${verdict.header.toLowerCase()}`, message: "Not the app's own origin nor one listed in ALLOWED_ORIGINS" },
      ]),
    );
  };
}
