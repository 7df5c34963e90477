import type { NextFunction, Request, Response } from 'express';
import { expectedUserIdSchema } from '../../shared/schemas/realtime.js';
import { EXPECTED_USER_HEADER, SESSION_CHANGED } from '../../shared/sessionIdentity.js';
import { HttpError, ValidationError } from '../errors.js';
import { hasBearerAuthorization } from './requireInboxUser.js';

/**
 * Refuses a session request made for another user than the session's (shared/sessionIdentity.ts): a tab
 * whose cookie was replaced by another tab's sign-in (same browser, same cookie jar) still says it acts
 * for the old user in `x-expected-user`, and gets 401 `session_changed` instead of the new user's data
 * or a change made in the new user's name. Without the header nothing is checked (curl, scripts); a
 * header without a session is left to the route (401 `unauthorized`). A bearer request is not checked: its
 * identity is its token (the embedded inbox's), and it ignores any cookie. Mounted after `/api/auth`, whose
 * routes establish or end the identity and are where a client reads it again.
 *
 * @example
 * app.use('/api', expectedUser);
 */
export function expectedUser(req: Request, _res: Response, next: NextFunction): void {
  const header = req.get(EXPECTED_USER_HEADER);
  if (header === undefined || hasBearerAuthorization(req)) return next();
  const parsed = expectedUserIdSchema.safeParse(header);
  if (!parsed.success) {
    return next(ValidationError(undefined, 'request headers', [{ path: `headers.${EXPECTED_USER_HEADER}`, message: parsed.error.issues[0]?.message ?? 'Invalid' }]));
  }
  const sessionUser = req.session.userId;
  if (sessionUser && sessionUser !== parsed.data) {
    return next(
      new HttpError(401, SESSION_CHANGED, 'This browser is now signed in as another user; reload to continue as them', [
        { path: `headers.${EXPECTED_USER_HEADER}`, message: 'Not the user of this session' },
      ]),
    );
  }
  next();
}
