import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type RateLimitInfo } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { rateLimitStore } from './rateLimitStore.js';

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/**
 * A failed-attempt limiter: only failures (status ≥ 400) count, within one 15-minute window; past `limit` a
 * 429 `rate_limited` with `Retry-After` (seconds) and `message`, logged once per key and window as "Failed `what`
 * limit reached". Shared by the cluster through Redis in
 * scale-out mode (rateLimitStore, keyed by `name`).
 */
export function failedAttemptLimiter(
  ctx: AppContext,
  name: string,
  limit: number,
  key: (req: Request) => string,
  { message = 'Too many failed sign-in attempts; try again later', what = 'sign-in' }: { message?: string; what?: string } = {},
): RequestHandler {
  return rateLimit({
    windowMs: FIFTEEN_MINUTES_MS,
    limit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: key,
    store: rateLimitStore(ctx, name),
    passOnStoreError: true,
    handler: (req, _res, next, options) => {
      // Said once per key and window (the first refused attempt), not once per refused attempt.
      if ((req as Request & { rateLimit?: RateLimitInfo }).rateLimit?.used === limit + 1) {
        ctx.log.warn({ limiter: name, clientIp: req.ip, limit, windowMinutes: FIFTEEN_MINUTES_MS / 60_000 }, `Failed ${what} limit reached: further attempts refused (429)`);
      }
      const retryAfter = String(Math.ceil(options.windowMs / 1000));
      next(new HttpError(429, 'rate_limited', message, undefined, { 'Retry-After': retryAfter }));
    },
  });
}

/** The client's address as express-rate-limit keys it (an IPv6 client by its /56 network). */
export const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? '');

/**
 * The two limits in front of `POST /api/auth/login`, both on failed attempts per 15 minutes and shared by
 * the cluster through Redis in scale-out mode (rateLimitStore):
 * - per client address across all accounts (`LOGIN_RATE_LIMIT_PER_ADDRESS`): stops password spraying,
 *   one common password tried against many emails, each failure costing an argon2 run (a decoy hash for
 *   unknown emails);
 * - per client address and account (`LOGIN_RATE_LIMIT`): slows guessing one account's password without
 *   locking that account for everyone else.
 *
 * @example
 * router.post('/login', ...loginRateLimits(ctx), handler);
 */
export function loginRateLimits(ctx: AppContext): RequestHandler[] {
  return [
    failedAttemptLimiter(ctx, 'login-address', ctx.config.loginRateLimitPerAddress, clientAddress),
    failedAttemptLimiter(ctx, 'login', ctx.config.loginRateLimit, (req) => `${clientAddress(req)}|${String(req.body?.email ?? '').toLowerCase()}`),
  ];
}
