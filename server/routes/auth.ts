import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { loginSchema, type AuthConfig, type SessionInfo } from '../../shared/schemas/auth.js';
import type { AppContext } from '../context.js';
import { HttpError, UnauthorizedError } from '../errors.js';
import { csrfProtection, generateCsrfToken } from '../middleware/csrf.js';
import { rateLimitStore } from '../middleware/rateLimitStore.js';
import { parseInput } from '../middleware/validate.js';
import { authenticateUser, toSessionUser } from '../services/auth/authenticateUser.js';
import { listDemoAccounts } from '../services/auth/listDemoAccounts.js';

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

const regenerate = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
const save = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
const destroy = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));

/**
 * `/api/auth`: login, logout, current session, and the sign-in page's public config.
 *
 * Login needs no CSRF token (there is no session yet) but only accepts a JSON body, which a cross-site
 * form cannot send without a CORS preflight this server never grants.
 */
export function authRouter(ctx: AppContext): Router {
  const router = Router();

  // Failed attempts per client address and account: slows password guessing without locking the
  // account for everyone else.
  const loginLimiter = rateLimit({
    windowMs: FIFTEEN_MINUTES_MS,
    limit: ctx.config.loginRateLimit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => `${ipKeyGenerator(req.ip ?? '')}|${String(req.body?.email ?? '').toLowerCase()}`,
    store: rateLimitStore(ctx, 'login'),
    passOnStoreError: true,
    handler: (_req, _res, next, options) => {
      const retryAfter = String(Math.ceil(options.windowMs / 1000));
      next(new HttpError(429, 'rate_limited', 'Too many failed sign-in attempts; try again later', undefined, { 'Retry-After': retryAfter }));
    },
  });

  router.post('/login', loginLimiter, async (req, res) => {
    const input = parseInput(loginSchema, req.body, 'request body');
    const user = await authenticateUser(ctx.db, input);
    // A new session id on login defeats session fixation.
    await regenerate(req);
    req.session.userId = user.id;
    req.session.role = user.role;
    const csrfToken = generateCsrfToken(req, true);
    await save(req);
    const body: SessionInfo = { user, csrfToken };
    res.json(body);
  });

  router.get('/session', async (req, res) => {
    const userId = req.session.userId;
    const user = userId ? await ctx.db.user.findUnique({ where: { id: userId } }) : null;
    if (!user) throw UnauthorizedError('Not signed in');
    const body: SessionInfo = { user: toSessionUser(user), csrfToken: generateCsrfToken(req, false) };
    res.json(body);
  });

  // Public: what the sign-in page may show before anyone signs in (the demo hint only when demo accounts exist).
  router.get('/config', async (_req, res) => {
    const body: AuthConfig = { demoAccounts: await listDemoAccounts(ctx) };
    res.set('Cache-Control', 'no-store').json(body);
  });

  router.post('/logout', csrfProtection, async (req, res) => {
    const sessionId = req.sessionID;
    await destroy(req);
    ctx.realtime.disconnectSession(sessionId);
    res.clearCookie('flashnotify.sid');
    res.status(204).end();
  });

  return router;
}
