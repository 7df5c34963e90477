import { promisify } from 'node:util';
import { Router, type Request } from 'express';
import { acceptInvitationSchema, checkInvitationSchema, passwordResetRequestSchema } from '../../shared/schemas/account.js';
import { checkSetPasswordSchema, loginSchema, setPasswordSchema, type AuthConfig, type SessionInfo } from '../../shared/schemas/auth.js';
import type { AppContext } from '../context.js';
import { UnauthorizedError } from '../errors.js';
import { csrfProtection, generateCsrfToken } from '../middleware/csrf.js';
import { jsonBody, WEB_APP_BODY_LIMIT } from '../middleware/jsonBody.js';
import { passwordResetRateLimits } from '../middleware/accountRateLimits.js';
import { loginRateLimits } from '../middleware/loginRateLimits.js';
import { noQuery } from '../middleware/noQuery.js';
import { requireSecureSignIn } from '../middleware/requireSecureSignIn.js';
import { setPasswordRateLimits } from '../middleware/setPasswordRateLimit.js';
import { parseInput } from '../middleware/validate.js';
import { authenticateUser } from '../services/auth/authenticateUser.js';
import { checkSetPasswordToken } from '../services/auth/checkSetPasswordToken.js';
import { getSessionUser } from '../services/auth/getSessionUser.js';
import { setPassword } from '../services/auth/setPassword.js';
import { listDemoAccounts } from '../services/auth/listDemoAccounts.js';
import { requestPasswordReset } from '../services/auth/requestPasswordReset.js';
import { followBrowserLocale } from '../services/users/followBrowserLocale.js';
import { acceptInvitation } from '../services/invitations/acceptInvitation.js';
import { checkInvitation } from '../services/invitations/checkInvitation.js';
import { publishedPasswordAllowed, refusePublishedPasswordFrom, type RequestOrigin } from '../services/auth/publishedPassword.js';

// express-session's callback methods as promises; a store error is passed on as it is (the error handler
// tells a database outage from the rest).
const regenerate = (req: Request) => promisify(req.session.regenerate.bind(req.session))();
const save = (req: Request) => promisify(req.session.save.bind(req.session))();
const destroy = (req: Request) => promisify(req.session.destroy.bind(req.session))();

/** The longest User-Agent kept in a session (real ones are under 300 characters). */
const USER_AGENT_MAX = 512;

/**
 * `/api/auth`: login, logout, current session, the sign-in page's public config, setting a password from a
 * one-time link, "forgot password?", and accepting an invitation.
 *
 * Login, set-password, password-reset and the invitation routes need no CSRF token (there is no session yet;
 * for set-password and invitations the link's signed token is the credential) but only accept a JSON body, which a cross-site form cannot send without a
 * CORS preflight this server never grants.
 */
export function authRouter(ctx: AppContext): Router {
  // Anonymous routes (login, set-password) parse the body at once; logout and session take none.
  const router = Router().use(jsonBody(WEB_APP_BODY_LIMIT));

  router.post('/login', noQuery, requireSecureSignIn(ctx), ...loginRateLimits(ctx), async (req, res) => {
    const input = parseInput(loginSchema, req.body, 'request body');
    refusePublishedPasswordFrom(ctx.config, input.password, requestOrigin(req));
    const user = await authenticateUser(ctx.db, input);
    // A new session id on login defeats session fixation. The session this browser had (maybe another
    // user's) ends here, and so must every socket opened with it, on every node. The role is not kept
    // in the session: it is read from the database where it matters (requireAdmin).
    const replacedSessionId = req.session.userId ? req.sessionID : undefined;
    await regenerate(req); // destroys the old session in the store
    if (replacedSessionId) ctx.realtime.disconnectSession(replacedSessionId);
    req.session.userId = user.id;
    // For the sessions page ("Chrome on macOS"); bounded, as it is stored with every session.
    req.session.userAgent = (req.get('user-agent') ?? '').slice(0, USER_AGENT_MAX);
    const csrfToken = generateCsrfToken(req, true);
    await save(req);
    if (!user.locale) await followBrowserLocale(ctx.db, user.id, req.acceptsLanguages());
    const body: SessionInfo = { user, csrfToken };
    res.json(body);
  });

  router.get('/session', noQuery, async (req, res) => {
    const user = await getSessionUser(ctx.db, req.session.userId);
    if (!user) throw UnauthorizedError('Not signed in');
    if (!user.locale) await followBrowserLocale(ctx.db, user.id, req.acceptsLanguages());
    const body: SessionInfo = { user, csrfToken: generateCsrfToken(req, false) };
    res.json(body);
  });

  // Public: what the sign-in page may show before anyone signs in (the demo hint only when demo accounts exist).
  // Only to clients that may use the published password (a remote visitor through a local proxy may not).
  router.get('/config', noQuery, async (req, res) => {
    const body: AuthConfig = { demoAccounts: publishedPasswordAllowed(ctx.config, requestOrigin(req)) ? await listDemoAccounts(ctx) : null };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/logout', noQuery, csrfProtection, async (req, res) => {
    const sessionId = req.sessionID;
    await destroy(req);
    ctx.realtime.disconnectSession(sessionId);
    res.clearCookie('flashnotify.sid');
    res.status(204).end();
  });

  // The one-time link from `npm run user:create` (`/set-password#token=…`); see services/auth/setPassword.ts.
  const setPasswordLimiters = setPasswordRateLimits(ctx);
  router.post('/set-password/check', noQuery, ...setPasswordLimiters, async (req, res) => {
    const { token } = parseInput(checkSetPasswordSchema, req.body, 'request body');
    res.set('Cache-Control', 'no-store').json(await checkSetPasswordToken(ctx.db, ctx.signingSecret, token));
  });
  router.post('/set-password', noQuery, ...setPasswordLimiters, async (req, res) => {
    const input = parseInput(setPasswordSchema, req.body, 'request body');
    res.set('Cache-Control', 'no-store').json(await setPassword(ctx, input));
  });

  // "Forgot password?": always 204, sent before any lookup, so neither the answer nor its timing says whether
  // the address has an account. The email (if any) is sent after the response; a failure is only logged.
  router.post('/password-reset', noQuery, ...passwordResetRateLimits(ctx), async (req, res) => {
    const { email } = parseInput(passwordResetRequestSchema, req.body, 'request body');
    res.status(204).end();
    try {
      await requestPasswordReset(ctx, email);
    } catch (err) {
      ctx.log.warn({ err }, 'Could not send a password reset email');
    }
  });

  // An admin's invitation link (`/invitation#token=…`); see services/invitations/.
  router.post('/invitations/check', noQuery, ...setPasswordLimiters, async (req, res) => {
    const { token } = parseInput(checkInvitationSchema, req.body, 'request body');
    res.set('Cache-Control', 'no-store').json(await checkInvitation(ctx.db, ctx.signingSecret, token));
  });
  router.post('/invitations/accept', noQuery, ...setPasswordLimiters, async (req, res) => {
    const input = parseInput(acceptInvitationSchema, req.body, 'request body');
    res.set('Cache-Control', 'no-store').status(201).json(await acceptInvitation(ctx, input));
  });

  return router;
}

/** Where a request says it comes from, for the published-password rule (publishedPasswordAllowed). */
const requestOrigin = (req: Request): RequestOrigin => ({ socketAddress: req.socket.remoteAddress, headers: req.headers });
