import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { rateLimitStore } from './rateLimitStore.js';

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

interface LimiterOptions {
  name: string;
  limit: number;
  key: (req: Request) => string;
  /** Count only failed requests (status ≥ 400), as sign-in does; otherwise every request counts. */
  failuresOnly: boolean;
  message: string;
}

/** A 15-minute window limiter with the app's 429 (`rate_limited` + Retry-After), shared through Redis in scale-out. */
function limiter(ctx: AppContext, { name, limit, key, failuresOnly, message }: LimiterOptions): RequestHandler {
  return rateLimit({
    windowMs: FIFTEEN_MINUTES_MS,
    limit,
    skipSuccessfulRequests: failuresOnly,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    store: rateLimitStore(ctx, name),
    passOnStoreError: true,
    handler: (_req, _res, next, options) => {
      next(new HttpError(429, 'rate_limited', message, undefined, { 'Retry-After': String(Math.ceil(options.windowMs / 1000)) }));
    },
  });
}

const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? '');

/** The email a request asks about, as its limit key ('' when absent or not text: the route refuses those). */
function emailOf(req: Request): string {
  const email: unknown = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? email.toLowerCase() : '';
}

/**
 * The limits in front of `POST /api/auth/password-reset`, with the sign-in limits' numbers per 15 minutes.
 * Every request counts (the answer is always 204, so there is no failure to count):
 * - per client address (`LOGIN_RATE_LIMIT_PER_ADDRESS`): one client cannot probe or mail many addresses;
 * - per email, from any address (`LOGIN_RATE_LIMIT`): nobody can flood one person's mailbox with reset emails.
 * The limit is reached by asking, whether or not the address has an account, so a 429 reveals nothing either.
 *
 * @example
 * router.post('/password-reset', ...passwordResetRateLimits(ctx), handler);
 */
export function passwordResetRateLimits(ctx: AppContext): RequestHandler[] {
  const message = 'Too many password reset requests; try again later';
  return [
    limiter(ctx, { name: 'reset-address', limit: ctx.config.loginRateLimitPerAddress, key: clientAddress, failuresOnly: false, message }),
    limiter(ctx, {
      name: 'reset-email',
      limit: ctx.config.loginRateLimit,
      key: (req) => emailOf(req),
      failuresOnly: false,
      message,
    }),
  ];
}

/**
 * Failed `POST /api/account/password` attempts (wrong current password) per signed-in user, `LOGIN_RATE_LIMIT`
 * per 15 minutes: an open tab left behind must not become a way to guess the password at full speed.
 *
 * @example
 * router.post('/password', changePasswordRateLimit(ctx), handler);
 */
export function changePasswordRateLimit(ctx: AppContext): RequestHandler {
  return limiter(ctx, {
    name: 'change-password',
    limit: ctx.config.loginRateLimit,
    key: (req) => `user:${req.session.userId ?? ''}`,
    failuresOnly: true,
    message: 'Too many failed attempts; try again later',
  });
}
