import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { rateLimitStore } from './rateLimitStore.js';

const FIFTEEN_MINUTES_MS = 15 * 60 * 1000;

/**
 * Failed set-password attempts (bad, expired or used tokens; refused passwords) per client address, with
 * the sign-in limit (`LOGIN_RATE_LIMIT` per 15 minutes), shared by the cluster through Redis in scale-out
 * mode. Tokens are HMAC-signed, so this is not what stops guessing; it keeps the argon2 hashing behind the
 * route from being a free CPU sink.
 */
export function setPasswordRateLimit(ctx: AppContext): RequestHandler {
  return rateLimit({
    windowMs: FIFTEEN_MINUTES_MS,
    limit: ctx.config.loginRateLimit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    store: rateLimitStore(ctx, 'set-password'),
    passOnStoreError: true,
    handler: (_req, _res, next, options) => {
      const retryAfter = String(Math.ceil(options.windowMs / 1000));
      next(new HttpError(429, 'rate_limited', 'Too many failed attempts; try again later', undefined, { 'Retry-After': retryAfter }));
    },
  });
}
