import { Router } from 'express';
import { changePasswordSchema, sessionParamsSchema } from '../../shared/schemas/account.js';
import type { AppContext } from '../context.js';
import { changePasswordRateLimit } from '../middleware/accountRateLimits.js';
import { csrfProtection } from '../middleware/csrf.js';
import { jsonBody, WEB_APP_BODY_LIMIT } from '../middleware/jsonBody.js';
import { noQuery } from '../middleware/noQuery.js';
import { currentUserId, requireUser } from '../middleware/requireUser.js';
import { parseInput } from '../middleware/validate.js';
import { changePassword } from '../services/auth/changePassword.js';
import { endOwnSession } from '../services/sessions/endOwnSession.js';
import { endUserSessions } from '../services/sessions/endUserSessions.js';
import { listUserSessions } from '../services/sessions/listUserSessions.js';

/** `/api/account`: the signed-in user's own password and sessions. Session + CSRF on every route. */
export function accountRouter(ctx: AppContext): Router {
  const router = Router();
  router.use(requireUser, csrfProtection, jsonBody(WEB_APP_BODY_LIMIT));

  router.post('/password', noQuery, changePasswordRateLimit(ctx), async (req, res) => {
    const input = parseInput(changePasswordSchema, req.body, 'request body');
    res.json(await changePassword(ctx, { ...input, userId: currentUserId(req), sessionId: req.sessionID }));
  });

  router.get('/sessions', noQuery, async (req, res) => {
    res.set('Cache-Control', 'no-store').json(await listUserSessions(ctx.db, { userId: currentUserId(req), currentSid: req.sessionID }));
  });

  // "Sign out everywhere else": every session of this user but the one making the request.
  router.post('/sessions/end-others', noQuery, async (req, res) => {
    res.json({ endedSessions: await endUserSessions(ctx, { userId: currentUserId(req), exceptSessionId: req.sessionID }) });
  });

  router.delete('/sessions/:id', noQuery, async (req, res) => {
    const { id } = parseInput(sessionParamsSchema, req.params, 'path');
    await endOwnSession(ctx, { userId: currentUserId(req), handle: id, currentSid: req.sessionID });
    res.status(204).end();
  });

  return router;
}
