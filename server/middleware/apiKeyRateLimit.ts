import type { RequestHandler } from 'express';
import { rateLimit, type AugmentedRequest } from 'express-rate-limit';
import type { AppContext } from '../context.js';
import { HttpError } from '../errors.js';
import { rateLimitStore } from './rateLimitStore.js';
import { currentApiKey } from './requireApiKey.js';

const ONE_MINUTE_MS = 60_000;

/**
 * Per-API-key rate limit: `API_RATE_LIMIT` requests per minute per key, so one noisy service cannot starve
 * the others. Keyed by the key's id (not the client address: many services share a NAT, one service runs on
 * many hosts). Mount after requireApiKey. Counters are shared through Redis in scale-out mode; if Redis is
 * unreachable, requests pass rather than fail (availability over strictness).
 */
export function apiKeyRateLimit(ctx: AppContext): RequestHandler {
  return rateLimit({
    windowMs: ONE_MINUTE_MS,
    limit: ctx.config.apiRateLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (_req, res) => currentApiKey(res).id,
    store: rateLimitStore(ctx, 'api'),
    passOnStoreError: true,
    // Its proxy/IP sanity checks warn about client-address setups, which do not matter for a per-key limit.
    validate: { xForwardedForHeader: false, trustProxy: false },
    handler: (req, _res, next) => {
      // Seconds until this key's window resets, so a well-behaved client waits exactly long enough.
      const resetAt = (req as AugmentedRequest).rateLimit?.resetTime?.getTime() ?? Date.now() + ONE_MINUTE_MS;
      const retryAfter = String(Math.max(1, Math.ceil((resetAt - Date.now()) / 1000)));
      next(new HttpError(429, 'rate_limited', `Too many requests for this API key; retry in ${retryAfter} s`, undefined, { 'Retry-After': retryAfter }));
    },
  });
}
