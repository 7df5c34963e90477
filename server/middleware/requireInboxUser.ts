import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import type { UserTokenIdentity } from '../services/userTokens/verifyUserToken.js';
import { csrfProtection } from './csrf.js';
import { requireUser } from './requireUser.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set when the request was authenticated by a host-signed user token (requireInboxUser). */
    userToken?: UserTokenIdentity;
  }
}

/** True when the request carries `Authorization: Bearer …` (RFC 6750 §2.1): the embedded inbox's, never the web app's. */
export function hasBearerAuthorization(req: Request): boolean {
  return /^Bearer(?: |$)/i.test(req.headers.authorization ?? '');
}

/**
 * The user token of `Authorization: Bearer <token>` (RFC 6750 §2.1); undefined without a Bearer header — another
 * scheme is not ours to judge: behind a proxy with HTTP Basic auth (nginx `auth_basic`) the browser adds
 * `Authorization: Basic …` to every request of the web app, whose cookie then decides. A malformed Bearer
 * header is a 401.
 */
function bearerToken(req: Request): string | undefined {
  if (!hasBearerAuthorization(req)) return undefined;
  const match = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) {
    throw new HttpError(401, 'invalid_token', 'Send the user token as Authorization: Bearer <token>', [
      { path: 'headers.authorization', message: 'Not a well-formed Bearer token' },
    ]);
  }
  return match[1];
}

/**
 * The inbox API's two ways in: a host-signed user token (`Authorization: Bearer`, the embedded inbox) or
 * the web app's session cookie. A bearer request needs no CSRF token (a browser never attaches the header
 * by itself, so another site cannot forge one) and ignores any cookie; a cookie request keeps both the
 * session and the CSRF checks; an `Authorization` header of another scheme (HTTP Basic from a proxy in front)
 * is left alone. Either way `currentUserId(req)` is the user afterwards. A refused token is a
 * 401 (`token_expired`, `invalid_token`, `unknown_user`) with `WWW-Authenticate`.
 *
 * @example
 * router.use(requireInboxUser(ctx), jsonBody(WEB_APP_BODY_LIMIT));
 */
export function requireInboxUser(ctx: Pick<AppContext, 'userTokens'>): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req);
    if (token === undefined) {
      return requireUser(req, res, (err?: unknown) => (err ? next(err) : csrfProtection(req, res, next)));
    }
    ctx.userTokens(token).then((identity) => {
      req.userToken = identity;
      next();
    }, next);
  };
}
